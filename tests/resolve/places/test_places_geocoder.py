"""Toponym detection and event locations, on sentences written for these tests."""

from __future__ import annotations

import pytest

from strife.resolve.places import Geocoder, Location


def locate(geocoder: Geocoder, text: str, country: str | None, trigger: str | None = None) -> Location | None:
    mentions = geocoder.mentions(text, country)
    anchor = text.index(trigger) if trigger else None
    return geocoder.locate(text, mentions, 0, len(text), country, anchor)


@pytest.mark.parametrize(
    "text,country,expected_country",
    [
        ("A bomb exploded at a bus station in Hyderabad on Monday.", "Pakistan", "Pakistan"),
        ("A bomb exploded at a bus station in Hyderabad on Monday.", "India", "India"),
        ("Militias clashed overnight in Tripoli, residents said.", "Lebanon", "Lebanon"),
        ("Militias clashed overnight in Tripoli, residents said.", "Libya", "Libya"),
    ],
)
def test_ambiguous_town_resolves_in_article_country(
    geocoder: Geocoder, text: str, country: str, expected_country: str
) -> None:
    found = locate(geocoder, text, country)
    assert found is not None and found.country == expected_country and found.geo_precision == 1


@pytest.mark.parametrize(
    "text,country,admin1,location",
    [
        ("Shells landed in Kiev overnight.", "Ukraine", "Kyiv City", "Kyiv"),
        ("Missiles struck Kharkov on Tuesday.", "Ukraine", "Kharkiv", "Kharkiv"),
        ("Gunmen attacked a checkpoint in Urozgan province.", "Afghanistan", "Uruzgan", None),
        ("Clashes were reported in Panjsher.", "Afghanistan", "Panjshir", "Bazarak"),
        ("A mine exploded in Kondoz province.", "Afghanistan", "Kunduz", None),
        ("Fighting spread across Donetsk Oblast.", "Ukraine", "Donetsk", None),
    ],
)
def test_news_spellings_reach_the_place(
    geocoder: Geocoder, text: str, country: str, admin1: str, location: str | None
) -> None:
    found = locate(geocoder, text, country)
    assert found is not None and found.admin1 == admin1
    assert location is None or found.location == location


@pytest.mark.parametrize(
    "text,precision,location",
    [
        ("Insurgents stormed the town of Charikar on Friday.", 1, "Charikar"),
        ("Insurgents attacked a convoy near Charikar on Friday.", 2, "Charikar"),
        ("Insurgents attacked a convoy on the outskirts of Charikar.", 2, "Charikar"),
        ("Heavy fighting was reported in Parwan province on Friday.", 3, "Charikar"),
        ("Heavy fighting was reported in the Panjshir Valley on Friday.", 3, "Bazarak"),
        ("Heavy fighting was reported in Andarab district on Friday.", 2, "Andarab"),
    ],
)
def test_precision_follows_what_is_named(
    geocoder: Geocoder, text: str, precision: int, location: str
) -> None:
    found = locate(geocoder, text, "Afghanistan")
    assert found is not None and (found.geo_precision, found.location) == (precision, location)


def test_province_alone_takes_its_capital_coordinates(geocoder: Geocoder) -> None:
    found = locate(geocoder, "Fighting resumed in the Panjshir Valley.", "Afghanistan")
    assert found is not None and found.latitude == pytest.approx(35.31, abs=0.05)


@pytest.mark.parametrize(
    "text,demonym,country",
    [
        ("Syrian troops shelled the town.", "Syrian", "Syria"),
        ("Afghan officials confirmed the attack.", "Afghan", "Afghanistan"),
        ("Ukrainian forces retook the village.", "Ukrainian", "Ukraine"),
        ("Yemeni officials said the strike hit a market.", "Yemeni", "Yemen"),
    ],
)
def test_demonym_names_its_country(geocoder: Geocoder, text: str, demonym: str, country: str) -> None:
    mentions = geocoder.mentions(text)
    found = [m for m in mentions if m.surface == demonym]
    assert (
        found
        and found[0].kind == "demonym"
        and found[0].place is not None
        and found[0].place.country == country
    )


