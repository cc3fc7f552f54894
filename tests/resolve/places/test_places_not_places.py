"""Words that are never places, and the article's country over same-named places abroad
(CODEBOOK section 6), on sentences written for these tests."""

from __future__ import annotations

import pytest

from strife.resolve.places import Geocoder
from strife.resolve.places.not_places import NotPlaces


@pytest.fixture(scope="module")
def not_places() -> NotPlaces:
    return NotPlaces.load()


@pytest.mark.parametrize(
    "name",
    [
        "Buddhist",  # a religion's adjective
        "Christians",  # a plural of a listed word
        "Shiite",
        "Pashto",  # a language
        "Francophone",
        "Ecuadorian",  # a nationality demonym
        "Asian",  # a continental adjective
        "Fulani",  # a communal group
        "Hezbollah",  # a group of data/actors.tsv
        "Taliban",
        "Saudi-backed",  # a compound qualifier
        "French-speaking",
        "army-led",
        "Iranian-backed Hezbollah",  # every word a non-place
    ],
)
def test_listed_classes_are_not_places(not_places: NotPlaces, name: str) -> None:
    assert name in not_places


@pytest.mark.parametrize("name", ["Kabul", "Sunni Triangle", "Tamil Nadu", "Backed", "Led"])
def test_places_and_mixed_names_are_not_listed(not_places: NotPlaces, name: str) -> None:
    assert name not in not_places


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a Buddhist monastery at dawn.",
        "The Taliban seized two checkpoints overnight.",
        "Fighting spread across the French-speaking region last week.",
        "Hundreds of Christians fled the fighting.",
        "The Iranian-backed Hezbollah fired rockets on Sunday.",
        "An English teacher was kidnapped on Monday.",
    ],
)
def test_non_place_words_give_no_place(geocoder: Geocoder, text: str) -> None:
    kinds = ("country", "demonym")
    assert [m.surface for m in geocoder.mentions(text) if m.kind not in kinds] == []


def test_a_province_named_like_a_people_still_resolves(geocoder: Geocoder) -> None:
    text = "Fighting in the Amhara region displaced thousands of families."
    places = [m.place for m in geocoder.mentions(text, "Ethiopia") if m.place is not None]
    assert [(p.kind, p.country) for p in places] == [("admin1", "Ethiopia")]


def test_a_town_abroad_whose_country_is_unnamed_is_not_meant(geocoder: Geocoder) -> None:
    # "Aden" is a Yemeni city and a common Somali name; the story names no Yemen.
    text = "Somali police spokesman Ahmed Aden Farah said the blast hit a market in the capital."
    found = [m for m in geocoder.mentions(text, "Somalia") if m.place is not None and m.kind == "city"]
    assert found == []


def test_a_town_abroad_is_kept_when_the_text_names_its_country(geocoder: Geocoder) -> None:
    text = "Somali officials met Yemeni envoys in Aden, Yemen, on Monday."
    found = [m.place.country for m in geocoder.mentions(text, "Somalia") if m.place and m.kind == "city"]
    assert found == ["Yemen"]


def test_a_province_abroad_whose_country_is_unnamed_is_not_meant(geocoder: Geocoder) -> None:
    # Paul is also an island province of Cape Verde
    text = "Police in Kenya said Paul had been arrested at the rally in Kisumu."
    found = [m.place.country for m in geocoder.mentions(text, "Kenya") if m.place and m.kind == "admin1"]
    assert "Cape Verde" not in found


def test_a_countrys_own_name_is_the_country_before_a_same_named_province(geocoder: Geocoder) -> None:
    text = "Soldiers were killed in western Niger, close to the border with Nigeria."
    mentions = geocoder.mentions(text)
    niger = next(m for m in mentions if m.surface == "Niger")
    assert niger.place is not None and (niger.place.kind, niger.place.country) == ("country", "Niger")
    assert geocoder.article_country(text, mentions) == "Niger"
