"""What displacement coding reads besides triggers: hazard words, housing nouns, and which count is
the displaced figure (CODEBOOK section 8).

The word lists live in data/displacement_cues.tsv. The figure of a displacement trigger is chosen
in this order, because a sentence often holds several counts ("two people were killed and close to
1,000 were evacuated", "of the 239,500 people affected, 12,100 were evacuated"):
  1. a count the parse ties to the trigger (its subject or object, or that of the verb the trigger
     completes: "70,000 have been left homeless");
  2. otherwise the count nearest the trigger, leaving out counts of the dead and wounded;
and an exact count before a vague word ("thousands") at each step.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from strife.extract.quantities import Quantity
from strife.extract.word_kinds import group_by_kind
from strife.tables import read_table

KINDS = ("hazard", "not_hazard", "housing", "people", "household", "homes")
COLUMNS = ("phrase", "kind", "note")
# Dependencies by which a trigger word completes the verb that holds the count: "left homeless"
# (oprd), "forced 17,000 to leave" (xcomp), "forced 2,500 people out of their homes" (prep).
_COMPLETES = {"acomp", "oprd", "xcomp", "prep", "advmod", "agent"}
# Dependencies a count may climb by to reach its trigger: the number in its noun phrase, the noun
# as subject or object, or as the object of "of" ("the evacuation of 403,000 people"). Not
# conjunctions ("1 500 houses were destroyed and 7 500 were damaged") nor other prepositions
# ("evacuated as of 6 p.m.").
_CLIMBS = {"nummod", "quantmod", "compound", "amod", "advmod", "appos", "nsubj", "nsubjpass", "dobj",
           "obj", "attr", "npadvmod"}  # fmt: skip
_ADJECTIVE_ENDINGS = ("ed", "al", "en", "ic", "ary", "ing", "ous", "ial", "ive")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]")
_NEAR_WORDS = 3  # at most this many words between a housing count and its destruction word


def _pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    parts = []
    for phrase in phrases:
        words = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in phrase.split()]
        parts.append(r"\s+".join(words))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    # a hyphen may join the word to another: "hurricane-ravaged", "flood-hit"
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class DisplacementCues:
    """The word lists of data/displacement_cues.tsv, by kind."""

    words: dict[str, frozenset[str]]
    hazards: re.Pattern[str] | None = None
    masks: re.Pattern[str] | None = None  # the not_hazard phrases

    @classmethod
    def load(cls, path: Path | None = None) -> DisplacementCues:
        rows = read_table(path or "displacement_cues.tsv", COLUMNS, KINDS, optional={"note"})
        words = group_by_kind(rows)
        return cls(
            words, _pattern(words.get("hazard", frozenset())), _pattern(words.get("not_hazard", frozenset()))
        )

    def of(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())

    def hazard(self, text: str) -> str | None:
        """The first natural-hazard word in `text` ("floods"), not counting "opened fire" and the like."""
        if self.hazards is None:
            return None
        plain = self.masks.sub(lambda m: " " * len(m.group(0)), text) if self.masks is not None else text
        match = self.hazards.search(plain)
        return match.group(0) if match else None

    def counts_housing(self, text: str, q: Quantity) -> bool:
        """Whether the count `q` in `text` counts dwellings: "60 homes", "321 Houses", "25,000
        mud-and-thatch homes", "24 viviendas"."""
        housing = self.of("housing")
        if q.noun is not None and q.noun.lower() in housing:
            return True
        words = re.findall(r"[\w'-]+|[^\s\w]", text[q.end : q.end + 80].lower())[: _NEAR_WORDS + 1]
        for i, word in enumerate(words):
            if word in housing or " ".join(words[i : i + 2]) in housing:
                return True
            if not ("-" in word or word.endswith(_ADJECTIVE_ENDINGS)):
                return False
        return False


def gap(q: Quantity, start: int, end: int) -> int:
    """Characters between a count and a trigger span (0 when they overlap)."""
    if q.end <= start:
        return start - q.end
    if q.start >= end:
        return q.start - end
    return 0


def tied(doc: Doc, q: Quantity, start: int, end: int) -> bool:
    """Whether the parse ties the count `q` to the trigger at characters [start, end)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span:
        current: Token = token
        for _ in range(5):
            if start <= current.idx < end:
                return True
            if any(start <= c.idx < end and c.dep_ in _COMPLETES for c in current.children):
                return True
            if current.head.i == current.i or not _climbs(current):
                break
            current = current.head
    return False


def _climbs(token: Token) -> bool:
    if token.dep_ == "pobj":
        return token.head.lower_ == "of"
    return token.dep_ in _CLIMBS or (token.dep_ == "prep" and token.lower_ == "of")


def choose(
    doc: Doc,
    candidates: Sequence[Quantity],
    start: int,
    end: int,
    untied: Callable[[Quantity], bool] = lambda q: True,
) -> Quantity | None:
    """The count that goes with the trigger at [start, end): one the parse ties to it, else the
    nearest one that `untied` accepts; exact counts before vague words."""
    attached = [q for q in candidates if tied(doc, q, start, end)]
    pool = attached or [q for q in candidates if untied(q)]
    return min(pool, key=lambda q: (q.vague, gap(q, start, end)), default=None)


def near(text: str, q: Quantity, start: int, end: int) -> bool:
    """A count a few words from the trigger, with no clause break and no other figure between:
    "321 Houses destroyed", "destruction of 2,082 houses"."""
    between = text[q.end : start] if q.end <= start else text[end : q.start]
    return not _CLAUSE_BREAK.search(between) and len(between.split()) <= _NEAR_WORDS + 1
