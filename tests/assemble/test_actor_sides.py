"""Who the sides of an event are (CODEBOOK section 4): named groups behind generic nouns, the
armed sides of a battle, the victims of an attack, the forces facing a crowd."""

import re
from dataclasses import replace

import pytest
from story import coded_events

from strife.assemble.sides import (
    arrest_sides,
    blame_pattern,
    blamed_group,
    crowd_sides,
    named_as_patron,
    struck_civilians,
)
from strife.mentions import ActorRef
from strife.pipeline import Pipeline
from strife.records import Event


def _sides(event: Event) -> set[tuple[str | None, int | None]]:
    return {(event.actor1, event.actor1_type), (event.actor2, event.actor2_type)}


def test_insurgents_are_the_group_the_article_names(pipeline: Pipeline) -> None:
    text = (
        "Boko Haram fighters have stepped up raids in Borno state, Nigeria, residents said. "
        "On Friday insurgents attacked an army base in Gwoza, Borno state, and soldiers fought "
        "them for three hours, the army said."
    )
    battles = [e for e in coded_events(pipeline, text) if e.event_type == "Battles"]
    assert battles and all("Boko Haram" in {battle.actor1, battle.actor2} for battle in battles)


def test_a_patron_group_is_not_the_attacker(pipeline: Pipeline) -> None:
    text = (
        "Militants killed four soldiers in an ambush near Menaka, Mali, on Friday, the army said. "
        "The region has seen attacks by groups linked to al-Qaeda."
    )
    events = [e for e in coded_events(pipeline, text) if e.event_type == "Battles"]
    assert events and all("Al Qaeda" not in {e.actor1, e.actor2} for e in events)


@pytest.mark.parametrize(
    ("before", "patron"),
    [
        ("fighters linked to ", True),
        ("a faction affiliated with the ", True),
        ("groups allied to the Islamic State and ", True),
        ("an offensive by ", False),
        ("fighters loyal to ", False),
    ],
)
def test_named_as_patron(before: str, patron: bool) -> None:
    text = before + "Al Qaeda"
    actor = ActorRef("Al Qaeda", 2, None, len(before), len(text))
    assert named_as_patron(actor, text) is patron


def test_civilians_killed_in_a_clash_are_not_a_side(pipeline: Pipeline) -> None:
    text = (
        "Fighting between the army and rebels killed 12 people, including civilians, near Kaga "
        "Bandoro, Central African Republic, on Thursday, officials said."
    )
    battles = [e for e in coded_events(pipeline, text) if e.event_type == "Battles"]
    assert battles
    assert all(t != 7 for e in battles for _, t in _sides(e))


def test_an_attack_on_civilians_has_its_victims(pipeline: Pipeline) -> None:
    text = "Gunmen abducted 14 people on the road to Kaura Namoda, Zamfara state, Nigeria, on Friday."
    attacks = [e for e in coded_events(pipeline, text) if e.event_type == "Violence against civilians"]
    assert attacks and attacks[0].actor2_type == 7


def test_a_riot_faces_the_police_of_its_sentence(pipeline: Pipeline) -> None:
    text = (
        "Hundreds of rioters hurled stones at police in Kisumu, Kenya, on Friday and torched a "
        "police post, witnesses said."
    )
    riots = [e for e in coded_events(pipeline, text) if e.event_type == "Riots"]
    assert riots and riots[0].actor2 is not None and riots[0].actor2.startswith("Police Forces")


def test_residents_who_protest_are_protesters(pipeline: Pipeline) -> None:
    text = (
        "Villagers staged a demonstration in Beni, Democratic Republic of Congo, on Friday "
        "against the insecurity."
    )
    protests = [e for e in coded_events(pipeline, text) if e.event_type == "Protests"]
    assert protests and protests[0].actor1_type == 6


