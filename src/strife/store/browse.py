"""Browsing merged events (occurrences): which ones a request covers, pages of their summaries, totals.

    where = OccurrenceFilter(EventFilter(country="Mali"), q="Mopti")
    total = count(con, where)
    rows, after = page_after(con, where, Sort.parse("-fatalities"), 50)   # then page_after(..., after)

Filtering and paging run in DuckDB, so a request over 100,000 occurrences moves
only the rows it returns into Python. Every value reaches SQL as a parameter;
only the column names of the allow-lists here are written into SQL text.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from strife.records import Event
from strife.store.schema import Connection
from strife.store.store import EventFilter

# The fields of an occurrence in lists, map popups and downloads.
SUMMARY_FIELDS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_disputed",
    "displaced_people",
    "corroboration",
    "source_count",
    "confidence",
    "disputed",
)
_SUMMARY_SQL = ", ".join(f'"{name}"' for name in SUMMARY_FIELDS)

# Fields a page may be sorted by (the allow-list: user input never becomes SQL text),
# each with the Python type its values take in a keyset cursor.
SORT_FIELDS: dict[str, type] = {
    "event_date": date,
    "fatalities": int,
    "country": str,
    "admin1": str,
    "event_type": str,
    "sub_event_type": str,
    "location": str,
    "corroboration": int,
    "confidence": float,
    "displaced_people": int,
}
DEFAULT_SORT = "-event_date"

_SEARCHED = ("notes", "location", "actor1", "actor2", "assoc_actor1", "assoc_actor2")


@dataclass(frozen=True)
class BBox:
    """A lon/lat box; min_lon > max_lon means the box crosses the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def where(self) -> tuple[str, list[Any]]:
        params = [self.min_lat, self.max_lat, self.min_lon, self.max_lon]
        if self.min_lon <= self.max_lon:
            return "(latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?)", params
        return "(latitude BETWEEN ? AND ? AND (longitude >= ? OR longitude <= ?))", params


