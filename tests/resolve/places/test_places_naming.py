"""What a name around a place says of it: pattern words of several words, a country after the
name, a people before a people noun; analysts' names of
provinces; the article's main place. Sentences written for these tests."""

from __future__ import annotations

import pytest

from strife.resolve.places import Geocoder, Location


def locate(geocoder: Geocoder, text: str, country: str, trigger: str) -> Location | None:
    mentions = geocoder.mentions(text, country)
    return geocoder.locate(text, mentions, 0, len(text), country, text.index(trigger))


@pytest.mark.parametrize(
    "text",
    [
        "Bandits killed four farmers in Zangon Kataf Local Government Area of Kaduna State.",
        "Bandits killed four farmers in Zangon Kataf LGA of Kaduna State.",
    ],
)
def test_a_local_government_area_is_a_district(geocoder: Geocoder, text: str) -> None:
    found = locate(geocoder, text, "Nigeria", "killed")
    assert found is not None and (found.location, found.admin1) == ("Zangon Kataf", "Kaduna")


def test_communities_named_together_are_villages(geocoder: Geocoder) -> None:
    text = "Gunmen killed nine people in Ungwan Dodo and Tudun Kauna communities of Kaduna State."
    found = locate(geocoder, text, "Nigeria", "killed")
    assert found is not None and found.location == "Ungwan Dodo" and found.admin1 == "Kaduna"


def test_a_township_is_a_district(geocoder: Geocoder) -> None:
    text = "Resistance fighters attacked a police post in Zalaungtaw Township, Sagaing Region."
    found = locate(geocoder, text, "Myanmar", "attacked")
    assert found is not None and (found.location, found.admin1, found.geo_precision) == (
        "Zalaungtaw",
        "Sagaing",
        3,  # an unknown name takes the coordinates of the province the sentence names
    )


@pytest.mark.parametrize(
    "text,location",
    [
        ("Soldiers were killed in an attack on a base in Tourbi, western Niger, on Monday.", "Tourbi"),
        ("Families returned to Kfar Mahla, Syria after years in camps.", "Kfar Mahla"),
    ],
)
def test_a_name_followed_by_its_country_is_a_place(geocoder: Geocoder, text: str, location: str) -> None:
    country = geocoder.article_country(text)
    mentions = geocoder.mentions(text, country)
    found = geocoder.locate(text, mentions, 0, len(text), country, 0)
    assert found is not None and found.location == location


def test_a_people_before_a_people_noun_is_not_their_region(geocoder: Geocoder) -> None:
    text = "Gunmen in the Oromia region killed Amhara farmers in a village on Sunday."
    found = locate(geocoder, text, "Ethiopia", "killed")
    assert found is not None and found.admin1 == "Oromia"
    text = "Fighting spread across the Amhara region on Sunday."
    found = locate(geocoder, text, "Ethiopia", "Fighting")
    assert found is not None and found.admin1 == "Amhara"


@pytest.mark.parametrize(
    "text,country,admin1",
    [
        ("Clashes broke out in the Amhara region.", "Ethiopia", "Amhara"),
        ("Rebels clashed with troops in North Kivu.", "DR Congo", "North Kivu"),
    ],
)
def test_provinces_carry_the_names_analysts_write(
    geocoder: Geocoder, text: str, country: str, admin1: str
) -> None:
    found = locate(geocoder, text, geocoder.article_country(text) or country, text.split()[1])
    assert found is not None and found.admin1 == admin1


def test_focus_is_the_first_unknown_village_of_the_main_area(geocoder: Geocoder) -> None:
    text = (
        "Gunmen attacked the village of Kourbanga in Kossi province overnight, a resident said.\n\n"
        "Later they raided the town of Toeniba. Residents fled the area."
    )
    found = geocoder.focus(text, geocoder.mentions(text, "Burkina Faso"), "Burkina Faso")
    assert found is not None
    assert (found.location, found.admin1, found.geo_precision) == ("Kourbanga", "Boucle du Mouhoun", 1)


def test_focus_keeps_the_capital_when_a_known_town_is_named(geocoder: Geocoder) -> None:
    text = "Fighting in Kaduna State reached Zaria and Kafanchan. Gunmen raided the village of Zangoroko."
    found = geocoder.focus(text, geocoder.mentions(text, "Nigeria"), "Nigeria")
    assert found is not None and found.geo_precision == 3


@pytest.mark.parametrize(
    "text,location,admin1",
    [
        ("Thousands marched on Saturday in D.C. against the new law.", "Washington", "District of Columbia"),
        ("Police fired tear gas at protesters in Portland, Ore. on Friday.", "Portland", "Oregon"),
        (
            "Police fired tear gas at protesters in Washington, D.C. on Friday.",
            "Washington",
            "District of Columbia",
        ),
    ],
)
def test_abbreviations_with_dots_name_places(
    geocoder: Geocoder, text: str, location: str, admin1: str
) -> None:
    found = locate(geocoder, text, "United States", text.split()[1])
    assert found is not None and (found.location, found.admin1) == (location, admin1)


def test_a_state_abbreviation_needs_a_town_before_it(geocoder: Geocoder) -> None:
    text = "Mo. Farah won the race in London."
    assert "Mo." not in [m.surface for m in geocoder.mentions(text, "United Kingdom")]


@pytest.mark.parametrize(
    "text,admin1",
    [
        ("The governor of Nuristan province said the Nijrab district centre fell to insurgents.", "Nuristan"),
        ("Fighters from Kunduz province attacked the Nijrab district centre on Monday.", "Kapisa"),
        ("Officials in Kabul said insurgents had seized the Nijrab district centre.", "Kapisa"),
    ],
)
def test_a_district_lies_in_the_province_named_around_it(geocoder: Geocoder, text: str, admin1: str) -> None:
    mentions = geocoder.mentions(text, "Afghanistan")
    district = next(m for m in mentions if m.surface == "Nijrab")
    found = geocoder.locate(text, mentions, district.start, district.end, "Afghanistan")
    assert found is not None and (found.location, found.admin1) == ("Nijrab", admin1)
