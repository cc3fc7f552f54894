"""Death words that tell the dead of another occurrence or of a whole conflict, so that their
counts are no figure of the event at hand: "the attack follows the murders of two soldiers",
"in retaliation for the killing of five", "killed in the war", "the latest raid came a day after
six herders were killed in an ambush". The cue words live in data/figure_cues.tsv."""

from __future__ import annotations

from spacy.tokens import Token

from strife.extract.death_words import death_word
from strife.extract.figure_cues import FigureCues


class OtherDeaths:
    """Reads, with `figure_cues`, whether a death word or a clause is about another occurrence."""

    def __init__(self, figure_cues: FigureCues) -> None:
        self.figure_cues = figure_cues

    def elsewhere(self, word: Token) -> bool:
        """A death word of another occurrence, or of a whole conflict ("killed in the war")."""
        return self.other_event(word) or in_conflict(word, self.figure_cues.of("conflict"))

    def other_event(self, word: Token) -> bool:
        """A death word that names another occurrence: "follows the murders of two soldiers",
        "after the killing of four fighters", "in retaliation for the killing of five"."""
        if word.pos_ not in {"NOUN", "PROPN"}:
            return False
        head = word.head
        if word.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in self.figure_cues.of("other_event"):
            return True
        if word.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in self.figure_cues.of("grievance"):
            return True  # "a march against the killings", "condemned the killing of": a protest's cause
        return (
            word.dep_ == "pobj"
            and head.lower_ == "for"
            and head.head.lemma_.lower() in self.figure_cues.of("motive")
        )

    def set_against_other_killing(self, trigger: Token) -> bool:
        """Whether an event word is the subject of a verb that sets it against another killing:
        "the attack follows the murders of two soldiers", "the raid came after the killing of"."""
        if trigger.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        verb = trigger.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            objects += [g for g in prep.children if g.dep_ == "pobj"]
        return any(death_word(o) and self.other_event(o) for o in objects)

    def earlier_clause(self, token: Token) -> Token | None:
        """The clause that tells an earlier or later occurrence, when the token is inside one: a
        clause on "after" or "before" that hangs on a verb placing one occurrence against another
        ("the latest raid came a day after six herders were killed in an ambush": the ambush and its
        six dead are another occurrence), or the object side of one used transitively ("the latest
        attack followed bombings over the weekend that killed four"). Returns the clause's word."""
        node = token
        while node.head.i != node.i:
            sequel = node.head.lemma_.lower() in self.figure_cues.of("sequel")
            if (
                sequel
                and node.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in {"after", "before"} for c in node.children)
            ):
                return node
            obj = next((c for c in node.head.children if c.dep_ == "dobj"), None) if sequel else None
            if obj is not None and node.i >= obj.i:
                return node  # the object and what the parse hangs on the verb after it
            node = node.head
        return None


def in_conflict(word: Token, conflicts: frozenset[str]) -> bool:
    """ "killed in the war", "the conflict's death toll": the dead of a whole conflict."""
    for child in word.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in {"in", "during", "since"}
            and any(g.dep_ == "pobj" and g.lemma_.lower() in conflicts for g in child.children)
        ):
            return True
        if child.dep_ in {"poss", "compound"} and child.lemma_.lower() in conflicts:
            return True
    return False
