"""Runs the pipeline over a stream of inputs, in this process or in a pool of workers.

The parent loads the `Resources` once and forks: each worker holds the model
(one per worker, shared copy-on-write until written). Work is sent in chunks and
results come back in input order, so the output of N workers is identical to the
output of one.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator

from strife.pipeline.core import Outcome, Pipeline
from strife.pipeline.resources import Resources
from strife.pipeline.stages import default_pipeline
from strife.records import Article, Rejection

_worker_pipeline: Pipeline | None = None  # one per worker process, set by _init_worker


def _init_worker(resources: Resources, focus: bool, relevance: bool) -> None:
    global _worker_pipeline
    resources.after_fork()
    _worker_pipeline = default_pipeline(resources, relevance=relevance, focus=focus)


def _run_chunk(chunk: list[Article | Rejection]) -> list[Outcome]:
    assert _worker_pipeline is not None, "worker used before its initialiser ran"
    return list(_worker_pipeline.run(chunk))


def run(
    items: Iterable[Article | Rejection],
    resources: Resources | None = None,
    workers: int = 1,
    chunk_size: int = 16,
    focus: bool = True,
    relevance: bool = True,
) -> Iterator[Outcome]:
    """`focus=False` parses every sentence, not only those with an event word (for --explain);
    `relevance=False` codes every article."""
    resources = resources or Resources()
    if workers <= 1:
        yield from default_pipeline(resources, relevance=relevance, focus=focus).run(items)
        return
    iterator = iter(items)
    chunks = iter(lambda: list(itertools.islice(iterator, chunk_size)), [])
    # Load the model and tables once here: forked workers share them copy-on-write instead of
    # each loading its own (seconds per worker, and memory per worker).
    resources.warm()
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(resources, focus, relevance)) as pool:
        for outcomes in pool.imap(_run_chunk, chunks):
            yield from outcomes
