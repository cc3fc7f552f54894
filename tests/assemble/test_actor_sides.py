"""Who the sides of an event are (CODEBOOK section 4): named groups behind generic nouns, the
armed sides of a battle, the victims of an attack, the forces facing a crowd."""

import re
from dataclasses import replace

import pytest
from story import coded_events

from strife.assemble.sides import blame_pattern, blamed_group, named_as_patron, struck_civilians
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


@pytest.mark.parametrize(
    ("salient", "story", "expected"),
    [
        ([_ISSP], _STORY, _ISSP),  # the only armed actor the article names
        ([_ARMY, _ISSP], _STORY, None),  # beside state forces and blamed for nothing: unknown
        ([_ARMY, _ISSP], _STORY.replace("said nothing", "was blamed"), _ISSP),
        ([_ARMY, _ISSP, replace(_ISSP, name="JNIM", start=0, end=4)], _STORY, None),  # two groups
    ],
)
def test_blamed_group(salient: list[ActorRef], story: str, expected: ActorRef | None) -> None:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", story)]
    assert blamed_group(salient, story, sentences) == expected


def test_a_toll_that_claimed_lives_blames_no_one() -> None:
    assert blame_pattern().search("the attack claimed the lives of 12 people") is None
    assert blame_pattern().search("the group claimed responsibility for the attack") is not None
