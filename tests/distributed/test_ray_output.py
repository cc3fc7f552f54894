"""`strife ingest --engine ray --output DIR`: a Parquet dataset, no store, read by `--parquet DIR` as
the store of the same run reads (field by field, evidence included), and served the same.

Starts a local 2-CPU Ray cluster once (the store is then folded from the same shards, which a
rerun never codes again): marked `distributed`, which the default run skips.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from strife.cli import main
from strife.web.app import create_app

# Not imported here: strife.distributed sets Ray up before its first import (see job.py).
pytestmark = [
    pytest.mark.distributed,
    pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="needs the 'ray' extra"),
]


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def written(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The dataset of a Ray run over the examples, a store folded from its shards, and the run's output."""
    root = tmp_path_factory.mktemp("ray-output")
    dataset, db = root / "dataset", root / "store.duckdb"
    said = _cli(
        "ingest", str(examples_dir), "--engine", "ray", "--workers", "2", "--output", str(dataset),
        "--db", str(root / "unused.duckdb"),
    )  # fmt: skip
    _cli("ingest", str(examples_dir), "--engine", "ray", "--db", str(db), "--shards", f"{dataset}.shards")
    return dataset, db, said


def test_output_writes_a_dataset_and_no_store(written: tuple[Path, Path, str]) -> None:
    dataset, _, said = written
    manifest = json.loads((dataset / "strife.json").read_text(encoding="utf-8"))
    assert manifest["merged"] and manifest["rows"]["events"] > 1 and manifest["rows"]["occurrences"] > 1
    assert f"Parquet dataset: {dataset}" in said and not (dataset.parent / "unused.duckdb").exists()


@pytest.mark.parametrize(
    "command",
    [["events", "--format", "jsonl"], ["events", "--format", "jsonl", "--per-report"],
     ["export", "--format", "jsonl"], ["export", "--format", "acled-csv"]],
    ids=["events", "per-report", "export-jsonl", "export-acled"],
)  # fmt: skip
def test_parquet_reads_give_the_stores_records(written: tuple[Path, Path, str], command: list[str]) -> None:
    dataset, db, _ = written
    from_store = _cli(*command, "--db", str(db))
    assert '"evidence"' in from_store or command[-1] == "acled-csv"
    assert _cli(*command, "--parquet", str(dataset)) == from_store


def test_serve_parquet_answers_api_events_as_the_store(written: tuple[Path, Path, str]) -> None:
    dataset, db, _ = written
    with TestClient(create_app(db)) as store, TestClient(create_app(dataset, parquet=True)) as files:
        expected = store.get("/api/events?page_size=100").json()
        assert expected["total"] > 1 and files.get("/api/events?page_size=100").json() == expected


def test_a_rerun_codes_nothing_and_writes_the_same_dataset(
    written: tuple[Path, Path, str], examples_dir: Path
) -> None:
    dataset, _, _ = written
    before = _cli("events", "--parquet", str(dataset), "--format", "jsonl", "--per-report")
    again = _cli("ingest", str(examples_dir), "--engine", "ray", "--output", str(dataset))
    assert "ray: 0 of" in again
    assert _cli("events", "--parquet", str(dataset), "--format", "jsonl", "--per-report") == before
