"""Merging in the store: each ingest places its new articles in chains and its new events in occurrences.

Only what is not yet placed is processed, against the stored records of its
blocks, so a report ingested tomorrow joins today's occurrence, re-running
changes nothing, and a store from before merging existed is caught up by the
next ingest. Every decision is logged (`strife merges`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from strife.dedupe.chain_index import ChainIndex
from strife.dedupe.fingerprint import Vocabulary, fingerprint
from strife.dedupe.grouping import Grouping
from strife.dedupe.match import combine
from strife.records import Event, date_in_range
from strife.store import EventFilter, Store
from strife.store import chains as stored_chains
from strife.store import occurrences as stored
from strife.store.schema import Connection

# Articles fingerprinted, and events placed, per round trip to the store.
_BATCH = 2000


@dataclass
class MergeResult:
    """What one round of merging did: occurrences created or changed, and events it had to leave out."""

    changed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (event id, one-line reason)


def update_occurrences(store: Store, clean: Callable[[str], str] | None = None) -> MergeResult:
    """Place unplaced articles in chains and unplaced events in occurrences.

    `clean` turns an article text into the plain text fingerprints are taken of
    (by default the clean stage, which undoes spun wording). An event merging cannot
    place (a date outside the accepted range, stored before that range was checked) is
    left out and reported, never allowed to stop the others: `strife delete` removes it.
    """
    if clean is None:
        from strife.clean import Cleaner

        cleaner = Cleaner.default()

        def clean(text: str) -> str:
            return cleaner(text).text

    con = store.cursor()
    try:
        _chain_articles(store, con, clean)
        return _group_events(store, con)
    finally:
        con.close()


def _chain_articles(store: Store, con: Connection, clean: Callable[[str], str]) -> None:
    pending = stored_chains.unchained(con)
    vocabulary = Vocabulary.load()
    for start in range(0, len(pending), _BATCH):
        prints = [
            fingerprint(article_id, text, clean, vocabulary)
            for article_id, text in pending[start : start + _BATCH]
        ]
        index = ChainIndex()
        for article_id, chain_id, signature, band in stored_chains.sharing_bands(
            con, sorted({b for p in prints for b in p.bands})
        ):
            index.add_existing(article_id, chain_id, signature, [band])
        links = [index.place(p) for p in prints]
        rows = [
            (link.article_id, link.chain_id, link.similarity, p.agency)
            for link, p in zip(links, prints, strict=True)
        ]
        with store.transaction(con):
            stored_chains.save(con, rows, [(p.article_id, p.signature, p.bands) for p in prints])


def _group_events(store: Store, con: Connection) -> MergeResult:
    pending = stored.unassigned(con)
    order = {event_id: i for i, event_id in enumerate(pending)}
    result = MergeResult()
    for start in range(0, len(pending), _BATCH):
        new = list(store.events(EventFilter(event_ids=tuple(pending[start : start + _BATCH]))))
        new.sort(key=lambda e: order[e.event_id])
        placeable = []
        for event in new:
            reason = _unplaceable(event)
            if reason is None:
                placeable.append(event)
            else:
                result.skipped.append((event.event_id, reason))
        result.changed += _group_batch(store, con, placeable)
    return result


def _unplaceable(event: Event) -> str | None:
    for day in (event.event_date, event.date_start, event.date_end):
        if day is not None and not date_in_range(day):
            article = event.sources[0].article_id if event.sources else "?"
            return (
                f"event {event.event_id} of article {article} is dated {day.isoformat()}, outside the "
                f"accepted range; not merged: remove the article with 'strife delete {article}'"
            )
    return None


def _group_batch(store: Store, con: Connection, new: Sequence[Event]) -> int:
    articles = {s.article_id for e in new for s in e.sources}
    grouping = Grouping()
    days = [d for e in new for d in (e.date_start or e.event_date, e.date_end or e.event_date) if d]
    kinds = sorted({(e.event_type, e.country or "") for e in new})
    if kinds:
        first, last = (min(days), max(days)) if days else (date.min, date.max)
        for event, occurrence_id in stored.members_near(con, kinds, first, last):
            grouping.add_existing(event, occurrence_id)
            articles.add(event.sources[0].article_id)
    grouping.chains = stored_chains.chain_of(con, sorted(articles))
    for event in new:
        grouping.place(event)
    members = _members(con, grouping)
    records = {
        e.event_id: e
        for e in store.events(EventFilter(event_ids=tuple(i for ids in members.values() for i in ids)))
    }
    sources = sorted({s.article_id for e in records.values() for s in e.sources})
    chains, agencies = stored_chains.chain_of(con, sources), stored_chains.agency_of(con, sources)
    merged = [
        _with_agencies(combine([records[i] for i in ids], occurrence, chains), agencies)
        for occurrence, ids in members.items()
    ]

    with store.transaction(con):
        stored.remove(con, grouping.absorbed)
        stored.write(con, merged)
        stored.assign(con, {i: o for o, ids in members.items() for i in ids})
        stored.log(con, grouping.decisions)
    return len(merged)


def _members(con: Connection, grouping: Grouping) -> dict[str, list[str]]:
    """Every member of each changed occurrence: the ones this batch placed or loaded, and the stored
    ones outside the batch's dates (and those of the occurrences it joined into them)."""
    members = {o: set(grouping.members[o]) for o in grouping.touched}
    for occurrence, ids in stored.members_of(con, [*grouping.touched, *grouping.absorbed]).items():
        members[grouping.root(occurrence)].update(ids)
    return {o: sorted(ids) for o, ids in members.items()}


def _with_agencies(event: Event, agencies: dict[str, str]) -> Event:
    sources = tuple(
        s if s.originating_agency or s.article_id not in agencies
        else replace(s, originating_agency=agencies[s.article_id])
        for s in event.sources
    )  # fmt: skip
    return replace(event, sources=sources)
