"""The relevance filter keeps articles that can hold an event and skips the rest, without parsing."""

from __future__ import annotations

import pytest

from strife.extract.lexicon import TriggerLexicon
from strife.extract.relevance import (
    SKIP_NO_CUE,
    SKIP_ONE_CUE,
    SKIP_REASON,
    Phrases,
    Relevance,
    RelevanceWords,
    inflections,
    words_of,
)


@pytest.fixture(scope="module")
def relevance() -> Relevance:
    return Relevance(TriggerLexicon.load())


def _skip(relevance: Relevance, text: str) -> str | None:
    return relevance.reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed nine villagers in an overnight raid on a market town, officials said.",
        "Troops clashed with rebels near the border on Tuesday.",
        "Thousands of families fled their homes after militants attacked the district.",
        "An airstrike hit a school sheltering displaced people.",
        "Police fired tear gas at protesters who marched on parliament.",
        "Insurgents seized two towns and took control of the main road.",
        "Soldiers fought the militia for three hours before it withdrew.",
        "A roadside bomb struck a military convoy, wounding four soldiers.",
        "Rebels shot dead a local chief and abducted his sons.",
        "Floods forced the evacuation of 3,000 people from riverside villages.",
        "Unknown assailants gunned down a district official outside his home.",
        "Jihadists overran an army post; the soldiers fell back to the town.",
    ],
)
def test_conflict_text_is_kept(relevance: Relevance, text: str) -> None:
    assert _skip(relevance, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The champions moved clear at the top after a battle for the title that went to the last minute.",
        "The striker shot wide twice before a late strike settled the derby clash.",
        "Shares rallied on Monday as the retailer returned to profit and seized market share.",
        "The two firms struck a deal to capture a bigger slice of the cloud market.",
        "The orchestra opens its season with a storming performance of a new symphony.",
        "Astronomers observed the explosion of a distant star in unprecedented detail.",
        "A quiet week of sunshine is forecast, with light winds and mild afternoons.",
        "The novel follows a family through three generations on a small island.",
    ],
)
def test_other_news_is_skipped(relevance: Relevance, text: str) -> None:
    assert _skip(relevance, text) is not None


def test_text_without_event_word_names_that_reason(relevance: Relevance) -> None:
    assert relevance.reason("The novel follows a family through three generations.") == SKIP_REASON


def test_event_word_without_conflict_cue_names_that_reason(relevance: Relevance) -> None:
    assert relevance.reason("The home side attacked from the first whistle.") == SKIP_NO_CUE


def test_without_cues_any_event_word_is_enough() -> None:
    relevance = Relevance(TriggerLexicon.load(), cue_check=False)
    assert relevance.reason("The home side attacked from the first whistle.") is None


@pytest.mark.parametrize(
    ("lemma", "form"),
    [
        ("flee", "fled"),
        ("fight", "fought"),
        ("shoot", "shot"),
        ("strike", "struck"),
        ("take", "took"),
        ("fall", "fell"),
        ("kidnap", "kidnapped"),
        ("gun", "gunned"),
        ("seize", "seized"),
        ("seize", "seizing"),
        ("rally", "rallied"),
        ("clash", "clashes"),
        ("kill", "killed"),
        ("withdraw", "withdrew"),
    ],
)
def test_inflections_include_form(lemma: str, form: str) -> None:
    assert form in inflections(lemma, RelevanceWords.load().irregular)


@pytest.mark.parametrize(
    "text",
    [
        "Villagers fled when gunmen arrived.",
        "Government troops fought rebels all night.",
        "The town fell to insurgents; soldiers were killed.",
        "Militants struck a police station.",
        "Rebels took control of the airport, killing two soldiers.",
    ],
)
def test_irregular_forms_are_kept(relevance: Relevance, text: str) -> None:
    assert relevance.reason(text) is None


def test_words_inside_other_words_do_not_count(relevance: Relevance) -> None:
    # "raid" in "afraid", "riot" in "patriot", "war" nowhere: no event word at all
    assert relevance.reason("The patriotic crowd was afraid of the rain.") == SKIP_REASON


@pytest.mark.parametrize(
    "text",
    [
        "Torrential rains destroyed 40 houses in the hurricane-ravaged district.",
        "Las lluvias dejaron 300 evacuados en la provincia.",
        "Some 2,000 residents had moved to safer places after the storm.",
    ],
)
def test_a_natural_hazard_is_a_cue(relevance: Relevance, text: str) -> None:
    assert relevance.reason(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures will climb before a band of light rain arrives, with skies clearing by noon.",
        "Heavy rain may force some families out of their homes this weekend.",
    ],
)
def test_a_hazard_forecast_is_no_cue(relevance: Relevance, text: str) -> None:
    assert relevance.reason(text) is not None


