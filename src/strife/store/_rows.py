"""Records <-> table rows: the mapping between strife's nouns and the store's columns."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from strife.records import Claim, Event, Evidence, Source

# The nested parts of an Event, each in its own table keyed by (event_id, ordinal).
CHILD_TABLES: dict[str, type] = {"evidence": Evidence, "claims": Claim, "sources": Source}

EVENT_SCALARS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Event) if f.name not in CHILD_TABLES
)
EVENT_COLUMNS: tuple[str, ...] = ("article_id", *EVENT_SCALARS)


def child_columns(table: str) -> tuple[str, ...]:
    """The columns of a child table after (event_id, ordinal): the record's fields."""
    return tuple(f.name for f in dataclasses.fields(CHILD_TABLES[table]))


def columns_of(rows: Sequence[Sequence[Any]], width: int) -> list[list[Any]]:
    """Transpose rows into one list per column (how the store bulk-inserts)."""
    return [[row[i] for row in rows] for i in range(width)]


def event_row(event: Event, article_id: str) -> tuple[Any, ...]:
    return (article_id, *(getattr(event, name) for name in EVENT_SCALARS))


def child_rows(event: Event, table: str) -> list[tuple[Any, ...]]:
    names = child_columns(table)
    return [
        (event.event_id, ordinal, *(getattr(part, name) for name in names))
        for ordinal, part in enumerate(getattr(event, table))
    ]


def build_event(row: dict[str, Any], children: dict[str, list[Any]]) -> Event:
    """An Event from its `events` row (as a dict) and its child records, in order."""
    values: dict[str, Any] = {name: row[name] for name in EVENT_SCALARS}
    values.update({table: tuple(children.get(table, ())) for table in CHILD_TABLES})
    return Event(**values)


def build_child(table: str, row: Sequence[Any]) -> Any:
    """A Claim, Source or Evidence from a child row without its (event_id, ordinal)."""
    return CHILD_TABLES[table](**dict(zip(child_columns(table), row, strict=True)))
