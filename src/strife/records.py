"""The central nouns of strife: Article, Evidence, Claim, Source, Event, Rejection.

Every stage takes and returns these. They are frozen and typed, serialise to the
JSON field names of the codebook (section 11), and carry a schema version so a
stored or exported record can be read back by a later release. This module
imports nothing else of strife.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, ClassVar, TypeVar

SCHEMA_VERSION = 2

# The one range of dates strife accepts, for articles and events alike: news before 1900 is no
# input of a conflict monitor, and a date after tomorrow (time zones) is a typo or a hostile row.
# Outside it, date arithmetic downstream (ISO weeks, windows) could overflow.
EARLIEST_DATE = date(1900, 1, 1)


def latest_date(today: date | None = None) -> date:
    return (today or date.today()) + timedelta(days=1)


def date_in_range(day: date, today: date | None = None) -> bool:
    return EARLIEST_DATE <= day <= latest_date(today)


def date_range_reason(day: date, today: date | None = None) -> str | None:
    """None for an accepted date, else the one-line reason it is not."""
    if date_in_range(day, today):
        return None
    return (
        f"date {day.isoformat()} is outside {EARLIEST_DATE.isoformat()}..{latest_date(today).isoformat()}"
        " (strife's accepted range); correct it or remove it"
    )


T = TypeVar("T")


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.to_dict()  # type: ignore[attr-defined]
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


class _Record:
    """Shared (de)serialisation: dataclass fields <-> JSON-ready dicts."""

    _dates: ClassVar[tuple[str, ...]] = ()
    _nested: ClassVar[dict[str, type]] = {}

    def to_dict(self) -> dict[str, Any]:
        return {name: _jsonable(getattr(self, name)) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                continue
            if key in cls._dates:  # type: ignore[attr-defined]
                value = _parse_date(value)
            elif key in cls._nested:  # type: ignore[attr-defined]
                value = tuple(cls._nested[key].from_dict(v) for v in value or ())  # type: ignore[attr-defined]
            kwargs[key] = value
        return cls(**kwargs)


def normalise_text(text: str) -> str:
    """The form of an article's text that its identity hash is taken from.

    Unicode-normalised, case-folded, whitespace collapsed: two copies of one
    article that differ only in line endings or spacing are the same article.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article(_Record):
    """One dated news report as read from an input."""

    _dates: ClassVar[tuple[str, ...]] = ("date",)

    id: str
    text: str
    date: date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    origin: str | None = None  # where it was read from: path, path:line, "<stdin>"
    date_note: str | None = None  # why the date is unknown, or the printed line it was read from

    @property
    def hash(self) -> str:
        return text_hash(self.text)


@dataclass(frozen=True, slots=True)
class Evidence(_Record):
    """The sentence a coded field was read from, and the span in the article text."""

    field: str
    article_id: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim(_Record):
    """A statement or figure attributed to a claimant ("the NRF said it killed dozens")."""

    claimant: str | None
    statement: str
    figure: int | None = None


@dataclass(frozen=True, slots=True)
class Source(_Record):
    _dates: ClassVar[tuple[str, ...]] = ("date",)

    article_id: str
    url: str | None = None
    outlet: str | None = None
    date: date | None = None
    originating_agency: str | None = None  # the wire agency named in the text ("told AFP")
    chain: str | None = None  # the source chain (copies of one story) this article belongs to


@dataclass(frozen=True, slots=True)
class Event(_Record):
    """One occurrence, coded per CODEBOOK section 11. Absent values are None."""

    _dates: ClassVar[tuple[str, ...]] = ("event_date", "date_start", "date_end")
    _nested: ClassVar[dict[str, type]] = {"claims": Claim, "sources": Source, "evidence": Evidence}

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: date | None = None
    date_start: date | None = None
    date_end: date | None = None
    time_precision: int | None = None
    actor1: str | None = None
    actor1_type: int | None = None
    assoc_actor1: str | None = None
    actor2: str | None = None
    actor2_type: int | None = None
    assoc_actor2: str | None = None
    interaction: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_disputed: bool = False
    displaced_figure: int | None = None
    displaced_unit: str | None = None
    displaced_people: int | None = None
    displacement_origin: str | None = None
    displacement_destination: str | None = None
    reported_by: str | None = None
    claims: tuple[Claim, ...] = ()
    disputed: bool = False
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    notes: str | None = None
    confidence: float | None = None
    corroboration: int | None = None  # independent source chains reporting it
    schema_version: int = SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class Rejection(_Record):
    """An input, or an article, that could not be processed, and why (one line)."""

    origin: str  # path, path:line or "<stdin>"
    stage: str  # "read", "decode", "clean", "extract", ...
    reason: str
    article_id: str | None = None
    schema_version: int = SCHEMA_VERSION


@dataclass(slots=True)
class Explanation:
    """Why one sentence was or was not coded (for `strife extract --explain`)."""

    sentence: str
    start: int
    end: int
    verdict: str  # "coded", "skipped"
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "verdict": self.verdict,
            "reasons": list(self.reasons),
        }


INTERACTION_NONE = 0


def interaction(type1: int | None, type2: int | None) -> int | None:
    """ACLED interaction code: the two actor types, lower first; a lone actor is X0."""
    if type1 is None:
        return None
    if type2 is None:
        return type1 * 10 + INTERACTION_NONE
    low, high = sorted((type1, type2))
    return low * 10 + high
