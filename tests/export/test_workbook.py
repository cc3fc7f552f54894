"""The Excel export (`--format xlsx`): events, sources and evidence sheets, the events with their
review, read back from the file with the standard library (tests/export/xlsx_reading.py)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from review_stores import review_store
from xlsx_reading import read_sheets

import strife
from strife.cli import main
from strife.export import export
from strife.export.workbook import EVENT_COLUMNS
from strife.records import Event


@pytest.fixture
def reviewed_db(tmp_path: Path) -> Path:
    """Three merged events: the Kaya clash approved by amina, the Gao strike corrected by bo, Mopti
    untouched."""
    path = review_store(tmp_path / "review.duckdb")
    with strife.open_store(path) as dataset:
        dataset.review.approve("k1-1", reviewer="amina")
        dataset.review.correct("g1-1", {"fatalities": 4}, reviewer="bo", reason="the hospital's count")
    return path


@pytest.fixture
def reviewed(reviewed_db: Path) -> Iterator[strife.Dataset]:
    with strife.open_store(reviewed_db) as dataset:
        yield dataset


def test_workbook_has_events_sources_and_evidence_sheets(
    event_factory: Callable[..., Event], tmp_path: Path
) -> None:
    path = tmp_path / "events.xlsx"
    assert export([event_factory("a1-1"), event_factory("a2-1")], "xlsx", path) == 2
    sheets = read_sheets(path)
    assert list(sheets) == ["events", "sources", "evidence"]
    assert [row["event_id"] for row in sheets["events"]] == ["a1-1", "a2-1"]
    assert len(sheets["sources"]) == 6 and sheets["sources"][0]["outlet"] == "Daily Example"
    assert sheets["evidence"][1]["sentence"] == "Jets struck the town."
    assert sheets["events"][0]["reviewed"] == "pending"  # no review lookup: all pending


def test_workbook_keeps_formula_like_text_as_text(
    event_factory: Callable[..., Event], tmp_path: Path
) -> None:
    path = tmp_path / "events.xlsx"
    export([event_factory(notes="=HYPERLINK(1)", location="007")], "xlsx", path)
    row = read_sheets(path)["events"][0]
    assert (row["notes"], row["location"]) == ("=HYPERLINK(1)", "007")


def test_workbook_events_sheet_ends_with_the_review_columns() -> None:
    assert EVENT_COLUMNS[-3:] == ("reviewed", "reviewed_by", "reviewed_at")


def test_workbook_has_each_events_review(reviewed: strife.Dataset, tmp_path: Path) -> None:
    path = tmp_path / "events.xlsx"
    assert reviewed.export("xlsx", path) == 3
    rows = {row["event_id"]: row for row in read_sheets(path)["events"]}
    found = {key: (row["reviewed"], row["reviewed_by"]) for key, row in rows.items()}
    assert found == {"k1-1": ("approved", "amina"), "g1-1": ("corrected", "bo"), "m1-1": ("pending", "")}
    last = max(change.at for change in reviewed.review.history("g1-1"))
    assert rows["g1-1"]["reviewed_at"] == f"{last:%Y-%m-%dT%H:%M:%S}"
    assert rows["m1-1"]["reviewed_at"] == ""


def test_workbook_needs_a_file_path(event_factory: Callable[..., Event]) -> None:
    with pytest.raises(ValueError, match="xlsx export needs a file path"):
        export([event_factory()], "xlsx", io.StringIO())


def test_cli_writes_the_workbook_with_the_review(reviewed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.xlsx"
    args = ["export", "--db", str(reviewed_db), "--format", "xlsx", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "3 events written" in result.stderr
    assert {row["event_id"]: row["reviewed"] for row in read_sheets(out)["events"]}["k1-1"] == "approved"


def test_cli_refuses_xlsx_without_an_output_file(reviewed_db: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(reviewed_db), "--format", "xlsx"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["strife: error: xlsx is binary: pass --output FILE.xlsx"]
