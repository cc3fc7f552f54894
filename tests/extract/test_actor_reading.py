"""Reading a sentence's actors: generic nouns that point back to the group the story names, and the
groups that are only another's patron (CODEBOOK section 4)."""

from datetime import date

import pytest
from story import coded_events

from strife.extract.actor_reading import anaphor_key, article_group, load_anaphora, named_as_patron
from strife.mentions import ActorRef, ArticleContext
from strife.pipeline import Pipeline


def _context(text: str, actors: list[ActorRef]) -> ArticleContext:
    return ArticleContext(text, date(2024, 3, 9), "Niger", (), actors=actors)


def _group(name: str, text: str, word: str) -> ActorRef:
    start = text.index(word)
    word = word.rstrip(")")
    return ActorRef(name, 2, None, start, start + len(word), matched=word)


def test_gunmen_in_a_story_that_names_the_group_are_that_group(pipeline: Pipeline) -> None:
    text = (
        "Al-Shabaab has stepped up raids in Lower Shabelle, Somalia, this year. Gunmen killed six "
        "traders at a market in Marka on Friday, residents said."
    )
    attackers = {
        e.actor1 for e in coded_events(pipeline, text) if e.event_type == "Violence against civilians"
    }
    assert attackers == {"Al Shabaab"}


def test_unidentified_gunmen_stay_unidentified(pipeline: Pipeline) -> None:
    text = (
        "Unidentified gunmen killed four traders at a market in Marka, Somalia, on Friday, residents said. "
        "Al-Shabaab has fought the government for years."
    )
    attackers = {(e.actor1, e.actor1_type) for e in coded_events(pipeline, text) if e.event_type != "Battles"}
    assert attackers == {("Unidentified Armed Group (Somalia)", 8)}


def test_one_group_under_two_names_is_not_both_sides(pipeline: Pipeline) -> None:
    text = (
        "Taliban fighters briefly seized a district centre in Badakhshan province, Afghanistan, on "
        "Tuesday, officials said. Gunfights raged for hours between the insurgents and Afghan troops."
    )
    events = coded_events(pipeline, text, date(2019, 5, 8))  # the Taliban were rebels then
    assert events
    assert all(e.actor1 != e.actor2 for e in events)
    assert all(e.actor2 != "Unidentified Armed Group (Afghanistan)" for e in events)


def test_the_group_is_not_counted_where_it_is_a_patron_or_an_acronym() -> None:
    text = "Jihadists swore allegiance to either Al Qaeda or Islamic State (IS). The Front fought on."
    actors = [
        _group("Al Qaeda", text, "Al Qaeda"),
        _group("Islamic State", text, "Islamic State"),
        _group("Islamic State", text, "IS)"),
    ]
    assert article_group(_context(text, actors)) is None
    front = _group("Front", text, "Front")
    assert article_group(_context(text, [*actors, front])) == front


@pytest.mark.parametrize(
    ("before", "patron"),
    [
        ("fighters linked to ", True),
        ("groups swearing allegiance to either ", True),
        ("an offensive by ", False),
    ],
)
def test_named_as_patron(before: str, patron: bool) -> None:
    text = before + "Al Qaeda"
    assert named_as_patron(ActorRef("Al Qaeda", 2, None, len(before), len(text)), text) is patron


def test_anaphora_lists_gunmen_but_not_hedged_nouns() -> None:
    anaphora = load_anaphora()
    assert {"gunmen", "attackers", "rebels"} <= anaphora
    assert not {"suspected militants", "unidentified gunmen", "bandits"} & anaphora
    assert anaphor_key("The insurgents\u2019") == "the insurgents"


def test_a_countrys_name_before_attack_places_it(pipeline: Pipeline) -> None:
    """ "Kenya attack" happened in Kenya; "Russian shelling" was Russia's forces."""
    placed = coded_events(pipeline, "Kenya attack: gunmen killed six quarry workers in Mandera on Tuesday.")
    assert placed and all("Military Forces of Kenya" not in {e.actor1, e.actor2} for e in placed)
    shelled = coded_events(
        pipeline, "Russian shelling killed three civilians in Kharkiv, Ukraine, on Friday."
    )
    assert [e.actor1 for e in shelled] == ["Military Forces of Russia"]