@dataclass(frozen=True)
class OccurrenceFilter:
    """Which occurrences a request covers; unset fields do not filter.

    The store's EventFilter does country, admin1, event_type, actor and the dates;
    this adds sub_event_type, a map box and a free-text search.
    """

    base: EventFilter = field(default_factory=EventFilter)
    sub_event_type: str | None = None
    bbox: BBox | None = None
    q: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL WHERE clause over the occurrence columns (empty when nothing filters) and its values."""
        base, params = self.base.where()
        clauses = [base.removeprefix("WHERE ")] if base else []
        if self.sub_event_type is not None:
            clauses.append("lower(sub_event_type) = lower(?)")
            params.append(self.sub_event_type)
        if self.bbox is not None:
            clause, values = self.bbox.where()
            clauses.append(clause)
            params.extend(values)
        if self.q is not None:
            clauses.append("(" + " OR ".join(f"contains(lower({c}), lower(?))" for c in _SEARCHED) + ")")
            params.extend([self.q] * len(_SEARCHED))
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def and_where(where: str, clause: str) -> str:
    """`where` (a WHERE clause or empty) narrowed by `clause`."""
    return f"{where} AND {clause}" if where else f"WHERE {clause}"


@dataclass(frozen=True)
class Sort:
    """An order over occurrences: one allow-listed column, unknown values last, ties by event_id."""

    column: str
    descending: bool = False

    def __post_init__(self) -> None:
        if self.column not in SORT_FIELDS:
            raise ValueError(f"unknown sort column '{self.column}'; choose one of {', '.join(SORT_FIELDS)}")

    @classmethod
    def parse(cls, text: str) -> Sort:
        """`field` or `-field` (descending); ValueError naming the choices for another field."""
        name = text.strip()
        if name.removeprefix("-") not in SORT_FIELDS:
            choices = ", ".join(SORT_FIELDS)
            raise ValueError(f"unknown sort '{text}'; choose one of {choices} (prefix '-' for descending)")
        return cls(name.removeprefix("-"), name.startswith("-"))

    def __str__(self) -> str:
        return ("-" if self.descending else "") + self.column

    def order_by(self) -> str:
        # Ties broken by id so that pages never repeat or skip an event.
        direction = "DESC" if self.descending else "ASC"
        return f'ORDER BY "{self.column}" {direction} NULLS LAST, event_id'

    def after(self, value: Any, event_id: str) -> tuple[str, list[Any]]:
        """The clause keeping only the rows after (value, event_id) in this order."""
        column = f'"{self.column}"'
        if value is None:  # among the unknown values, which come last
            return f"({column} IS NULL AND event_id > ?)", [event_id]
        beyond = "<" if self.descending else ">"
        return (
            f"({column} {beyond} ? OR ({column} = ? AND event_id > ?) OR {column} IS NULL)",
            [value, value, event_id],
        )


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the sort, the last row's sort value and id, and the page number.

    Clients see it as an opaque string (`token()`); `parse` refuses one that was
    not made by `token()` or that belongs to another sort.
    """

    sort: Sort
    value: Any
    event_id: str
    page: int

    def token(self) -> str:
        value = self.value.isoformat() if isinstance(self.value, date) else self.value
        text = json.dumps([str(self.sort), value, self.event_id, self.page], separators=(",", ":"))
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")

    @classmethod
    def parse(cls, token: str, sort: Sort) -> Cursor:
        """The cursor in `token` (from a previous page's `next`); ValueError when it is not one for `sort`."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            sort_text, value, event_id, page = json.loads(raw)
            kind = SORT_FIELDS[sort.column]
            if value is not None:
                value = date.fromisoformat(value) if kind is date else kind(value)
            if not (isinstance(sort_text, str) and isinstance(event_id, str) and type(page) is int):
                raise ValueError
        except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
            raise ValueError("is not a cursor from this API; pass the 'next' of the previous page") from None
        if sort_text != str(sort):
            raise ValueError(f"belongs to sort '{sort_text}', not '{sort}'; pass the same sort as its page")
        return cls(sort, value, event_id, page)


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _summaries(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [{k: _value(v) for k, v in zip(SUMMARY_FIELDS, row, strict=True)} for row in rows]


def count(con: Connection, filters: OccurrenceFilter) -> int:
    where, params = filters.where()
    row = con.execute(f"SELECT count(*) FROM occurrences {where}", params).fetchone()
    return int(row[0]) if row else 0


def summaries(
    con: Connection, filters: OccurrenceFilter, sort: Sort, limit: int, offset: int = 0
) -> list[dict[str, Any]]:
    """One page of occurrence summaries, `offset` rows in (cost grows with it: see page_after)."""
    where, params = filters.where()
    rows = con.execute(
        f"SELECT {_SUMMARY_SQL} FROM occurrences {where} {sort.order_by()} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return _summaries(rows)


def page_after(
    con: Connection, filters: OccurrenceFilter, sort: Sort, limit: int, after: Cursor | None = None
) -> list[dict[str, Any]]:
    """The `limit` summaries after the cursor (the first page without one): keyset paging, so a
    deep page costs what the first does (a scan and a top-`limit`, never `offset` skipped rows)."""
    where, params = filters.where()
    if after is not None:
        clause, values = sort.after(after.value, after.event_id)
        where, params = and_where(where, clause), [*params, *values]
    rows = con.execute(
        f"SELECT {_SUMMARY_SQL} FROM occurrences {where} {sort.order_by()} LIMIT ?", [*params, limit]
    ).fetchall()
    return _summaries(rows)


def next_cursor(sort: Sort, rows: list[dict[str, Any]], page: int) -> Cursor:
    """The cursor for the page after `rows` (page number `page`), from its last row."""
    last = rows[-1]
    value = last[sort.column]
    if value is not None and SORT_FIELDS[sort.column] is date:
        value = date.fromisoformat(value)
    return Cursor(sort, value, last["event_id"], page + 1)


def all_summaries(
    con: Connection, filters: OccurrenceFilter, batch: int = 2000
) -> Iterator[list[dict[str, Any]]]:
    """Every matching summary by date then id, `batch` rows at a time (for downloads)."""
    where, params = filters.where()
    con.execute(
        f"SELECT {_SUMMARY_SQL} FROM occurrences {where} ORDER BY event_date NULLS LAST, event_id", params
    )
    while rows := con.fetchmany(batch):
        yield _summaries(rows)


def all_records(con: Connection, filters: OccurrenceFilter, batch: int = 500) -> Iterator[Event]:
    """Every matching merged event whole (claims, sources, evidence), by date then id: the
    dashboard's exports write what `strife export` writes, under the page's own filters."""
    where, params = filters.where()
    con.execute(f"SELECT record FROM occurrences {where} ORDER BY event_date NULLS LAST, event_id", params)
    while rows := con.fetchmany(batch):
        for (record,) in rows:
            yield Event.from_dict(json.loads(record))


def totals(con: Connection) -> tuple[int, int]:
    """Occurrences and articles stored."""
    row = con.execute("SELECT (SELECT count(*) FROM occurrences), (SELECT count(*) FROM articles)").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)
