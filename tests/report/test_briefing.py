"""The brief's own aggregates on stores whose events we wrote: first-seen areas and actors,
contested events, claims by claimant, review state, and an empty period."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from report_helpers import claim, event

import strife
from strife.records import Event
from strife.report import Brief

WEEK = (date(2024, 3, 4), date(2024, 3, 10))


def _brief(path: Path, **options: object) -> Brief:
    with strife.open_store(path, read_only=True) as store:
        return store.report(country="Sudan", since=WEEK[0], until=WEEK[1], **options)  # type: ignore[arg-type]


def test_new_areas_and_actors_are_those_with_no_earlier_event(
    made_store: Callable[[Sequence[Event]], Path],
) -> None:
    path = made_store(
        [
            event("old", date(2024, 1, 10)),
            event("same-place", date(2024, 3, 5)),
            event("new-place", date(2024, 3, 6), admin1="North Darfur", location="El Fasher", fatalities=9),
            event("new-actor", date(2024, 3, 7), actor2="Sudan People's Liberation Movement-North"),
            event("later", date(2024, 4, 2), admin1="Gezira", location="Wad Madani"),
        ]
    )
    brief = _brief(path)
    assert brief.history
    assert [(r["key"], r["events"], r["first"].event_id) for r in brief.new_areas] == [
        ("North Darfur", 1, "new-place")
    ]
    assert [r["key"] for r in brief.new_actors] == ["Sudan People's Liberation Movement-North"]
    assert [e.event_id for e in brief.deadliest][:1] == ["new-place"]


def test_nothing_is_new_when_the_store_starts_with_the_period(
    made_store: Callable[[Sequence[Event]], Path],
) -> None:
    brief = _brief(made_store([event("only", date(2024, 3, 5))]))
    assert not brief.history and brief.new_areas == () and brief.new_actors == ()


def test_contested_events_and_claims_by_claimant(made_store: Callable[[Sequence[Event]], Path]) -> None:
    disputed = event(
        "disputed",
        date(2024, 3, 5),
        fatalities=19,
        fatalities_disputed=True,
        disputed=True,
        claims=(
            claim("The army", 19),
            claim("the army", None),
            claim("A volunteer group", 31),
            claim(None, None),
        ),
    )
    path = made_store([disputed, event("plain", date(2024, 3, 6), claims=(claim("Residents", None),))])
    brief = _brief(path)
    assert brief.contested_count == 1 and [e.event_id for e in brief.contested] == ["disputed"]
    assert brief.current.disputed_fatalities == 19 and brief.current.fatalities == 22
    assert brief.current.disputed_share == 19 / 22
    rows = {
        (r["claimant"] or "").lower(): (r["claims"], r["with_figure"], r["events"]) for r in brief.claimants
    }
    assert rows == {
        "the army": (2, 1, 1),
        "a volunteer group": (1, 1, 1),
        "": (1, 0, 1),
        "residents": (1, 0, 1),
    }


def test_a_period_without_events_is_empty(made_store: Callable[[Sequence[Event]], Path]) -> None:
    brief = _brief(made_store([event("before", date(2024, 3, 1))]))
    assert brief.empty and brief.previous.events == 1
    assert brief.change("events").delta == -1 and brief.change("events").percent == -100.0
    assert brief.areas == () and brief.actors == () and brief.map["total"] == 0
    assert [row["period"] for row in brief.trend] == ["2024-02-26"]  # the weeks before still trend
