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