def test_demonyms_decide_article_country(geocoder: Geocoder) -> None:
    text = "Syrian troops and Syrian militias clashed; a Turkish official said talks would follow."
    assert geocoder.article_country(text) == "Syria"


def test_dateline_decides_article_country(geocoder: Geocoder) -> None:
    text = "KABUL, Afghanistan — Officials met Iranian and Pakistani envoys on Monday."
    assert geocoder.article_country(text) == "Afghanistan"


def test_hints_decide_article_country(geocoder: Geocoder) -> None:
    assert geocoder.article_country("Rebels attacked a base overnight.", hints=["Mali"]) == "Mali"


def test_unknown_village_is_kept_unresolved(geocoder: Geocoder) -> None:
    found = locate(
        geocoder, "Militants burnt houses in Zorbakhtabad village in Baghlan province.", "Afghanistan"
    )
    assert found is not None
    assert (found.admin1, found.unresolved, found.location) == ("Baghlan", "Zorbakhtabad", "Zorbakhtabad")
    assert found.note and "not in the gazetteer" in found.note


def test_unknown_place_alone_keeps_country(geocoder: Geocoder) -> None:
    found = locate(geocoder, "Militants burnt houses in Zorbakhtabad village.", "Afghanistan")
    assert found is not None and (found.country, found.unresolved) == ("Afghanistan", "Zorbakhtabad")


def test_country_only_when_nothing_else_is_named(geocoder: Geocoder) -> None:
    found = locate(geocoder, "Rebels attacked a base overnight.", "Mali")
    assert found is not None and (found.country, found.admin1, found.location) == ("Mali", None, None)


def test_nothing_known_gives_none(geocoder: Geocoder) -> None:
    assert locate(geocoder, "Rebels attacked a base overnight.", None) is None


def test_flight_destination_is_not_the_event_place(geocoder: Geocoder) -> None:
    text = "Hundreds of families fled the fighting in Kunduz province to Mazar-i-Sharif."
    found = locate(geocoder, text, "Afghanistan")
    assert found is not None and found.admin1 == "Kunduz"


def test_destination_is_kept_separately(geocoder: Geocoder) -> None:
    text = "Hundreds of families fled the fighting in Kunduz province to Mazar-i-Sharif."
    mentions = geocoder.mentions(text, "Afghanistan")
    found = geocoder.destination(text, mentions, 0, len(text), "Afghanistan")
    assert found is not None and (found.admin1, found.geo_precision) == ("Balkh", 1)


def test_sheltering_relatives_is_a_destination(geocoder: Geocoder) -> None:
    text = "The families are now living with relatives in different areas of Herat."
    mentions = geocoder.mentions(text, "Afghanistan")
    found = geocoder.destination(text, mentions, 0, len(text), "Afghanistan")
    assert found is not None and found.admin1 == "Herat"


@pytest.mark.parametrize(
    "text",
    [
        "The Kabul government condemned the attack on the convoy in Helmand province.",
        "Kabul-based officials condemned the attack on the convoy in Helmand province.",
        "A spokesman told reporters in Kabul that the convoy was attacked in Helmand province.",
    ],
)
def test_actor_and_speaker_places_are_not_the_event_place(geocoder: Geocoder, text: str) -> None:
    found = locate(geocoder, text, "Afghanistan")
    assert found is not None and found.admin1 == "Helmand"


def test_nearest_place_to_trigger_wins(geocoder: Geocoder) -> None:
    text = "A bomb exploded in Herat while gunmen attacked a school in Kandahar."
    found = locate(geocoder, text, "Afghanistan", trigger="school")
    assert found is not None and found.location == "Kandahar"


@pytest.mark.parametrize(
    "text",
    [
        "May brought more rain than usual.",
        "Police said the road was closed.",
        "The union will march on the parliament, and the march will be peaceful.",
    ],
)
def test_common_words_are_not_places(geocoder: Geocoder, text: str) -> None:
    assert [m for m in geocoder.mentions(text, "Afghanistan") if m.kind not in ("country", "demonym")] == []


