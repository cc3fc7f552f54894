"""A Ray run gives the very records of the local runner, and a resumed run codes only what is missing.

Starts a local 2-CPU Ray cluster (tens of seconds): marked `distributed`, which the default
run skips and `.ci/run` runs.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

import strife

# Not imported here: strife.distributed sets Ray up before its first import (see job.py).
pytestmark = [
    pytest.mark.distributed,
    pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="needs the 'ray' extra"),
]


def _records(store: strife.Dataset) -> dict[str, Any]:
    return {
        "reports": sorted((e.to_dict() for e in store.events(per_report=True)), key=lambda e: e["event_id"]),
        "events": sorted((e.to_dict() for e in store.events()), key=lambda e: e["event_id"]),
        "rejections": sorted(r.to_dict()["origin"] for r in store.rejections()),
    }


@pytest.fixture(scope="module")
def stores(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("stores")
    with strife.open_store(root / "local.duckdb") as local:
        local.ingest([examples_dir])
    with strife.open_store(root / "ray.duckdb") as on_ray:
        run = on_ray.ingest_on_ray([examples_dir], workers=2)
    assert run.coded == run.units > 1 and run.summary.stored > 1
    return root / "local.duckdb", root / "ray.duckdb"


def test_ray_and_local_runs_store_the_same_records(stores: tuple[Path, Path]) -> None:
    with (
        strife.open_store(stores[0], read_only=True) as local,
        strife.open_store(stores[1], read_only=True) as on_ray,
    ):
        expected, found = _records(local), _records(on_ray)
    assert found["reports"] and found == expected  # evidence spans and event ids included


def test_a_resumed_run_codes_only_the_unfinished_inputs(
    stores: tuple[Path, Path], examples_dir: Path
) -> None:
    shards = Path(str(stores[1]) + ".shards")
    markers = sorted((shards / "done").glob("*.json"))
    markers[0].unlink()  # as if the run had been killed before this input's shard was finished
    with strife.open_store(stores[1]) as on_ray:
        before = _records(on_ray)
        run = on_ray.ingest_on_ray([examples_dir], workers=1)
        after = _records(on_ray)
    assert run.coded == 1 and run.summary.stored == 0 and after == before
