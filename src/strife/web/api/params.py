"""Query parameters shared by the event routes: filters, paging, sort; each bad value is a 422.

Every value reaches SQL as a parameter; only names from the allow-lists here are
written into SQL text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any

from fastapi import HTTPException, Query

from strife.store import EventFilter

TEXT_MAX = 200  # longest accepted filter text: a name or a phrase, not a document
PAGE_MAX = 1_000_000_000  # keeps the row offset inside a 64-bit integer
PAGE_SIZE_MAX = 500

# Fields the event list may be sorted by (the allow-list: user input never becomes SQL text).
SORT_FIELDS: tuple[str, ...] = (
    "event_date",
    "fatalities",
    "country",
    "admin1",
    "event_type",
    "sub_event_type",
    "location",
    "corroboration",
    "confidence",
    "displaced_people",
)
DEFAULT_SORT = "-event_date"

_ACTORS = ("actor1", "actor2", "assoc_actor1", "assoc_actor2")
_SEARCHED = ("notes", "location", *_ACTORS)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def bad(detail: str) -> HTTPException:
    return HTTPException(status_code=422, detail=detail)


@dataclass(frozen=True)
class BBox:
    """A lon/lat box; min_lon > max_lon means the box crosses the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        parts = text.split(",")
        example = "give bbox=minlon,minlat,maxlon,maxlat, e.g. bbox=60.5,29.3,75.2,38.5"
        if len(parts) != 4:
            raise bad(f"bbox '{text}' has {len(parts)} values, not 4; {example}")
        try:
            min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
        except ValueError:
            raise bad(f"bbox '{text}' holds a value that is not a number; {example}") from None
        if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
            raise bad(f"bbox '{text}' holds a value that is not a finite number; {example}")
        if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
            raise bad(f"bbox '{text}': longitudes must lie in -180..180")
        if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
            raise bad(f"bbox '{text}': latitudes must lie in -90..90")
        if min_lat > max_lat:
            raise bad(f"bbox '{text}': minlat {min_lat} is above maxlat {max_lat}; {example}")
        return cls(min_lon, min_lat, max_lon, max_lat)

    def where(self) -> tuple[str, list[Any]]:
        lat = "latitude BETWEEN ? AND ?"
        if self.min_lon <= self.max_lon:
            return f"({lat} AND longitude BETWEEN ? AND ?)", [
                self.min_lat,
                self.max_lat,
                self.min_lon,
                self.max_lon,
            ]
        return f"({lat} AND (longitude >= ? OR longitude <= ?))", [
            self.min_lat,
            self.max_lat,
            self.min_lon,
            self.max_lon,
        ]


@dataclass(frozen=True)
class Filters:
    """Which occurrences a request covers; unset fields do not filter.

    The store's EventFilter does country, admin1, event_type, actor and the dates;
    the web adds sub_event_type, a map box and a free-text search.
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


def _text(value: str | None) -> str | None:
    # An empty form field means "any", not "equal to the empty string".
    if value is None:
        return None
    return value.strip() or None


def _date(name: str, value: str | None) -> date | None:
    value = _text(value)
    if value is None:
        return None
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise bad(f"{name} '{value}' is not a date; give YYYY-MM-DD, e.g. {name}=2021-09-05") from None


def filters(
    country: Annotated[str | None, Query(max_length=TEXT_MAX, description="exact, any case")] = None,
    admin1: Annotated[str | None, Query(max_length=TEXT_MAX, description="exact, any case")] = None,
    event_type: Annotated[str | None, Query(max_length=TEXT_MAX, description="exact, any case")] = None,
    sub_event_type: Annotated[str | None, Query(max_length=TEXT_MAX, description="exact, any case")] = None,
    actor: Annotated[
        str | None, Query(max_length=TEXT_MAX, description="part of actor1, actor2 or an associated actor")
    ] = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive, on event_date")] = None,
    date_to: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive, on event_date")] = None,
    bbox: Annotated[str | None, Query(max_length=TEXT_MAX, description="minlon,minlat,maxlon,maxlat")] = None,
    q: Annotated[
        str | None, Query(max_length=TEXT_MAX, description="part of the notes, location or an actor")
    ] = None,
) -> Filters:
    """The filters of a request (a FastAPI dependency); raises a 422 naming a bad value."""
    start, end = _date("date_from", date_from), _date("date_to", date_to)
    if start is not None and end is not None and start > end:
        raise bad(f"date_from {start} is after date_to {end}; swap them")
    box = _text(bbox)
    return Filters(
        base=EventFilter(
            country=_text(country),
            admin1=_text(admin1),
            event_type=_text(event_type),
            date_from=start,
            date_to=end,
            actor=_text(actor),
        ),
        sub_event_type=_text(sub_event_type),
        bbox=None if box is None else BBox.parse(box),
        q=_text(q),
    )


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def paging(
    page: Annotated[int, Query(ge=1, le=PAGE_MAX, description="1 is the first page")] = 1,
    page_size: Annotated[int, Query(ge=1, le=PAGE_SIZE_MAX)] = 50,
) -> Page:
    return Page(page, page_size)


def order_by(sort: str) -> str:
    """The ORDER BY clause for `field` or `-field` (descending); a 422 for a field not in SORT_FIELDS."""
    name = sort.strip()
    column = name.removeprefix("-")
    if column not in SORT_FIELDS:
        choices = ", ".join(SORT_FIELDS)
        raise bad(f"unknown sort '{sort}'; choose one of {choices} (prefix '-' for descending)")
    direction = "DESC" if name.startswith("-") else "ASC"
    # Ties broken by id so that pages never repeat or skip an event.
    return f'ORDER BY "{column}" {direction} NULLS LAST, event_id'
