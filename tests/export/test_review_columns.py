"""The review columns of every export (`reviewed`, `reviewed_by`) and the ACLED `timestamp` moved by a
review, read from a store merged by the real merger and reviewed through strife.review."""

from __future__ import annotations

import calendar
import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from review_stores import review_store

import strife
from strife.export import ReviewMark
from strife.export.acled import STRIFE_COLUMNS, AcledTables, acled_row
from strife.records import Event, Source


@pytest.fixture
def reviewed(tmp_path: Path) -> Iterator[strife.Dataset]:
    """Three events: the Kaya clash approved by amina, the Gao strike corrected by bo, Mopti untouched."""
    with strife.open_store(review_store(tmp_path / "review.duckdb")) as dataset:
        dataset.review.approve("k1-1", reviewer="amina")
        dataset.review.correct("g1-1", {"fatalities": 4}, reviewer="bo", reason="the hospital's count")
        yield dataset


EXPECTED = {"k1-1": ("approved", "amina"), "g1-1": ("corrected", "bo"), "m1-1": ("pending", None)}


def _text(dataset: strife.Dataset, fmt: str) -> str:
    out = io.StringIO(newline="")
    dataset.export(fmt, out)
    return out.getvalue()


def test_jsonl_has_each_events_review(reviewed: strife.Dataset) -> None:
    lines = [json.loads(line) for line in _text(reviewed, "jsonl").splitlines()]
    assert {r["event_id"]: (r["reviewed"], r["reviewed_by"]) for r in lines} == EXPECTED


@pytest.mark.parametrize("fmt", ["csv", "acled-csv"])
def test_csv_formats_have_each_events_review(reviewed: strife.Dataset, fmt: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_text(reviewed, fmt))))
    key = "event_id" if fmt == "csv" else "strife_event_id"
    found = {r[key]: (r["reviewed"], r["reviewed_by"] or None) for r in rows}
    assert found == EXPECTED


def test_geojson_properties_have_each_events_review(reviewed: strife.Dataset) -> None:
    features = json.loads(_text(reviewed, "geojson"))["features"]
    found = {f["id"]: (f["properties"]["reviewed"], f["properties"]["reviewed_by"]) for f in features}
    assert found == EXPECTED


def test_parquet_has_each_events_review(reviewed: strife.Dataset, tmp_path: Path) -> None:
    reviewed.export("parquet", tmp_path / "e.parquet")
    rows = duckdb.sql(f"SELECT event_id, reviewed, reviewed_by FROM '{tmp_path / 'e.parquet'}'").fetchall()
    assert {r[0]: (r[1], r[2]) for r in rows} == EXPECTED


def test_acled_review_columns_come_after_acleds_and_strifes_ids() -> None:
    assert STRIFE_COLUMNS[-2:] == ("reviewed", "reviewed_by")
    assert STRIFE_COLUMNS.index("strife_event_id") == 0


def test_acled_timestamp_is_the_last_review_change(reviewed: strife.Dataset) -> None:
    # the store's reports are undated: only a reviewed event has a time of last change
    rows = {r["strife_event_id"]: r for r in csv.DictReader(io.StringIO(_text(reviewed, "acled-csv")))}
    last = max(change.at for change in reviewed.review.history("g1-1"))
    assert int(rows["g1-1"]["timestamp"]) == calendar.timegm(last.timetuple())
    assert rows["m1-1"]["timestamp"] == ""


@pytest.mark.parametrize(
    ("report_day", "reviewed_at", "expected"),
    [
        (date(2024, 3, 9), datetime(2024, 3, 12, 8, 30), datetime(2024, 3, 12, 8, 30)),  # review later
        (date(2024, 3, 20), datetime(2024, 3, 12, 8, 30), datetime(2024, 3, 20)),  # a newer report later
        (date(2024, 3, 9), None, datetime(2024, 3, 9)),  # not reviewed: the newest report
    ],
)
def test_acled_timestamp_is_the_later_of_report_and_review(
    event_factory: Callable[..., Event], report_day: date, reviewed_at: datetime | None, expected: datetime
) -> None:
    event = event_factory(sources=(Source(article_id="a1", outlet="Dawn", date=report_day),))
    row = acled_row(event, AcledTables.load(), ReviewMark("approved", "amina", reviewed_at))
    assert row["timestamp"] == calendar.timegm(expected.timetuple())
