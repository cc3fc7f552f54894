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
from datetime import date
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from strife.assemble import merge
from strife.assemble.drafts import Draft
from strife.assemble.precedence import Precedence
from strife.learn.corpus import read_labels
from strife.learn.encoder import SentenceEncoder
from strife.learn.head import Head
from strife.learn.train import HEADS_DIR, load_heads
from strife.mentions import Mention

EVENT = "event"
# Kinds of non-event the judge does not drop for: a trigger word used in another sense ("shares
# rallied") is the rules' call (the relevance filter's cues and modality.py's sport and business
# check); the head learned it to keep the founder (learn/found.py) out of sport and business
# briefs, and as a reason to drop it misread arrests of a playwright's circle as culture news.
NOT_DROPPED = frozenset({"metaphor"})


@dataclass(frozen=True)
class Plan:
    """One article's mentions, the groups to judge, and the sentences (with spans) that judge them."""

    mentions: list[Mention]
    groups: list[Draft]
    spans: list[tuple[int, int]]
    sentences: list[str]


class Judge:
    def __init__(
        self,
        encoder: SentenceEncoder,
        eventhood: Head,
        subtype: Head,
        families: dict[str, str],
        precedence: Precedence,
        drop_at: float = 0.8,
        retype_at: float = 0.8,
    ) -> None:
        self.encoder = encoder
        self.precedence = precedence  # grouping mentions as assembly will (assemble.merge)
        self.eventhood = eventhood
        self.subtype = subtype
        self.families = families  # sub-type label -> event type
        self.drop_at = drop_at
        self.retype_at = retype_at

    @classmethod
    def load(
        cls, encoder: SentenceEncoder, precedence: Precedence | None = None, folder: Path = HEADS_DIR
    ) -> Judge:
        """The committed heads (data/heads/) and label families (data/training/labels.tsv)."""
        labels = read_labels()
        heads = load_heads(folder)
        families = {label: labels.group[label] for label in labels.of("subtype")}
        precedence = precedence or Precedence.load()
        return cls(encoder, heads["eventhood"], heads["subtype"], families, precedence)

    def __call__(
        self, mentions: Sequence[Mention], text: str, article_date: date | None = None
    ) -> list[Mention]:
        """The mentions kept, sub-types revised; a dropped mention's reason is in its notes."""
        plan = self.plan(mentions, text, article_date)
        return self.decide(plan, self.encoder.encode(plan.sentences))

    def plan(self, mentions: Sequence[Mention], text: str, article_date: date | None = None) -> Plan:
        """What to judge in one article, and the sentences to encode for it.

        One decision per occurrence: the mentions are grouped as assembly will group them,
        and each group is judged by the sentence of its first mention. A group with a count
        of the dead or displaced is kept without encoding anything (see `_counts`); mentions
        that form no group (assembly drops them too) are passed on untouched.
        """
        groups = [
            d for d in merge(mentions, article_date, self.precedence) if not any(_counts(m) for m in d.all())
        ]
        spans = sorted({(d.first.sent_start, d.first.sent_end) for d in groups})
        return Plan(list(mentions), groups, spans, [text[s:e] for s, e in spans])

    def decide(self, plan: Plan, vectors: NDArray[np.float32]) -> list[Mention]:
        """Apply the heads to a plan's encoded sentences (one row per `plan.sentences`)."""
        if not plan.groups:
            return plan.mentions
        row = {span: i for i, span in enumerate(plan.spans)}
        eventhood = self.eventhood.predict_proba(vectors)
        kinds = [
            i for i, label in enumerate(self.eventhood.labels) if label != EVENT and label not in NOT_DROPPED
        ]
        not_events = eventhood[:, kinds].sum(axis=1)
        subtypes = self.subtype.predict_proba(vectors)
        dropped: set[int] = set()
        for group in plan.groups:
            i = row[(group.first.sent_start, group.first.sent_end)]
            if not_events[i] >= self.drop_at:
                kind = self.eventhood.labels[max(kinds, key=lambda k: float(eventhood[i, k]))]
                reason = f"dropped by the encoder: {kind} ({not_events[i]:.2f} not an event)"
                for mention in group.all():
                    mention.notes.append(reason)
                    dropped.add(id(mention))
                continue
            for mention in group.mentions:
                if mention.typing is not None and mention.typing.event_type == group.event_type:
                    self._retyped(mention, subtypes[i])
        return [m for m in plan.mentions if id(m) not in dropped]

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


def _counts(mention: Mention) -> bool:
    """A group with a count of the dead or displaced is kept whatever the head says: the count is
    the rules' strongest evidence of a report, and the head misreads claims of counts ("both sides
    claim to have killed dozens") as trends and quoted witnesses as commentary. Not encoding those
    groups is also most of what keeps the stage cheap."""
    return mention.deaths is not None or mention.displaced is not None
