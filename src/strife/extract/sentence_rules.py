"""Small judgements the detector makes on one trigger or one sentence: idioms, words that only
qualify a noun, the object a verb takes, ground handed over without a fight, and moving quantities
found in a sentence's text to offsets in the article."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from strife.extract.classify import STATE
from strife.extract.quantities import Quantity
from strife.mentions import ActorRef, Mention, Typing

INCIDENT_NOUNS = {"attack", "blast", "explosion", "strike", "bombing", "raid", "incident", "assault",
                  "ambush", "violence", "clash", "operation", "offensive", "massacre", "shelling",
                  "fire"}  # fmt: skip
TRANSFER = "Non-violent transfer of territory"


def handed_over(mentions: list[Mention]) -> list[Mention]:
    """ "Troops withdrew from the town, letting the rebels take it over": ground taken in the sentence
    that tells the other side's withdrawal changed hands without a fight, a non-violent transfer of
    territory (CODEBOOK section 3), not a battle."""
    withdrawal = next((m.typing for m in mentions if m.typing and m.typing.sub_event_type == TRANSFER), None)
    if withdrawal is None:
        return mentions
    for m in mentions:
        if m.kind in {"capture", "recapture"} and m.event_type == "Battles":
            m.typing = withdrawal
    return mentions


def one_state(sides: list[ActorRef]) -> bool:
    return len(sides) == 2 and all(a.type == STATE for a in sides) and sides[0].country == sides[1].country


def idiom(head: Token) -> bool:
    """ "in protest against", "in retaliation": a bare noun after "in" describes a motive."""
    return (
        head.pos_ == "NOUN"
        and head.dep_ == "pobj"
        and head.head.lower_ == "in"
        and not any(child.dep_ in {"det", "poss", "nummod", "amod"} for child in head.children)
    )


def modifies_other_noun(head: Token) -> bool:
    """ "protest camp", "bomb squad", "attack helicopter": the trigger word only qualifies a noun,
    unless that noun itself names an incident ("suicide bomb attack")."""
    return (
        head.dep_ in {"compound", "amod"}
        and head.head.pos_ in {"NOUN", "PROPN"}
        and head.head.lemma_.lower() not in INCIDENT_NOUNS
    )


def object_lemma(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "obj", "nsubjpass"}:
            return child.lemma_.lower()
    return None


def shift_q(q: Quantity, offset: int) -> Quantity:
    return replace(
        q,
        start=q.start + offset,
        end=q.end + offset,
        noun_start=None if q.noun_start is None else q.noun_start + offset,
        noun_end=None if q.noun_end is None else q.noun_end + offset,
    )


def faces_forces(typing: Typing) -> bool:
    """A riot, or a protest the forces broke up: the forces are the second actor."""
    return typing.event_type == "Riots" or typing.sub_event_type == "Protest with intervention"
