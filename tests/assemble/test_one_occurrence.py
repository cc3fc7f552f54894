"""One occurrence, one event (CODEBOOK section 1): references and ACLED precedence inside an article."""

from datetime import date
from pathlib import Path

import pytest
from story import DAY, coded_events

from strife.assemble.drafts import merge
from strife.assemble.precedence import Precedence
from strife.extract.reference import OWN_PLACE, REFERS_BACK
from strife.mentions import ActorRef, Location, Mention, TimeExpr, Typing
from strife.pipeline import Pipeline


def _mention(event_type: str, sub: str) -> Mention:
    return Mention(Typing(event_type, sub), "kill", False, 0, 0, 1, 0, 1)


@pytest.mark.parametrize(
    ("host", "event_type", "sub", "reference", "held"),
    [
        ("Explosions/Remote violence", "Violence against civilians", "Attack", False, True),
        ("Explosions/Remote violence", "Battles", "Armed clash", False, False),
        ("Explosions/Remote violence", "Battles", "Armed clash", True, True),
        ("Riots", "Strategic developments", "Looting/property destruction", False, True),
        ("Battles", "Violence against civilians", "Attack", False, False),
        ("Violence against civilians", "Explosions/Remote violence", "Air/drone strike", True, False),
    ],
)
def test_precedence_table(host: str, event_type: str, sub: str, reference: bool, held: bool) -> None:
    assert Precedence.load().holds(host, _mention(event_type, sub), reference=reference) is held


def test_precedence_table_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "p.tsv"
    bad.write_text("Riots\tBattles\tsometimes\twhy\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"p\.tsv:1"):
        Precedence.load(bad)


def test_civilians_killed_by_a_strike_are_the_strike(pipeline: Pipeline) -> None:
    text = (
        "Nine civilians were killed in Kafr Nabl, in Syria's Idlib province, on Friday. "
        "A government air strike hit the market of Kafr Nabl on Friday, killing nine civilians, "
        "the monitor said."
    )
    events = coded_events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    assert events[0].fatalities == 9


def test_the_blast_refers_back_to_the_bombing(pipeline: Pipeline) -> None:
    text = (
        "A roadside bomb killed four police officers in Mardan district of Khyber Pakhtunkhwa, "
        "Pakistan, on Friday. Officials blamed the Pakistani Taliban for the blast, which hit "
        "army troops escorting the police."
    )
    events = coded_events(pipeline, text)
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]


def test_another_attack_is_a_new_event(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed six farmers in Zamfara state, Nigeria, on Thursday. "
        "In another attack on Friday, gunmen killed three traders in Kebbi state, Nigeria."
    )
    assert len(coded_events(pipeline, text)) == 2


def test_rioters_burning_a_station_are_the_riot(pipeline: Pipeline) -> None:
    text = (
        "Rioters clashed with police in Kisumu, Kenya, on Friday, throwing stones at officers. "
        "The rioters also set fire to a police post in Kisumu on Friday."
    )
    events = coded_events(pipeline, text)
    assert [e.event_type for e in events] == ["Riots"]


def test_the_dead_of_that_assault_join_the_raid(pipeline: Pipeline) -> None:
    text = (
        "Gunmen on motorbikes stormed a market in Kebbi state, Nigeria, on Tuesday last week. "
        "Six traders were killed in that assault, a local official said."
    )
    events = coded_events(pipeline, text)
    assert [e.event_type for e in events] == ["Violence against civilians"]
    assert events[0].fatalities == 6


def test_among_those_killed_adds_to_the_bombing(pipeline: Pipeline) -> None:
    text = (
        "A car bomb killed five people outside a hotel in Mogadishu, Somalia, on Saturday, police said. "
        "A police spokesman said among those killed was a local journalist."
    )
    events = coded_events(pipeline, text)
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]


def test_police_clearing_a_protest_camp_take_no_territory(pipeline: Pipeline) -> None:
    text = (
        "Riot police cleared a student encampment from the square in Nairobi, Kenya, on Friday and "
        "arrested 40 people."
    )
    assert all(e.sub_event_type != "Government regains territory" for e in coded_events(pipeline, text))


def test_a_killing_beside_that_assault_joins_the_raid_it_names() -> None:
    # "Gunmen stormed a market on March 1. ... Six traders were killed in that assault, which police
    # blamed on bandits": the killing names the reference, so it joins the raid, not a new event
    march_1 = TimeExpr(0, 7, "March 1", date(2024, 3, 1), date(2024, 3, 1), 1, "date", False)
    vac = Typing("Violence against civilians", "Attack")
    raid = Mention(vac, "attack", True, 0, 0, 50, 10, 17, time=march_1)
    killing = Mention(vac, "kill", True, 1, 51, 120, 70, 76)
    killing.actor1 = ActorRef("Unidentified Armed Group (Nigeria)", 8, "Nigeria", 90, 97)
    assault = Mention(vac, "attack", False, 1, 51, 120, 85, 92)
    assault.notes.append(REFERS_BACK)
    drafts = merge([raid, killing, assault], DAY)
    assert len(drafts) == 1
    assert set(map(id, drafts[0].all())) == {id(raid), id(killing), id(assault)}