_REBELS = ActorRef("Ansar Allah", 2, "Yemen", 0, 5)
_TRIBE = ActorRef("Unidentified Tribal Militia (Yemen)", 4, "Yemen", 10, 15)
_CIVILIANS = ActorRef("Civilians (Yemen)", 7, "Yemen", 20, 25)


@pytest.mark.parametrize(
    ("pairs", "actor2", "expected"),
    [
        ([(_REBELS, _TRIBE), (_REBELS, _CIVILIANS)], _TRIBE, _CIVILIANS),  # a caption named the tribe
        ([(_REBELS, _TRIBE)], _TRIBE, _TRIBE),  # no report names civilian victims
        ([(_REBELS, _CIVILIANS)], _CIVILIANS, _CIVILIANS),
    ],
)
def test_a_strike_that_hit_civilians_has_them_as_actor2(pairs, actor2, expected) -> None:  # type: ignore[no-untyped-def]
    assert struck_civilians(pairs, _REBELS, actor2) == expected


def test_a_bombing_the_article_blames_on_a_group_is_that_groups(pipeline: Pipeline) -> None:
    text = (
        "A bomb exploded at a crowded market in Maiduguri, Nigeria, on Tuesday, killing nine traders. "
        "Boko Haram claimed responsibility for the bombing in a video. "
        "Soldiers later arrested two suspects in the city."
    )
    blasts = [e for e in coded_events(pipeline, text) if e.event_type == "Explosions/Remote violence"]
    assert blasts and blasts[0].actor1 == "Boko Haram"


_STORY = "Soldiers patrolled Gao. The Islamic State Sahel Province said nothing. A bomb hit a bus."
_ARMY = ActorRef("Military Forces of Mali", 1, "Mali", 0, 8)
_ISSP = ActorRef("Islamic State Sahel Province", 2, "Mali", 28, 56)
_ISSP_SHORT = replace(_ISSP, end=32)  # first named by its acronym


@pytest.mark.parametrize(
    ("salient", "story", "expected"),
    [
        ([_ISSP], _STORY, _ISSP),  # the only armed actor the article names
        ([_ARMY, _ISSP], _STORY, None),  # beside state forces and blamed for nothing: unknown
        ([_ARMY, _ISSP], _STORY.replace("said nothing", "was blamed"), _ISSP),
        # blamed by its canonical name, first named otherwise ("ISSP fighters")
        (
            [_ARMY, _ISSP_SHORT],
            _STORY[:28]
            + "ISSP"
            + _STORY[56:]
            + " The attack by the Islamic State Sahel Province shocked all.",
            _ISSP_SHORT,
        ),
        ([_ARMY, _ISSP, replace(_ISSP, name="JNIM", start=0, end=4)], _STORY, None),  # two groups
        # "no group claimed the attack", the group named only beside saying so: another party
        (
            [_ISSP],
            "A bomb hit a bus. No group claimed it, but gunmen target the Islamic State Sahel Province.",
            None,
        ),
        ([_ISSP], _STORY + " No group has claimed the attack.", _ISSP),  # named elsewhere too
    ],
)
def test_blamed_group(salient: list[ActorRef], story: str, expected: ActorRef | None) -> None:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", story)]
    assert blamed_group(salient, story, sentences) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "the attack by members of the group happened at night",
        "residents said the attackers were from the group",
        "a survivor identified the gunmen as members of the group",
    ],
)
def test_a_sentence_that_names_who_attacked_blames(sentence: str) -> None:
    assert blame_pattern().search(sentence) is not None


def test_an_unclaimed_attack_is_the_group_a_later_sentence_names_as_the_attackers(pipeline: Pipeline) -> None:
    text = (
        "Fourteen villagers were killed in an attack near Mopti, Mali, on Saturday, officials said. "
        "Soldiers were sent to the area. Residents said the attackers were from Katiba Macina."
    )
    attacks = [e for e in coded_events(pipeline, text) if e.event_type == "Violence against civilians"]
    assert attacks and attacks[0].actor1 == "Katiba Macina"


