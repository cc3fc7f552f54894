"""Writing articles and their events: the checks, then one bulk insert per table.

The caller holds the transaction; everything here runs inside it, so a batch
is stored whole or not at all.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from strife.records import Article, Event
from strife.store import _rows
from strife.store.schema import Connection

ARTICLE_COLUMNS = (
    "id",
    "hash",
    "date",
    "url",
    "title",
    "outlet",
    "origin",
    "date_note",
    "text",
    "ingested_at",
)


class AddResult(enum.Enum):
    """What `Store.add` did with an article."""

    STORED = "stored"
    DUPLICATE = "duplicate"  # the same text is already stored (under any id); nothing written
    ID_CONFLICT = "id_conflict"  # the id is taken by a different text; nothing written


class AddResults(list[AddResult]):
    """One AddResult per article, in order (a plain list to its callers), with, for each
    DUPLICATE, the id of the stored article whose text it repeats: `duplicate_of[i]` for the
    i-th article, so an ingest can say which stored article a skipped copy duplicates."""

    def __init__(self) -> None:
        super().__init__()
        self.duplicate_of: dict[int, str] = {}


def utcnow() -> datetime:
    # TIMESTAMP columns hold naive UTC.
    return datetime.now(UTC).replace(tzinfo=None)


def quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def insert(con: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert many rows in one statement, passing each column as one list.

    Unnesting column lists is about 100x faster in DuckDB than executemany,
    which runs the statement once per row.
    """
    if not rows:
        return
    selects = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    con.execute(
        f"INSERT INTO {table} ({quoted(columns)}) SELECT {selects}",
        _rows.columns_of(rows, len(columns)),
    )


Batch = Sequence[tuple[Article, Sequence[Event]]]


def add_batch(con: Connection, batch: Batch) -> AddResults:
    """Store each article not yet stored (by text hash) whose id is free; one result per article.

    Raises ValueError, before writing anything, when an event id is repeated
    or already stored: event ids are unique keys, so that is a bug upstream.
    """
    digests = [article.hash for article, _ in batch]
    ids = [article.id for article, _ in batch]
    found = con.execute(
        "SELECT id, hash FROM articles WHERE hash IN (SELECT unnest($1)) OR id IN (SELECT unnest($2))",
        [digests, ids],
    ).fetchall()
    known_ids = {row[0] for row in found}
    known_hashes = {row[1]: row[0] for row in found}  # text hash -> the stored article's id
    results = AddResults()
    accepted: list[tuple[Article, str, Sequence[Event]]] = []
    # Checked one by one so that a copy later in the same batch is a duplicate of the first.
    for (article, events), digest in zip(batch, digests, strict=True):
        if digest in known_hashes:
            results.duplicate_of[len(results)] = known_hashes[digest]
            results.append(AddResult.DUPLICATE)
        elif article.id in known_ids:
            results.append(AddResult.ID_CONFLICT)
        else:
            results.append(AddResult.STORED)
            known_hashes[digest] = article.id
            known_ids.add(article.id)
            accepted.append((article, digest, events))
    _check_event_ids(con, accepted)
    _write(con, accepted)
    return results


def _check_event_ids(con: Connection, accepted: Sequence[tuple[Article, str, Sequence[Event]]]) -> None:
    owners = [(event.event_id, article.id) for article, _, events in accepted for event in events]
    repeated = sorted(i for i, n in Counter(i for i, _ in owners).items() if n > 1)
    if repeated:
        raise ValueError(
            f"event ids repeated among the events being added: {repeated}; event ids must be unique"
        )
    if not owners:
        return
    taken = con.execute(
        "SELECT event_id, article_id FROM events WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id",
        [[event_id for event_id, _ in owners]],
    ).fetchall()
    if taken:
        adding = dict(owners)
        held = ", ".join(
            f"{event_id} (stored for article {owner}, given for {adding[event_id]})"
            for event_id, owner in taken
        )
        raise ValueError(
            f"event ids already stored: {held}; event ids must be unique (derive them from the article id)"
        )


def _write(con: Connection, accepted: Sequence[tuple[Article, str, Sequence[Event]]]) -> None:
    now = utcnow()
    articles = [
        (a.id, digest, a.date, a.url, a.title, a.outlet, a.origin, a.date_note, a.text, now)
        for a, digest, _ in accepted
    ]
    insert(con, "articles", ARTICLE_COLUMNS, articles)
    events = [_rows.event_row(e, article.id) for article, _, events in accepted for e in events]
    insert(con, "events", _rows.EVENT_COLUMNS, events)
    for table in _rows.CHILD_TABLES:
        rows = [row for _, _, events in accepted for e in events for row in _rows.child_rows(e, table)]
        insert(con, table, ("event_id", "ordinal", *_rows.child_columns(table)), rows)


def delete_derived(con: Connection, article_ids: Sequence[str]) -> None:
    """First step of `Store.delete_articles`: what refers to the articles' events (their
    occurrences, whose other members go back to unplaced; the merge log; claims, sources, evidence)."""
    ids = [list(article_ids)]
    events = "SELECT event_id FROM events WHERE article_id IN (SELECT unnest(?))"
    touched = con.execute(
        f"SELECT DISTINCT occurrence_id FROM event_occurrence WHERE event_id IN ({events})", ids
    ).fetchall()
    occurrence_ids = [[row[0] for row in touched]]
    con.execute("DELETE FROM occurrences WHERE event_id IN (SELECT unnest(?))", occurrence_ids)
    con.execute("DELETE FROM event_occurrence WHERE occurrence_id IN (SELECT unnest(?))", occurrence_ids)
    con.execute(f"DELETE FROM merge_log WHERE event_id IN ({events})", ids)
    for table in _rows.CHILD_TABLES:
        con.execute(f"DELETE FROM {table} WHERE event_id IN ({events})", ids)


def delete_events(con: Connection, article_ids: Sequence[str]) -> None:
    """Second step: the articles' events, chain rows and rejections."""
    ids = [list(article_ids)]
    con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?))", ids)
    for table in ("chains", "article_signatures", "article_bands", "rejections"):
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", ids)


def delete_articles(con: Connection, article_ids: Sequence[str]) -> int:
    """Last step: the articles themselves; the count removed."""
    ids = [list(article_ids)]
    row = con.execute("SELECT count(*) FROM articles WHERE id IN (SELECT unnest(?))", ids).fetchone()
    con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", ids)
    return int(row[0]) if row else 0
