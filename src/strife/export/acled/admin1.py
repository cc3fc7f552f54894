"""Provinces and states under their common English names (data/acled/admin1.tsv).

strife's gazetteer names an admin1 area by this table's English name ("Amhara", "Tripoli"),
unless data/places/admin1.tsv renames it; older stored events may carry GeoNames' name
("Amara", "Tarabulus"). The table gives, per GeoNames admin1 code, the GeoNames-derived name
and the English one; an event's admin1 is found by either, or by strife's renamed name,
within its country. A name two areas of one country share with different English names
("Maputo", the city and the province) is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from strife.resolve.places.names import fold
from strife.tables import read_table


@dataclass(frozen=True)
class Admin1:
    name: str  # the common English name
    geonameid: int
    code: str  # GeoNames' admin1 code, "ET.46"


class Admin1Names:
    def __init__(self, by_key: dict[tuple[str, str], Admin1]) -> None:
        self._by_key = by_key

    @classmethod
    def load(cls) -> Admin1Names:
        areas: dict[str, tuple[str, Admin1, list[str]]] = {}
        for row in read_table("acled/admin1.tsv", ("iso2", "code", "geonameid", "geonames", "name")):
            if not row["geonameid"].isdigit():
                raise row.error(f"geonameid must be a number, not {row['geonameid']!r}")
            area = Admin1(row["name"], int(row["geonameid"]), row["code"])
            areas[row["code"]] = (row["iso2"], area, [row["geonames"], row["name"]])
        for row in read_table("places/admin1.tsv", ("iso2", "admin1", "name", "capital")):
            known = areas.get(f"{row['iso2'].strip()}.{row['admin1'].strip()}")
            if known is not None:
                known[2].append(row["name"].strip())  # strife's own name for the area
        by_key: dict[tuple[str, str], Admin1] = {}
        clashing: set[tuple[str, str]] = set()
        for iso2, area, spellings in areas.values():
            for spelling in spellings:
                key = (iso2, fold(spelling))
                if key in by_key and by_key[key].name != area.name:
                    clashing.add(key)
                by_key.setdefault(key, area)
        return cls({key: area for key, area in by_key.items() if key not in clashing})

    def find(self, iso2: str | None, name: str | None) -> Admin1 | None:
        """The area of that name in the country `iso2`; None when the table does not know it."""
        if not iso2 or not name:
            return None
        return self._by_key.get((iso2, fold(name)))
