"""`--output DIR`: a Ray run's records as a Parquet dataset that the read commands open directly.

1. The shards are folded, in input order, into an in-memory store with the usual storing,
   chaining and merging (`ingest_on_ray`), so the dataset holds the very articles, events
   and merged occurrences that a run into a DuckDB store would hold.
2. Each table with rows is written as Parquet under `DIR.partial/` (`strife.store.parquet_writing`):
   `events/` and `occurrences/` partitioned by country and month of the event date, as the shards are
   (`country=C/month=YYYY-MM/`), `articles/` by month of the article's date, the others
   (evidence, claims, sources, rejections, chains, event_occurrence, merge_log) in one
   folder each. The MinHash index that merging uses is left out: nothing reads it.
3. `strife.json` is written, then `DIR.partial` takes the place of `DIR`: a killed run
   leaves the previous dataset whole (and its shards, so the next run codes only what is missing).

`strife.store.parquet_dataset` opens the folder as a read-only store.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from strife.distributed.job import Progress, RayRun, ingest_on_ray
from strife.pipeline.resources import Resources
from strife.store import Store
from strife.store.parquet_dataset import MANIFEST, sql_literal
from strife.store.parquet_writing import write_dataset


def ingest_to_parquet(
    output: Path,
    inputs: Sequence[str | Path],
    resources: Resources,
    *,
    shards: Path,
    address: str | None = None,
    workers: int | None = None,
    max_bytes: int | None = None,
    progress: Progress = lambda rows, total: rows,
) -> RayRun:
    """Code `inputs` on Ray as `ingest_on_ray` does, merge them in memory, and write the records
    as a Parquet dataset at `output` (ValueError, before any coding, when `output` is taken)."""
    check_output(output)
    with Store.open(":memory:") as store:
        con = store.cursor()
        try:
            # A backfill larger than memory spills here, beside the shards, not into the working folder.
            con.execute(f"SET temp_directory = {sql_literal(str(shards / '.spill'))}")
        finally:
            con.close()
        run = ingest_on_ray(
            store, inputs, resources, shards=shards, address=address, workers=workers,
            max_bytes=max_bytes, progress=progress,
        )  # fmt: skip
        write_dataset(store, output, {"units": run.units, "shards": str(shards)})
    shutil.rmtree(shards / ".spill", ignore_errors=True)
    return run


def check_output(output: Path) -> None:
    """ValueError when `output` is a file, or a folder with files that are not a strife dataset's."""
    if output.exists() and not output.is_dir():
        raise ValueError(f"--output '{output}' is a file; name a folder for the Parquet dataset")
    if output.is_dir() and any(output.iterdir()) and not (output / MANIFEST).is_file():
        raise ValueError(
            f"--output '{output}' is a folder with other files in it; name a new or empty folder "
            "(a strife Parquet dataset there is replaced)"
        )
