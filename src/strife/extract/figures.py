"""The counts of a sentence: its death figure (never the wounded) and its displaced figure.

A death figure is read in these steps:

1. Tie each count to the death word the parse hangs it on (death_words.py): "at least 23
   people were killed", "12 dead", "the toll rose to 14"; a count of the wounded, of places or
   of a part of the dead is no figure.
2. Drop what the tied count cannot be the event's dead of: a span of time ("two days after 26
   were killed"), a vague word above "thousands", the dead of another occurrence or of a whole
   conflict (other_deaths.py), a running total told in the perfect ("have been killed").
3. Add up counts of each side joined by "and" ("five insurgents and two soldiers died"); with
   no count, one named or singular victim is an implied figure of 1 (victims.py).
4. Mark a first count ("initially, five were killed") or a new toll ("the toll rose to 14") in
   `Figure.revision`; assembly weighs them (CODEBOOK section 7).

The cue words live in data/figure_cues.tsv. A displaced figure is the count tied to its
displacement trigger (displacement.py), in people, households or families.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from strife.extract.death_words import (
    DEATH,
    WOUND,
    attached_to,
    counts_casualties,
    death_word,
    list_item,
    named_dead,
    part_of_the_dead,
    perfect,
)
from strife.extract.displacement import DisplacementCues, choose
from strife.extract.doc_chars import doc_text, token_at
from strife.extract.figure_cues import FigureCues
from strife.extract.other_deaths import OtherDeaths
from strife.extract.quantities import Quantity
from strife.extract.victims import SingleVictims
from strife.mentions import Figure

# what may stand between two counts of the dead that add up: "five insurgents and two soldiers"
_SIDES_JOINED = re.compile(
    r"(?![^,;]*\b(?:including|among|wounded|injured|others)\b)[^,;.]{0,60}\band\s+", re.I
)
# "14 people were killed and 10 others injured": the second count is of the wounded
_WOUNDED_AFTER = re.compile(r"(?:(?!\band\b)[^,;.]){0,40}?\b(?:wounded|injured|hurt|maimed)\b", re.I)
# "were killed and 25 wounded", "killed and 200 people, including police, were injured": a count
# after its death word whose own clause ends on a wound word is of the wounded
_OWN_WOUND = re.compile(
    r"(?:(?!\band\b)[^,;.\d]){0,30}?(?:,\s*(?:including|among them|most of them)\b[^,;.]{0,50},)?"
    r"(?:(?!\band\b)[^,;.\d]){0,20}?\b(?:wounded|injured|hurt|maimed)\b",
    re.I,
)
# The largest value a vague word may give as a death count ("thousands": 1,000, CODEBOOK section 7).
# Above it ("tens of thousands", "millions") the word sizes a population or a whole conflict's dead.
VAGUE_DEATHS_MAX = 1000
# More dead than one occurrence in a news story leaves, when told in the perfect ("5,000 people have
# been killed"): the running total of a conflict, never one event's dead.
TALLY_DEATHS_MIN = 1000


def _figure(q: Quantity, unit: str = "people") -> Figure:
    return Figure(q.value, q.low, q.high, unit, q.start, q.end, q.text, q.vague)


class Figures:
    """Reads death and displaced figures; `cues` give the nouns of people, families and households
    (data/displacement_cues.tsv), `figure_cues` the words around a death figure (data/figure_cues.tsv)."""

    def __init__(self, cues: DisplacementCues, figure_cues: FigureCues | None = None) -> None:
        self.cues = cues
        self.people = cues.of("people") | cues.of("household") | cues.of("homes")
        self.figure_cues = figure_cues or FigureCues.load()
        self.victims = SingleVictims(self.figure_cues)
        self.others = OtherDeaths(self.figure_cues)

    def deaths(self, sent: Span, quantities: list[Quantity]) -> tuple[Figure | None, bool, Quantity | None]:
        """The death figure of a sentence, whether deaths are mentioned at all, and the first count
        of the figure (its noun may name the dead: "12 Somali soldiers")."""
        doc = sent.doc
        words = [tok for tok in sent if death_word(tok) and not self.others.elsewhere(tok)]
        by_word: dict[int, list[Quantity]] = {}
        for q in quantities:
            found, _ = self._tie(doc, q)
            if found is not None:
                by_word.setdefault(found.i, []).append(q)
        if not by_word:
            return self.victims.implied(words), bool(words), None
        # the toll is the whole count ("two more died, bringing the toll to seven"; "31 had died,
        # but the army put the toll at 19"); otherwise the first death word with a count
        word = next((i for i in by_word if doc[i].lemma_.lower() == "toll"), next(iter(by_word)))
        group = by_word[word]
        first = group[0]
        joined = [first]
        for q in group[1:]:
            if not _SIDES_JOINED.fullmatch(doc_text(doc)[joined[-1].end : q.start]) or _WOUNDED_AFTER.match(
                doc_text(doc), q.end
            ):
                break
            joined.append(q)
        revision = self._revision(sent, doc[word], token_at(doc, first.start))
        companions = self.victims.companions(doc[word], first)
        if len(joined) == 1 and not companions:
            return replace(_figure(first), revision=revision), True, first
        total = sum(q.value for q in joined) + companions
        text = doc_text(doc)[first.start : joined[-1].end]
        vague = all(q.vague for q in joined)
        figure = Figure(total, None, None, "people", first.start, joined[-1].end, text, vague, revision)
        return figure, True, first

    def dropped(self, sent: Span, quantities: list[Quantity]) -> list[str]:
        """Why each count tied to a death word of the sentence was not read as deaths (for --explain)."""
        notes = []
        for q in quantities:
            _, why = self._tie(sent.doc, q)
            if why is not None:
                notes.append(f"figure '{q.text}' dropped: {why}")
        return notes

    def _tie(self, doc: Doc, q: Quantity) -> tuple[Token | None, str | None]:
        """The death word a count is the figure of; else None, with the reason when a death word was
        there but the count cannot be its dead (None when the count is simply of something else:
        the wounded, the arrested, the displaced, a list item, a part of the dead)."""
        token = token_at(doc, q.start)
        if token is None or list_item(doc_text(doc), q) or part_of_the_dead(token):
            return None, None
        found = named_dead(doc, q) or attached_to(token, DEATH | WOUND)
        if found is None or found.lemma_.lower() not in DEATH:
            return None, None
        if (q.noun or "").lower() in self.figure_cues.of("duration"):
            return None, None  # "two days after 26 were killed": a span of time, no count of people
        if found.idx < q.start and _OWN_WOUND.match(doc_text(doc), q.end):
            return None, None  # "were killed and 25 wounded": the 25 are the wounded
        if q.vague and q.value > VAGUE_DEATHS_MAX:
            return None, "a vague word above 'thousands' sizes a population or a war's toll"
        if self.others.elsewhere(found):
            return None, "the dead of another occurrence or of a whole conflict"
        if q.value > TALLY_DEATHS_MIN and perfect(found):
            return None, "a running total ('have been killed'), not one event's dead"
        return found, None

    def word_of(self, doc: Doc, figure: Figure) -> Token | None:
        """The death word a figure was read on ("killed" in "at least 28 were killed")."""
        token = token_at(doc, figure.start)
        if token is None:
            return None
        noun = next((t for t in doc[token.i : token.i + 3] if t.lemma_.lower() in DEATH), None)
        return noun if noun is not None and noun.head.i in {token.i, noun.i} else attached_to(token, DEATH)

    def increment(self, doc: Doc, figure: Figure) -> bool:
        """ "Another five died", "two more bodies were found": a count that adds to an earlier one."""
        token = token_at(doc, figure.start)
        if token is None:
            return False
        near = [token, token.head, *token.children, *token.head.children]
        return any(t.lower_ in self.figure_cues.of("increment") for t in near)

    def set_against_other_killing(self, trigger: Token) -> bool:
        """Whether an event word is set against another killing (other_deaths.py)."""
        return self.others.set_against_other_killing(trigger)

    def earlier_clause(self, token: Token) -> Token | None:
        """The clause around the token that tells an earlier or later occurrence (other_deaths.py)."""
        return self.others.earlier_clause(token)

    def _revision(self, sent: Span, word: Token, count: Token | None) -> str | None:
        """ "preliminary" for a first count ("initially, five were killed", "an initial toll of
        5"), "update" for a new toll ("the toll rose to 14", "bringing the toll to 14")."""
        near = {word.i, word.head.i} | ({count.i, count.head.i} if count is not None else set())
        preliminary = self.figure_cues.of("preliminary")
        if any(t.head.i in near and t.lemma_.lower() in preliminary for t in sent):
            return "preliminary"
        moved = word.lemma_.lower() == "toll" and word.dep_ in {"nsubj", "dobj"}
        if moved and word.head.lemma_.lower() in self.figure_cues.of("update"):
            return "update"
        return None

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
        unit = self.unit(q.noun) or (None if q.noun else self.unit_in(doc_text(sent.doc)[start:end]))
        return _figure(q, unit or "people")

    def unit(self, noun: str | None) -> str | None:
        word = (noun or "").lower()
        if word in self.cues.of("household"):
            return "families"
        return "households" if word in self.cues.of("homes") else None

    def unit_in(self, words: str) -> str | None:
        """The unit a trigger names itself: "displaced families"."""
        return next((u for u in map(self.unit, words.split()) if u), None)
