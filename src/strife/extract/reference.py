"""Definite references to an occurrence already reported: "the attack", "that assault", "the
kidnapped workers" (CODEBOOK section 1). Detection marks such mentions; assembly joins them to the
event they point back to instead of founding a new one."""

from __future__ import annotations

from spacy.tokens import Token

REFERS_BACK = "refers back"  # the note detection leaves on a mention (Mention.notes)
# the note on a mention inside a clause that tells another occurrence ("came a day after six were killed")
OTHER_OCCURRENCE = "another occurrence"
# the note on a reference that names its own place ("the attack in Bor"): only such a place can tell
# it apart from the occurrence coded; a place elsewhere in its sentence often tells where the
# victims were taken or where a source spoke
OWN_PLACE = "names its place"
# the note on a consequence of the occurrence told ("the ensuing exchange of fire"): part of it,
# wherever its sentence says the wounded were taken
SEQUEL = "sequel"
_CONSEQUENCE = {"ensuing", "resulting"}
_DEFINITE = {"the", "this", "that", "these", "those"}
# "the second attack", "the previous blast", "another raid": a new or an older occurrence
_NEW_OR_OTHER = {"another", "second", "third", "new", "fresh", "previous", "earlier", "first",
                 "other", "similar", "next", "latest", "last", "recent", "subsequent", "further",
                 "separate", "twin", "deadliest", "worst", "biggest", "largest"}  # fmt: skip
_VICTIMS = {"those"}  # "those killed", "those abducted": the victims of a told occurrence


def refers_back(head: Token) -> bool:
    """Whether the trigger word is a definite noun phrase about one occurrence: a noun with a
    definite determiner or a possessive pronoun ("the blast", "its attack"), or a participle
    qualifying such a noun ("the kidnapped workers"), or one qualifying "those" ("among those
    killed was ..."). Not one marked as another occurrence
    ("the second attack", "a previous raid"), nor a plural ("the attacks" may be several)."""
    if is_sequel(head):
        return True
    if head.dep_ == "acl" and head.tag_ == "VBN" and head.head.lower_ in _VICTIMS:
        return True  # "among those killed was a teacher": the dead of an occurrence already told
    noun = head
    if head.dep_ == "amod" and head.head.pos_ == "NOUN":
        noun = head.head  # "the kidnapped workers"
    elif head.pos_ != "NOUN" or head.tag_ == "NNS":
        return False
    words = {child.lower_ for child in noun.children if child.dep_ in {"amod", "det", "nummod", "poss"}}
    if words & _NEW_OR_OTHER or any(c.dep_ == "nummod" for c in noun.children):
        return False
    return any(
        (child.dep_ == "det" and child.lower_ in _DEFINITE) or (child.dep_ == "poss" and child.tag_ == "PRP$")
        for child in noun.children
    )


def is_sequel(head: Token) -> bool:
    """ "the ensuing clashes", "the resulting exchange of fire": an event word that names itself a
    consequence of the occurrence just told, and so part of it (CODEBOOK section 1)."""
    return head.pos_ == "NOUN" and any(
        child.dep_ == "amod" and child.lower_ in _CONSEQUENCE for child in head.children
    )


def names_own_place(head: Token, start: int | None) -> bool:
    """Whether the place read at character `start` lies inside the event word's own phrase ("the
    attack in Bor", "the blast at the market", "gunmen killed five in Bor")."""
    if start is None:
        return False
    words = list(head.subtree)
    return words[0].idx <= start < words[-1].idx + len(words[-1])
