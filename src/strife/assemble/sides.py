"""The article's actors as assembly sees them: the salient armed groups, and the generic nouns
("the group", "the rebels") that point back to them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from strife.extract.classify import CIVILIANS, STATE
from strife.mentions import ActorRef, Mention
from strife.tables import read_table

_TYPOGRAPHIC_APOSTROPHE = "\u2019"


def anaphor_key(matched: str) -> str:
    """The words as anaphora.tsv lists them: lower case, without a possessive ending ("insurgents'",
    "the group's", with a straight or a typographic apostrophe)."""
    return re.sub(r"'s?$", "", matched.lower().replace(_TYPOGRAPHIC_APOSTROPHE, "'")).strip()


def is_unnamed(actor: ActorRef) -> bool:
    return actor.name.startswith("Unidentified Armed Group")


# "armed groups linked to al-Qaeda", "a faction allied to the Islamic State": the named group is
# another group's patron, not an actor of this article's events.
_PATRON = re.compile(
    r"\b(?:linked|tied|affiliated|allied|aligned|connected|close|loyal(?= to the (?:government|state))|"
    r"inspired|ties|links|allegiance|affiliates?|offshoots?|splinter(?: group)?s?)"
    r"(?: with| to| by| of)?(?: the)?\s+(?:(?:[\w'-]+\s+){1,3}?(?:and|or)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def named_as_patron(actor: ActorRef, text: str) -> bool:
    """Whether the words before an actor's mention make it another group's patron."""
    return _PATRON.search(text[max(0, actor.start - 40) : actor.start]) is not None


def salient_actors(mentions: Sequence[Mention], found: Sequence[ActorRef]) -> list[ActorRef]:
    """Armed actors of the article, most often named first (state forces last among equals)."""
    counts = Counter(a.name for a in found)
    first: dict[str, ActorRef] = {}
    for a in found:
        first.setdefault(a.name, a)
    ranked = sorted(first.values(), key=lambda a: (-counts[a.name], a.type == STATE, a.start))
    return [a for a in ranked if a.type not in {CIVILIANS, None} and not is_unnamed(a)]


def load_anaphora() -> frozenset[str]:
    """Generic nouns that point back to the article's named armed group (data/anaphora.tsv)."""
    return frozenset(row["noun"].strip().lower() for row in read_table("anaphora.tsv", ["noun"]))


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