def test_a_toll_that_claimed_lives_blames_no_one() -> None:
    assert blame_pattern().search("the attack claimed the lives of 12 people") is None
    assert blame_pattern().search("the group claimed responsibility for the attack") is not None


_POLICE = ActorRef("Police Forces of Kenya", 1, "Kenya", 0, 6)
_CROWD = ActorRef("Protesters (Kenya)", 6, "Kenya", 10, 20)
_RIOTERS = ActorRef("Rioters (Kenya)", 5, "Kenya", 10, 20)
_PEOPLE = ActorRef("Civilians (Kenya)", 7, "Kenya", 30, 36)
_GANG = ActorRef("Unidentified Armed Group (Kenya)", 8, "Kenya", 40, 46)


@pytest.mark.parametrize(
    ("sub_type", "sides", "expected"),
    [
        # the crowd is actor1 of a riot, also when the sentence names the police first
        ("Violent demonstration", (_POLICE, _RIOTERS), ("Rioters (Kenya)", "Police Forces of Kenya")),
        # people the police fired on in a riot are its rioters
        ("Violent demonstration", (_POLICE, _PEOPLE), ("Rioters (Kenya)", "Police Forces of Kenya")),
        # a riot always has its rioters
        ("Violent demonstration", (_POLICE, None), ("Rioters (Kenya)", "Police Forces of Kenya")),
        ("Violent demonstration", (None, None), ("Rioters (Kenya)", None)),
        ("Mob violence", (_PEOPLE, None), ("Rioters (Kenya)", None)),
        ("Mob violence", (_RIOTERS, _PEOPLE), ("Rioters (Kenya)", "Civilians (Kenya)")),
        ("Violent demonstration", (_RIOTERS, _PEOPLE), ("Rioters (Kenya)", None)),
        # the forces are actor1 of excessive force, the crowd of a protest they broke up
        (
            "Excessive force against protesters",
            (_CROWD, _POLICE),
            ("Police Forces of Kenya", "Protesters (Kenya)"),
        ),
        ("Protest with intervention", (_POLICE, _CROWD), ("Protesters (Kenya)", "Police Forces of Kenya")),
        # gunmen who fired on a crowd are no state forces: the order is left as read
        ("Excessive force against protesters", (_CROWD, _GANG), ("Protesters (Kenya)", _GANG.name)),
        ("Armed clash", (_GANG, _POLICE), (_GANG.name, "Police Forces of Kenya")),
    ],
)
def test_crowd_sides(
    sub_type: str, sides: tuple[ActorRef | None, ActorRef | None], expected: tuple[str | None, str | None]
) -> None:
    a1, a2 = crowd_sides(sub_type, *sides, "Kenya", 0)
    assert (a1.name if a1 else None, a2.name if a2 else None) == expected


_DETAINEE = ActorRef("Al Shabaab", 2, "Somalia", 50, 60)


@pytest.mark.parametrize(
    ("sides", "police", "expected"),
    [
        ((None, None), None, ("Police Forces of Kenya", "Civilians (Kenya)")),  # "he was arrested"
        ((None, None), _POLICE, ("Police Forces of Kenya", "Civilians (Kenya)")),
        ((_DETAINEE, _POLICE), None, ("Police Forces of Kenya", "Al Shabaab")),  # "... were held by police"
        ((_POLICE, None), None, ("Police Forces of Kenya", "Civilians (Kenya)")),
        (
            (_GANG, None),
            None,
            (_GANG.name, "Civilians (Kenya)"),
        ),  # an armed group's detention is left as read
    ],
)
def test_arrest_sides(
    sides: tuple[ActorRef | None, ActorRef | None], police: ActorRef | None, expected: tuple[str, str]
) -> None:
    a1, a2 = arrest_sides(*sides, police, "Kenya", 0)
    assert (a1.name if a1 else None, a2.name if a2 else None) == expected


