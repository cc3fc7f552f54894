"""Which sub-type the judge gives a mention: the rules', or the sub-type head's when it is sure enough.

The rules choose the family from the trigger word and are mostly right about it; the sub-type
head reads the whole sentence and is better at the sub-type. Three cases, in this order:

1. the rules' sub-type contradicts the count of the dead (`data/deathless_subtypes.tsv`:
   "two protesters died after soldiers fired" is no Peaceful protest): the head's most likely
   sub-type among those the count allows, in the rules' family or a family confusable with it,
   when it holds at least `CONTRADICTED_AT` of their probability;
2. the head's most likely ACLED sub-type lies in another family that the precedence table pairs
   with the rules' (`data/type_precedence.tsv`: Protests and Riots, Arrests and Protest with
   intervention, Battles, Violence against civilians and Explosions/Remote violence): it, when
   the head gives it at least `ACROSS_AT` of the ACLED sub-types' probability;
3. otherwise the head's most likely sub-type within the rules' family, when it holds at least
   `WITHIN_AT` of the family's probability.

A sub-type the count rules out is never chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from strife.assemble.precedence import Precedence
from strife.mentions import Typing
from strife.tables import read_table

# Chosen on the sub-type head's held-out split and on news_dev (its evidence sentences and its
# articles; never news_dev_2, which is reported as unseen), 2026-12-06. Held out, from a probability
# of 0.7 up the head's label was right for 243/245 sentences and none of the 151 kept sentences of a
# confusable family got the wrong family (0.6: 2 did); 0.9: 80/80. On news_dev's articles 0.6 and
# 0.7 moved an attack on a military post to Attack (0.63) and "protesters stormed the residence"
# from Violent demonstration to Peaceful protest (0.89): both wrong, and no move there was right.
ACROSS_AT = 0.9
WITHIN_AT = 0.8  # (the judge's threshold since the stage began)
CONTRADICTED_AT = 0.5  # the rules' own sub-type is ruled out: a majority of the rest is enough
NOT_REVISED = frozenset({"Displacement"})  # its events stand on a count or a population the rules read


def load_deathless(path: str = "deathless_subtypes.tsv") -> frozenset[str]:
    """The sub-types a death rules out (`data/deathless_subtypes.tsv`)."""
    return frozenset(row["sub_event_type"].strip() for row in read_table(path, ("sub_event_type", "why")))


@dataclass
class Reviser:
    """Chooses a mention's sub-type from the rules' typing and the sub-type head's probabilities."""

    labels: Sequence[str]  # the sub-type head's labels, in its column order
    families: dict[str, str]  # sub-type label -> event type
    precedence: Precedence
    deathless: frozenset[str]
    within_at: float = WITHIN_AT
    across_at: float = ACROSS_AT
    contradicted_at: float = CONTRADICTED_AT
    _options: dict[Typing, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False)

    def contradicts(self, sub_event_type: str, deadly: bool) -> bool:
        """Whether a count of the dead above zero rules the sub-type out."""
        return deadly and sub_event_type in self.deathless

    def revise(
        self, typing: Typing, probabilities: NDArray[np.float64], deadly: bool, contradicted: bool = True
    ) -> tuple[Typing, str]:
        """The typing to give a mention, and why ("" when it stays the rules'). `deadly`: its event
        counts a dead; `contradicted`: the count rules out every sub-type its event's mentions have
        (False when another mention already has one the count allows)."""
        if typing.event_type in NOT_REVISED:
            return typing, ""
        within, across = self._candidates(typing)
        allowed = [i for i in within + across if not self.contradicts(self.labels[i], deadly)]
        if contradicted and self.contradicts(typing.sub_event_type, deadly):
            best, share = _best(allowed, probabilities)
            if best is not None and share >= self.contradicted_at:
                label = self.labels[best]
                why = f"the count of the dead rules out {typing.sub_event_type!r}"
                return Typing(self.families[label], label), f"{why}; {label!r} from the encoder ({share:.2f})"
            return typing, ""
        acled = [i for i, label in enumerate(self.labels) if self.families[label] not in NOT_REVISED]
        top = max(acled, key=lambda i: float(probabilities[i]))
        share = float(probabilities[top]) / max(float(probabilities[acled].sum()), 1e-9)
        if top in across and top in allowed and share >= self.across_at:
            label = self.labels[top]
            why = f"{label!r} from the encoder ({share:.2f}, another family)"
            return Typing(self.families[label], label), why
        best, share = _best([i for i in within if i in allowed], probabilities)
        if best is not None and share >= self.within_at and self.labels[best] != typing.sub_event_type:
            label = self.labels[best]
            return Typing(typing.event_type, label), f"{label!r} from the encoder ({share:.2f})"
        return typing, ""

    def _candidates(self, typing: Typing) -> tuple[list[int], list[int]]:
        """The head's columns in the rules' family, and in the families confusable with this typing."""
        if typing not in self._options:
            within, across = [], []
            for i, label in enumerate(self.labels):
                family = self.families.get(label)
                if family is None or family in NOT_REVISED:
                    continue
                if family == typing.event_type:
                    within.append(i)
                elif self.precedence.confusable(typing, Typing(family, label)):
                    across.append(i)
            self._options[typing] = (within, across)
        return self._options[typing]


def _best(columns: Sequence[int], probabilities: NDArray[np.float64]) -> tuple[int | None, float]:
    """The most likely of `columns` and its share of their probability."""
    if not columns:
        return None, 0.0
    best = max(columns, key=lambda i: float(probabilities[i]))
    total = float(sum(float(probabilities[i]) for i in columns))
    return best, float(probabilities[best]) / max(total, 1e-9)
