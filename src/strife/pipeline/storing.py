"""Ingesting into a store: code articles, store them in batches, merge each batch into occurrences.

The public API (`strife.open_store(...).ingest`) calls `ingest`, and the command
line and the web server call the API, so an article posted to the server is coded
and merged exactly as one read from a file.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from strife.dedupe.incremental import update_occurrences
from strife.pipeline.core import Outcome
from strife.pipeline.resources import Resources
from strife.pipeline.runner import run
from strife.records import Article, Rejection
from strife.review import reapply
from strife.store import AddResult, Store

T = TypeVar("T")

# Articles stored per transaction: far faster than one transaction per article,
# and a run killed half way still leaves only whole articles.
BATCH = 64
# Batches stored between two rounds of merging. Merging each round keeps what a killed run
# stored visible as merged events; a round has a fixed cost (finding what is unplaced), so
# not after every batch.
MERGE_EVERY = 4


@dataclass
class IngestSummary:
    """What one ingest did."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    occurrences: int = 0  # occurrences created or updated by merging
    rejections: list[Rejection] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)
    duplicate_origins: list[str] = field(default_factory=list)  # where each skipped duplicate came from
    duplicate_of: list[str] = field(default_factory=list)  # the stored article each one repeats, in step
    not_merged: list[tuple[str, str]] = field(default_factory=list)  # (event id, reason) merging left out


def _batched(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    iterator = iter(items)
    while batch := tuple(itertools.islice(iterator, size)):
        yield batch


def ingest(
    store: Store,
    items: Iterable[Article | Rejection],
    resources: Resources,
    *,
    workers: int = 1,
    progress: Callable[[Iterator[Outcome]], Iterable[Outcome]] = lambda outcomes: outcomes,
) -> IngestSummary:
    """Extract events from `items`, store articles, events and rejections, and merge occurrences.

    Re-running on the same items adds nothing: articles are keyed by a hash of their text.
    `progress` may wrap the stream of outcomes (a progress bar). Merging runs every few
    batches and at the end, so a run killed half way leaves its stored events merged
    (all but the last few batches; the next ingest places those).
    """
    return store_outcomes(store, progress(run(items, resources, workers=workers)), resources)


def store_outcomes(store: Store, outcomes: Iterable[Outcome], resources: Resources) -> IngestSummary:
    """Store coded outcomes in batches and merge them into occurrences (what `ingest` does after coding).

    The Ray runner codes elsewhere and hands its outcomes here, so both runners store and
    merge the same way.
    """
    summary = IngestSummary()

    def merge() -> None:
        result = update_occurrences(store, lambda text: resources.cleaner(text).text)
        reapply(store)  # a reviewer's corrections, rejections and pinned groupings, back on top
        summary.occurrences += result.changed
        summary.not_merged = result.skipped  # the whole list of what is still left out

    for number, batch in enumerate(_batched(outcomes, BATCH), start=1):
        _store_batch(store, summary, batch)
        if number % MERGE_EVERY == 0:
            merge()
    merge()
    return summary


def _store_batch(store: Store, summary: IngestSummary, batch: tuple[Outcome, ...]) -> None:
    stored = [(o, o.article) for o in batch if o.rejection is None and o.article is not None]
    for outcome in batch:
        if outcome.rejection is not None:
            _reject(store, summary, outcome.rejection)
    results = store.add_many([(article, outcome.events) for outcome, article in stored])
    for number, ((outcome, article), result) in enumerate(zip(stored, results, strict=True)):
        summary.read += 1
        if result is AddResult.STORED:
            summary.stored += 1
            summary.events += len(outcome.events)
            summary.stored_ids.append(article.id)
        elif result is AddResult.DUPLICATE:
            summary.duplicates += 1
            summary.duplicate_origins.append(article.origin or article.id)
            summary.duplicate_of.append(results.duplicate_of[number])
        else:
            reason = f"id '{article.id}' is already used by a different article; give it another id"
            _reject(store, summary, Rejection(article.origin or article.id, "store", reason, article.id))


def _reject(store: Store, summary: IngestSummary, rejection: Rejection) -> None:
    summary.rejections.append(rejection)
    store.add_rejection(rejection)
