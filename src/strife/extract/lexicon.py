"""Trigger lexicon: words and phrases that can name an event, read from data/triggers.tsv.

A trigger is matched on lemmas (or lowercase forms) of consecutive tokens and
checked against the part of speech of its head word, so "strike" the noun in
"air strike" and "strike" the verb of a labour dispute stay apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from strife.tables import read_table

COLUMNS = ("phrase", "pos", "kind", "strength", "note")

_POS = {
    "VERB": {"VERB", "AUX"},
    "NOUN": {"NOUN", "PROPN"},
    "ADJ": {"ADJ", "VERB"},
    "ANY": {"VERB", "AUX", "NOUN", "PROPN", "ADJ"},
}


@dataclass(frozen=True)
class Trigger:
    phrase: tuple[str, ...]
    pos: str
    kind: str
    strong: bool


@dataclass(frozen=True)
class TriggerHit:
    trigger: Trigger
    start: int  # token index in the doc
    end: int  # exclusive
    head: int  # token index of the word whose syntax we read (verb: first; noun phrase: last)

    @property
    def kind(self) -> str:
        return self.trigger.kind


class TriggerLexicon:
    def __init__(self, triggers: list[Trigger]) -> None:
        self.triggers = triggers
        self._by_first: dict[str, list[Trigger]] = defaultdict(list)
        for trigger in triggers:
            self._by_first[trigger.phrase[0]].append(trigger)
        for entries in self._by_first.values():
            entries.sort(key=lambda t: -len(t.phrase))

    @classmethod
    def load(cls, path: Path | None = None) -> TriggerLexicon:
        triggers = []
        for row in read_table(path or "triggers.tsv", COLUMNS, optional={"note"}):
            phrase, pos, kind, strength = (row[column].strip() for column in COLUMNS[:4])
            if not phrase or pos not in _POS or strength not in {"strong", "weak"}:
                raise row.error(
                    f"bad trigger: phrase must be set, pos one of {', '.join(sorted(_POS))}, "
                    f"strength strong or weak"
                )
            triggers.append(Trigger(tuple(phrase.lower().split()), pos, kind, strength == "strong"))
        return cls(triggers)

    def find(self, sent: Span) -> Iterator[TriggerHit]:
        """Longest non-overlapping triggers in one sentence, left to right."""
        tokens = list(sent)
        i = 0
        while i < len(tokens):
            hit = self._match_at(tokens, i)
            if hit is None:
                i += 1
                continue
            yield hit
            i += hit.end - hit.start

    def _match_at(self, tokens: list[Token], i: int) -> TriggerHit | None:
        for key in _forms(tokens[i]):
            for trigger in self._by_first.get(key, ()):
                n = len(trigger.phrase)
                window = tokens[i : i + n]
                if len(window) < n or not all(
                    word in _forms(tok) for word, tok in zip(trigger.phrase, window, strict=True)
                ):
                    continue
                head = window[0] if trigger.pos == "VERB" else _phrase_head(window)
                if head.pos_ not in _POS[trigger.pos]:
                    continue
                return TriggerHit(trigger, window[0].i, window[-1].i + 1, head.i)
        return None


def _phrase_head(window: list[Token]) -> Token:
    """The word a noun phrase hangs by: "exchange" in "exchange of fire" (its determiners and
    adjectives attach there), the last word when the parse does not single one out."""
    inside = {tok.i for tok in window}
    roots = [tok for tok in window if tok.head.i not in inside or tok.head.i == tok.i]
    if len(roots) == 1 and roots[0].pos_ in {"NOUN", "PROPN"}:
        return roots[0]
    return window[-1]


def _forms(token: Token) -> tuple[str, ...]:
    return (token.lemma_.lower(), token.lower_)
