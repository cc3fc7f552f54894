"""Query parameters shared by the event routes: filters, paging, sort; each bad value is a 422.

They parse into the store's own values (strife.store.browse: OccurrenceFilter, BBox,
Sort), which write the SQL; every value reaches it as a parameter.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from strife.store import EventFilter
from strife.store.browse import BBox, OccurrenceFilter, Sort

TEXT_MAX = 200  # longest accepted filter text: a name or a phrase, not a document
PAGE_MAX = 1_000_000_000  # keeps the row offset inside a 64-bit integer
PAGE_SIZE_MAX = 500

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def bad(detail: str) -> HTTPException:
    return HTTPException(status_code=422, detail=detail)


def parse_bbox(text: str) -> BBox:
    """The box in 'minlon,minlat,maxlon,maxlat'; a 422 naming what is wrong with it."""
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
    return BBox(min_lon, min_lat, max_lon, max_lat)


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


async def filters(
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
) -> OccurrenceFilter:
    """The filters of a request (a FastAPI dependency); raises a 422 naming a bad value."""
    start, end = _date("date_from", date_from), _date("date_to", date_to)
    if start is not None and end is not None and start > end:
        raise bad(f"date_from {start} is after date_to {end}; swap them")
    box = _text(bbox)
    return OccurrenceFilter(
        base=EventFilter(
            country=_text(country),
            admin1=_text(admin1),
            event_type=_text(event_type),
            date_from=start,
            date_to=end,
            actor=_text(actor),
        ),
        sub_event_type=_text(sub_event_type),
        bbox=None if box is None else parse_bbox(box),
        q=_text(q),
    )


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


async def paging(
    page: Annotated[int, Query(ge=1, le=PAGE_MAX, description="1 is the first page")] = 1,
    page_size: Annotated[int, Query(ge=1, le=PAGE_SIZE_MAX)] = 50,
) -> Page:
    return Page(page, page_size)


def order_by(sort: str) -> Sort:
    """The order for `field` or `-field` (descending); a 422 for a field not in SORT_FIELDS."""
    try:
        return Sort.parse(sort)
    except ValueError as error:
        raise bad(str(error)) from None