def test_a_riot_faces_the_police_not_the_people_hurt(pipeline: Pipeline) -> None:
    text = (
        "Police killed two people in Kisumu, Kenya, on Friday as rioters set fire to shops and blocked roads."
    )
    riots = [e for e in coded_events(pipeline, text) if e.event_type == "Riots"]
    assert riots and (riots[0].actor1, riots[0].actor2) == ("Rioters (Kenya)", "Police Forces of Kenya")


def test_an_arrest_with_no_one_named_is_the_polices(pipeline: Pipeline) -> None:
    text = (
        "An opposition leader was arrested at his home in Dhaka, Bangladesh, on Thursday "
        "night, his party said."
    )
    arrests = [e for e in coded_events(pipeline, text) if e.sub_event_type == "Arrests"]
    assert arrests
    assert (arrests[0].actor1, arrests[0].actor2) == ("Police Forces of Bangladesh", "Civilians (Bangladesh)")


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (
            "Rioters looted shops and burned cars in Bristol, England, on Saturday night. Police arrested "
            "35 people on Sunday in connection with the disorder.",
            ("Rioters (United Kingdom)", 5),
        ),
        (
            "Police arrested 35 people in Bristol, England, on Sunday over a string of burglaries.",
            ("Civilians (United Kingdom)", 7),
        ),
    ],
)
def test_those_arrested_after_a_riot_are_its_rioters(
    pipeline: Pipeline, text: str, held: tuple[str, int]
) -> None:
    arrests = [e for e in coded_events(pipeline, text) if e.sub_event_type == "Arrests"]
    assert arrests and (arrests[0].actor2, arrests[0].actor2_type) == held


def test_the_government_is_no_side_a_battle_is_filled_with(pipeline: Pipeline) -> None:
    text = (
        "The state government said on Monday that it would send more troops to Pibor, South Sudan. "
        "Armed youths from Murle villages fought for hours near Pibor on Sunday, officials said."
    )
    battles = [e for e in coded_events(pipeline, text) if e.event_type == "Battles"]
    assert battles and all(not (e.actor2 or "").startswith("Government") for e in battles)
    assert all(not (e.actor1 or "").startswith("Government") for e in battles)


def test_excessive_force_with_no_forces_named_is_the_storys_forces() -> None:
    a1, a2 = crowd_sides("Excessive force against protesters", _CROWD, None, "Kenya", 0, _POLICE)
    assert (a1, a2) == (replace(_POLICE, start=0, end=0), _CROWD)
    # gunmen named as who fired on the crowd: the story's police are not put in their place
    assert crowd_sides("Excessive force against protesters", _CROWD, _GANG, "Kenya", 0, _POLICE) == (
        _CROWD,
        _GANG,
    )


def test_a_battle_with_one_side_named_faces_the_rebels_the_story_tells_of(pipeline: Pipeline) -> None:
    text = (
        "Syrian troops shelled rebels in Deraa, Syria, on Monday, activists said. On Wednesday a "
        "fierce battle raged in the centre of Nawa, activists said."
    )
    battles = [e for e in coded_events(pipeline, text) if e.event_type == "Battles"]
    assert battles and (battles[0].actor2, battles[0].actor2_type) == ("Unidentified Armed Group (Syria)", 2)


def test_gunmen_of_an_unclaimed_attack_are_not_the_militia_the_article_names_beside(
    pipeline: Pipeline,
) -> None:
    text = (
        "Gunmen killed nine villagers in an attack in Soum province, Burkina Faso, on Sunday, "
        "officials said. No group claimed the attack, but jihadists often target villages "
        "they accuse of backing the Volunteers for the Defence of the Homeland."
    )
    attacks = [e for e in coded_events(pipeline, text) if e.event_type == "Violence against civilians"]
    assert attacks and attacks[0].actor1 == "Unidentified Armed Group (Burkina Faso)"
