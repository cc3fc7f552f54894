"""Coding on a Ray cluster: the same stages as the local runner, in Ray Data actors, with Parquet shards.

The flow, in the modules' order:

units.py    the inputs as units (one file each, keyed by a hash of its path and bytes)
shards.py   a unit's outcomes as Parquet: `outcomes/`, `events/country=../month=../`, a `done/` marker
worker.py   the Ray actor: loads the model, gazetteer and encoder once, codes units, writes shards
job.py      the driver: skips finished units, runs the rest on the cluster with a progress bar,
            then folds every shard into the store with the usual storing and merging

Ray is an optional extra (`uv sync --extra ray`): nothing here imports it until a job runs.
"""

from __future__ import annotations

from strife.distributed.job import RayRun, ingest_on_ray

__all__ = ["RayRun", "ingest_on_ray"]
