"""The learned second opinion on the rules' mentions: is this sentence a current event, and which sub-type.

The rules find triggers and read arguments well; they are weakest at telling a report
of a current occurrence from background, intentions, commentary, trends and page
furniture, and at choosing the sub-type within a family when the wording is new. The
judge encodes each sentence that holds a mention (only those: encoding costs about
twice parsing) and applies two small heads trained from `data/training/`:

1. event-hood: a mention whose sentence the head reads as a non-event with
   probability at least `drop_at` is dropped, with the reason kept;
2. sub-type: within the family the rules chose, the head's sub-type replaces the
   rules' when it is at least `retype_at` likely. The family itself stays the rules'
   (a trigger word is stronger evidence of the family than a sentence embedding).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from strife.learn.corpus import read_labels
from strife.learn.encoder import SentenceEncoder
from strife.learn.head import Head
from strife.learn.train import HEADS_DIR, load_heads
from strife.mentions import Mention

EVENT = "event"


@dataclass(frozen=True)
class Verdict:
    """What the judge made of one mention: kept (maybe retyped) or dropped, and why."""

    keep: bool
    reason: str | None = None


class Judge:
    def __init__(
        self,
        encoder: SentenceEncoder,
        eventhood: Head,
        subtype: Head,
        families: dict[str, str],
        drop_at: float = 0.8,
        retype_at: float = 0.8,
    ) -> None:
        self.encoder = encoder
        self.eventhood = eventhood
        self.subtype = subtype
        self.families = families  # sub-type label -> event type
        self.drop_at = drop_at
        self.retype_at = retype_at

    @classmethod
    def load(cls, encoder: SentenceEncoder, folder: Path = HEADS_DIR) -> Judge:
        """The committed heads (data/heads/) and label families (data/training/labels.tsv)."""
        labels = read_labels()
        heads = load_heads(folder)
        families = {label: labels.group[label] for label in labels.of("subtype")}
        return cls(encoder, heads["eventhood"], heads["subtype"], families)

    def __call__(self, mentions: Sequence[Mention], text: str) -> list[Mention]:
        """The mentions kept, sub-types revised; a dropped mention's reason is in its notes."""
        coded = [m for m in mentions if m.typing is not None]
        if not coded:
            return list(mentions)
        spans = sorted({(m.sent_start, m.sent_end) for m in coded})
        vectors = self.encoder.encode([text[s:e] for s, e in spans])
        row = {span: i for i, span in enumerate(spans)}
        eventhood = self.eventhood.predict_proba(vectors)
        events = eventhood[:, list(self.eventhood.labels).index(EVENT)]
        subtypes = self.subtype.predict_proba(vectors)
        kept: list[Mention] = []
        for mention in mentions:
            if mention.typing is None:
                kept.append(mention)
                continue
            i = row[(mention.sent_start, mention.sent_end)]
            if 1.0 - events[i] >= self.drop_at and _droppable(mention):
                kind = self.eventhood.labels[int(np.argmax(eventhood[i]))]
                mention.notes.append(f"dropped by the encoder: {kind} ({1.0 - events[i]:.2f} not an event)")
                continue
            kept.append(self._retyped(mention, subtypes[i]))
        return kept

    def _retyped(self, mention: Mention, probabilities: NDArray[np.float64]) -> Mention:
        assert mention.typing is not None
        family = mention.typing.event_type
        allowed = [i for i, label in enumerate(self.subtype.labels) if self.families.get(label) == family]
        if not allowed:
            return mention
        best = max(allowed, key=lambda i: float(probabilities[i]))
        share = float(probabilities[best]) / max(float(sum(probabilities[i] for i in allowed)), 1e-9)
        label = self.subtype.labels[best]
        if label == mention.typing.sub_event_type or share < self.retype_at:
            return mention
        rules = mention.typing.sub_event_type
        mention.notes.append(f"sub-type {label!r} from the encoder ({share:.2f}); the rules had {rules!r}")
        mention.typing = replace(mention.typing, sub_event_type=label)
        return mention


def _droppable(mention: Mention) -> bool:
    """A mention that carries a count of the dead or displaced is kept whatever the head says: the
    count is the rules' strongest evidence of a report, and the head misreads claims of counts
    ("both sides claim to have killed dozens") as trends and quoted witnesses as commentary."""
    return mention.deaths is None and mention.displaced is None
