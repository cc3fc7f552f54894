"""The learned second opinion on the rules' mentions: is this sentence a current event, and which sub-type.

The rules find triggers and read arguments well; they are weakest at telling a report
of a current occurrence from background, intentions, commentary, trends and page
furniture, and at choosing the sub-type when the wording is new. The judge encodes
each sentence that holds a mention (only those: encoding costs about twice parsing)
and applies two small heads trained from `data/training/`:

1. event-hood: a mention whose sentence the head reads as a non-event with
   probability at least `drop_at` is dropped, with the reason kept;
2. sub-type: the head's sub-type replaces the rules' when it is sure enough
   (`strife.learn.revise`): within the rules' family at `WITHIN_AT`; in a family
   the precedence table pairs with the rules' (Protests and Riots, Battles and
   Violence against civilians...) only at `ACROSS_AT`, since a trigger word is
   strong evidence of the family; and whenever the rules' sub-type contradicts the
   count of the dead (a Peaceful protest where protesters died).

A group with a count of the dead or displaced is never dropped (see `_counts`). It is
encoded for its sub-type only in a short report (`strife.learn.found.is_short_report`:
a few sentences cost little, and the report is its event) or when the count of the dead
rules its sub-type out; elsewhere the count is taken as the rules' best evidence and the
group is kept as it is, which is also most of what keeps the stage cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from strife.assemble import merge
from strife.assemble.drafts import VIOLENT, Draft
from strife.assemble.precedence import Precedence
from strife.learn.corpus import read_labels
from strife.learn.encoder import SentenceEncoder
from strife.learn.found import is_short_report
from strife.learn.head import Head
from strife.learn.revise import Reviser, load_deathless
from strife.learn.train import HEADS_DIR, load_heads
from strife.mentions import Mention, Typing

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
    counted: frozenset[int] = frozenset()  # ids of the groups with a count: judged for sub-type only


class Judge:
    def __init__(
        self,
        encoder: SentenceEncoder,
        eventhood: Head,
        subtype: Head,
        families: dict[str, str],
        precedence: Precedence,
        deathless: frozenset[str] = frozenset(),
        drop_at: float = 0.8,
    ) -> None:
        self.encoder = encoder
        self.precedence = precedence  # grouping mentions as assembly will (assemble.merge)
        self.eventhood = eventhood
        self.subtype = subtype
        self.families = families  # sub-type label -> event type
        self.drop_at = drop_at
        self.reviser = Reviser(subtype.labels, families, precedence, deathless)

    @classmethod
    def load(
        cls, encoder: SentenceEncoder, precedence: Precedence | None = None, folder: Path = HEADS_DIR
    ) -> Judge:
        """The committed heads (data/heads/) and label families (data/training/labels.tsv)."""
        labels = read_labels()
        heads = load_heads(folder)
        families = {label: labels.group[label] for label in labels.of("subtype")}
        precedence = precedence or Precedence.load()
        return cls(encoder, heads["eventhood"], heads["subtype"], families, precedence, load_deathless())

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
        of the dead or displaced is never dropped, and is judged for its sub-type only in a
        short report or when its count of the dead rules its sub-type out (the module's
        docstring); mentions that form no group (assembly drops them too) pass untouched.
        """
        short = is_short_report(text)
        groups, counted = [], set()
        for draft in merge(mentions, article_date, self.precedence):
            if any(_counts(m) for m in draft.all()):
                if not (short and not _displaced(draft)) and not self._contradicted(draft):
                    continue
                counted.add(id(draft))
            groups.append(draft)
        spans = sorted({(d.first.sent_start, d.first.sent_end) for d in groups})
        return Plan(list(mentions), groups, spans, [text[s:e] for s, e in spans], frozenset(counted))

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
            if id(group) not in plan.counted and not_events[i] >= self.drop_at:
                kind = self.eventhood.labels[max(kinds, key=lambda k: float(eventhood[i, k]))]
                reason = f"dropped by the encoder: {kind} ({not_events[i]:.2f} not an event)"
                for mention in group.all():
                    mention.notes.append(reason)
                    dropped.add(id(mention))
                continue
            self._retype(group, subtypes[i])
        return [m for m in plan.mentions if id(m) not in dropped]

    def _retype(self, group: Draft, probabilities: NDArray[np.float64]) -> None:
        """Give the group's mentions of its own type the sub-types the reviser chooses. A change of
        family is decided for the whole group by its first mention, and only when assembly would
        still hold the group's other mentions in the new family."""
        deadly, contradicted = _deadly(group), self._contradicted(group)
        own = [m for m in group.mentions if m.typing is not None and m.typing.event_type == group.event_type]
        first = group.first.typing
        assert first is not None, "a group is founded by a typed mention"
        typing, why = self.reviser.revise(first, probabilities, deadly, contradicted)
        if typing.event_type != group.event_type:
            if self._holds(group, typing):
                for mention in own:
                    _retyped(mention, typing, why)
            return
        for mention in own:
            assert mention.typing is not None
            typing, why = self.reviser.revise(mention.typing, probabilities, deadly, contradicted)
            if typing.event_type == group.event_type and typing != mention.typing:
                _retyped(mention, typing, why)

    def _holds(self, group: Draft, typing: Typing) -> bool:
        """Whether an event of `typing` would still hold the group's mentions of other families."""
        own = {m.sentence for m in group.mentions}
        for mention in group.extra:
            family = mention.event_type
            if family is None or family in (group.event_type, typing.event_type):
                continue
            same_sentence = mention.sentence in own and {family, typing.event_type} <= VIOLENT
            if not same_sentence and not self.precedence.holds(typing.event_type, mention, reference=True):
                return False
        return True

    def _contradicted(self, group: Draft) -> bool:
        """Whether the count of the dead rules out every sub-type the rules gave the group's own
        mentions (one that it allows is the sub-type assembly will choose: a protest met with
        lethal force anywhere in the story was not peaceful)."""
        deadly = _deadly(group)
        own = [m.typing for m in group.mentions if m.typing is not None and m.event_type == group.event_type]
        return bool(own) and all(self.reviser.contradicts(t.sub_event_type, deadly) for t in own)


def _counts(mention: Mention) -> bool:
    """A group with a count of the dead or displaced is kept whatever the head says: the count is
    the rules' strongest evidence of a report, and the head misreads claims of counts ("both sides
    claim to have killed dozens") as trends and quoted witnesses as commentary. Not encoding those
    groups is also most of what keeps the stage cheap."""
    return mention.deaths is not None or mention.displaced is not None


def _retyped(mention: Mention, typing: Typing, why: str) -> None:
    assert mention.typing is not None
    mention.notes.append(f"sub-type {why}; the rules had {mention.typing.sub_event_type!r}")
    mention.typing = typing


def _deadly(group: Draft) -> bool:
    """Whether a mention of the group counts at least one dead."""
    return any(m.deaths is not None and m.deaths.value > 0 for m in group.all())


def _displaced(group: Draft) -> bool:
    return any(m.displaced is not None for m in group.all())
