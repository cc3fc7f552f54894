"""The article's actors as assembly sees them: the salient armed groups, and the generic nouns
("the group", "the rebels") that point back to them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from strife.extract.actor_reading import anaphor_key, load_anaphora, named_as_patron
from strife.extract.classify import ARMED, CIVILIANS, STATE
from strife.extract.word_kinds import read_word_kinds
from strife.mentions import ActorRef, Mention

__all__ = [
    "anaphor_key",
    "blamed_group",
    "is_unnamed",
    "load_anaphora",
    "named_as_patron",
    "salient_actors",
    "struck_civilians",
]


def is_unnamed(actor: ActorRef) -> bool:
    """An actor the text does not name: ACLED's "Unidentified Armed Group", "Unidentified Communal
    Militia" and the like. It is no salient actor of the story ("members of the self-defence
    militia" killed in an attack did not fight the battle another sentence reports)."""
    return actor.name.startswith("Unidentified ")


UNIDENTIFIED = 8
GROUPS = ARMED - {STATE, UNIDENTIFIED}


@cache
def blame_pattern() -> re.Pattern[str]:
    """The words that lay an attack at a group's door (the "blame" rows of data/modality.tsv)."""
    cues = sorted(read_word_kinds("modality.tsv").get("blame", frozenset()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b")


def blamed_group(
    salient: Sequence[ActorRef], text: str, sentences: Sequence[tuple[int, int]]
) -> ActorRef | None:
    """The group an attack with no attacker in its own sentence belongs to: the article's one named
    non-state armed group, when it is the only armed actor the article names or a sentence naming it
    blames it ("Boko Haram claimed responsibility"). ACLED codes the group the story attributes the
    attack to, not an unidentified one; with two groups named, or none blamed beside state forces,
    who did it is unknown."""
    groups = [a for a in salient if a.type in GROUPS]
    if len(groups) != 1:
        return None
    group = groups[0]
    if not any(a.type == STATE for a in salient):
        return group
    name = text[group.start : group.end].lower()
    for start, end in sentences:
        sentence = text[start:end].lower()
        if name and name in sentence and blame_pattern().search(sentence):
            return group
    return None


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
