"""Coding on Ray against the local worker pool, at 1 and 2 workers, on the same articles, same run.

    uv run --extra ray python bench/ray_scale.py            # 320 conflict articles in 16 files
    uv run --extra ray python bench/ray_scale.py --n 640 --files 32

Baseline: the local runner (`strife.pipeline.runner.run`, a forked pool of `--workers`
processes sharing the loaded model) over the articles of the same files. Rival: the Ray
path of `strife ingest --engine ray` (`strife.distributed.job._code`: Ray Data actors, one
loaded pipeline each, each file a unit written as a Parquet shard) on a local cluster
started before the clock. Two figures per Ray run, both wall time:

- total: from the first unit handed out to the last shard written, the actors' model
  loading included (a short run pays it in full; a backfill of hours amortises it);
- steady: articles per second while coding (the workers' own time per unit, summed per
  worker, the slowest worker's total taken as the span), which is what a long run gets.

Targets (issue #16): Ray >= 0.9 of the local pool at equal workers; 2 workers >= 1.7x one.
The projection per million articles per worker-core is printed from the steady 1-worker rate.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import corpus
from common import verdict

from strife.distributed.units import expand
from strife.ingest import read_inputs
from strife.pipeline import Resources
from strife.pipeline.runner import run as run_local


def _split(rows: list[dict[str, str]], files: int, folder: Path) -> None:
    per = -(-len(rows) // files)
    for index in range(files):
        chunk = rows[index * per : (index + 1) * per]
        with (folder / f"part-{index:03d}.jsonl").open("w", encoding="utf-8") as out:
            for row in chunk:
                out.write(json.dumps({k: row[k] for k in ("id", "date", "text")}) + "\n")


def _local(folder: Path, resources: Resources, workers: int) -> tuple[float, int]:
    started = time.perf_counter()
    outcomes = list(run_local(read_inputs([folder]), resources, workers=workers))
    return time.perf_counter() - started, sum(len(o.events) for o in outcomes)


def _on_ray(folder: Path, workers: int) -> tuple[float, float, int, int]:
    from strife.distributed.job import _code

    units, _ = expand([folder])
    shards = Path(tempfile.mkdtemp(prefix="strife-ray-bench-"))
    try:
        started = time.perf_counter()
        rows = list(_code(units, shards, address=None, workers=workers, max_bytes=None))
        total = time.perf_counter() - started
    finally:
        shutil.rmtree(shards, ignore_errors=True)
    busy: dict[str, float] = {}
    for row in rows:
        busy[row["worker"]] = busy.get(row["worker"], 0.0) + float(row["seconds"])
    articles = sum(int(row["articles"]) for row in rows)
    return total, max(busy.values()), articles, sum(int(row["events"]) for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=320, help="conflict articles")
    parser.add_argument("--files", type=int, default=16, help="input files (Ray units) they are split into")
    args = parser.parse_args()

    os.environ.setdefault("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")  # see strife.distributed.job
    import ray

    rows = corpus.read(corpus.build(args.n, conflict_share=1.0))
    folder = Path(tempfile.mkdtemp(prefix="strife-ray-bench-in-"))
    _split(rows, args.files, folder)
    resources = Resources()
    resources.warm()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        local = {w: _local(folder, resources, w) for w in (1, 2)}
        on_ray = {w: _on_ray(folder, w) for w in (1, 2)}
    finally:
        ray.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    n = len(rows)
    print(f"{n} articles in {args.files} files, {os.cpu_count()} cores")
    for w in (1, 2):
        seconds, events = local[w]
        total, steady, articles, ray_events = on_ray[w]
        print(
            f"workers {w}: local pool {n / seconds:6.1f} articles/s ({events} events) | ray total "
            f"{articles / total:6.1f}/s, steady {articles / steady:6.1f}/s ({ray_events} events) | "
            f"ray/local total {seconds / total:4.2f}, steady {seconds / steady:4.2f}"
        )
    steady_ratio = local[1][0] / on_ray[1][1], local[2][0] / on_ray[2][1]
    scale = on_ray[1][1] / on_ray[2][1]
    worst = min(steady_ratio)
    print(f"ray vs local pool, steady: {worst:.2f} (target >= 0.9: {verdict(worst, 0.9)})")
    print(f"ray 2 workers vs 1, steady: {scale:.2f}x (target >= 1.7x: {verdict(scale, 1.7)})")
    rate = on_ray[1][2] / on_ray[1][1]
    hours = 1e6 / rate / 3600
    print(f"projection: {hours:.1f} worker-core hours per million articles ({rate:.1f} articles/s/core)")


if __name__ == "__main__":
    main()