def test_lowercase_name_is_not_matched(geocoder: Geocoder) -> None:
    assert geocoder.mentions("the reading of the text was slow", None) == []


def test_person_name_is_not_a_village(geocoder: Geocoder) -> None:
    text = "Commander Ahmad Shah Massoud led the defence of the valley."
    assert [m.surface for m in geocoder.mentions(text, "Afghanistan")] == []


def test_mention_spans_point_into_text(geocoder: Geocoder) -> None:
    text = "Fighting in Afghanistan's Panjshir Valley displaced families."
    for mention in geocoder.mentions(text):
        assert text[mention.start : mention.end] == mention.surface
    assert {m.surface for m in geocoder.mentions(text)} == {"Afghanistan", "Panjshir Valley"}


def test_seed_article_panjshir_and_kabul(geocoder: Geocoder, shared) -> None:  # type: ignore[no-untyped-def]
    text = next((shared / "seed").glob("000_*.txt")).read_text(encoding="utf-8")
    mentions = geocoder.mentions(text)
    country = geocoder.article_country(text, mentions)
    first = text.index("\n")
    sentence_end = text.index(".", first) + 1
    found = geocoder.locate(text, mentions, first, sentence_end, country)
    assert country == "Afghanistan"
    assert found is not None and (found.admin1, found.location, found.geo_precision) == (
        "Panjshir",
        "Bazarak",
        3,
    )
    paragraph = text.index("different areas of")
    start, end = text.rfind("\n", 0, paragraph), text.find("\n", paragraph)
    destination = geocoder.destination(text, mentions, start, end, country)
    assert destination is not None and destination.location == "Kabul"


def test_focus_is_the_most_named_area(geocoder: Geocoder) -> None:
    text = "Clashes hit Kunduz province. Families fled to Kabul. Later, fighting was reported in Kunduz city."
    found = geocoder.focus(text, geocoder.mentions(text, "Afghanistan"), "Afghanistan")
    assert found is not None and (found.admin1, found.geo_precision) == ("Kunduz", 3)


@pytest.mark.parametrize(
    "text,hints,country",
    [
        # One actor alias abroad does not outvote a town named twice.
        ("Riot police in Mombasa dispersed traders; Mombasa shops shut.", ["Saudi Arabia"], "Kenya"),
        # A named province decides over a small same-named town abroad.
        ("Militiamen raided Kiziba village in South Kivu province.", [], "Democratic Republic of Congo"),
        ("Gunmen attacked Kiziba in Nord-Kivu.", [], "Democratic Republic of Congo"),
    ],
)
def test_named_places_outvote_actor_hints(
    geocoder: Geocoder, text: str, hints: list[str], country: str
) -> None:
    assert geocoder.article_country(text, hints=hints) == country


@pytest.mark.parametrize(
    "text,country,location",
    [
        ("Youths looted stores in the northern Nigerian city of Kano.", "Nigeria", "Kano"),
        ("Troops entered the Malian town of Gao at dawn.", "Mali", "Gao"),
        ("Looters ransacked shops in the city of Kisumu.", "Kenya", "Kisumu"),
        ("Floods cut roads to the western Tanzanian town of Kigoma.", "Tanzania", "Kigoma"),
    ],
)
def test_demonym_before_city_of_is_not_the_place(
    geocoder: Geocoder, text: str, country: str, location: str
) -> None:
    found = locate(geocoder, text, country)
    assert found is not None and (found.location, found.geo_precision) == (location, 1)


