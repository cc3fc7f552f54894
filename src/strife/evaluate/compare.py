"""Field-level comparisons shared by the scorers: names, places, dates, actors.

Gold and predicted events are plain dicts here: gold events in the FORMAT.md shape,
predictions as `Event.to_dict()` output (dates as ISO strings, absent values None).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from strife.geo import haversine_km

NEARBY_KM = 50.0
BATTLES = "Battles"

Window = tuple[date | None, date | None]


def normalise_name(text: str | None) -> str:
    """Case-folded, accents stripped, punctuation dropped, leading "the" dropped, spaces collapsed.

    Dashes and slashes become spaces so that "al-Seraj" reads as two words; `name_key`
    then compares without spaces, which makes "Jab al-Seraj" equal "Jab al Seraj".
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.casefold())
    kept = []
    for char in text:
        if unicodedata.combining(char):
            continue
        category = unicodedata.category(char)
        if category == "Pd" or char == "/":
            kept.append(" ")
        elif not category.startswith("P"):
            kept.append(char)
    text = re.sub(r"\s+", " ", "".join(kept)).strip()
    return text[4:] if text.startswith("the ") else text


def name_key(text: str | None) -> str:
    """The form two names are compared in: `normalise_name` without spaces."""
    return normalise_name(text).replace(" ", "")


def name_in(name: str | None, accepted: Iterable[str]) -> bool:
    key = name_key(name)
    return bool(key) and any(key == name_key(option) for option in accepted)


def near(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool | None:
    """Whether two records' coordinates lie within 50 km; None when either has none."""
    coords = [(r.get("latitude"), r.get("longitude")) for r in (a, b)]
    if any(lat is None or lon is None for lat, lon in coords):
        return None
    (lat1, lon1), (lat2, lon2) = coords
    return haversine_km(float(lat1), float(lon1), float(lat2), float(lon2)) <= NEARBY_KM  # type: ignore[arg-type]


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def window(record: Mapping[str, Any]) -> Window:
    """date_start..date_end; a missing end falls back to event_date, then to the other end."""
    start = as_date(record.get("date_start")) or as_date(record.get("event_date"))
    end = as_date(record.get("date_end")) or as_date(record.get("event_date"))
    return (start or end, end or start)


def windows_overlap(a: Window, b: Window) -> bool:
    """True when the windows share a day, or when either is unknown (nothing to contradict)."""
    if None in a or None in b:
        return True
    return a[0] <= b[1] and b[0] <= a[1]  # type: ignore[operator]


def in_range(value: Any, bounds: Sequence[Any]) -> bool:
    if value is None:
        return False
    low, high = bounds[0], bounds[-1]
    return (low is None or value >= low) and (high is None or value <= high)


def side_names(pred: Mapping[str, Any], side: int) -> list[str]:
    """Names on one side of a predicted event: actorN and its ';'-separated associates."""
    names = [pred.get(f"actor{side}")]
    names += (pred.get(f"assoc_actor{side}") or "").split(";")
    return [n.strip() for n in names if n and n.strip()]


def aliases(gold_actor: Any) -> list[str]:
    return [gold_actor] if isinstance(gold_actor, str) else [a for a in gold_actor or () if a]


def actor_matches(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> tuple[list[bool], list[bool | None]]:
    """Per gold actor: is its name matched, is its type matched (None: gold gives no type).

    Gold actor i is compared with predicted side i (actorI plus assoc_actorI). For Battles
    the sides may be swapped: the order matching more names (then more types) is taken,
    the given order on a tie. A gold actor beyond the second may match either side.
    """
    gold_actors = list(gold.get("actors") or ())
    gold_types = list(gold.get("actor_types") or ())
    sides = [(side_names(pred, s), pred.get(f"actor{s}_type")) for s in (1, 2)]
    orders = [sides, sides[::-1]] if gold.get("event_type") == BATTLES else [sides]
    best: tuple[list[bool], list[bool | None]] = ([], [])
    best_key = (-1, -1)
    for order in orders:
        names: list[bool] = []
        types: list[bool | None] = []
        for i, actor in enumerate(gold_actors):
            candidates = [order[i]] if i < len(order) else order
            names.append(any(name_in(n, aliases(actor)) for c in candidates for n in c[0]))
            gold_type = gold_types[i] if i < len(gold_types) else None
            types.append(None if gold_type is None else any(c[1] == gold_type for c in candidates))
        key = (sum(names), sum(t is True for t in types))
        if key > best_key:
            best, best_key = (names, types), key
    return best


def same_place(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """CODEBOOK §9 places: same named location, or within 50 km, or same admin1 without coordinates."""
    if a.get("location") and name_key(a.get("location")) == name_key(b.get("location")):
        return True
    close = near(a, b)
    if close is not None:
        return close
    return bool(a.get("admin1")) and name_key(a.get("admin1")) == name_key(b.get("admin1"))


def actors_conflict(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two records' actors conflict when, in every allowed order, some position names different actors."""
    first = [name_key(a.get("actor1")), name_key(a.get("actor2"))]
    second = [name_key(b.get("actor1")), name_key(b.get("actor2"))]
    orders = [second, second[::-1]] if a.get("event_type") == BATTLES else [second]
    return all(any(x and y and x != y for x, y in zip(first, order, strict=True)) for order in orders)


def same_event(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """CODEBOOK §9: types agree, places same or near, date windows overlap, actors do not conflict."""
    return (
        a.get("event_type") == b.get("event_type")
        and same_place(a, b)
        and windows_overlap(window(a), window(b))
        and not actors_conflict(a, b)
    )
