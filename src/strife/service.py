"""Ingesting into a store: extract, store whole articles in batches, then merge occurrences.

The command line (`strife ingest`) and the web API (`POST /api/articles`) both
call `ingest`, so an article posted to the server is coded and merged exactly as
one read from a file.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from strife.pipeline import Outcome
from strife.records import Article, Rejection
from strife.resources import Resources
from strife.store import AddResult, Store

T = TypeVar("T")

# Articles stored per transaction: far faster than one transaction per article,
# and a run killed half way still leaves only whole articles.
BATCH = 64


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
    `progress` may wrap the stream of outcomes (a progress bar).
    """
    from strife.dedupe.incremental import update_occurrences
    from strife.runner import run

    summary = IngestSummary()
    for batch in _batched(progress(run(items, resources, workers=workers)), BATCH):
        stored = [o for o in batch if o.rejection is None and o.article is not None]
        for outcome in batch:
            if outcome.rejection is not None:
                _reject(store, summary, outcome.rejection)
        results = store.add_many([(o.article, o.events) for o in stored])  # type: ignore[misc]
        for outcome, result in zip(stored, results, strict=True):
            article = outcome.article
            assert article is not None
            summary.read += 1
            if result is AddResult.STORED:
                summary.stored += 1
                summary.events += len(outcome.events)
                summary.stored_ids.append(article.id)
            elif result is AddResult.DUPLICATE:
                summary.duplicates += 1
            else:
                reason = f"id '{article.id}' is already used by a different article; give it another id"
                _reject(store, summary, Rejection(article.origin or article.id, "store", reason, article.id))
    summary.occurrences = update_occurrences(store, lambda text: resources.cleaner(text).text)
    return summary


def _reject(store: Store, summary: IngestSummary, rejection: Rejection) -> None:
    summary.rejections.append(rejection)
    store.add_rejection(rejection)
