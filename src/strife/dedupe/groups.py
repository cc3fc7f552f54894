"""Which articles report one occurrence, decided in memory (for scoring against gold clusters).

The same steps as a store ingest, without the store: articles are fingerprinted
and put in source chains, then their events are grouped into occurrences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from strife.dedupe.chain_index import ChainIndex
from strife.dedupe.fingerprint import Vocabulary, fingerprint
from strife.dedupe.grouping import Grouping
from strife.records import Article, Event


def article_groups(
    reports: Iterable[tuple[Article, Sequence[Event]]], clean: Callable[[str], str]
) -> dict[str, set[str]]:
    """Per article id, its chain and the occurrences of its events: two articles that share
    any of these report the same occurrence."""
    index = ChainIndex()
    grouping = Grouping(chains=index.chain)
    events: list[Event] = []
    vocabulary = Vocabulary.load()
    for article, found in reports:
        index.place(fingerprint(article.id, article.text, clean, vocabulary))
        events.extend(found)
    for event in events:
        grouping.place(event)
    groups: dict[str, set[str]] = {
        article_id: {f"chain:{chain}"} for article_id, chain in index.chain.items()
    }
    for event in events:
        for source in event.sources:
            groups.setdefault(source.article_id, set()).add(grouping.occurrence[event.event_id])
    return groups


def same_occurrence(groups: Mapping[str, set[str]], a: str, b: str) -> bool:
    return bool(groups.get(a, set()) & groups.get(b, set()))
