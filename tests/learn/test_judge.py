"""The learned stage's judge: the encoder's heads over the rules' mentions (real encoder and heads)."""

from __future__ import annotations

import pytest

from strife.learn.encoder import SentenceEncoder
from strife.learn.judge import Judge
from strife.mentions import Figure, Mention, Typing


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge.load(SentenceEncoder.load())


def _mention(text: str, typing: Typing, **fields: object) -> Mention:
    return Mention(typing, "attack", True, 0, 0, len(text), 0, 5, **fields)  # type: ignore[arg-type]


CLASH = Typing("Battles", "Armed clash")


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say fighting between the army and the rebels has grown steadily worse over the past "
        "decade.",
        "The rebel movement was founded in 1994 and fought three wars against the government in the "
        "years after.",
        "Read more: Army and rebels clash again in the north | Five things to know about the ceasefire",
    ],
)
def test_a_sentence_that_reports_no_current_event_is_dropped(judge: Judge, text: str) -> None:
    mention = _mention(text, CLASH)
    assert judge([mention], text) == []
    assert mention.notes and mention.notes[-1].startswith("dropped by the encoder")


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers and rebels clashed for hours on Tuesday near the town of Kaya, residents said.",
        "Government troops fought fighters of the armed group in the hills outside the village on Sunday.",
    ],
)
def test_a_report_of_a_current_event_is_kept(judge: Judge, text: str) -> None:
    mention = _mention(text, CLASH)
    assert judge([mention], text) == [mention]


def test_a_mention_with_a_death_count_is_never_dropped(judge: Judge) -> None:
    text = (
        "Analysts say fighting between the army and the rebels has grown steadily worse over the past decade."
    )
    deaths = Figure(12, None, None, None, 0, 2, "12")
    mention = _mention(text, CLASH, deaths=deaths)
    assert judge([mention], text) == [mention]


def test_the_family_stays_the_rules_and_the_sub_type_may_change_within_it(judge: Judge) -> None:
    text = "A drone fired two missiles at a car on the highway, killing the four men inside, officials said."
    mention = _mention(text, Typing("Explosions/Remote violence", "Shelling/artillery/missile attack"))
    (kept,) = judge([mention], text)
    assert kept.typing is not None and kept.typing.event_type == "Explosions/Remote violence"
    assert kept.typing.sub_event_type == "Air/drone strike"


def test_mentions_without_a_type_pass_untouched(judge: Judge) -> None:
    text = "The toll rose to 14."
    mention = _mention(text, None)  # type: ignore[arg-type]
    assert judge([mention], text) == [mention]


PEACEFUL = Typing("Protests", "Peaceful protest")
FILLER = " The city council met in the afternoon. Schools stayed open. Buses ran on time."


def _deaths(n: int) -> Figure:
    return Figure(n, None, None, None, 0, 2, str(n))


@pytest.mark.parametrize(
    "text",
    [
        # a short report, and (with more sentences) an article: the count is read in both
        "Three marchers were killed when police opened fire on a sit-in outside the governor's office in "
        "Kassala on Monday.",
        "Three marchers were killed when police opened fire on a sit-in outside the governor's office in "
        "Kassala on Monday." + FILLER,
    ],
)
def test_a_protest_with_dead_is_not_left_peaceful(judge: Judge, text: str) -> None:
    mention = _mention(text, PEACEFUL, deaths=_deaths(3))
    mention.sent_end = text.index("Monday.") + len("Monday.")
    (kept,) = judge([mention], text)
    assert kept.typing == Typing("Protests", "Excessive force against protesters")
    assert "rules out 'Peaceful protest'" in kept.notes[-1]


def test_a_count_that_an_other_mention_of_the_protest_explains_is_left_to_assembly(judge: Judge) -> None:
    # one mention is already lethal force: assembly gives the event that sub-type
    text = "Three marchers were killed when police opened fire on a sit-in in Kassala on Monday." + FILLER
    end = text.index("Monday.") + len("Monday.")
    peaceful = _mention(text, PEACEFUL, deaths=_deaths(3))
    lethal = _mention(text, Typing("Protests", "Excessive force against protesters"))
    for m in (peaceful, lethal):
        m.sent_end = end
    judge([peaceful, lethal], text)
    assert peaceful.typing == PEACEFUL and lethal.typing is not None


def test_a_counted_event_is_never_revised_into_a_sub_type_the_count_rules_out(judge: Judge) -> None:
    text = "Police broke up a sit-in by nurses outside the health ministry with tear gas and batons."
    lethal = Typing("Protests", "Excessive force against protesters")
    mention = _mention(text, lethal, deaths=_deaths(1))
    (kept,) = judge([mention], text)
    assert kept.typing == lethal
    (kept,) = judge([_mention(text, lethal)], text)  # the same sentence without a count
    assert kept.typing == Typing("Protests", "Protest with intervention")


def test_a_counted_event_in_a_longer_article_is_not_encoded(judge: Judge) -> None:
    text = "Gunmen shot dead five farmers in their fields outside the village on Sunday." + FILLER
    mention = _mention(text, CLASH, deaths=_deaths(5))
    assert judge.plan([mention], text).sentences == []


@pytest.mark.parametrize(
    ("text", "rules", "revised"),
    [
        # the head is very sure, of a family the precedence table pairs with the rules'
        ("Gunmen shot dead five farmers in their fields outside the village on Sunday.", CLASH,
         Typing("Violence against civilians", "Attack")),
        ("Youths hurled stones at police and set a bank on fire during a march against the election "
         "result in Lome.", PEACEFUL, Typing("Riots", "Violent demonstration")),
        ("Police broke up a sit-in by nurses outside the health ministry with tear gas and batons.",
         Typing("Strategic developments", "Arrests"), Typing("Protests", "Protest with intervention")),
    ],
)  # fmt: skip
def test_a_very_sure_head_moves_a_mention_to_a_confusable_family(
    judge: Judge, text: str, rules: Typing, revised: Typing
) -> None:
    mention = _mention(text, rules)
    (kept,) = judge([mention], text)
    assert kept.typing == revised
    assert "another family" in kept.notes[-1]


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        # Agreement and Attack are no pair of the precedence table
        ("Gunmen shot dead five farmers in their fields outside the village on Sunday.",
         Typing("Strategic developments", "Agreement")),
        # the head is sure (0.89), but not sure enough to overrule the trigger word's family
        ("Police fired tear gas to scatter hundreds of traders protesting a new market tax in Kumasi and "
         "detained six of them.", Typing("Strategic developments", "Arrests")),
    ],
)  # fmt: skip
def test_the_family_stays_unless_confusable_and_very_sure(judge: Judge, text: str, rules: Typing) -> None:
    mention = _mention(text, rules)
    (kept,) = judge([mention], text)
    assert kept.typing is not None and kept.typing.event_type == rules.event_type
