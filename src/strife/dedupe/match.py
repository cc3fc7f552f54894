"""One occurrence reported by several articles becomes one event with several sources (CODEBOOK section 9).

Two records are the same event when their types agree, their places are the same
or within 50 km, their date windows overlap and their actors do not conflict.
The merged record keeps the most precise of the two (place first, then date)
and the union of their sources, claims and evidence; figures that disagree mark
it disputed, and its fatalities are the lowest figure, as the codebook says.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from strife.records import Event

SAME_PLACE_KM = 50.0


def _window(event: Event) -> tuple[date | None, date | None]:
    return event.date_start or event.event_date, event.date_end or event.event_date


def _km(a: Event, b: Event) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _same_place(a: Event, b: Event) -> bool:
    if a.location and b.location and a.location.casefold() == b.location.casefold():
        return True
    distance = _km(a, b)
    if distance is not None:
        return distance <= SAME_PLACE_KM
    return bool(a.admin1) and a.admin1 == b.admin1


def _actors_agree(a: Event, b: Event) -> bool:
    """No position names two different actors (Battles: in either order)."""

    def agree(x: tuple[str | None, str | None], y: tuple[str | None, str | None]) -> bool:
        return all(p is None or q is None or p == q for p, q in zip(x, y, strict=True))

    mine, theirs = (a.actor1, a.actor2), (b.actor1, b.actor2)
    return agree(mine, theirs) or (a.event_type == "Battles" and agree(mine, theirs[::-1]))


def same_event(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or (a.country and b.country and a.country != b.country):
        return False
    (s1, e1), (s2, e2) = _window(a), _window(b)
    if None not in (s1, e1, s2, e2) and (e1 < s2 or e2 < s1):  # type: ignore[operator]
        return False
    return _same_place(a, b) and _actors_agree(a, b)


def _precision(event: Event) -> tuple[int, int]:
    return event.geo_precision or 9, event.time_precision or 9


def combine(a: Event, b: Event) -> Event:
    """The more precise record, with both records' sources, claims and evidence."""
    keep, other = (a, b) if _precision(a) <= _precision(b) else (b, a)
    sources = keep.sources + tuple(s for s in other.sources if s not in keep.sources)
    claims = keep.claims + tuple(c for c in other.claims if c not in keep.claims)
    evidence = keep.evidence + tuple(e for e in other.evidence if e not in keep.evidence)
    figures = {e.fatalities for e in (a, b) if e.fatalities}
    return replace(
        keep,
        sources=sources,
        claims=claims,
        evidence=evidence,
        fatalities=min(figures) if figures else keep.fatalities,
        fatalities_disputed=keep.fatalities_disputed or other.fatalities_disputed or len(figures) > 1,
        disputed=keep.disputed or other.disputed,
        actor1=keep.actor1 or other.actor1,
        actor1_type=keep.actor1_type if keep.actor1 else other.actor1_type,
        actor2=keep.actor2 or other.actor2,
        actor2_type=keep.actor2_type if keep.actor2 else other.actor2_type,
    )


def merge(events: Iterable[Event]) -> list[Event]:
    """Events with the records of one occurrence merged, in the order they came.

    Only records of one type and country are compared with each other, so the cost
    grows with the size of such a group, not with the whole set squared.
    """
    groups: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    merged: list[Event] = []
    for event in events:
        key = (event.event_type, event.country)
        articles = {s.article_id for s in event.sources}
        for index in groups[key]:
            # one article's own events were kept apart on purpose (two villages, two days)
            if articles & {s.article_id for s in merged[index].sources}:
                continue
            if same_event(merged[index], event):
                merged[index] = combine(merged[index], event)
                break
        else:
            groups[key].append(len(merged))
            merged.append(event)
    return merged
