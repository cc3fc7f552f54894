"""`strife ingest --engine ray`: coding on a Ray cluster, storing here or writing a Parquet dataset
(`--output DIR`; see strife.distributed)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click

import strife
from strife.cli._base import EXIT_USAGE, fail

engine_option = click.option(
    "--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
    help="where articles are coded: this machine, or a Ray cluster (needs the 'ray' extra)",
)  # fmt: skip
address_option = click.option(
    "--address", default=None, help="Ray cluster to join (auto, ray://HOST:PORT); default: start a local one"
)
shards_option = click.option(
    "--shards", default=None, type=click.Path(file_okay=False),
    help="folder for the Ray run's Parquet shards (default: DB.shards, or DIR.shards with --output); "
    "a rerun skips finished ones",
)  # fmt: skip
output_option = click.option(
    "--output", default=None, type=click.Path(file_okay=False),
    help="with --engine ray: write a merged Parquet dataset to this folder instead of storing into --db "
    "(read it with --parquet DIR)",
)  # fmt: skip


def ingest_on_ray(
    into: strife.Dataset | str, inputs: list[str], *, workers: int, max_bytes: int, address: str | None,
    shards: str | None,
) -> strife.api.IngestSummary:  # fmt: skip
    """Run the Ray ingest into a store, or into a Parquet dataset at the folder `into` names, with a
    bar over the inputs; print what the cluster did; the usual summary back."""
    from tqdm import tqdm

    if importlib.util.find_spec("ray") is None:  # not imported here: strife.distributed sets Ray up
        fail("--engine ray needs Ray: install the extra (uv sync --extra ray, or pip install 'strife[ray]')",
             EXIT_USAGE)  # fmt: skip

    def progress(rows: Iterator[dict[str, Any]], total: int) -> Iterable[dict[str, Any]]:
        bar = tqdm(total=total, unit=" inputs", disable=None, file=sys.stderr, mininterval=1.0)
        articles = 0
        for row in rows:
            articles += int(row["articles"])
            bar.set_postfix(articles=articles, refresh=False)
            bar.update(1)
            yield row
        bar.close()

    pool = workers if workers > 1 else None
    try:
        if isinstance(into, str):
            run = strife.api.ingest_to_parquet(
                inputs, into, address=address, workers=pool, shards=shards, max_bytes=max_bytes,
                progress=progress,
            )  # fmt: skip
        else:
            run = into.ingest_on_ray(
                inputs, address=address, workers=pool, shards=shards, max_bytes=max_bytes, progress=progress
            )
    except (ValueError, RuntimeError, ConnectionError) as error:
        fail(str(error))
        raise  # unreachable: fail exits
    rates = ", ".join(f"{worker} {rate:.1f}/s" for worker, rate in run.workers.items()) or "none needed"
    click.echo(
        f"ray: {run.coded} of {run.units} inputs coded "
        f"({run.units - run.coded} already done in {run.shards}); articles per second per worker: {rates}",
        err=True,
    )
    return run.summary