@pytest.mark.parametrize(
    "text,country,admin1,location,precision",
    [
        ("Rebels burned homes in the Montepuez district of Mozambique's Cabo Delgado province.",
         "Mozambique", "Cabo Delgado", "Montepuez", 2),
        ("Herders clashed in the Kutum district of Sudan's North Darfur state.",
         "Sudan", "North Darfur", "Kutum", 2),
    ],
)  # fmt: skip
def test_district_of_a_countrys_province(
    geocoder: Geocoder, text: str, country: str, admin1: str, location: str, precision: int
) -> None:
    found = locate(geocoder, text, country)
    assert found is not None
    assert (found.admin1, found.location, found.geo_precision) == (admin1, location, precision)


@pytest.mark.parametrize(
    "text,country",
    [
        ("Fighting displaced thousands in Mozambique's north.", "Mozambique"),
        ("Shelling hit Lebanon's border villages overnight.", "Lebanon"),
    ],
)
def test_possessive_country_is_never_a_town(geocoder: Geocoder, text: str, country: str) -> None:
    mentions = geocoder.mentions(text, country)
    assert [m.kind for m in mentions] == ["country"]


@pytest.mark.parametrize(
    "text,admin1",
    [
        ("A drone struck a convoy in North Darfur state.", "North Darfur"),
        ("Clashes spread across South Kivu province.", "South Kivu"),
        ("Soldiers patrolled West Darfur after the raid.", "West Darfur"),
    ],
)
def test_compass_word_inside_a_province_name(geocoder: Geocoder, text: str, admin1: str) -> None:
    found = locate(geocoder, text, None)
    assert found is not None and found.admin1 == admin1


def test_compass_word_alone_is_not_a_place(geocoder: Geocoder) -> None:
    text = "Refugees crossed from North and West Darfur states into Chad."
    assert [m.surface for m in geocoder.mentions(text, "Sudan") if m.surface == "North"] == []


def test_named_country_decides_between_same_named_areas(geocoder: Geocoder) -> None:
    text = "Palestinian officials said strikes hit Gaza overnight."
    gaza = [m for m in geocoder.mentions(text, None) if m.surface == "Gaza"]
    assert gaza and gaza[0].place is not None and gaza[0].place.country == "Palestine"


def test_focus_on_the_one_town_named(geocoder: Geocoder) -> None:
    text = "Police in Kisumu fired tear gas. Later, more marchers gathered."
    found = geocoder.focus(text, geocoder.mentions(text, "Kenya"), "Kenya")
    assert found is not None and (found.location, found.geo_precision) == ("Kisumu", 1)


@pytest.mark.parametrize(
    "text,country,name,admin1",
    [
        ("Gunmen killed six in Zangor, a farming village in Kaduna State.", "Nigeria", "Zangor", "Kaduna"),
        ("Raiders hit a cattle camp called Wunlual in Warrap state.", "South Sudan", "Wunlual", "Warrap"),
        ("Raiders hit the camp known as Wunlualdit in Warrap state.", "South Sudan", "Wunlualdit", "Warrap"),
        ("Jihadists hit the Tobora military detachment in Sahel region.", "Burkina Faso", "Tobora", "Sahel"),
        ("Rebels overran the Toboragu army base in Sahel region.", "Burkina Faso", "Toboragu", "Sahel"),
        ("Gunmen raided Da village in Kaduna State.", "Nigeria", "Da", "Kaduna"),
    ],
)  # fmt: skip
def test_settlement_cue_keeps_an_unknown_name(
    geocoder: Geocoder, text: str, country: str, name: str, admin1: str
) -> None:
    found = locate(geocoder, text, country)
    assert found is not None and (found.location, found.unresolved, found.admin1) == (name, name, admin1)


def test_apposition_of_a_person_is_not_a_place(geocoder: Geocoder) -> None:
    found = locate(geocoder, "Gunmen killed Zangoroko, a village elder, in Kaduna State.", "Nigeria")
    assert found is not None and found.unresolved is None and found.admin1 == "Kaduna"


def test_site_after_an_actor_word_is_the_place(geocoder: Geocoder) -> None:
    found = locate(geocoder, "Insurgents shelled the Pemba army base overnight.", "Mozambique")
    assert found is not None and (found.location, found.admin1) == ("Pemba", "Cabo Delgado")


