"""Parquet export: typed columns, claims, sources and evidence as lists of structs (via strife.store)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from strife.export.review import Marked, ReviewMark, review_cells
from strife.records import Event
from strife.store.parquet import write_columns

_CLAIM = "STRUCT(claimant VARCHAR, statement VARCHAR, figure INTEGER)[]"
_SOURCE = (
    "STRUCT(article_id VARCHAR, url VARCHAR, outlet VARCHAR, date DATE, originating_agency VARCHAR, "
    "chain VARCHAR)[]"
)
_EVIDENCE = 'STRUCT(field VARCHAR, article_id VARCHAR, sentence VARCHAR, start INTEGER, "end" INTEGER)[]'

# One entry per Event field, in the record's order; a test checks none is missing.
COLUMN_TYPES: dict[str, str] = {
    "event_id": "VARCHAR",
    "event_type": "VARCHAR",
    "sub_event_type": "VARCHAR",
    "event_date": "DATE",
    "date_start": "DATE",
    "date_end": "DATE",
    "time_precision": "INTEGER",
    "actor1": "VARCHAR",
    "actor1_type": "INTEGER",
    "assoc_actor1": "VARCHAR",
    "actor2": "VARCHAR",
    "actor2_type": "INTEGER",
    "assoc_actor2": "VARCHAR",
    "interaction": "INTEGER",
    "country": "VARCHAR",
    "admin1": "VARCHAR",
    "admin2": "VARCHAR",
    "location": "VARCHAR",
    "latitude": "DOUBLE",
    "longitude": "DOUBLE",
    "geo_precision": "INTEGER",
    "fatalities": "INTEGER",
    "fatalities_low": "INTEGER",
    "fatalities_high": "INTEGER",
    "fatalities_disputed": "BOOLEAN",
    "displaced_figure": "INTEGER",
    "displaced_unit": "VARCHAR",
    "displaced_people": "INTEGER",
    "displacement_origin": "VARCHAR",
    "displacement_destination": "VARCHAR",
    "reported_by": "VARCHAR",
    "claims": _CLAIM,
    "disputed": "BOOLEAN",
    "sources": _SOURCE,
    "evidence": _EVIDENCE,
    "notes": "VARCHAR",
    "confidence": "DOUBLE",
    "corroboration": "INTEGER",
    "schema_version": "INTEGER",
}
_NESTED = ("claims", "sources", "evidence")
# The review columns, after the record's (strife.export.review).
REVIEW_TYPES: dict[str, str] = {"reviewed": "VARCHAR", "reviewed_by": "VARCHAR"}
# Events go into DuckDB this many at a time, one column list per parameter.
_CHUNK = 10_000


def _chunks(events: Iterable[Marked]) -> Iterator[list[Marked]]:
    it = iter(events)
    while chunk := list(islice(it, _CHUNK)):
        yield chunk


def _value(event: Event, mark: ReviewMark, name: str) -> Any:
    if name in REVIEW_TYPES:
        return review_cells(mark)[name]
    if name in _NESTED:
        return [part.to_dict() for part in getattr(event, name)]
    return getattr(event, name)


def write_parquet(events: Iterable[Marked], path: Path) -> int:
    """Write the events, each with its review, to a Parquet file at `path`; return how many."""
    types = {**COLUMN_TYPES, **REVIEW_TYPES}
    chunks = (
        [[_value(event, mark, name) for event, mark in chunk] for name in types] for chunk in _chunks(events)
    )
    return write_columns(types, chunks, path)
