"""Merged events (occurrences) in the store: which events make each one, the merged record, the log.

`occurrences` has the event table's scalar columns, to filter, sort and count
on, plus `record`, the whole merged Event as codebook JSON (sources, claims and
evidence included). An occurrence's id is the event id of its first stored
member, so it does not change as later reports join it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from strife.records import Event
from strife.store import _rows
from strife.store._write import insert, utcnow
from strife.store.schema import Connection

OCCURRENCE_COLUMNS: tuple[str, ...] = (*_rows.EVENT_SCALARS, "source_count", "record", "updated_at")


@dataclass(frozen=True)
class MergeDecision:
    """One event joining an occurrence: which stored event it matched, and why."""

    occurrence_id: str
    event_id: str
    matched: str
    reason: str
    at: datetime | None = None


def write(con: Connection, occurrences: Sequence[Event]) -> None:
    """Store these merged records, replacing any stored under the same ids."""
    if not occurrences:
        return
    ids = [event.event_id for event in occurrences]
    con.execute("DELETE FROM occurrences WHERE event_id IN (SELECT unnest(?))", [ids])
    now = utcnow()
    rows = [
        (
            *(getattr(event, name) for name in _rows.EVENT_SCALARS),
            len(event.sources),
            json.dumps(event.to_dict(), ensure_ascii=False),
            now,
        )
        for event in occurrences
    ]
    insert(con, "occurrences", OCCURRENCE_COLUMNS, rows)


def remove(con: Connection, occurrence_ids: Iterable[str]) -> None:
    """Drop occurrences absorbed into others."""
    con.execute("DELETE FROM occurrences WHERE event_id IN (SELECT unnest(?))", [list(occurrence_ids)])


def assign(con: Connection, members: Mapping[str, str]) -> None:
    """Record (or move) events into occurrences: {event_id: occurrence_id}."""
    if not members:
        return
    con.execute("DELETE FROM event_occurrence WHERE event_id IN (SELECT unnest(?))", [list(members)])
    insert(con, "event_occurrence", ("event_id", "occurrence_id"), list(members.items()))


def log(con: Connection, decisions: Sequence[MergeDecision]) -> None:
    now = utcnow()
    rows = [(d.occurrence_id, d.event_id, d.matched, d.reason, d.at or now) for d in decisions]
    insert(con, "merge_log", ("occurrence_id", "event_id", "matched", "reason", "at"), rows)


def decisions(con: Connection, occurrence_id: str | None = None) -> list[MergeDecision]:
    """The merge log, oldest first; only one occurrence's entries when an id is given."""
    where, params = ("WHERE occurrence_id = ?", [occurrence_id]) if occurrence_id else ("", [])
    rows = con.execute(
        f'SELECT occurrence_id, event_id, matched, reason, "at" FROM merge_log {where} '
        'ORDER BY "at", occurrence_id, event_id',
        params,
    ).fetchall()
    return [MergeDecision(*row) for row in rows]


def read(con: Connection, where: str = "", params: Sequence[object] = ()) -> list[Event]:
    """Merged records whose row passes `where` (SQL over the occurrence columns)."""
    rows = con.execute(
        f"SELECT record FROM occurrences {where} ORDER BY event_date NULLS LAST, event_id", list(params)
    ).fetchall()
    return [Event.from_dict(json.loads(record)) for (record,) in rows]
