"""Every row of the places data files points at something the gazetteer knows."""

from __future__ import annotations

import pytest

from strife.resolve.places import CREDIT, Gazetteer
from strife.resolve.places.names import place_table, read_json

ALIASES = [[row[c] for c in ("alias", "target", "iso2", "kind")] for row in place_table("aliases.tsv")]
ADMIN1 = [[row[c] for c in ("iso2", "admin1", "name", "capital")] for row in place_table("admin1.tsv")]
COUNTRIES = [[row[c] for c in ("iso2", "name", "aliases")] for row in place_table("countries.tsv")]
DEMONYMS = [[row["demonym"], row["iso2"]] for row in place_table("demonyms.tsv")]
ABBREVIATIONS = [
    [row[c] for c in ("abbreviation", "target", "iso2", "kind")] for row in place_table("abbreviations.tsv")
]
EXCLUDED = [[row[c] for c in ("iso2", "kind", "name", "reason")] for row in place_table("excluded.tsv")]


@pytest.mark.parametrize("alias,target,code,kind", ALIASES, ids=[f"{r[0]}-{r[3]}" for r in ALIASES])
def test_alias_reaches_its_place(gazetteer: Gazetteer, alias: str, target: str, code: str, kind: str) -> None:
    assert any(p.kind == kind and p.country_code == code for p in gazetteer.lookup(alias))


@pytest.mark.parametrize("abbreviation,target,code,kind", ABBREVIATIONS, ids=[r[0] for r in ABBREVIATIONS])
def test_abbreviation_reaches_its_place(
    gazetteer: Gazetteer, abbreviation: str, target: str, code: str, kind: str
) -> None:
    assert any(p.kind == kind and p.country_code == code for p in gazetteer.lookup(target)), abbreviation


@pytest.mark.parametrize("row", ADMIN1, ids=[f"{r[0]}.{r[1]}" for r in ADMIN1])
def test_admin1_rename_is_used(gazetteer: Gazetteer, row: list[str]) -> None:
    place = gazetteer.admin1(row[2], row[0])
    assert place is not None and place.name == row[2]


@pytest.mark.parametrize("row", [r for r in ADMIN1 if len(r) > 3 and r[3]], ids=lambda r: r[2])
def test_admin1_capital_is_the_named_town(gazetteer: Gazetteer, row: list[str]) -> None:
    area = gazetteer.admin1(row[2], row[0])
    assert area is not None
    capital = gazetteer.capital(area)
    assert capital is not None
    assert capital.geonameid in {p.geonameid for p in gazetteer.lookup(row[3])}


@pytest.mark.parametrize("row", COUNTRIES, ids=lambda r: r[0])
def test_country_takes_the_analysts_name(gazetteer: Gazetteer, row: list[str]) -> None:
    place = gazetteer.country(row[0])
    assert place is not None and place.country == row[1]


@pytest.mark.parametrize("demonym,code", DEMONYMS, ids=lambda v: v if isinstance(v, str) else None)
def test_demonym_names_a_known_country(gazetteer: Gazetteer, demonym: str, code: str) -> None:
    assert gazetteer.country(code) is not None


def test_cues_have_every_role() -> None:
    assert {"near", "destination", "speaker", "qualifier_after"} <= set(read_json("cues.json"))


def test_common_words_are_capitalised() -> None:
    assert all(word[:1].isupper() for word in (row["word"] for row in place_table("common_words.txt")))


def test_credit_names_geonames_and_licence() -> None:
    assert "GeoNames" in CREDIT and "CC BY 4.0" in CREDIT


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Circunscricao de Macomia", "Macomia"),
        ("Distrito de Chiure", "Chiure"),
        ("Provincia de Tete", "Tete"),
        ("Panjshir Province", "Panjshir"),
        ("District of Columbia", "District of Columbia"),
        ("De Aar", "De Aar"),
    ],
)
def test_admin_words_are_dropped_from_names(name: str, bare: str) -> None:
    from strife.resolve.places.names import strip_suffix

    assert strip_suffix(name) == bare


def test_site_words_are_lower_case_and_known() -> None:
    cues = read_json("cues.json")
    for key in ("site", "site_modifier", "near_after"):
        assert cues[key] and all(word == word.lower() for word in cues[key])


@pytest.mark.parametrize("code,kind,name,reason", EXCLUDED, ids=lambda v: v if isinstance(v, str) else None)
def test_excluded_entry_is_left_out(
    gazetteer: Gazetteer, code: str, kind: str, name: str, reason: str
) -> None:
    """The entry is gone, and its name still reaches a place (in the country analysts code it under)."""
    assert reason
    found = gazetteer.lookup(name)
    assert found and not any(p.kind == kind and p.country_code == code for p in found)
