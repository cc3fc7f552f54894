"""Events the rules miss in short reports, founded by the learned heads.

A short report (a brief of one to three sentences, as agencies and monitors file them) is
its event: "Thousands of nurses gathered outside the health ministry, chanting slogans"
has no word of the trigger lexicon, but nothing else in the text could be what it reports.
When the rules code nothing in such a report, the learned stage may found one event:

1. every sentence of the report is encoded (at most `MAX_SENTENCES`);
2. the sentence the event-hood head reads as most surely a current event is the candidate;
   it must be at least `event_at` sure, and the sub-type head at least `subtype_at` sure of
   one ACLED sub-type (share among ACLED's 25; Displacement is left to the rules, whose
   events need a count or a population); or, when the sub-type head is at least
   `SURE_SUBTYPE_AT` sure, the event-hood head at least `SURE_EVENT_AT`;
3. a sentence dated more than 31 days before the article (a background time) founds nothing,
   unless the background time sits in a clause that describes a noun ("villages that had been
   held by insurgents since March"): that dates the noun's state, not the reported event;
4. the event's type and sub-type come from the head; its actors, place, date and deaths are
   read from the sentence by the same readers the rules use, and its evidence is the
   sentence. Its notes say that the learned heads founded it, and with what confidence.

Only short reports: in a longer article, a sentence without an event word that the head
reads as an event is most often more about an occurrence already coded ("the attack
drew condemnation"), and founding there would make one occurrence two events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray
from spacy.tokens import Doc, Span

from strife.extract.claims import attribute
from strife.extract.detect import Detector
from strife.extract.quantities import find_quantities
from strife.extract.time import find_times
from strife.learn.head import Head
from strife.mentions import ActorRef, ArticleContext, Mention, TimeExpr, Typing

# A report of at most three sentences; 800 characters hold three long news sentences.
MAX_CHARS = 800
MAX_SENTENCES = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Chosen on the training corpus' held-out split (strife.learn.corpus), never on dev gold: from
# p(event) 0.7 up (with a sub-type share of 0.4) one held-out non-event of 113 passed, an intention
# ("is preparing to send troops to retake..."), and 319/453 events did; from a sub-type share of
# 0.4 up the sub-type head was right for 0.91 of the held-out sentences it kept (338/373).
EVENT_AT = 0.7
SUBTYPE_AT = 0.4
# A sentence the sub-type head is very sure of is itself evidence of an event: from a share of 0.8
# up no held-out non-event passed at any p(event) from 0.3 (0/113), and 135 events did at 0.5 (125
# at 0.7); so such a sentence founds from p(event) 0.5 ("A rocket struck a school building in
# Kharkiv, the governor said": 0.59, whose attribution the head reads as half commentary).
SURE_SUBTYPE_AT = 0.8
SURE_EVENT_AT = 0.5
LEARNED = "learned"  # the `kind` of a founded mention: no trigger word started it
NOTE = "founded by the learned heads"
EVENT = "event"
NOT_FOUNDED = ("Displacement",)
NOUN_CLAUSES = frozenset({"relcl", "acl"})  # spaCy's labels of clauses that modify a noun


def is_short_report(text: str) -> bool:
    """Whether a text is one short report: at most `MAX_SENTENCES` sentences and `MAX_CHARS`
    characters. Checked before parsing, so sentences are counted by their end punctuation and
    line breaks (a stray "Dr." counts one more: the check errs towards "not short")."""
    text = text.strip()
    return (
        len(text) <= MAX_CHARS and len([s for s in _SENTENCE_END.split(text) if s.strip()]) <= MAX_SENTENCES
    )


@dataclass(frozen=True)
class Candidates:
    """The sentences of one short report that the heads will read (empty: nothing to found)."""

    sentences: tuple[Span, ...] = ()

    @property
    def texts(self) -> list[str]:
        return [sent.text for sent in self.sentences]


class Founder:
    def __init__(
        self,
        detector: Detector,
        eventhood: Head,
        subtype: Head,
        families: dict[str, str],
        event_at: float = EVENT_AT,
        subtype_at: float = SUBTYPE_AT,
    ) -> None:
        self.detector = detector
        self.eventhood = eventhood
        self.subtype = subtype
        self.families = families  # sub-type label -> event type
        self.event_at = event_at
        self.subtype_at = subtype_at
        self._allowed = [
            i for i, label in enumerate(subtype.labels) if families.get(label) not in NOT_FOUNDED
        ]

    def candidates(self, doc: Doc | None, text: str, mentions: Sequence[Mention]) -> Candidates:
        """The sentences to read: all of a short report's, when the rules typed no mention in it.
        `text` is the article's whole (cleaned) text: `doc` may have lines blanked before parsing."""
        if doc is None or not is_short_report(text) or any(m.typing is not None for m in mentions):
            return Candidates()
        sentences = tuple(sent for sent in doc.sents if sent.text.strip())
        return Candidates(sentences if 0 < len(sentences) <= MAX_SENTENCES else ())

    def found(
        self, candidates: Candidates, vectors: NDArray[np.float32], ctx: ArticleContext
    ) -> list[Mention]:
        """At most one mention (see the module's steps), from the candidates' vectors in order."""
        if not candidates.sentences:
            return []
        events = self.eventhood.predict_proba(vectors)[:, list(self.eventhood.labels).index(EVENT)]
        best = int(np.argmax(events))
        if events[best] < min(self.event_at, SURE_EVENT_AT):
            return []
        probabilities = self.subtype.predict_proba(vectors[best : best + 1])[0]
        label_index = max(self._allowed, key=lambda i: float(probabilities[i]))
        share = float(probabilities[label_index]) / max(float(probabilities[self._allowed].sum()), 1e-9)
        sure = events[best] >= self.event_at or share >= SURE_SUBTYPE_AT
        if share < self.subtype_at or not sure:
            return []
        label = self.subtype.labels[label_index]
        typing = Typing(self.families[label], label)
        mention = self._mention(candidates.sentences[best], typing, ctx)
        if mention is not None:
            mention.notes.append(f"{NOTE}: {label} ({share:.2f}), current event ({float(events[best]):.2f})")
        return [] if mention is None else [mention]

    def _mention(self, sent: Span, typing: Typing, ctx: ArticleContext) -> Mention | None:
        """The founded mention with what the rules' readers find in the sentence; None when the
        sentence is dated in the background."""
        detector, root = self.detector, sent.root
        times = [
            _shift(t, sent.start_char)
            for t in find_times(sent.text, ctx.date, anchor=ctx.anchor)
            if not (t.background and _describes_a_noun(sent, t.start))
        ]
        if any(t.background for t in times) and not any(not t.background for t in times):
            return None
        current = [t for t in times if not t.background]
        when = min(current, key=lambda t: (t.precision or 9, abs(t.start - root.idx))) if current else None
        quantities = [
            replace(
                q,
                start=q.start + sent.start_char,
                end=q.end + sent.start_char,
                noun_start=None if q.noun_start is None else q.noun_start + sent.start_char,
                noun_end=None if q.noun_end is None else q.noun_end + sent.start_char,
            )
            for q in find_quantities(sent.text, detector.vague)
        ]
        deaths, mentioned, _ = detector.figures.deaths(sent, quantities)
        attribution = attribute(sent, detector.agencies)
        speaker = (attribution.start, attribution.end) if attribution is not None else None
        actor1, actor2 = _sides(detector.read.named_in(sent, ctx), speaker, typing)
        mention = Mention(
            typing=typing,
            kind=LEARNED,
            # The heads' thresholds stand in for a strong trigger: sure enough to found an event
            # alone (assembly lets a weak trigger found one only with an actor or a count).
            strong=True,
            sentence=_index(sent),
            sent_start=sent.start_char,
            sent_end=sent.end_char,
            trigger_start=root.idx,
            trigger_end=root.idx + len(root),
            actor1=actor1,
            actor2=actor2,
            deaths=deaths if deaths is not None and not deaths.implied else None,
            deaths_mentioned=mentioned,
            time=when,
        )
        mention.attribution = attribution
        mention.location = detector.geocoder.locate(
            ctx.text, ctx.places, sent.start_char, sent.end_char, ctx.country, anchor=root.idx
        )
        return mention


