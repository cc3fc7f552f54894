"""Merging in the store: each ingest places its new articles in chains and its new events in occurrences.

Only what is not yet placed is processed, against the stored records of its
blocks, so a report ingested tomorrow joins today's occurrence, re-running
changes nothing, and a store from before merging existed is caught up by the
next ingest. Every decision is logged (`strife merges`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from strife.dedupe.chain_index import ChainIndex
from strife.dedupe.decide import Decider, lent_window
from strife.dedupe.fingerprint import Vocabulary, fingerprint
from strife.dedupe.grouping import RECENT, Grouping, default_decider
from strife.dedupe.match import combine
from strife.dedupe.place_keys import ANYWHERE, TOWN_DEGREES, lookup_keys
from strife.records import Event, date_in_range
from strife.store import EventFilter, Store
from strife.store import chains as stored_chains
from strife.store import occurrences as stored
from strife.store.schema import Connection

# Articles fingerprinted, and events placed, per round trip to the store: each trip reads the
# store's bands and places, so a large backlog costs fewer reads in larger batches.
_BATCH = 5000


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
    decider = default_decider() if pending else None
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
        assert decider is not None
        result.changed += _group_batch(store, con, placeable, decider)
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


def _group_batch(store: Store, con: Connection, new: Sequence[Event], decider: Decider) -> int:
    neighbours = _neighbours(con, new, decider)
    articles = sorted(
        {s.article_id for e in new for s in e.sources} | {e.sources[0].article_id for e, _ in neighbours}
    )
    reader = _SentenceReader(con, [e.event_id for e in new] + [e.event_id for e, _ in neighbours])
    grouping = Grouping(
        chains=stored_chains.chain_of(con, articles),
        lent=stored_chains.dated_copies(con, articles),
        signatures=stored_chains.signatures_of(con, articles),
        decider=decider,
        sentences=reader.of_event,
        article_sentences=reader.of_article,
    )
    for event, occurrence_id in neighbours:
        grouping.add_existing(event, occurrence_id)
    for event in new:
        grouping.place(event)
    members = _members(con, grouping)
    merged = combined_records(store, con, members)

    with store.transaction(con):
        stored.remove(con, grouping.absorbed)
        stored.write(con, merged)
        stored.assign(con, {i: o for o, ids in members.items() for i in ids})
        stored.log(con, [*grouping.decisions, *grouping.uncertain])
    return len(merged)


def _neighbours(con: Connection, new: Sequence[Event], decider: Decider) -> list[tuple[Event, str]]:
    """The stored records the new ones may merge with, in the order they were stored: the dated
    ones of their types (and the types linked to them) and countries whose windows touch the
    batch's dates; the latest undated ones under their town-level place keys; for undated new
    records the latest records under those keys (`grouping.RECENT` of each, see `Grouping`); and
    the records of their copies."""
    kinds = sorted(
        {(kind, e.country or "") for e in new for kind in decider.families.neighbours(e.event_type)}
    )
    if not kinds:
        return []
    found: list[stored.Member] = []
    dated = [e for e in new if (e.date_start or e.event_date) is not None]
    if dated:
        days = [d for e in dated for d in (e.date_start or e.event_date, e.date_end or e.event_date) if d]
        found += stored.members_near(con, kinds, min(days), max(days))
        found += _recent(con, dated, decider, undated_only=True)
    undated = [e for e in new if (e.date_start or e.event_date) is None]
    if undated:  # an undated record looks at the latest records of any date
        found += _recent(con, undated, decider, undated_only=False)
    found += stored.members_of_chains(con, sorted({s.article_id for e in new for s in e.sources}))
    unique = {member.event.event_id: member for member in found}
    return [(m.event, m.occurrence_id) for m in sorted(unique.values(), key=lambda m: m.stored)]


def _recent(
    con: Connection, events: Sequence[Event], decider: Decider, *, undated_only: bool
) -> list[stored.Member]:
    """The RECENT latest stored records under the town-level place keys of these records, of their
    types (and the types linked to them) and countries (see Grouping._candidates)."""
    kinds = {(kind, e.country or "") for e in events for kind in decider.families.neighbours(e.event_type)}
    keys = {
        (e.country or "", family, None if key == ANYWHERE else key)
        for e in events
        for family, key in lookup_keys(e, town=True)
    }
    return stored.members_recent(
        con, sorted(kinds), list(keys), RECENT, undated_only=undated_only, cell_degrees=TOWN_DEGREES
    )


class _SentenceReader:
    """Evidence sentences of the stored records a batch compares with, read in one query the first
    time a decision asks for any (most batches never do: only undated reports, two codings of one
    occurrence and places named differently need them)."""

    def __init__(self, con: Connection, event_ids: Sequence[str]) -> None:
        self._con = con
        self._ids = list(event_ids)
        self._events: dict[str, list[str]] | None = None
        self._articles: dict[str, list[str]] = {}

    def of_event(self, event_id: str) -> Sequence[str]:
        if self._events is None:
            read = stored.evidence_sentences(self._con, self._ids)
            self._events = {event_id: read.get(event_id, []) for event_id in self._ids}
        if event_id not in self._events:  # a record outside the batch's neighbours
            self._events[event_id] = stored.evidence_sentences(self._con, [event_id]).get(event_id, [])
        return self._events[event_id]

    def of_article(self, article_id: str) -> Sequence[str]:
        if article_id not in self._articles:
            self._articles[article_id] = stored.article_sentences(self._con, article_id)
        return self._articles[article_id]


def combined_records(store: Store, con: Connection, members: Mapping[str, Sequence[str]]) -> list[Event]:
    """One merged record per occurrence of `members` (occurrence id -> its reports' event ids, in
    order): the stored reports, an undated copy with the date its chain lends it, each source with
    its originating agency. The merger and the review's regrouping both combine this way."""
    wanted = tuple(sorted({i for ids in members.values() for i in ids}))
    records = {e.event_id: e for e in store.events(EventFilter(event_ids=wanted))}
    articles = sorted({s.article_id for e in records.values() for s in e.sources})
    chains, agencies = stored_chains.chain_of(con, articles), stored_chains.agency_of(con, articles)
    lent = stored_chains.dated_copies(con, articles)
    return [
        _with_agencies(
            combine([lend_date(records[i], lent) for i in ids if i in records], occurrence, chains), agencies
        )
        for occurrence, ids in members.items()
        if any(i in records for i in ids)
    ]


def lend_date(event: Event, lent: dict[str, tuple[str, date]]) -> Event:
    """An undated report's record with the date its dated copy lends it, noted as derived (`lent`:
    `strife.store.chains.dated_copies`)."""
    article = event.sources[0].article_id if event.sources else ""
    if event.event_date or event.date_start or event.date_end or article not in lent:
        return event
    copy, day = lent[article]
    start, end = lent_window(day)
    note = f"dates lent by copy {copy} (dated {day.isoformat()}): article {article} has no date"
    notes = f"{event.notes}; {note}" if event.notes else note
    return replace(event, event_date=end, date_start=start, date_end=end, time_precision=2, notes=notes)


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
