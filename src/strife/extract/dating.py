"""Which time dates an event word, and the one background rule (CODEBOOK section 2).

The time nearest the event word, among the times of its own clause, dates it. Times of another
clause do not: one inside a clause that tells an earlier occurrence ("the latest attack followed
bombings over the weekend"), one inside a relative clause on a place or a person that the event
word is not in ("one near Daraa, the city where the uprising began in March"), and one that only
marks where a span of time
began ("for the first time since 1990", "the worst strike since September"). A time more than 31
days before the article date makes the event word background, unless the headline or first
paragraph reports that same occurrence (`Dating.lead`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from strife.extract.figures import Figures, token_at
from strife.extract.lexicon import TriggerLexicon
from strife.extract.modality import Modality
from strife.extract.report_time import dates_report
from strife.extract.time import find_times, lead_end, same_occurrence
from strife.mentions import ArticleContext, TimeExpr

CROWD_KINDS = {"protest", "riot", "mob"}
DISPLACEMENT_KINDS = {"flee", "evacuate", "displaced", "shelter", "return"}
LEAD_SENTENCES = 3  # a headline and a first paragraph of at most two sentences: what an article is about
# How old an occurrence a story can be about: a late report of it, not a remembrance or a photo's date
LEAD_DAYS = 180


class Dating:
    def __init__(self, lexicon: TriggerLexicon, modality: Modality, figures: Figures) -> None:
        self.lexicon = lexicon
        self.modality = modality
        self.figures = figures

    def lead(self, doc: Doc, ctx: ArticleContext) -> list[tuple[str, TimeExpr]]:
        """The old occurrences the article is about: an event word of the headline or first paragraph
        dated to a day or a week in the background but within `LEAD_DAYS`, in a sentence with no
        current time. A month, a year or a decade dates history, not the story's subject; an older
        day is a remembrance or an archive photo's; an anniversary story has none."""
        if ctx.anniversary or ctx.date is None:
            return []
        found: list[tuple[str, TimeExpr]] = []
        end = lead_end(ctx.text)
        for number, sent in enumerate(doc.sents):
            if sent.start_char >= end or number >= LEAD_SENTENCES:
                break
            hits = list(self.lexicon.find(sent))
            times = [shift(t, sent.start_char) for t in find_times(sent.text, ctx.date, anchor=ctx.anchor)]
            if not hits or any(not t.background and not dates_report(doc, t) for t in times):
                continue
            for hit in hits:
                nearest = nearest_any(times, doc[hit.head].idx)
                dated = nearest is not None and nearest.background and (nearest.precision or 9) <= 2
                dated = dated and nearest is not None and _age(nearest, ctx) <= LEAD_DAYS
                if dated and nearest is not None and self.modality.reason(doc[hit.head], sent) is None:
                    found.append((family(hit.kind), nearest))
        return found

    def background(
        self,
        kind: str,
        nearest: TimeExpr | None,
        current: list[TimeExpr],
        ctx: ArticleContext,
        lead: list[tuple[str, TimeExpr]],
    ) -> str | None:
        """The one background rule: the time nearest the event word dates it, and a time more than
        31 days before the article date makes it background, unless the headline or first paragraph
        reports that same occurrence (`lead`). In an anniversary story, an event word in a sentence
        with no current time remembers the old event."""
        if nearest is not None and nearest.background:
            if any(f == family(kind) and same_occurrence(nearest, t) for f, t in lead):
                return None
            return f"background ('{nearest.text}')"
        if ctx.anniversary and not current:
            return "an anniversary story: the event it remembers is background"
        return None

    def own_times(self, times: list[TimeExpr], head: Token) -> list[TimeExpr]:
        """The times of the trigger's own clause (see the module docstring)."""
        clause = self.figures.earlier_clause(head)
        own = []
        for time in times:
            token = token_at(head.doc, time.start)
            if token is None or (
                self.figures.earlier_clause(token) == clause and not _told_apart(token, head, time)
            ):
                own.append(time)
        return own


def _told_apart(token: Token, head: Token, time: TimeExpr) -> bool:
    """A time in a relative clause the event word is not in ("Daraa, where the uprising began in
    March"), or an old time that opens a span ("the first time since 1990"): it does not date it."""
    node = token
    while node.head.i != node.i:
        if (
            node.dep_ == "relcl"
            and _about_place_or_person(node)
            and not (node.left_edge.i <= head.i <= node.right_edge.i)
        ):
            return True
        if time.background and node.lower_ == "since" and node.dep_ in {"prep", "mark"}:
            return True
        if node.i == head.i:
            break
        node = node.head
    return False


def _about_place_or_person(clause: Token) -> bool:
    """A relative clause on a name or on "where": it tells about a place or a person ("Daraa, where
    the uprising began in March"; "Abboud, who took over in 2013"), not about the time of an
    occurrence it qualifies ("the occupation, which ended last August", fighting during it)."""
    return clause.head.pos_ == "PROPN" or any(c.lower_ == "where" for c in clause.children)


def _age(time: TimeExpr, ctx: ArticleContext) -> int:
    """Days from the end of a time's window to the article date (a large number when unknown)."""
    if time.date_end is None or ctx.date is None:
        return 10**6
    return (ctx.date - time.date_end).days


def family(kind: str) -> str:
    """Which occurrences a trigger kind can report: a crowd's, a flight, or an act of violence."""
    if kind in CROWD_KINDS:
        return "crowd"
    return "displacement" if kind in DISPLACEMENT_KINDS else "violence"


def nearest_any(times: list[TimeExpr], anchor: int) -> TimeExpr | None:
    return min(times, key=lambda t: min(abs(t.start - anchor), abs(t.end - anchor)), default=None)


def nearest(times: list[TimeExpr], anchor: int) -> TimeExpr | None:
    if not times:
        return None
    return min(times, key=lambda t: (t.precision or 9, abs(t.start - anchor)))


def shift(expr: TimeExpr, offset: int) -> TimeExpr:
    return replace(expr, start=expr.start + offset, end=expr.end + offset)
