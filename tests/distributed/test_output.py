"""The Parquet dataset of `--output`: a store's tables as files, read back by the read commands
(events, export, merges, serve) exactly as the store gives them. No Ray here: the dataset is
written from a locally ingested store (tests/distributed/test_ray_output.py runs it on Ray)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import strife
from strife.cli import main
from strife.distributed.output import check_output
from strife.store import StoreError
from strife.store.parquet_dataset import MANIFEST, open_parquet
from strife.store.parquet_writing import write_dataset
from strife.web.app import create_app

EXPORTS = ["jsonl", "csv", "acled-csv", "geojson"]


@pytest.fixture(scope="module")
def stored(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store of the examples, and the dataset written from it."""
    root = tmp_path_factory.mktemp("output")
    with strife.open_store(root / "store.duckdb") as store:
        store.ingest([examples_dir])
        write_dataset(store.store, root / "dataset", {})
    return root / "store.duckdb", root / "dataset"


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_dataset_reads_back_as_the_store(stored: tuple[Path, Path]) -> None:
    db, dataset = stored
    with strife.open_store(db, read_only=True) as store, strife.api.open_parquet(dataset) as files:
        for per_report in (False, True):
            expected = [e.to_dict() for e in store.events(per_report=per_report)]
            assert expected and [e.to_dict() for e in files.events(per_report=per_report)] == expected
        assert list(files.events(country="sudan")) == list(store.events(country="sudan"))
        assert files.merges() == store.merges() and files.store.counts() == store.store.counts()


@pytest.mark.parametrize("per_report", [[], ["--per-report"]], ids=["merged", "per-report"])
def test_events_with_parquet_lists_what_the_store_lists(
    stored: tuple[Path, Path], per_report: list[str]
) -> None:
    db, dataset = stored
    from_store = _cli("events", "--db", str(db), "--format", "jsonl", *per_report)
    from_files = _cli("events", "--parquet", str(dataset), "--format", "jsonl", *per_report)
    assert from_store and from_files == from_store


@pytest.mark.parametrize("fmt", EXPORTS)
def test_export_with_parquet_writes_what_the_store_writes(stored: tuple[Path, Path], fmt: str) -> None:
    db, dataset = stored
    from_store = _cli("export", "--db", str(db), "--format", fmt)
    assert from_store and _cli("export", "--parquet", str(dataset), "--format", fmt) == from_store


def test_report_with_parquet_writes_the_stores_brief(stored: tuple[Path, Path], tmp_path: Path) -> None:
    db, dataset = stored
    briefs = []
    for source, where in (("--db", db), ("--parquet", dataset)):
        target = tmp_path / source.strip("-") / "brief.md"
        target.parent.mkdir()
        _cli("report", source, str(where), "--country", "Sudan", "--from", "2024-01-01", "--to", "2024-12-31",
             "-o", str(target))  # fmt: skip
        briefs.append(target.read_text(encoding="utf-8"))
    assert "El Obeid" in briefs[0] and briefs[1] == briefs[0]


def test_serve_answers_from_the_dataset_as_from_the_store(stored: tuple[Path, Path]) -> None:
    db, dataset = stored
    with TestClient(create_app(db)) as store, TestClient(create_app(dataset, parquet=True)) as files:
        listed = store.get("/api/events?page_size=100").json()["events"]
        paths = [
            "/api/events?page_size=100", "/api/events?country=Sudan", "/api/counts", "/api/timeline",
            "/api/map", "/api/articles", "/api/review/queue", f"/api/events/{quote(listed[0]['event_id'])}",
        ]  # fmt: skip
        for path in paths:
            expected = store.get(path)
            assert expected.status_code == 200 and files.get(path).json() == expected.json(), path


def test_events_and_occurrences_are_partitioned_by_country_and_month(stored: tuple[Path, Path]) -> None:
    _, dataset = stored
    for table in ("events", "occurrences"):
        files = (dataset / table).rglob("*.parquet")
        folders = {p.parent.relative_to(dataset / table).as_posix() for p in files}
        assert "country=Burkina%20Faso/month=2024-02" in folders, folders
    manifest = json.loads((dataset / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["merged"] and {"articles", "events", "evidence", "occurrences"} <= set(manifest["tables"])


def test_merges_with_parquet_names_the_dataset_for_an_unknown_id(stored: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(main, ["merges", "--parquet", str(stored[1]), "no-such-event"])
    assert result.exit_code == 2 and f"strife events --parquet {stored[1]}" in result.output


def test_a_dataset_cannot_be_written_to(stored: tuple[Path, Path]) -> None:
    with pytest.raises(ValueError, match="read-only"):
        create_app(stored[1], token="secret", parquet=True)
    result = CliRunner().invoke(main, ["serve", "--parquet", str(stored[1]), "--token", "secret"])
    assert result.exit_code == 2 and "read-only" in result.output


def test_a_folder_without_a_finished_dataset_is_one_line_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "half").mkdir()
    with pytest.raises(StoreError, match="not a finished strife Parquet dataset"):
        open_parquet(tmp_path / "half")
    result = CliRunner().invoke(main, ["events", "--parquet", str(tmp_path / "none")])
    assert result.exit_code == 2 and "--engine ray --output" in result.output


def test_writing_again_replaces_the_dataset_whole(tmp_path: Path, stored: tuple[Path, Path]) -> None:
    with strife.open_store(stored[0], read_only=True) as store:
        write_dataset(store.store, tmp_path / "dataset", {})
    with strife.open_store(":memory:") as empty:
        write_dataset(empty.store, tmp_path / "dataset", {})  # no events now: no partition left over
    assert not list((tmp_path / "dataset").rglob("*.parquet"))
    with strife.api.open_parquet(tmp_path / "dataset") as files:
        assert list(files.events()) == [] and files.store.counts()["articles"] == 0


def test_output_is_a_new_folder_or_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(ValueError, match="other files"):
        check_output(tmp_path / "notes")
    check_output(tmp_path / "new")  # nothing there yet: fine


def test_output_needs_the_ray_engine(examples_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(examples_dir), "--output", str(tmp_path / "out")])
    assert result.exit_code == 2 and "--engine ray" in result.output
