"""The default stages: each sets what it says, in the order the folders read."""

from __future__ import annotations

from datetime import date

import pytest

from strife.clean import Cleaner
from strife.pipeline import Resources, Work, default_pipeline
from strife.pipeline.stages import Relevant, _dated_in_range
from strife.records import Article, Event

TEXT = "Gunmen attacked the village of Kaya in Burkina Faso on Tuesday, killing 12 civilians, officials said."


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def test_stage_order_matches_the_folders(resources: Resources) -> None:
    names = default_pipeline(resources).names
    assert names == ["relevance", "clean", "parse", "resolve", "extract", "learn", "assemble"]


def test_the_learned_stage_is_one_switch_away() -> None:
    names = default_pipeline(Resources(learned=False)).names
    assert names == ["relevance", "clean", "parse", "resolve", "extract", "assemble"]


def test_relevance_reads_the_cleaned_text_when_present(resources: Resources) -> None:
    work = Work(Article(id="a", text="The novel follows a family."))
    work.clean = Cleaner.default()("Troops killed three rebels.")
    assert Relevant(resources)(work).skip is None


def test_each_stage_sets_what_it_declares(resources: Resources) -> None:
    work = Work(Article(id="k", text=TEXT, date=date(2024, 3, 7)))
    for stage in default_pipeline(resources).stages:
        work = stage(work)
        assert work.skip is None, stage.name
    assert work.clean is not None and work.doc is not None
    assert work.context is not None and work.context.country == "Burkina Faso"
    assert work.mentions and work.events
    assert work.events[0].event_type == "Violence against civilians"


def test_an_article_with_no_event_word_stops_at_resolve(resources: Resources) -> None:
    pipeline = default_pipeline(resources, relevance=False)
    outcome = pipeline(Article(id="n", text="The council approved the new budget on Monday."))
    assert outcome.events == () and outcome.explanations[0].reasons == ["no event word"]


@pytest.mark.parametrize("year", [1, 1899, 9999])
def test_an_event_date_outside_the_accepted_range_is_dropped(year: int) -> None:
    day = date(year, 12, 27)
    event = Event(
        "e", "Battles", "Armed clash", event_date=day, date_start=day, date_end=day, time_precision=1
    )
    kept = _dated_in_range(event)
    assert kept.event_date is None and kept.date_start is None and kept.time_precision is None
    assert kept.notes and "outside the accepted range" in kept.notes


def test_an_event_date_inside_the_range_is_kept() -> None:
    event = Event("e", "Battles", "Armed clash", event_date=date(2024, 1, 2))
    assert _dated_in_range(event) is event
