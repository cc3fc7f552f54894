"""Datelines, bylines and headlines: where a report was filed is not where its events happened
(CODEBOOK section 6). Sentences written for these tests."""

from __future__ import annotations

import pytest

from strife.resolve.places import Geocoder, Location
from strife.resolve.places.datelines import is_dateline


def locate(geocoder: Geocoder, text: str, trigger: str, start: int = 0) -> Location | None:
    country = geocoder.article_country(text)
    mentions = geocoder.mentions(text, country)
    return geocoder.locate(text, mentions, start, len(text), country, text.index(trigger))


@pytest.mark.parametrize(
    "text,name",
    [
        ("WASHINGTON (Reuters) - Police fired tear gas.", "WASHINGTON"),
        ("GENEVA \u2014 Aid agencies warned on Monday.", "GENEVA"),
        ("KABUL, Afghanistan \u2014 A bomb went off.", "KABUL"),
        ("KABUL, Afghanistan \u2014 A bomb went off.", "Afghanistan"),
        ("June 2, 2021 (NIAMEY) - Gunmen raided a market.", "NIAMEY"),
        ("Mopti, June 2 (Sahel Wire)\n\nGunmen raided a market.", "Mopti"),
        ("The Daily Courier\nNairobi, Kenya\nMonday, June 2, 2021", "Nairobi"),
        ("BAMAKO: Gunmen raided a market.", "BAMAKO"),
    ],
)
def test_datelines_and_bylines(text: str, name: str) -> None:
    start = text.index(name)
    assert is_dateline(text, start, start + len(name))


@pytest.mark.parametrize(
    "text,name",
    [
        ("Gunmen raided a market in Mopti on Monday.", "Mopti"),
        ("Mopti was calm on Monday, residents said.", "Mopti"),
        ("Nairobi police said the crowd dispersed.", "Nairobi"),
    ],
)
def test_a_place_in_a_sentence_is_no_dateline(text: str, name: str) -> None:
    start = text.index(name)
    assert not is_dateline(text, start, start + len(name))


def test_a_wire_dateline_names_the_city_not_the_state(geocoder: Geocoder) -> None:
    text = "WASHINGTON (Reuters) - Police fired tear gas at protesters on Monday, officials said."
    mention = geocoder.mentions(text, "United States")[0]
    assert mention.place is not None
    assert (mention.place.kind, mention.place.admin1) == ("city", "District of Columbia")


def test_the_dateline_is_not_the_place_when_the_sentence_names_another(geocoder: Geocoder) -> None:
    text = "NAIROBI (Reuters) - Gunmen killed 12 people in a raid on a village in Mandera county."
    found = locate(geocoder, text, "killed")
    assert found is not None and found.admin1 == "Mandera"


def test_the_dateline_is_the_place_when_the_sentence_names_no_other(geocoder: Geocoder) -> None:
    text = "NAIROBI, Kenya (AP) \u2014 Police fired tear gas at hundreds of protesters on Tuesday."
    found = locate(geocoder, text, "fired")
    assert found is not None and (found.location, found.admin1) == ("Nairobi", "Nairobi")


def test_a_named_country_keeps_the_dateline_out(geocoder: Geocoder) -> None:
    text = "KYIV (AP) \u2014 Shelling hit towns across eastern Ukraine on Friday."
    found = locate(geocoder, text, "Shelling")
    assert found is not None and (found.country, found.location) == ("Ukraine", None)


def test_a_date_then_a_city_in_brackets_is_a_dateline(geocoder: Geocoder) -> None:
    text = "June 2, 2021 (NIAMEY) - Fighting in the Banibangou area displaced hundreds of families."
    found = locate(geocoder, text, "Fighting")
    assert found is not None and found.location == "Banibangou"


def test_a_byline_on_its_own_line_is_not_the_place(geocoder: Geocoder) -> None:
    text = (
        "Bandits kidnapped two engineers in northern Kenya, officials said\n\n"
        "The Rift Courier\nNairobi, Kenya\nWed, June 2, 2021\n\n"
        "The men were seized on Tuesday near a quarry in Wajir county."
    )
    found = locate(geocoder, text, "kidnapped", 0)
    assert found is not None and found.location is None and found.country == "Kenya"


def test_a_headline_paragraph_is_not_the_event_sentence(geocoder: Geocoder) -> None:
    text = "Bomb blast in Kandahar kills three\n\nA roadside bomb killed three soldiers in Helmand province."
    found = locate(geocoder, text, "killed")
    assert found is not None and found.admin1 == "Helmand"


def test_an_unknown_village_takes_no_admin1_from_the_dateline(geocoder: Geocoder) -> None:
    text = (
        "BANGUI, June 2 (Reuters) - Soldiers fought rebels near the town of Ndokotara on Sunday.\n\n"
        "The rebels had held Birao in Vakaga prefecture last year."
    )
    country = geocoder.article_country(text)
    mentions = geocoder.mentions(text, country)
    end = text.index("\n\n")
    found = geocoder.locate(text, mentions, 0, end, country, text.index("fought"))
    assert found is not None and (found.location, found.admin1) == ("Ndokotara", "Vakaga")


def test_the_nations_capital_is_the_capital_of_the_articles_country(geocoder: Geocoder) -> None:
    text = "Thousands marched on Friday in the Andean nation's capital against the new tax."
    mentions = geocoder.mentions(text, "Peru")
    found = geocoder.locate(text, mentions, 0, len(text), "Peru", text.index("marched"))
    assert found is not None and (found.location, found.geo_precision) == ("Lima", 1)


def test_the_places_of_the_story_outvote_where_it_was_filed(geocoder: Geocoder) -> None:
    text = (
        "MOSCOW, June 2 (Reuters) - Russia's defence ministry said on Friday its troops had left "
        "Kherson. Shelling later hit Beryslav and Nova Kakhovka overnight, Ukrainian officials said."
    )
    assert geocoder.article_country(text) == "Ukraine"


def test_one_foreign_town_does_not_outvote_the_dateline(geocoder: Geocoder) -> None:
    text = "KABUL (Reuters) - Envoys met in Doha on Monday. Fighting went on in Kunduz and Baghlan."
    assert geocoder.article_country(text) == "Afghanistan"
    text = "KABUL (Reuters) - Envoys met in Doha on Monday and again in Doha on Tuesday."
    assert geocoder.article_country(text) == "Afghanistan"
