"""The article's actors as assembly sees them: the salient armed groups, and the generic nouns
("the group", "the rebels") that point back to them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from strife.extract.actor_reading import anaphor_key, load_anaphora, load_side_cues, named_as_patron
from strife.extract.blame import blame_pattern, blamed, lays_on_another
from strife.extract.classify import ARMED, CIVILIANS, PROTESTERS, RIOTERS, STATE
from strife.mentions import ActorRef, Mention

__all__ = [
    "anaphor_key",
    "arrest_sides",
    "arrested_crowd",
    "blame_pattern",
    "blamed_group",
    "crowd_sides",
    "is_unnamed",
    "lays_on_another",
    "load_anaphora",
    "named_as_patron",
    "salient_actors",
    "struck_civilians",
    "unnamed_rebels",
]


def is_unnamed(actor: ActorRef) -> bool:
    """An actor the text does not name: ACLED's "Unidentified Armed Group", "Unidentified Communal
    Militia" and the like. It is no salient actor of the story ("members of the self-defence
    militia" killed in an attack did not fight the battle another sentence reports)."""
    return actor.name.startswith("Unidentified ")


UNIDENTIFIED = 8
# the sub-event types of ACLED's riots, whose actor1 is always the rioters
RIOT_KINDS = frozenset({"Violent demonstration", "Mob violence"})
GROUPS = ARMED - {STATE, UNIDENTIFIED}


def blamed_group(
    salient: Sequence[ActorRef], text: str, sentences: Sequence[tuple[int, int]]
) -> ActorRef | None:
    """The group an attack with no attacker in its own sentence belongs to: the article's one named
    non-state armed group, when it is the only armed actor the article names or a sentence naming it
    blames it ("Boko Haram claimed responsibility"). ACLED codes the group the story attributes the
    attack to, not an unidentified one; with two groups named, or none blamed beside state forces,
    who did it is unknown; so it is when the article says no one has claimed the attack and names
    the group only beside saying so (`lays_on_another`)."""
    groups = [a for a in salient if a.type in GROUPS]
    if len(groups) != 1:
        return None
    group = groups[0]
    if lays_on_another(group, text, sentences):
        return None
    if not any(a.type == STATE for a in salient):
        return group
    return group if blamed(group, text, sentences) else None


def salient_actors(mentions: Sequence[Mention], found: Sequence[ActorRef]) -> list[ActorRef]:
    """Armed actors of the article, most often named first (state forces last among equals)."""
    counts = Counter(a.name for a in found)
    first: dict[str, ActorRef] = {}
    for a in found:
        first.setdefault(a.name, a)
    ranked = sorted(first.values(), key=lambda a: (-counts[a.name], a.type == STATE, a.start))
    return [a for a in ranked if a.type not in {CIVILIANS, None} and not is_unnamed(a)]


def struck_civilians(
    pairs: Sequence[tuple[ActorRef | None, ActorRef | None]], actor1: ActorRef | None, actor2: ActorRef | None
) -> ActorRef | None:
    """The second actor of a strike, a shelling or a blast: the civilians it hit when any report of
    it names them as its victims (ACLED: one Explosions/Remote violence event with civilians as
    actor2), rather than an armed group another sentence or a caption happens to name."""
    if actor2 is not None and actor2.type == CIVILIANS:
        return actor2
    hit = next((a2 for _, a2 in pairs if a2 is not None and a2.type == CIVILIANS), None)
    if hit is None or (actor1 is not None and hit.name == actor1.name):
        return actor2
    return hit


def _crowd(actor: ActorRef, kind: int, country: str | None) -> ActorRef:
    """The actor renamed as ACLED's protesters or rioters of its country."""
    home = actor.country or country
    label = "Protesters" if kind == PROTESTERS else "Rioters"
    return replace(actor, name=label + (f" ({home})" if home else ""), type=kind, country=home)