# Long articles (more than three sentences) that name one cue of weight 1 only: the word in another sense.
ONE_WEAK_CUE = [
    "The gallery reopens on Friday with a show of portraits. One room is given to photographs of soldiers "
    "returning home in 1946, and another to the painter's studio. The curators spent two years on it. "
    "Tickets are on sale now, and the show runs until the spring.",
    "The league has asked clubs to cut ticket prices. Police will close the streets near the ground before "
    "the derby, when the home side fights to stay up. The match kicks off at three. Both coaches "
    "named unchanged teams, and the stadium is expected to be full.",
    "A new study maps how rivers carry sediment to the sea. Its authors say floods will reshape several "
    "deltas, destroying farmland as the coast retreats. The work used forty years of satellite images. "
    "It is published in a journal this week, with the data for other teams to use.",
]


@pytest.mark.parametrize("text", ONE_WEAK_CUE)
def test_one_weak_cue_in_a_long_article_is_skipped(relevance: Relevance, text: str) -> None:
    assert relevance.reason(text) == SKIP_ONE_CUE


@pytest.mark.parametrize(
    "text",
    [
        # one cue of harm (weight 2) is enough
        ONE_WEAK_CUE[0].replace("photographs of soldiers returning", "photographs of refugees returning"),
        # two cues of weight 1
        ONE_WEAK_CUE[1].replace("the home side fights", "soldiers and the home side fight"),
        # one cue of weight 1, named twice
        ONE_WEAK_CUE[1] + " Police said the roads would reopen at six.",
    ],
)
def test_cues_that_weigh_enough_keep_a_long_article(relevance: Relevance, text: str) -> None:
    assert relevance.reason(text) is None


# Long stories whose one cue names an armed group or a crowd in no other sense: a seizure or a
# peaceful march names no victim and must still be parsed.
UNMISTAKABLE_ACTORS = [
    "Hundreds of protesters marched through the capital on Saturday to demand lower fuel prices. "
    "The march ended outside parliament, where a petition was handed in. Organisers said more "
    "were planned. The ministry said it would study the petition.",
    "Militants seized the district headquarters on Sunday after a night of negotiations with elders. "
    "The town has a market and a clinic. Traders said shops reopened by the afternoon. "
    "The provincial governor gave no details.",
]


@pytest.mark.parametrize("text", UNMISTAKABLE_ACTORS)
def test_an_unmistakable_armed_group_or_crowd_keeps_a_long_article(relevance: Relevance, text: str) -> None:
    assert relevance.reason(text) is None


def test_one_weak_cue_is_enough_in_a_brief(relevance: Relevance) -> None:
    assert relevance.reason("Police stormed a warehouse on the edge of the city late on Monday.") is None


def test_weights_come_from_the_data_file() -> None:
    weights = RelevanceWords.load().weights
    assert weights["soldier"] == 1 and weights["killed"] == 2 and weights["refugee"] == 2
    assert weights["protester"] == 2 and weights["militant"] == 2 and weights["police"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Rebel fighters shelled the town.",
        "REBELS SHELLED THE TOWN",
        "the anti-rebel militia",  # a hyphen before the word: no whole-word match
        "rebel-held villages",  # a hyphen after it: none either
        "They were rebels' allies",
        "Security  forces moved in",  # a phrase of two words, two spaces apart
        "security-forces",
        "Gunmen \u017fhelled it",  # a long s, which the case-insensitive regex reads as s
        "SECUR\u0130TY FORCES",  # a dotted capital I, which it reads as i
        "counter-shelling and anti-gunmen patrols",  # one-word phrases inside hyphenated words
        "shelled-out",
        "no cue in this line at all",
    ],
)
def test_the_word_checks_give_the_regex_answer(text: str) -> None:
    irregular = RelevanceWords.load().irregular
    phrases = Phrases([["rebel"], ["security", "force"], ["shell"], ["gunman"]], irregular)
    words = words_of(text)
    match, expected = phrases.search(text, words), phrases.regex.search(text)
    assert (match and match.group(0)) == (expected and expected.group(0))
    assert phrases.found(text, words) == (expected is not None)