def test_a_government_building_is_a_target_not_an_actor(pipeline: Pipeline) -> None:
    text = "Suspected militants torched a government school for girls in Bannu, Pakistan, on Thursday night."
    events = coded_events(pipeline, text)
    assert events and all(not (e.actor2 or "").startswith("Government of") for e in events)


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        # a demonym on the strike names the forces that fired it, also when "shelling" is a gerund
        (
            "Russian shelling of the town of Vovchansk in northeast Ukraine killed four people on Monday.",
            ("Military Forces of Russia", 8),
        ),
        # the weapon was "fired by" someone: that is who struck
        (
            "Mortar rounds fired by government troops hit a school in Daraa, Syria, on Friday, killing "
            "seven children.",
            ("Military Forces of Syria (2000-2024)", 1),
        ),
        (
            "Rockets fired by Houthi rebels struck a fuel depot in Marib, Yemen, on Tuesday, killing "
            "four workers.",
            ("Ansar Allah", 2),
        ),
    ],
)
def test_a_weapon_names_whoever_fired_it(pipeline: Pipeline, text: str, attacker: tuple[str, int]) -> None:
    strikes = [e for e in coded_events(pipeline, text) if e.event_type == "Explosions/Remote violence"]
    assert strikes and (strikes[0].actor1, strikes[0].actor1_type) == attacker


def test_the_armies_of_a_where_clause_set_off_no_bomb(pipeline: Pipeline) -> None:
    text = (
        "A bomb exploded at a crowded bus station in Bannu, Pakistan, on Friday, killing nine "
        "passengers. The blast hit the town of Bannu, where the army has fought the Pakistani Taliban "
        "for months."
    )
    blasts = [e for e in coded_events(pipeline, text) if e.event_type == "Explosions/Remote violence"]
    assert blasts and all(e.actor1_type != 1 for e in blasts)


def test_those_said_to_have_killed_did_it(pipeline: Pipeline) -> None:
    text = (
        "The bandits were said to have killed four vigilantes near Igabi, Kaduna State, Nigeria, on Sunday."
    )
    events = coded_events(pipeline, text)
    assert events and events[0].actor1 == "Unidentified Armed Group (Nigeria)"
    assert events[0].actor2 == "Vigilante Militia (Nigeria)"


def test_a_town_outside_government_control_was_not_attacked_by_the_government(pipeline: Pipeline) -> None:
    text = (
        "Dozens have been killed in Djibo, Burkina Faso, this week, and the town now lies outside "
        "government control."
    )
    assert all(not (e.actor1 or "").startswith("Government") for e in coded_events(pipeline, text))


def test_a_participle_with_its_own_agent_is_a_passive(pipeline: Pipeline) -> None:
    text = "Villagers in Kisii, Kenya, on Monday found the body of a shopkeeper killed by robbers."
    attacks = [e for e in coded_events(pipeline, text) if e.event_type == "Violence against civilians"]
    assert attacks and (attacks[0].actor1, attacks[0].actor2) == (
        "Unidentified Armed Group (Kenya)",
        "Civilians (Kenya)",
    )


def test_the_agent_of_another_act_is_no_side_of_a_riot(pipeline: Pipeline) -> None:
    text = (
        "Hundreds of protesters stormed a police post in Kisii, Kenya, on Monday carrying the body of "
        "a shopkeeper killed by robbers."
    )
    riots = [e for e in coded_events(pipeline, text) if e.event_type == "Riots"]
    assert riots and riots[0].actor2 == "Police Forces of Kenya"


def test_the_accused_did_the_act(pipeline: Pipeline) -> None:
    text = (
        "Farmers and anti-coup fighters have accused soldiers of torching dozens of homes in Magway, "
        "Myanmar, on Sunday."
    )
    events = coded_events(pipeline, text)
    assert events and events[0].actor1 == "Military Forces of Myanmar (2021-)"


@pytest.mark.parametrize(
    "text",
    [
        "Two engineers were abducted near Dera Ismail Khan, Pakistan, on Monday. A police team reached "
        "the spot hours after the abduction and began a search, officials said.",
        "A bomb exploded at a bus stop in Peshawar, Pakistan, on Friday, killing three people. Police "
        "rushed to the scene of the blast.",
    ],
)
def test_forces_that_came_after_the_act_did_not_do_it(pipeline: Pipeline, text: str) -> None:
    events = coded_events(pipeline, text)
    assert events and all(e.actor1 == "Unidentified Armed Group (Pakistan)" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "A regime airstrike killed four villagers in Magway region, Myanmar, on Tuesday.",
        "The Myanmar government launched airstrikes on a village in Sagaing region on Tuesday, killing "
        "six civilians.",
    ],
)
def test_a_government_that_carried_out_a_strike_is_its_military(pipeline: Pipeline, text: str) -> None:
    strikes = [e for e in coded_events(pipeline, text) if e.event_type == "Explosions/Remote violence"]
    assert strikes and (strikes[0].actor1, strikes[0].actor1_type) == (
        "Military Forces of Myanmar (2021-)",
        1,
    )