def _sides(
    named: Sequence[ActorRef], speaker: tuple[int, int] | None, typing: Typing
) -> tuple[ActorRef | None, ActorRef | None]:
    """Actor 1 and 2 from the actors named in the sentence, in order, leaving out the source of
    the words ("a security source said"). A crowd goes first in a protest or a riot."""
    sides: list[ActorRef] = []
    for actor in named:
        if speaker is not None and speaker[0] <= actor.start and actor.end <= speaker[1]:
            continue
        if all(a.name != actor.name for a in sides):
            sides.append(actor)
    if typing.event_type in {"Protests", "Riots"}:
        sides.sort(key=lambda a: a.type not in {5, 6})  # rioters, protesters first (stable)
    first = sides[0] if sides else None
    return first, sides[1] if len(sides) > 1 else None


def _describes_a_noun(sent: Span, start: int) -> bool:
    """Whether the token at character `start` of the sentence lies in a relative or adjectival
    clause ("the town, held by rebels since 2021, was retaken"), found by walking up its heads."""
    token = next((t for t in sent if t.idx - sent.start_char >= start), None)
    while token is not None and token.i != sent.root.i:
        if token.dep_ in NOUN_CLAUSES:
            return True
        token = token.head if token.head.i != token.i else None
    return False


def _index(sent: Span) -> int:
    return next(i for i, s in enumerate(sent.doc.sents) if s.start == sent.start)


def _shift(expr: TimeExpr, offset: int) -> TimeExpr:
    return replace(expr, start=expr.start + offset, end=expr.end + offset)
