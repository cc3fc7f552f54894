"""The relevance filter keeps articles that can hold an event and skips the rest, without parsing."""

from __future__ import annotations

import pytest

from strife.extract.lexicon import TriggerLexicon
from strife.extract.relevance import SKIP_NO_CUE, SKIP_REASON, Relevance, RelevanceWords, inflections


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
