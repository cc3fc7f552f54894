"""Every number of a brief is what `strife events` lists for the same filter (issue #17).

The brief's figures come from aggregate SQL (strife.store.briefing); here they are recomputed in
Python from the events the public API returns for the brief's filter, on the coded examples.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

import strife
from strife.cli import main
from strife.report import Brief, Period

# (country, admin1, first day, last day): a month with four types, one week, an admin1 area, a year.
SCOPES = [
    ("Sudan", None, date(2024, 2, 1), date(2024, 2, 29)),
    ("Democratic Republic of Congo", None, date(2024, 3, 4), date(2024, 3, 10)),
    ("Sudan", "North Kordofan", date(2024, 2, 1), date(2024, 5, 31)),
    ("Sudan", None, date(2024, 1, 1), date(2024, 12, 31)),
]


def _listed(store: strife.Dataset, country: str, admin1: str | None, period: Period) -> list[strife.Event]:
    return list(store.events(country=country, admin1=admin1, since=period.start, until=period.end))


def _figures(events: list[strife.Event]) -> dict[str, object]:
    return {
        "events": len(events),
        "by_type": dict(Counter(e.event_type for e in events)),
        "fatalities": sum(e.fatalities or 0 for e in events),
        "disputed": sum(e.fatalities or 0 for e in events if e.fatalities_disputed),
        "displaced": sum(e.displaced_people or 0 for e in events),
    }


def _brief_figures(brief: Brief, previous: bool = False) -> dict[str, object]:
    figures = brief.previous if previous else brief.current
    return {
        "events": figures.events,
        "by_type": {row["event_type"]: row["events"] for row in figures.by_type},
        "fatalities": figures.fatalities,
        "disputed": figures.disputed_fatalities,
        "displaced": figures.displaced,
    }


@pytest.mark.parametrize(("country", "admin1", "start", "end"), SCOPES)
@pytest.mark.parametrize("compare", ["previous", "same-last-year"])
def test_headline_and_comparison_equal_the_events_listed(
    example_store: Path, country: str, admin1: str | None, start: date, end: date, compare: str
) -> None:
    with strife.open_store(example_store, read_only=True) as store:
        brief = store.report(country=country, admin1=admin1, since=start, until=end, compare=compare)
        now = _listed(store, country, admin1, brief.request.period)
        before = _listed(store, country, admin1, brief.comparison)
    assert now, "each scope holds events"
    assert _brief_figures(brief) == _figures(now)
    assert _brief_figures(brief, previous=True) == _figures(before)


@pytest.mark.parametrize(("country", "admin1", "start", "end"), SCOPES)
def test_tables_and_trend_equal_the_events_listed(
    example_store: Path, country: str, admin1: str | None, start: date, end: date
) -> None:
    with strife.open_store(example_store, read_only=True) as store:
        brief = store.report(country=country, admin1=admin1, since=start, until=end)
        now = _listed(store, country, admin1, brief.request.period)
        window = _listed(store, country, admin1, brief.trend_period)
    area = "location" if admin1 else "admin1"
    assert {r["key"]: r["events"] for r in brief.areas} == dict(Counter(getattr(e, area) for e in now))
    actors = Counter(a for e in now for a in {e.actor1, e.actor2} if a)
    assert {r["key"]: r["events"] for r in brief.actors} == dict(actors)
    for row in brief.actors:
        assert row["fatalities"] == sum(e.fatalities or 0 for e in now if row["key"] in (e.actor1, e.actor2))
    weekly = Counter(
        ((e.event_date - timedelta(days=e.event_date.weekday())).isoformat(), e.event_type)
        for e in window
        if e.event_date
    )
    assert {(r["period"], r["event_type"]): r["events"] for r in brief.trend} == dict(weekly)
    assert brief.map["total"] == sum(1 for e in now if e.latitude is not None and e.longitude is not None)
    deadliest = sorted((e for e in now if e.fatalities), key=lambda e: -(e.fatalities or 0))[
        : len(brief.deadliest)
    ]
    assert [e.fatalities for e in brief.deadliest] == [e.fatalities for e in deadliest]
    cited = {s.article_id for e in now for s in e.sources}
    assert brief.coverage["articles"] == len(cited)
    assert brief.coverage["chains"] == len({s.chain for e in now for s in e.sources if s.chain})
    assert brief.coverage["single_source"] == sum(1 for e in now if (e.corroboration or 1) <= 1)
    assert brief.contested_count == sum(1 for e in now if e.fatalities_disputed or e.disputed)
    claims = Counter((c.claimant or "").strip().lower() for e in now for c in e.claims)
    for row in brief.claimants:
        assert row["claims"] == claims[(row["claimant"] or "").lower()]


def test_the_command_line_lists_what_the_brief_counts(example_store: Path) -> None:
    """The same check through `strife events --format jsonl` itself, for one brief."""
    args = [
        "--db",
        str(example_store),
        "--country",
        "Sudan",
        "--since",
        "2024-02-01",
        "--until",
        "2024-02-29",
    ]
    listed = CliRunner().invoke(main, ["events", *args, "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines() if line.strip()]
    with strife.open_store(example_store, read_only=True) as store:
        brief = store.report(country="Sudan", since=date(2024, 2, 1), until=date(2024, 2, 29))
    assert brief.current.events == len(rows) > 0
    assert brief.current.fatalities == sum(r["fatalities"] or 0 for r in rows)
    assert brief.current.displaced == sum(r["displaced_people"] or 0 for r in rows)
