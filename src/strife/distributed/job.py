"""The driver of a distributed ingest: code what is not yet coded on Ray, then fold shards into the store.

1. `expand` the inputs into units; a unit whose shard is `done` is skipped (a rerun, or a
   resumed run after a kill, codes only what is missing and doubles nothing).
2. Ray Data maps the remaining units over an actor pool (`CodeUnits`, one loaded pipeline
   each, one CPU each); each actor writes its units' shards. The driver shows a bar with
   units, articles, rate and ETA.
3. One writer (this process) reads every unit's shard, in input order, and hands the
   outcomes to `store_outcomes`: the same batched storing, chaining and merging as the
   local runner, so both runners give the same records. Articles are keyed by their text,
   so folding a unit twice stores nothing twice.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strife.distributed.shards import is_done, read_shard
from strife.distributed.units import Unit, expand
from strife.distributed.worker import CodeUnits
from strife.pipeline.core import Outcome
from strife.pipeline.resources import Resources
from strife.pipeline.storing import IngestSummary, store_outcomes
from strife.store import Store

Progress = Callable[[Iterator[dict[str, Any]], int], Iterable[dict[str, Any]]]


@dataclass
class RayRun:
    """What the cluster did, beside the usual ingest summary."""

    summary: IngestSummary
    units: int = 0
    coded: int = 0  # units coded in this run (the others were done before)
    workers: dict[str, float] = field(default_factory=dict)  # worker -> articles per second
    shards: str = ""


def ingest_on_ray(
    store: Store,
    inputs: Sequence[str | Path],
    resources: Resources,
    *,
    shards: Path,
    address: str | None = None,
    workers: int | None = None,
    max_bytes: int | None = None,
    progress: Progress = lambda rows, total: rows,
) -> RayRun:
    """Code `inputs` on a Ray cluster (local when `address` is None) into `shards`, then store them."""
    units, skipped = expand(inputs)
    todo = [unit for unit in units if not is_done(shards, unit.key)]
    run = RayRun(IngestSummary(), units=len(units), coded=len(todo), shards=str(shards))
    if todo:
        rows = _code(todo, shards, address=address, workers=workers, max_bytes=max_bytes)
        articles: dict[str, int] = {}
        seconds: dict[str, float] = {}
        for row in progress(rows, len(todo)):
            articles[row["worker"]] = articles.get(row["worker"], 0) + int(row["articles"])
            seconds[row["worker"]] = seconds.get(row["worker"], 0.0) + float(row["seconds"])
        run.workers = {w: articles[w] / seconds[w] if seconds[w] else 0.0 for w in sorted(articles)}
    missing = [unit.path for unit in units if not is_done(shards, unit.key)]
    if missing:
        raise RuntimeError(f"{len(missing)} inputs have no finished shard (first: {missing[0]}); run again")
    outcomes = _folded(units, shards, [Outcome(None, rejection=r) for r in skipped])
    run.summary = store_outcomes(store, outcomes, resources)
    return run


def _folded(units: Sequence[Unit], shards: Path, first: list[Outcome]) -> Iterator[Outcome]:
    yield from first
    for unit in units:
        yield from read_shard(shards, unit.key)


def _code(
    todo: Sequence[Unit], shards: Path, *, address: str | None, workers: int | None, max_bytes: int | None
) -> Iterator[dict[str, Any]]:
    # Under `uv run`, Ray starts its workers with `uv run` too, which re-resolves the project in
    # every worker (and hangs where the index is unreachable); a local cluster's workers already
    # share this interpreter. Read by Ray when it is imported, so set before the import.
    os.environ.setdefault("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")
    import ray
    import ray.data

    started_here = not ray.is_initialized()
    if started_here:
        logging.getLogger("ray").setLevel(logging.WARNING)
        # A local cluster's workers inherit this environment (STRIFE_* settings included); a remote
        # cluster's nodes need strife installed and their own settings.
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the driver draws its own bar
        pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        items = [{"path": os.fsencode(unit.path), "key": unit.key} for unit in todo]
        dataset = ray.data.from_items(items, override_num_blocks=len(items))
        coded = dataset.map_batches(
            CodeUnits, fn_constructor_kwargs={"root": str(shards), "max_bytes": max_bytes},
            batch_size=1, concurrency=min(pool, len(items)), num_cpus=1,
        )  # fmt: skip
        yield from coded.iter_rows()
    finally:
        if started_here:
            ray.shutdown()
