"""Which articles report one occurrence, as merging in the store decides it (scored against gold clusters).

The articles and their events are stored in a store held in memory and merged by the
very steps every `strife ingest` runs (`update_occurrences`), so `strife eval` scores what
a user gets: two articles report one occurrence when both are sources of one merged event.
Being copies of one story (one source chain) is not enough: their events must merge. An
exact copy of an article's text, which the store keeps once, counts as that article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from strife.dedupe.incremental import update_occurrences
from strife.records import Article, Event
from strife.store import Store
from strife.store._write import AddResult


def article_groups(
    reports: Iterable[tuple[Article, Sequence[Event]]], clean: Callable[[str], str]
) -> dict[str, set[str]]:
    """Per article id, the merged events (occurrence ids) it is a source of: two articles that
    share any of these report the same occurrence."""
    batch = [(article, list(events)) for article, events in reports]
    first_of: dict[str, str] = {}  # text hash -> the article id stored for it
    copies: dict[str, str] = {}  # an exact copy's id -> the stored article's id
    groups: dict[str, set[str]] = {}
    with Store.open(":memory:") as store:
        for (article, _), result in zip(batch, store.add_many(batch), strict=True):
            if result is AddResult.STORED:
                first_of.setdefault(article.hash, article.id)
            elif result is AddResult.DUPLICATE and article.hash in first_of:
                copies[article.id] = first_of[article.hash]
        update_occurrences(store, clean)
        for event in store.occurrences():
            for source in event.sources:
                groups.setdefault(source.article_id, set()).add(event.event_id)
    for copy, original in copies.items():
        groups[copy] = groups.get(original, set())
    return groups


def same_occurrence(groups: Mapping[str, set[str]], a: str, b: str) -> bool:
    return bool(groups.get(a, set()) & groups.get(b, set()))
