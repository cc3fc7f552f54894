"""When two event records describe one occurrence, and the record of an occurrence (CODEBOOK section 9).

Two records are the same event when their types agree, their places are the same
or within 50 km, their date windows overlap and their actors do not conflict.
The merged record keeps the most precise place and date and the union of the
sources, claims and evidence; figures that disagree mark it disputed, and its
fatalities are the lowest figure, as the codebook says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from strife.geo import haversine_km
from strife.records import Event, Source, interaction

T = TypeVar("T")

SAME_PLACE_KM = 50.0


def _window(event: Event) -> tuple[date | None, date | None]:
    return event.date_start or event.event_date, event.date_end or event.event_date


def _km(a: Event, b: Event) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]


def _same_place(a: Event, b: Event) -> bool:
    if a.location and b.location and a.location.casefold() == b.location.casefold():
        return True
    distance = _km(a, b)
    if distance is not None:
        return distance <= SAME_PLACE_KM
    return bool(a.admin1) and a.admin1 == b.admin1


# An actor one report could not name ("gunmen") is not in conflict with the group another
# report names: the second report knows more.
UNNAMED_PREFIX = "Unidentified "


def _named(actor: str | None) -> str | None:
    return None if actor is None or actor.startswith(UNNAMED_PREFIX) else actor


def _actors_agree(a: Event, b: Event) -> bool:
    """No position names two different actors (Battles: in either order); unnamed actors agree
    with any."""

    def agree(x: tuple[str | None, str | None], y: tuple[str | None, str | None]) -> bool:
        return all(p is None or q is None or p == q for p, q in zip(x, y, strict=True))

    mine, theirs = (_named(a.actor1), _named(a.actor2)), (_named(b.actor1), _named(b.actor2))
    return agree(mine, theirs) or (a.event_type == "Battles" and agree(mine, theirs[::-1]))


def _overlap(a: Event, b: Event) -> bool:
    (s1, e1), (s2, e2) = _window(a), _window(b)
    return None in (s1, e1, s2, e2) or not (e1 < s2 or e2 < s1)  # type: ignore[operator]


def same_event(a: Event, b: Event, *, copies: bool = False) -> bool:
    """Whether two records describe one occurrence (CODEBOOK section 9).

    `copies` says the two come from copies of one story (one source chain): then
    a place coded differently from rewritten wording does not keep them apart, as
    long as the country agrees.
    """
    if a.event_type != b.event_type or (a.country and b.country and a.country != b.country):
        return False
    if not _overlap(a, b) or not _actors_agree(a, b):
        return False
    return copies or _same_place(a, b)


def reason(a: Event, b: Event, *, copies: bool = False) -> str:
    """Why `same_event(a, b, copies=copies)` holds, in words for the merge log."""
    if a.location and b.location and a.location.casefold() == b.location.casefold():
        why = f"same place ({a.location})"
    elif (distance := _km(a, b)) is not None and distance <= SAME_PLACE_KM:
        why = f"{distance:.0f} km apart"
    elif a.admin1 and a.admin1 == b.admin1:
        why = f"same admin1 ({a.admin1})"
    else:
        why = f"same country ({a.country or b.country})"
    if copies:
        why = f"copies of one story, {why}"
    return f"{a.event_type}, {why}, dates overlap, actors agree"


def _geo_rank(event: Event) -> tuple[int, int]:
    return event.geo_precision or 9, 0 if event.latitude is not None else 1


def _time_rank(event: Event) -> tuple[int, int]:
    start, end = _window(event)
    width = (end - start).days if start and end else 10_000
    return event.time_precision or 9, width


def _lowest(values: Iterable[int | None]) -> tuple[int | None, bool]:
    """The conservative figure (CODEBOOK section 7) and whether the reports disagree.

    A report of no deaths does not contradict one that counts them (the later report
    knows more), so 0 stands only when no report gives a figure above it.
    """
    given = [v for v in values if v is not None]
    positive = sorted({v for v in given if v > 0})
    if positive:
        return positive[0], len(positive) > 1
    return (0 if given else None), False


_PLACE = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")
_TIME = ("event_date", "date_start", "date_end", "time_precision")


def combine(members: Sequence[Event], occurrence_id: str, chains: Mapping[str, str] | None = None) -> Event:
    """One record for the reports of one occurrence.

    The base is the report with the most precise place; the date comes from the
    report with the most precise date; every source, claim and evidence span is
    kept; fatalities and displacement take the lowest figure, disputed when the
    reports disagree; corroboration counts the independent source chains.
    """
    chains = chains or {}
    ordered = sorted(members, key=lambda e: (_geo_rank(e), _time_rank(e), e.event_id))
    base = ordered[0]
    timed = min(ordered, key=_time_rank)
    sources: list[Source] = []
    for event in ordered:
        for source in event.sources:
            if all(s.article_id != source.article_id for s in sources):
                sources.append(replace(source, chain=chains.get(source.article_id, source.chain)))
    fatalities, differ = _lowest(e.fatalities for e in ordered)
    displaced, _ = _lowest(e.displaced_people for e in ordered)
    lows = [e.fatalities_low for e in ordered if e.fatalities_low is not None]
    highs = [e.fatalities_high for e in ordered if e.fatalities_high is not None]
    values: dict[str, object] = {name: getattr(timed, name) for name in _TIME}
    for position, other in (("actor1", "actor2"), ("actor2", "actor1")):
        if _named(getattr(base, position)) is None:
            named = _named_elsewhere(ordered, base, position, other)
            if named is not None:
                values[position], values[position + "_type"] = named
    for name in ("displaced_figure", "displaced_unit", "displacement_origin", "displacement_destination"):
        if getattr(base, name) is None:
            values[name] = next((getattr(e, name) for e in ordered if getattr(e, name) is not None), None)
    independent = {s.chain or s.article_id for s in sources}
    return replace(
        base,
        event_id=occurrence_id,
        **values,  # type: ignore[arg-type]
        sources=tuple(sources),
        claims=_union(e.claims for e in ordered),
        evidence=_union(e.evidence for e in ordered),
        fatalities=fatalities,
        fatalities_low=min(lows) if lows else None,
        fatalities_high=max(highs) if highs else None,
        fatalities_disputed=differ or any(e.fatalities_disputed for e in ordered),
        displaced_people=displaced if displaced is not None else base.displaced_people,
        disputed=any(e.disputed for e in ordered) or differ,
        confidence=max((e.confidence for e in ordered if e.confidence is not None), default=None),
        corroboration=len(independent),
        interaction=interaction(
            values.get("actor1_type", base.actor1_type),  # type: ignore[arg-type]
            values.get("actor2_type", base.actor2_type),  # type: ignore[arg-type]
        ),
    )


def _named_elsewhere(
    members: Sequence[Event], base: Event, position: str, other: str
) -> tuple[str, int | None] | None:
    """A name (and type) another report gives for the actor the base leaves unnamed or empty: from
    the same position, or for a battle from either side, never the base's other actor."""
    taken = getattr(base, other)
    positions = (position, other) if base.event_type == "Battles" else (position,)
    for event in members:
        for where in positions:
            name = _named(getattr(event, where))
            if name is not None and name != taken:
                return name, getattr(event, where + "_type")
    return None


def _union(groups: Iterable[tuple[T, ...]]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))
