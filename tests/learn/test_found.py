"""Events founded by the learned heads in short reports the rules code nothing in (real pipeline)."""

from __future__ import annotations

import pytest
from story import coded_events

from strife.learn.found import is_short_report
from strife.pipeline import Pipeline, Resources, default_pipeline

MARCH = (
    "Thousands of nurses gathered outside the health ministry in Accra on Monday, chanting slogans and "
    "carrying placards."
)


@pytest.fixture(scope="module")
def learned() -> Pipeline:
    return default_pipeline(Resources(learned=True))


@pytest.mark.parametrize(
    ("text", "short"),
    [
        (MARCH, True),
        ("Police detained four men in Kano. They were later released. A curfew was imposed.", True),
        ("One. Two. Three. Four.", False),  # four sentences: an article, not a report
        ("Rebels took the town.\n\nResidents fled.\n\nAid stopped.\n\nTalks failed.", False),
        ("Troops retook the hill. " + "The operation lasted days " * 40 + ".", False),  # over 800 characters
    ],
)
def test_a_short_report_has_at_most_three_sentences(text: str, short: bool) -> None:
    assert is_short_report(text) is short


def test_a_short_report_without_an_event_word_founds_one_event(learned: Pipeline) -> None:
    (event,) = coded_events(learned, MARCH)
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")
    assert event.notes is not None and "Founded by the learned heads: Peaceful protest" in event.notes
    assert event.location == "Accra" and event.country == "Ghana"
    assert str(event.event_date) == "2024-03-04"  # "on Monday" before Saturday 9 March
    assert {e.sentence for e in event.evidence} == {MARCH}


def test_the_rules_alone_code_nothing_there() -> None:
    assert coded_events(default_pipeline(Resources(learned=False)), MARCH) == []


@pytest.mark.parametrize(
    "text",
    [
        "The central bank left interest rates unchanged on Thursday. Markets barely moved.",
        "The home side won the derby 2-1 after a late goal on Saturday, keeping their title hopes alive.",
        # dated in the background
        "Thousands of nurses gathered outside the health ministry in Accra in March 2019, chanting slogans.",
    ],
)
def test_no_event_is_founded_in_a_brief_that_reports_none(learned: Pipeline, text: str) -> None:
    assert coded_events(learned, text) == []


def test_a_background_time_that_dates_a_noun_does_not_stop_a_report(learned: Pipeline) -> None:
    # "since 2022" dates how long the nurses have gone unpaid, not the gathering the report is about
    text = (
        "Thousands of nurses who have been unpaid since 2022 gathered outside the health ministry in "
        "Accra, chanting slogans and carrying placards."
    )
    (event,) = coded_events(learned, text)
    assert event.sub_event_type == "Peaceful protest"


def test_nothing_is_founded_in_a_longer_article(learned: Pipeline) -> None:
    article = " ".join([MARCH, "They carried banners.", "Officials met their leaders.", "Talks go on."])
    assert coded_events(learned, article) == []


def test_a_sentence_the_sub_type_head_is_very_sure_of_needs_less_event_hood(learned: Pipeline) -> None:
    # the attribution ("officials said") leaves the event-hood head at 0.62, under EVENT_AT (0.7);
    # the sub-type head gives Shelling/artillery/missile attack 0.87, over SURE_SUBTYPE_AT (0.8)
    (event,) = coded_events(
        learned, "Artillery fire hit a water station outside Kherson on Sunday, officials said."
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.notes is not None and "Founded by the learned heads" in event.notes
