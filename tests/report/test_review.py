"""A brief on a reviewed store: the reviewed share in the methods note, corrections in the numbers."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import strife

PERIOD = {"country": "Sudan", "since": date(2024, 2, 1), "until": date(2024, 5, 31)}


@pytest.mark.slow  # copies the example store, reviews two events, renders two briefs
def test_not_reviewed_until_an_analyst_reviews(example_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "reviewed.duckdb"
    shutil.copy(example_store, path)
    with strife.open_store(path) as store:
        before = store.report(**PERIOD)  # type: ignore[arg-type]
        events = list(store.events(country="Sudan", since=PERIOD["since"], until=PERIOD["until"]))
        deadliest = max(events, key=lambda e: e.fatalities or 0)
        other = next(e for e in events if e.event_id != deadliest.event_id)
        store.review.approve(other.event_id, reviewer="analyst")
        store.review.correct(
            deadliest.event_id, {"fatalities": 25}, reviewer="analyst", reason="hospital toll"
        )
        after = store.report(**PERIOD)  # type: ignore[arg-type]
        listed = list(store.events(country="Sudan", since=PERIOD["since"], until=PERIOD["until"]))
    assert before.reviewed is None and "Not reviewed" in before.render("html").decode()
    assert after.reviewed == 2
    share = f"Reviewed by an analyst: 2 of {len(listed)} events ({2 / len(listed):.0%})"
    assert share in after.render("html").decode()
    assert after.current.fatalities == sum(e.fatalities or 0 for e in listed)
    assert after.current.fatalities == before.current.fatalities - (deadliest.fatalities or 0) + 25