def crowd_sides(
    sub_type: str,
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    country: str | None,
    at: int,
    forces: ActorRef | None = None,
) -> tuple[ActorRef | None, ActorRef | None]:
    """ACLED's fixed order of the sides of crowd events: the crowd is actor1 of a riot and of a
    protest the forces broke up; the forces are actor1 of excessive force against protesters, the
    story's `forces` when the event's sentences name none.

    A riot always has its rioters: when no side is a crowd, the people the forces fired on ("police
    shot dead four people" in a riot) are the rioters, else the country's rioters stand in. People
    hurt beside the rioters of a violent demonstration are no side of it."""
    sides = [a for a in (actor1, actor2) if a is not None]
    if sub_type == "Excessive force against protesters":
        crowd = next((a for a in sides if a.type == PROTESTERS), None)
        if crowd is None:
            return actor1, actor2
        state = next((a for a in sides if a.type == STATE), None)
        if state is None and len(sides) == 1 and forces is not None:
            state = replace(forces, start=at, end=at)  # the story's forces, when no one else is named
        return (state, crowd) if state is not None else (actor1, actor2)
    if sub_type in RIOT_KINDS:
        crowd = next((a for a in sides if a.type == RIOTERS), None)
        if crowd is None:
            people = next((a for a in sides if a.type == CIVILIANS), None)
            if people is not None and (people is actor1 or any(a.type == STATE for a in sides)):
                sides.remove(people)
                crowd = _crowd(people, RIOTERS, country)
            else:
                crowd = ActorRef("Rioters" + (f" ({country})" if country else ""), RIOTERS, country, at, at)
        # people hurt in a violent demonstration are no side of it (mob violence has its victims)
        victims = {CIVILIANS} if sub_type == "Violent demonstration" else set()
        others = [a for a in sides if a.name != crowd.name and a.type not in victims]
        return crowd, (others[0] if others else None)
    if sub_type == "Protest with intervention":
        crowd = next((a for a in sides if a.type == PROTESTERS), None)
        others = [a for a in sides if a is not crowd]
        if crowd is not None:
            return crowd, (others[0] if others else None)
    return actor1, actor2


@cache
def unrest_pattern() -> re.Pattern[str]:
    """The words of crowd violence (the "unrest" rows of data/side_cues.tsv)."""
    words = sorted(load_side_cues()["unrest"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def arrested_crowd(
    mentions: Sequence[Mention], sentences: Sequence[str], country: str | None, at: int
) -> ActorRef | None:
    """Who an arrest took when its sentences speak of crowd violence ("42 arrests were made following
    the violence") in a story of a riot or a protest: the story's rioters (a riot anywhere in it), else
    its protesters, as ACLED codes the arrest of a crowd; None otherwise."""
    if not any(unrest_pattern().search(sentence.lower()) for sentence in sentences):
        return None
    kinds = {m.typing.event_type for m in mentions if m.typing is not None}
    crowds = {a.type for m in mentions for a in (m.actor1, m.actor2) if a is not None}
    if "Riots" in kinds or RIOTERS in crowds:
        kind = RIOTERS
    elif "Protests" in kinds or PROTESTERS in crowds:
        kind = PROTESTERS
    else:
        return None
    return _crowd(ActorRef("", kind, country, at, at), kind, country)


def arrest_sides(
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    police: ActorRef | None,
    country: str | None,
    at: int,
    crowd: ActorRef | None = None,
) -> tuple[ActorRef | None, ActorRef | None]:
    """The sides of an arrest: the state's forces that made it are actor1, also when the text names
    them second; with no one named ("X was arrested on Thursday") they are the police of the story,
    else of the country. Whoever they held is actor2: the `crowd` (arrested_crowd) when the text
    names only people or no one for them, else the country's civilians when it names no actor (ACLED)."""
    sides = [a for a in (actor1, actor2) if a is not None]
    state = next((a for a in sides if a.type == STATE), actor1)
    if state is None:
        state = police or ActorRef(
            "Police Forces" + (f" of {country}" if country else ""), STATE, country, at, at
        )
    held = next((a for a in sides if a is not state and a.name != state.name), None)
    if crowd is not None and (held is None or held.type == CIVILIANS):
        held = crowd if held is None else replace(held, name=crowd.name, type=crowd.type)
    if held is None:
        held = ActorRef("Civilians" + (f" ({country})" if country else ""), CIVILIANS, country, at, at)
    return state, held


def unnamed_rebels(mentions: Sequence[Mention], name: str) -> ActorRef | None:
    """The unnamed rebels (`name`, typed as rebels) a side of the story's events is, if any: "the
    army fired shells toward rebels" makes the other side of the city's battle rebels, not an
    armed group of unknown kind."""
    for m in mentions:
        for actor in (m.actor1, m.actor2):
            if actor is not None and actor.name == name and actor.type in GROUPS:
                return actor
    return None
