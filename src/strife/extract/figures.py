"""The counts of a sentence: its death figure (never the wounded) and its displaced figure.

A count belongs to a death word when the parse ties it there ("at least 23 people
were killed"); counts of each side joined by "and" add up ("five insurgents and
two soldiers died"). A displaced figure is the count tied to its displacement
trigger (displacement.py), in people, households or families.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from strife.extract.displacement import DisplacementCues, choose
from strife.extract.mentions import Figure
from strife.extract.quantities import Quantity

DEATH = {"kill", "die", "dead", "death", "life", "massacre", "execute", "slay", "behead", "murder",
         "perish", "toll", "body", "assassinate", "lynch", "shoot"}  # fmt: skip
WOUND = {"wound", "injure", "hurt", "injury", "injured", "wounded", "maim"}
PEOPLE = {"people", "person", "persons", "civilian", "civilians", "resident", "residents", "villager",
          "villagers", "family", "families", "household", "households", "individual", "individuals",
          "refugee", "refugees", "child", "children", "woman", "women", "men", "others", "inhabitant",
          "inhabitants", "displaced", "idps", "migrants", "home", "homes", "evacuees", "returnees",
          "miners", "workers", "students", "pupils", "survivors", "victims", "dwellers"}  # fmt: skip
HOUSEHOLD_UNITS = {"family": "families", "families": "families", "household": "households",
                   "households": "households", "home": "households", "homes": "households"}  # fmt: skip
_SUBJECT_LIKE = {"nsubj", "nsubjpass", "acomp", "oprd", "xcomp"}
# what may stand between two counts of the dead that add up: "five insurgents and two soldiers"
_SIDES_JOINED = re.compile(
    r"(?![^,;]*\b(?:including|among|wounded|injured|others)\b)[^,;.]{0,60}\band\s+", re.I
)


def _figure(q: Quantity, unit: str = "people") -> Figure:
    return Figure(q.value, q.low, q.high, unit, q.start, q.end, q.text, q.vague)


class Figures:
    """Reads death and displaced figures; `cues` add non-English people and household nouns."""

    def __init__(self, cues: DisplacementCues) -> None:
        self.cues = cues
        self.people = PEOPLE | cues.of("people") | cues.of("household")

    def deaths(self, sent: Span, quantities: list[Quantity]) -> tuple[Figure | None, bool, Quantity | None]:
        """The death figure of a sentence, whether deaths are mentioned at all, and the first count
        of the figure (its noun may name the dead: "12 Somali soldiers")."""
        doc = sent.doc
        mentioned = any(tok.lemma_.lower() in DEATH and tok.pos_ in {"VERB", "NOUN", "ADJ"} for tok in sent)
        by_word: dict[int, list[Quantity]] = {}
        for q in quantities:
            token = token_at(doc, q.start)
            found = attached_to(token, DEATH | WOUND) if token is not None else None
            if found is not None and found.lemma_.lower() in DEATH:
                by_word.setdefault(found.i, []).append(q)
        if not by_word:
            return None, mentioned, None
        group = next(iter(by_word.values()))
        first = group[0]
        joined = [first]
        for q in group[1:]:
            if not _SIDES_JOINED.fullmatch(doc.text[joined[-1].end : q.start]):
                break
            joined.append(q)
        if len(joined) == 1:
            return _figure(first), True, first
        total = sum(q.value for q in joined)
        text = doc.text[first.start : joined[-1].end]
        vague = all(q.vague for q in joined)
        return Figure(total, None, None, "people", first.start, joined[-1].end, text, vague), True, first

    def displaced(self, sent: Span, quantities: list[Quantity], start: int, end: int) -> Figure | None:
        """The count of displaced people tied to the trigger at start..end: a count of people, or
        with no noun ("51 were evacuated"), or whose noun is the trigger ("400 evacuados"); not a
        count of the dead or wounded unless the parse ties it to the trigger."""
        found = [
            q
            for q in quantities
            if q.value > 0
            and (not q.noun or q.noun.lower() in self.people or (q.noun_start or -1) in range(start, end))
        ]
        q = choose(sent.doc, found, start, end, untied=lambda q: not counts_casualties(sent.doc, q))
        if q is None:
            return None
        unit = self.unit(q.noun) or (None if q.noun else self.unit_in(sent.doc.text[start:end]))
        return _figure(q, unit or "people")

    def unit(self, noun: str | None) -> str | None:
        word = (noun or "").lower()
        if word in self.cues.of("household"):
            return "families"
        return HOUSEHOLD_UNITS.get(word)

    def unit_in(self, words: str) -> str | None:
        """The unit a trigger names itself: "displaced families"."""
        return next((u for u in map(self.unit, words.split()) if u), None)


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
    """The death or wound word a number hangs on, walking up the parse (and into the verb's subject)."""
    current = token
    for _ in range(5):
        if current.lemma_.lower() in words:
            return current
        for child in current.children:
            if (
                child.dep_ in {"nsubj", "nsubjpass", "acomp", "oprd", "xcomp"}
                and child.lemma_.lower() in words
            ):
                return child
        if current.head.i == current.i:
            break
        current = current.head
    return None


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
