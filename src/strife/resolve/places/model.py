"""The records of place resolution: Place (a gazetteer entry), PlaceMention, Location."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. `country` is the analysts' name ("Syria"), not GeoNames'."""

    name: str
    geonameid: int | None
    country: str | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    kind: str  # "country" | "admin1" | "admin2" | "city" | "feature"
    population: int = 0


@dataclass(frozen=True)
class PlaceMention:
    """A toponym found in a text: the char span, what it resolved to (None: unknown)."""

    start: int
    end: int
    surface: str
    kind: str  # a Place kind, "demonym", or the kind a pattern implies when unresolved
    place: Place | None
    near: bool


@dataclass(frozen=True)
class Location:
    """The location fields of an event (CODEBOOK section 6) and the span they came from."""

    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    start: int | None
    end: int | None
    unresolved: str | None = None
    note: str | None = None
