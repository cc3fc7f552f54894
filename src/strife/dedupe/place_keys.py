"""Where, within a type and country, a record finds the reports it may merge with: place keys.

Two reports merge only when their places agree (`Decider._place`), or when they are copies of
one story (the records of a source chain are always compared). Places agree when the two name
the same place, lie within SAME_PLACE_KM of each other (within NEAR_KM, a town, when either
report is undated), when one is placed at the district or province the other lies in, or when
one has no coordinates (its admin1, or its name in the other's sentences, decides). So a record
is indexed under keys, and looks only under the keys such an agreement can come from:

- `cell` and `town`: grid cells of CELL_DEGREES and TOWN_DEGREES, for records with coordinates;
  a record looks in the cells within SAME_PLACE_KM (NEAR_KM for a pair with an undated side);
- `name`: the place name, folded as spellings vary;
- `area`: records placed at a district or province (geo precision 2 or more), by admin1;
- `nocoord`: records without coordinates, by admin1;
- `admin1`: every record, by admin1: where a record without coordinates, or placed at a
  district or province, looks (it may agree with any record of its admin1);
- `toll`: records dated to a day with a death toll (two reports of one day, the same actors and
  toll whose places were resolved apart still merge: `decide._same_facts`).

By admin1 a record looks under its own and under "" (records with none); a record whose admin1
is unknown looks under ANYWHERE, the whole country. Looking up a busy week of a country then costs
what the few cells around the record hold, not the whole week, so merging stays near-linear as a
store grows denser. Copies whose places disagree are found through their source chain only.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

from strife.dedupe.match import SAME_PLACE_KM
from strife.geo import EARTH_RADIUS_KM
from strife.records import Event

# A pair with an undated side merges only when its places agree at town level (decide._place).
NEAR_KM = 15.0
CELL_DEGREES = 0.5
TOWN_DEGREES = 0.15
ANYWHERE = "\x00"  # the admin1 key of a country's records whatever their admin1

Key = tuple[str, str]  # (family, value)
# The families a town-level lookup (a pair with an undated side) reads.
TOWN_FAMILIES = frozenset({"admin1", "area", "nocoord", "town", "name"})

_KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180
_QUOTES = str.maketrans({"'": None, "\u2019": None, "\u02bc": None, "`": None, "-": " "})


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A place name as spellings vary: no accents, apostrophes or case ("Ma'rib" reads "marib")."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold().translate(_QUOTES)


def index_keys(event: Event) -> list[Key]:
    """The keys a record is indexed under."""
    admin = event.admin1 or ""
    keys: list[Key] = [("admin1", admin), ("admin1", ANYWHERE)]
    point = _point(event)
    if point is None:
        keys += [("nocoord", admin), ("nocoord", ANYWHERE)]
    else:
        keys += [("cell", cell(*point, CELL_DEGREES)), ("town", cell(*point, TOWN_DEGREES))]
        if _coarse(event):
            keys += [("area", admin), ("area", ANYWHERE)]
    if event.location:
        keys.append(("name", fold(event.location)))
    toll = _toll(event)
    if toll is not None:
        keys.append(("toll", toll))
    return keys


def lookup_keys(event: Event, *, town: bool) -> list[Key]:
    """The keys a record looks under for the records its place may agree with; `town`: for a pair
    with an undated side, whose places must agree at town level."""
    places = [event.admin1, ""] if event.admin1 else [ANYWHERE]
    point = _point(event)
    keys: list[Key] = []
    if point is None or _coarse(event):
        keys += [("admin1", p) for p in places]
    else:
        keys += [(family, p) for family in ("area", "nocoord") for p in places]
    toll = _toll(event)
    if toll is not None and not town:
        keys.append(("toll", toll))
    if point is not None:
        family, size, km = ("town", TOWN_DEGREES, NEAR_KM) if town else ("cell", CELL_DEGREES, SAME_PLACE_KM)
        keys += [(family, c) for c in cells_near(*point, size, km)]
    if event.location:
        keys.append(("name", fold(event.location)))
    return keys


def cell(latitude: float, longitude: float, size: float) -> str:
    """The grid cell of a point, as the store computes it too (`store.occurrences.members_recent`)."""
    return f"{math.floor(latitude / size)}:{math.floor(longitude / size)}"


def cells_near(latitude: float, longitude: float, size: float, km: float) -> list[str]:
    """The grid cells holding every point within `km` of this one (a little more, never less)."""
    rise = km * 1.01 / _KM_PER_DEGREE
    poleward = min(90.0, abs(latitude) + rise)
    run = min(180.0, rise / max(math.cos(math.radians(poleward)), 1e-3))
    rows = range(math.floor((latitude - rise) / size), math.floor((latitude + rise) / size) + 1)
    columns = range(math.floor((longitude - run) / size), math.floor((longitude + run) / size) + 1)
    return [f"{row}:{column}" for row in rows for column in columns]


def _point(event: Event) -> tuple[float, float] | None:
    if event.latitude is None or event.longitude is None:
        return None
    return event.latitude, event.longitude


def _coarse(event: Event) -> bool:
    return (event.geo_precision or 0) >= 2


def _toll(event: Event) -> str | None:
    if event.time_precision != 1 or not event.fatalities:
        return None
    return str(event.fatalities)