def test_village_is_not_a_foreign_city_of_another_spelling(geocoder: Geocoder) -> None:
    found = locate(geocoder, "Gunmen raided Roma village overnight.", "Nigeria")
    assert found is not None and (found.country, found.unresolved) == ("Nigeria", "Roma")


def test_area_around_a_town_is_precision_two(geocoder: Geocoder) -> None:
    found = locate(geocoder, "Clashes erupted in the Charikar area on Friday.", "Afghanistan")
    assert found is not None and (found.location, found.geo_precision) == ("Charikar", 2)


def test_village_beats_the_area_around_a_town(geocoder: Geocoder) -> None:
    text = "Militants burnt Zorbakhtabad village in the Charikar area, which has seen clashes."
    found = locate(geocoder, text, "Afghanistan", trigger="clashes")
    assert found is not None and found.location == "Zorbakhtabad"


def test_unknown_village_takes_admin1_from_the_article(geocoder: Geocoder) -> None:
    text = "Fighting spread across Kaduna State on Monday. Later, gunmen raided Zangoroko village."
    mentions = geocoder.mentions(text, "Nigeria")
    start = text.index("Later")
    found = geocoder.locate(text, mentions, start, len(text), "Nigeria")
    assert found is not None
    assert (found.location, found.admin1, found.latitude, found.geo_precision) == (
        "Zangoroko",
        "Kaduna",
        None,
        1,
    )


def test_name_cut_by_a_sentence_break_still_counts(geocoder: Geocoder) -> None:
    text = "Troops burnt homes in nearby Zangoroko Dutse village. Nobody was hurt."
    mentions = geocoder.mentions(text, "Nigeria")
    found = geocoder.locate(text, mentions, 0, text.index("Dutse"), "Nigeria")
    assert found is not None and found.unresolved == "Zangoroko Dutse"


def test_town_of_another_province_is_kept_unresolved_there(geocoder: Geocoder) -> None:
    found = locate(geocoder, "Fighters clashed in the city of Khost in the Baghlan province.", "Afghanistan")
    assert found is not None and (found.unresolved, found.admin1) == ("Khost", "Baghlan")


def test_town_in_its_own_province_stays_resolved(geocoder: Geocoder) -> None:
    found = locate(geocoder, "Fighters clashed in the city of Khost in Khost province.", "Afghanistan")
    assert found is not None and (found.unresolved, found.admin1, found.geo_precision) == (None, "Khost", 1)


@pytest.mark.parametrize(
    "text,location",
    [
        ("Two grenades went off in the Malian capital on Tuesday evening.", "Bamako"),
        ("Gunfire was heard across Kenya's capital before dawn.", "Nairobi"),
        ("Students marched through the capital of Senegal on Friday.", "Dakar"),
    ],
)
def test_a_countrys_capital_named_by_the_country(geocoder: Geocoder, text: str, location: str) -> None:
    found = locate(geocoder, text, None)
    assert found is not None and found.location == location and found.geo_precision == 1


def test_capital_markets_are_not_a_place(geocoder: Geocoder) -> None:
    mentions = geocoder.mentions("Ghanaian capital markets fell sharply on Monday.", "Ghana")
    assert all(m.kind != "city" for m in mentions)


def test_area_of_a_country_is_the_country_not_a_same_named_province(geocoder: Geocoder) -> None:
    text = "Bandits raided two hamlets in the desert area of Niger close to the Algerian frontier."
    niger = [m for m in geocoder.mentions(text, None) if m.surface == "Niger"]
    assert niger and niger[0].kind == "country" and niger[0].place is not None
    assert niger[0].place.country == "Niger"


def test_neighbouring_countries_are_weak_votes(geocoder: Geocoder) -> None:
    text = (
        "Soldiers in Liberia repelled an assault on a border post in Lofa County on Sunday. "
        "Troops from neighbouring Guinea and Sierra Leone later joined the patrols; refugees from "
        "Guinea have crossed often in past years, and neighbouring Guinea denies sheltering the gunmen."
    )
    assert geocoder.article_country(text) == "Liberia"