def test_the_ensuing_exchange_of_fire_is_the_ambush(pipeline: Pipeline) -> None:
    text = (
        "Insurgents ambushed an army patrol near Macomia in Cabo Delgado province, Mozambique, on Friday. "
        "In the ensuing exchange of fire, three insurgents and two soldiers died, and the wounded were flown "
        "to the provincial capital Pemba."
    )
    events = coded_events(pipeline, text)
    assert [(e.event_type, e.fatalities) for e in events] == [("Battles", 5)]


def test_the_blast_told_from_elsewhere_is_the_bombing(pipeline: Pipeline) -> None:
    text = (
        "A roadside bomb killed six police officers in Dantewada district of Chhattisgarh, India, on "
        "Sunday. The blast ripped apart their jeep, a senior officer in Raipur told reporters."
    )
    events = coded_events(pipeline, text)
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]


def test_troops_leaving_a_town_to_rebels_is_one_transfer(pipeline: Pipeline) -> None:
    text = (
        "Ethiopian troops withdrew from the Somali town of Bulo Burde on Monday, letting al-Shabaab "
        "fighters take over the town, residents said."
    )
    events = coded_events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Non-violent transfer of territory"]


def _placed(lat: float, lon: float, notes: list[str], town: str) -> Mention:
    m = _mention("Explosions/Remote violence", "Remote explosive/landmine/IED")
    m.location = Location("Mali", "Mopti", None, town, lat, lon, 1, 0, 1)
    m.notes, m.strong = notes, True
    return m


@pytest.mark.parametrize(("lat", "joined"), [(14.6, True), (16.3, False)])
def test_a_reference_naming_its_own_place_joins_only_nearby(lat: float, joined: bool) -> None:
    first = _placed(14.4, -2.9, [OWN_PLACE], "Douentza")
    first.sentence = 0
    again = _placed(lat, -2.9, [REFERS_BACK, OWN_PLACE], "Boni")  # 22 km, then 211 km north
    again.sentence = 1
    drafts = merge([first, again], date(2024, 3, 9))
    assert (len(drafts) == 1) is joined


def test_a_place_outside_the_event_phrase_does_not_split_an_abduction(pipeline: Pipeline) -> None:
    text = (
        "Gunmen abducted three engineers from a construction site in Bannu district of Khyber "
        "Pakhtunkhwa, Pakistan, on Tuesday, police said. In a video released on Thursday, one of the "
        "engineers said they were driving to Lakki Marwat when armed men stopped their car and "
        "kidnapped them."
    )
    events = coded_events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]


def test_arrests_in_two_towns_stay_two_events(pipeline: Pipeline) -> None:
    text = (
        "Police arrested five suspected militants in Peshawar, Pakistan, on Monday. "
        "Police also arrested two men in Mardan on Monday."
    )
    events = coded_events(pipeline, text)
    assert [e.location for e in events] == ["Peshawar", "Mardan"]


def test_an_occurrence_earlier_this_month_is_another_event(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed nine traders in an attack on a market in Mandera, Kenya, police said. "
        "Earlier this month, four people were killed in an attack on a bus in Mandera."
    )
    events = coded_events(pipeline, text)
    assert sorted(e.fatalities or 0 for e in events) == [4, 9]


def test_a_lead_and_its_date_last_week_are_one_event(pipeline: Pipeline) -> None:
    text = (
        "Rebels launched an offensive against the army in northern Mali, residents said. "
        "The rebels launched the offensive last week near Kidal."
    )
    events = coded_events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Change to group/activity"]


def test_deaths_told_town_by_town_in_a_story_of_force_on_protesters(pipeline: Pipeline) -> None:
    text = (
        "Security forces opened fire on protesters in Yemen on Friday, killing five people. "
        "Three people were killed in Taiz and two in Ibb, an activist said."
    )
    events = coded_events(pipeline, text)
    assert {e.sub_event_type for e in events} == {"Excessive force against protesters"}
    assert sorted(e.location or "" for e in events) == ["Ibb", "Taiz"]


@pytest.mark.parametrize(
    ("a", "b", "confusable"),
    [
        (("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"), True),  # a `revise` row
        (("Strategic developments", "Arrests"), ("Protests", "Protest with intervention"), True),
        (("Battles", "Armed clash"), ("Violence against civilians", "Attack"), True),
        (("Violence against civilians", "Attack"), ("Explosions/Remote violence", "Grenade"), True),
        (("Strategic developments", "Agreement"), ("Protests", "Peaceful protest"), False),
        (("Battles", "Armed clash"), ("Strategic developments", "Arrests"), False),
    ],
)
def test_families_a_report_can_be_miscoded_between(
    a: tuple[str, str], b: tuple[str, str], confusable: bool
) -> None:
    precedence = Precedence.load()
    assert precedence.confusable(Typing(*a), Typing(*b)) is confusable
    assert precedence.confusable(Typing(*b), Typing(*a)) is confusable


def test_a_revise_row_gives_assembly_no_precedence() -> None:
    assert not Precedence.load().holds("Riots", _mention("Protests", "Peaceful protest"))
