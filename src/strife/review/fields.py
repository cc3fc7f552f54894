"""What a reviewer may change in an occurrence, and the checks a change must pass.

A change is checked whole before anything is written: an unknown field, a sub-type outside
the taxonomy or its event type, a date in the future or before 1900, a negative figure, a low
figure above the high one, is refused with one line naming the field, the value and the fix.
The taxonomy is the sub-type label set of the learned heads (`data/training/labels.tsv`), the
one list of ACLED's 25 sub-event types and strife's Displacement terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from strife.learn.corpus import read_labels
from strife.records import date_range_reason


class ReviewError(ValueError):
    """A review request that cannot be applied; the message is one line: field, value, fix."""


class UnknownEvent(KeyError):
    """No stored occurrence (or report merged into one) has this id."""


_TEXT = ("actor1", "assoc_actor1", "actor2", "assoc_actor2", "country", "admin1", "admin2", "location",
         "displaced_unit", "displacement_origin", "displacement_destination", "notes")  # fmt: skip
_DATES = ("event_date", "date_start", "date_end")
_COUNTS = ("fatalities", "fatalities_low", "fatalities_high", "displaced_figure", "displaced_people")
_FLAGS = ("fatalities_disputed", "disputed")
# field: (lowest, highest) for the small coded integers (CODEBOOK sections 4-6).
_CODES = {"time_precision": (1, 3), "geo_precision": (1, 3), "actor1_type": (1, 8), "actor2_type": (1, 8),
          "interaction": (10, 88)}  # fmt: skip
_COORDINATES = {"latitude": 90.0, "longitude": 180.0}
EDITABLE: tuple[str, ...] = (
    "event_type", "sub_event_type", *_DATES, *_TEXT, *_COUNTS, *_FLAGS, *_CODES, *_COORDINATES,
)  # fmt: skip
MAX_TEXT = 500

# Why an occurrence is "not an event": the event-hood labels of the learned heads (a rejection
# with one of them teaches that head), and the reasons an analyst has that no sentence shows.
REJECT_CATEGORIES: tuple[str, ...] = (
    "background", "intention", "denial", "commentary", "trend", "furniture", "hypothetical",
    "duplicate", "not political violence", "other",
)  # fmt: skip


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, tuple[str, ...]]:
    """{event type: its sub-types}, in the order of labels.tsv."""
    labels = read_labels()
    found: dict[str, list[str]] = {}
    for label in labels.of("subtype"):
        found.setdefault(labels.group[label], []).append(label)
    return {kind: tuple(subs) for kind, subs in found.items()}


def _bad(name: str, value: Any, why: str) -> ReviewError:
    shown = repr(value)
    return ReviewError(f"field '{name}': {why} (got {shown[:60] + '...' if len(shown) > 60 else shown})")


def _date(name: str, value: Any) -> str | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise _bad(name, value, "not a date; write YYYY-MM-DD")
    reason = date_range_reason(day)
    if reason is not None:
        raise _bad(name, value, reason)
    return day.isoformat()


def _number(name: str, value: Any, low: float, high: float | None, whole: bool) -> Any:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (whole and not isinstance(value, int))
    ):
        raise _bad(name, value, "not a whole number" if whole else "not a number")
    if value < low or (high is not None and value > high):
        bounds = f"at least {low:g}" if high is None else f"between {low:g} and {high:g}"
        raise _bad(name, value, f"must be {bounds}")
    return value


def _value(name: str, value: Any) -> Any:
    """The value checked and normalised (text stripped, empty text as None)."""
    if name in _DATES:
        return _date(name, value)
    if name in _COUNTS:
        return _number(name, value, 0, None, whole=True)
    if name in _CODES:
        low, high = _CODES[name]
        return _number(name, value, low, high, whole=True)
    if name in _COORDINATES:
        limit = _COORDINATES[name]
        return _number(name, value, -limit, limit, whole=False)
    if name in _FLAGS:
        if not isinstance(value, bool):
            raise _bad(name, value, "must be true or false")
        return value
    if value is None:
        if name in ("event_type", "sub_event_type"):
            raise _bad(name, value, "cannot be empty")
        return None
    if not isinstance(value, str):
        raise _bad(name, value, "must be text")
    text = " ".join(value.split())
    if len(text) > MAX_TEXT:
        raise _bad(name, value, f"is over {MAX_TEXT} characters")
    if not text and name in ("event_type", "sub_event_type"):
        raise _bad(name, value, "cannot be empty")
    return text or None


def check_changes(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes, checked against each other and the record `current` (codebook JSON), normalised.

    Raises ReviewError for the first problem. Fields equal to their current value are dropped.
    """
    unknown = [name for name in changes if name not in EDITABLE]
    if unknown:
        raise ReviewError(f"field '{unknown[0]}' cannot be changed; editable fields: {', '.join(EDITABLE)}")
    checked = {name: _value(name, value) for name, value in changes.items()}
    after = {**current, **checked}
    kinds = taxonomy()
    kind, sub = after.get("event_type"), after.get("sub_event_type")
    if kind not in kinds:
        raise _bad("event_type", kind, f"not an event type; choose one of {', '.join(kinds)}")
    if sub not in kinds[kind]:
        field = "sub_event_type" if "sub_event_type" in changes else "event_type"
        choices = ", ".join(kinds[kind])
        why = f"'{sub}' is not a sub-type of '{kind}'; choose one of {choices}"
        raise _bad(field, sub if field == "sub_event_type" else kind, why)
    for low, high in (("fatalities_low", "fatalities_high"), ("date_start", "date_end")):
        if after.get(low) is not None and after.get(high) is not None and after[low] > after[high]:
            name = low if low in changes else high
            raise _bad(name, checked.get(name), f"{low} is after {high}; swap them or change both")
    return {name: value for name, value in checked.items() if current.get(name) != value}


def check_reject(category: str | None) -> str:
    if category not in REJECT_CATEGORIES:
        raise ReviewError(
            f"category {category!r} is not a reason to reject; choose one of {', '.join(REJECT_CATEGORIES)}"
        )
    return category