def test_wire_dateline_inside_page_furniture(geocoder: Geocoder) -> None:
    text = (
        "Menu Home World Sign in Share this story KHARTOUM, March 3 (Reuters) - Gunmen opened fire on "
        "a market on Sunday. Officials in Chad said the attackers came from across the border and that "
        "Chad had closed its frontier."
    )
    assert geocoder.article_country(text) == "Sudan"


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Protesters gathered at 7th and Broadway in Oakland on Tuesday.", "Oakland"),
        ("Marchers walked down Pennsylvania Avenue from Freedom Plaza in Seattle.", "Seattle"),
        ("Police cleared the camp in front of City Hall in Oakland.", "Oakland"),
        ("The Oakland Police Department said officers fired tear gas at marchers in Oakland.", "Oakland"),
    ],
)
def test_streets_squares_and_institutions_are_not_towns(geocoder: Geocoder, text: str, town: str) -> None:
    """A street, a square, a building or a city's police department names no town of its own
    (Broadway, Virginia; Pennsylvania; Hall County): the event is in the town around it."""
    resolved = {m.place.name for m in geocoder.mentions(text, "United States") if m.place is not None}
    assert resolved == {town}
    found = locate(geocoder, text, "United States")
    assert found is not None and found.admin1 in {"California", "Washington"} and found.geo_precision == 1
    oakland_or_seattle = {"Oakland": (37.8, -122.3), "Seattle": (47.6, -122.3)}[town]
    assert found.latitude is not None and abs(found.latitude - oakland_or_seattle[0]) < 0.2


def test_college_is_a_word_not_a_town(geocoder: Geocoder) -> None:
    text = "College groups joined the march in Cleveland on Saturday."
    assert [m.surface for m in geocoder.mentions(text, "United States")] == ["Cleveland"]


def test_an_unknown_village_is_in_the_country_named_beside_it(geocoder: Geocoder) -> None:
    """ "Aitaroun in south Lebanon" is in Lebanon, though Israel is the article's country."""
    text = "An Israeli drone strike killed three people in the village of Aitaroun in south Lebanon."
    found = locate(geocoder, text, "Israel")
    assert found is not None and found.country == "Lebanon" and found.location == "Aitaroun"


def test_a_demonym_alone_does_not_bring_a_small_town_abroad(geocoder: Geocoder) -> None:
    """A small Irish town of the name is not meant because an Irish priest speaks in a Mexican story."""
    text = "Gunmen killed four people in Ballina on Sunday, an Irish priest told reporters."
    resolved = [m.place.country for m in geocoder.mentions(text, "Mexico") if m.place is not None]
    assert "Ireland" not in resolved


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("An Israeli air strike killed five people in Gaza City on Friday.", "Gaza"),
        ("Israeli strikes on Rafah killed 12 people on Friday.", "Rafah"),
    ],
)
def test_a_city_of_its_own_abroad_is_kept(geocoder: Geocoder, text: str, location: str) -> None:
    """A large city the article's country has no place of that name to rival is meant, named or not
    its country: Gaza and Rafah are in Palestine in a story told from Israel (and no Israeli
    subdistrict is called Gaza: data/places/excluded.tsv)."""
    found = locate(geocoder, text, "Israel")
    assert found is not None and (found.country, found.location) == ("Palestine", location)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Gunmen attacked a Christian village in Plateau state on Sunday.", "Nigeria"),
        ("Militants stormed an African Union camp near Mogadishu on Monday.", "Somalia"),
    ],
)
def test_a_belief_or_an_institution_before_a_place_word_is_no_place(
    geocoder: Geocoder, text: str, country: str
) -> None:
    """ "a Christian village" is no village called Christian, "an African Union camp" no camp
    called Union, though the gazetteer has places of both names abroad."""
    surfaces = {m.surface for m in geocoder.mentions(text, country)}
    assert not surfaces & {"Christian", "Union", "African Union", "African"}
