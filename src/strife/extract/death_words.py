"""Which death or wound word a count hangs on, by the parse: the ties a death figure is read on.

A count belongs to a death word when the parse ties it there ("at least 23 people were killed",
"12 dead", "the toll rose to 14", "put the toll at 19"), without climbing past a verb of another
clause ("28 were killed and hundreds of munitions seized") or into a place or a time ("killed in
four provinces"). A part of the dead ("two of the dead were children") and the number of a list
item are no counts of the dead.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from strife.extract.doc_chars import token_at
from strife.extract.quantities import Quantity

DEATH = {"kill", "killing", "die", "dead", "death", "life", "massacre", "execute", "slay", "behead", "murder",
         "perish", "toll", "body", "assassinate", "lynch", "shoot"}  # fmt: skip
WOUND = {"wound", "injure", "hurt", "injury", "injured", "wounded", "maim"}
_SUBJECT_LIKE = {"nsubj", "nsubjpass", "acomp", "oprd", "xcomp"}
# nouns that hold a count as the object of their verb: "put the toll at 19", "lost their lives"
_OBJECT_NOUNS = {"toll", "life"}
_PLACE_TIME_PREPOSITIONS = {"in", "on", "during", "across", "over", "near", "from", "within", "after",
                            "before", "since", "by", "into", "for", "around", "throughout"}  # fmt: skip
# "1. World", "2) Africa": the number of a list item at the start of a line is no count
_LIST_ITEM = re.compile(r"\d{1,2}[.)]\s")


def death_word(token: Token) -> bool:
    return token.lemma_.lower() in DEATH and token.pos_ in {"VERB", "NOUN", "ADJ"}


def perfect(word: Token) -> bool:
    """ "have been killed", "deaths have risen": the death word's verb is in the perfect."""
    verb = word if word.pos_ == "VERB" else word.head
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def named_dead(doc: Doc, q: Quantity) -> Token | None:
    """ "12 dead", "five bodies", "3 deaths": the counted noun is itself the death word."""
    if q.noun_start is None:
        return None
    noun = token_at(doc, q.noun_start)
    return noun if noun is not None and noun.lemma_.lower() in DEATH else None


def part_of_the_dead(count: Token) -> bool:
    """ "Two of the dead were children", "two of the three killed": a part of the dead, not their
    number ("12 of the 30 passengers were killed" is a number: the whole is not the dead)."""
    of = next((c for c in count.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None:
        return False
    return whole.lemma_.lower() in DEATH or any(
        c.dep_ in {"acl", "amod", "relcl"} and c.lemma_.lower() in DEATH for c in whole.children
    )


def list_item(text: str, q: Quantity) -> bool:
    line_start = text.rfind("\n", 0, q.start) + 1
    return not text[line_start : q.start].strip() and bool(_LIST_ITEM.match(text, q.start))


def counts_casualties(doc: Doc, q: Quantity) -> bool:
    """Whether a count is of the dead or wounded, within its own clause: in "41 people have
    died and nearly 70,000 have been left homeless" the 70,000 are not the dead."""
    token = token_at(doc, q.start)
    for _ in range(5):
        if token is None:
            return False
        if token.lemma_.lower() in DEATH | WOUND or any(
            c.dep_ in _SUBJECT_LIKE and c.lemma_.lower() in DEATH | WOUND for c in token.children
        ):
            return True
        if token.dep_ == "conj" or token.head.i == token.i:
            return False
        token = token.head
    return False


def attached_to(token: Token, words: set[str]) -> Token | None:
    """The death or wound word a number hangs on, walking up the parse (and into the verb's subject
    or, for "toll" and "lives", its object), but not past a verb that is no such word: in "28 were
    killed and hundreds of munitions seized" the hundreds belong to "seized"."""
    current, came_as_subject = token, False
    for _ in range(5):
        if current.lemma_.lower() in words:
            return current
        for child in current.children:
            lemma = child.lemma_.lower()
            if (child.dep_ in _SUBJECT_LIKE and lemma in words) or (
                child.dep_ == "dobj" and lemma in _OBJECT_NOUNS & words
            ):
                return child
            if current.i != token.i and came_as_subject and _shares_subject(child) and lemma in words:
                return child  # "three gendarmes were attacked and killed", not "displaced 900 and killed"
        if current.head.i == current.i or (current.i != token.i and current.pos_ == "VERB"):
            break
        if current.dep_ == "pobj" and current.head.lower_ in _PLACE_TIME_PREPOSITIONS:
            break  # "killed in four provinces", "died in 3 attacks": not a count of the dead
        came_as_subject = current.dep_ in {"nsubj", "nsubjpass"}
        current = current.head
    return None


def _shares_subject(child: Token) -> bool:
    """A verb joined by "and" that has no subject of its own: it shares its head's."""
    return (
        child.dep_ == "conj"
        and child.pos_ == "VERB"
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
    )
