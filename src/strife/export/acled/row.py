"""One event as one row of ACLED's CSV: ACLED's columns in ACLED's order, then strife's own.

Column by column (strife's fields in CODEBOOK section 11):

- event_id_cnty: ISO3 and a number, ACLED's form ("AFG283911023657"). The number is read from
  a hash of strife's event id, which a store never changes (a merged event keeps its first
  report's id), so the same event gets the same id in every export of the store, filtered or
  not, and nothing new is stored. 48 bits of hash: two of a million events share a number
  with odds of about 1 in 500. An event with no known country gets "XXX".
- time_precision: strife's; a window wider than a month (a year, a decade), which strife
  leaves without a precision, is ACLED's coarsest, 3, and its window goes in `tags`
  ("date window=2021-01-01..2021-12-31"), so a year-only date never reads as its last day.
- disorder_type: from the event type (see DISORDER_BY_TYPE).
- inter1, inter2, interaction: ACLED's codes (strife.export.acled.actors).
- civilian_targeting: "Civilian targeting" when civilians are the target: actor2's inter code
  is 7, or the event is Violence against civilians or Excessive force against protesters.
- iso, region, country: ISO numeric, ACLED's region and ACLED's name of the country
  (strife.export.acled.countries).
- admin1: the common English name (strife.export.acled.admin1); admin3 stays empty: strife
  resolves no place below the district.
- source, source_scale: strife.export.acled.sources.
- tags: the date window when it is wider than a month.
- timestamp: ACLED's time of the row's last change, as Unix seconds; strife's is the later of
  the newest publication date among the event's reports (midnight UTC) and the reviewer's last
  change to the event (`review_log.at`), so a report joining the event or a review moves it,
  and the same store always exports the same value. Empty when no report is dated and no one
  reviewed the event.

After ACLED's columns come strife's: strife_event_id (strife's id, for `strife merges` and
the JSONL export), iso3, admin1_geonameid (the GeoNames id of the admin1 area), reviewed
(pending, approved, corrected, flagged) and reviewed_by (the reviewer's name).
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from strife.export.acled.actors import InterCodes
from strife.export.acled.admin1 import Admin1Names
from strife.export.acled.countries import Countries
from strife.export.acled.sources import Outlets
from strife.export.review import PENDING, REVIEW_COLUMNS, ReviewMark, review_cells
from strife.records import Event, interaction

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
STRIFE_COLUMNS: tuple[str, ...] = ("strife_event_id", "iso3", "admin1_geonameid", *REVIEW_COLUMNS)
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + STRIFE_COLUMNS

DISORDER_BY_TYPE = {
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
UNKNOWN_ISO3 = "XXX"
_ID_DIGITS = 12  # hex digits of the hash: 48 bits


def is_acled_type(event: Event) -> bool:
    """Whether ACLED has the event's type (Displacement, IDMC's, is strife's seventh)."""
    return event.event_type in DISORDER_BY_TYPE


def disorder_type(event: Event) -> str | None:
    """ACLED's disorder type for the event, None for a type ACLED does not have."""
    by_sub_type = _DISORDER_BY_SUB_TYPE.get(event.sub_event_type)
    if by_sub_type and event.event_type in ("Protests", "Riots"):
        return by_sub_type
    return DISORDER_BY_TYPE.get(event.event_type)


def event_id_cnty(event_id: str, iso3: str | None) -> str:
    """ACLED's id form, ISO3 and a number, derived from strife's id (the same on every export)."""
    number = int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:_ID_DIGITS], 16)
    return f"{iso3 or UNKNOWN_ISO3}{number}"


@dataclass(frozen=True)
class AcledTables:
    """The tables an ACLED row is filled from, loaded once per export."""

    countries: Countries
    inter: InterCodes
    outlets: Outlets
    admin1: Admin1Names

    @classmethod
    def load(cls) -> AcledTables:
        return cls(Countries.load(), InterCodes.load(), Outlets.load(), Admin1Names.load())


def _precision(event: Event) -> int | None:
    if event.time_precision is None and event.event_date is not None:
        return 3  # a year or longer: ACLED's coarsest; the window goes in tags
    return event.time_precision


def _tags(event: Event) -> str | None:
    if event.time_precision is None and event.date_start and event.date_end:
        return f"date window={event.date_start.isoformat()}..{event.date_end.isoformat()}"
    return None


def _timestamp(event: Event, mark: ReviewMark) -> int | None:
    times = [calendar.timegm(source.date.timetuple()) for source in event.sources if source.date]
    if mark.changed_at is not None:
        # the store keeps review times in UTC without a zone
        times.append(int(mark.changed_at.replace(tzinfo=mark.changed_at.tzinfo or UTC).timestamp()))
    return max(times) if times else None


def _civilian_targeting(event: Event, inter2: int | None) -> str | None:
    if (
        inter2 == CIVILIANS
        or event.event_type == "Violence against civilians"
        or event.sub_event_type == "Excessive force against protesters"
    ):
        return "Civilian targeting"
    return None


def acled_row(event: Event, tables: AcledTables, mark: ReviewMark = PENDING) -> dict[str, Any]:
    """One row of the ACLED CSV (None where there is no value); `mark` is the event's review."""
    country = tables.countries.find(event.country)
    admin1 = tables.admin1.find(country.iso2 if country else None, event.admin1)
    inter1 = tables.inter.inter(event.actor1, event.actor1_type)
    inter2 = tables.inter.inter(event.actor2, event.actor2_type) if event.actor2 else None
    return {
        "event_id_cnty": event_id_cnty(event.event_id, country.iso3 if country else None),
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "year": event.event_date.year if event.event_date else None,
        "time_precision": _precision(event),
        "disorder_type": disorder_type(event),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor1,
        "inter1": inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor2,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": _civilian_targeting(event, inter2),
        "iso": country.number if country else None,
        "region": country.region if country else None,
        "country": country.name if country else event.country,
        "admin1": admin1.name if admin1 else event.admin1,
        "admin2": event.admin2,
        "admin3": None,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": tables.outlets.source(event),
        "source_scale": tables.outlets.scale(event, country.iso2 if country else None),
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": _tags(event),
        "timestamp": _timestamp(event, mark),
        "strife_event_id": event.event_id,
        "iso3": country.iso3 if country else None,
        "admin1_geonameid": admin1.geonameid if admin1 else None,
        **review_cells(mark),
    }
