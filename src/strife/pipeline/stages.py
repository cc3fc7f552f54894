"""The default stages, in order: relevance -> clean -> parse -> resolve -> extract -> learn -> assemble.

Each stage names itself, says what it needs from the `Work` and what it sets, and
does one job with the resources it is given. A learned stage slots in as one more
entry of `default_pipeline`'s list without touching the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from strife.assemble import Builder, load_anaphora, merge, salient_actors
from strife.assemble.drafts import Draft
from strife.extract.time import reference_date
from strife.learn.found import LEARNED, is_short_report
from strife.mentions import ActorRef, ArticleContext, Mention
from strife.pipeline.core import Pipeline, Stage, Work
from strife.pipeline.resources import Resources
from strife.records import Event, Explanation, date_in_range


class Relevant:
    """Needs article.text; sets work.skip when the article cannot be about an event.

    First, because parsing (and cleaning) is most of the cost and most general news
    has no event word at all. With the learned stage on, a short report it would skip
    passes as `screened`: the rules code nothing in it, but the learned heads may find
    the event that the trigger lexicon and the conflict cues have no word for.
    """

    name = "relevance"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, work: Work) -> Work:
        text = work.clean.text if work.clean is not None else work.article.text
        reason = self.resources.relevance.reason(text)
        if reason is not None and self.resources.learned and is_short_report(text):
            work.screened = reason  # the rules skip it; the learned heads read it (learn/found.py)
        else:
            work.skip = reason
        return work


class Clean:
    """Needs article.text; sets work.clean (boilerplate dropped, spun wording normalised)."""

    name = "clean"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, work: Work) -> Work:
        work.clean = self.resources.cleaner(work.article.text)
        if not work.clean.text.strip():
            work.skip = "nothing left after removing boilerplate"
        return work


class Parse:
    """Needs work.clean; sets work.doc. Batches through nlp.pipe, which is several times faster.

    With `focus`, lines with no event word are blanked before parsing (same offsets):
    parsing is the main cost, and only sentences with an event word are coded.
    """

    name = "parse"

    def __init__(self, resources: Resources, focus: Callable[[str], str] | None = None) -> None:
        self.resources = resources
        self.focus = focus or (lambda text: text)

    def __call__(self, work: Work) -> Work:
        assert work.clean is not None, "parse runs after clean"
        work.doc = self.resources.nlp(self.focus(work.clean.text))
        return work

    def pipe(self, works: list[Work]) -> list[Work]:
        texts = [self.focus(w.clean.text) for w in works if w.clean is not None]
        assert len(texts) == len(works), "parse runs after clean"
        for work, doc in zip(works, self.resources.nlp.pipe(texts, batch_size=32), strict=True):
            work.doc = doc
        return works


class Resolve:
    """Needs work.doc; sets work.context: the article's country, actors and places (ArticleContext).

    An article with no event word in any parsed sentence stops here (skip), with a
    reason per sentence: resolving its places and actors would be wasted.
    """

    name = "resolve"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, work: Work) -> Work:
        assert work.clean is not None and work.doc is not None, "resolve runs after parse"
        res, text, article = self.resources, work.clean.text, work.article
        if not res.detector.has_triggers(work.doc) and not (res.learned and is_short_report(text)):
            for sent in work.doc.sents:
                if sent.text.strip():
                    start, end = work.clean.to_original(sent.start_char, sent.end_char)
                    work.explanations.append(Explanation(sent.text, start, end, "skipped", ["no event word"]))
            work.skip = "no event word"
            return work
        found = res.actors.find(text, on=article.date)
        hints = [actor.country for _, _, actor in found if actor.country]
        # one pass of toponym detection votes for the country, a second resolves names in it
        country = res.geocoder.article_country(text, hints=hints)
        places = res.geocoder.mentions(text, country=country) if country else res.geocoder.mentions(text)
        refs = [
            ActorRef(a.name, a.type, a.country, s, e, a.assoc, a.matched, named)
            for s, e, a, named in res.actors.mentions(text, on=article.date, country=country)
        ]
        focus = res.geocoder.focus(text, places, country)
        work.context = ArticleContext(
            text,
            article.date,
            country,
            places,
            anniversary="anniversary" in text[:400].lower(),
            actors=refs,
            anchor=reference_date(text, article.date),
            focus=focus if focus is not None and focus.admin1 else None,
        )
        return work


class Extract:
    """Needs work.doc and work.context; sets work.mentions and work.explanations (one per sentence)."""

    name = "extract"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, work: Work) -> Work:
        assert work.doc is not None and work.context is not None, "extract runs after resolve"
        if work.screened is not None:  # a short report left to the learned stage
            work.explanations = [
                Explanation(sent.text, sent.start_char, sent.end_char, "skipped", [work.screened])
                for sent in work.doc.sents
                if sent.text.strip()
            ]
            return work
        work.mentions, work.explanations = self.resources.detector(work.doc, work.context)
        return work


class Learn:
    """Needs work.mentions, work.doc and work.context; drops mentions whose sentence the encoder reads
    as no current event (background, intention, commentary, page furniture...) and revises sub-types
    (strife.learn.judge, strife.learn.revise); in a short report where the rules coded nothing,
    may found one event (strife.learn.found). Off with STRIFE_ENCODER=off."""

    name = "learn"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, work: Work) -> Work:
        return self.pipe([work])[0]

    def pipe(self, works: list[Work]) -> list[Work]:
        """The sentences of a whole batch are encoded in one call: packed into passes of a few
        hundred tokens, they keep BLAS at its best speed, which an article's two or three would not."""
        judge, founder = self.resources.judge, self.resources.founder
        plans, candidates = [], []
        for work in works:
            assert work.context is not None, "learn runs after resolve"
            plans.append(judge.plan(work.mentions, work.context.text, work.article.date))
            candidates.append(founder.candidates(work.doc, work.context.text, work.mentions))
        texts = [s for plan in plans for s in plan.sentences] + [s for c in candidates for s in c.texts]
        vectors = judge.encoder.encode(texts)
        start = 0
        for work, plan in zip(works, plans, strict=True):
            kept = judge.decide(plan, vectors[start : start + len(plan.sentences)])
            start += len(plan.sentences)
            kept_ids = {id(m) for m in kept}
            for mention in work.mentions:
                if id(mention) not in kept_ids:
                    _explain_drop(work.explanations, mention, kept)
            work.mentions = kept
        for work, chosen in zip(works, candidates, strict=True):
            assert work.context is not None
            founded = founder.found(chosen, vectors[start : start + len(chosen.sentences)], work.context)
            start += len(chosen.sentences)
            for mention in founded:
                _explain_found(work.explanations, mention)
            work.mentions = [*work.mentions, *founded]
        return works


def _explain_drop(explanations: list[Explanation], dropped: Mention, kept: list[Mention]) -> None:
    span = (dropped.sent_start, dropped.sent_end)
    for explanation in explanations:
        if (explanation.start, explanation.end) == span:
            explanation.reasons.append(dropped.notes[-1] if dropped.notes else "dropped by the encoder")
            if not any((m.sent_start, m.sent_end) == span and m.typing is not None for m in kept):
                explanation.verdict = "skipped"


def _explain_found(explanations: list[Explanation], founded: Mention) -> None:
    for explanation in explanations:
        if (explanation.start, explanation.end) == (founded.sent_start, founded.sent_end):
            explanation.verdict = "coded"
            explanation.reasons.append(founded.notes[-1])


class Assemble:
    """Needs work.mentions and work.context; sets work.events, each field with its evidence.

    Mentions of one occurrence merge into one draft, drafts become events; explanation
    offsets are mapped back to the original text.
    """

    name = "assemble"

    def __init__(self, resources: Resources) -> None:
        self.anaphora = load_anaphora()
        self.precedence = resources.precedence

    def __call__(self, work: Work) -> Work:
        assert work.clean is not None and work.doc is not None and work.context is not None
        ctx, article = work.context, work.article
        builder = Builder(
            article,
            work.clean,
            ctx.country,
            salient_actors(work.mentions, list(ctx.actors)),
            self.anaphora,
            work.mentions,
            ctx.focus,
            [(sent.start_char, sent.end_char) for sent in work.doc.sents],
        )
        drafts = merge(work.mentions, article.date, self.precedence)
        work.events = [
            _dated_in_range(_founded(event, draft))
            for event, draft in zip(builder.build(drafts), drafts, strict=True)
        ]
        for explanation in work.explanations:
            explanation.start, explanation.end = work.clean.to_original(explanation.start, explanation.end)
        return work


def _founded(event: Event, draft: Draft) -> Event:
    """An event the learned heads founded says so in its notes, with their confidence."""
    note = next((m.notes[-1] for m in draft.all() if m.kind == LEARNED and m.notes), None)
    if note is None:
        return event
    text = f"{event.notes} {note[0].upper()}{note[1:]}." if event.notes else f"{note[0].upper()}{note[1:]}."
    return replace(event, notes=text)


def _dated_in_range(event: Event) -> Event:
    """An event whose text gave a date outside the accepted range ("in 9999") keeps no date."""
    days = (event.event_date, event.date_start, event.date_end)
    if all(day is None or date_in_range(day) for day in days):
        return event
    note = "date read from the text is outside the accepted range; left undated"
    notes = f"{event.notes}; {note}" if event.notes else note
    return replace(event, event_date=None, date_start=None, date_end=None, time_precision=None, notes=notes)


def _whole_short_reports(focus: Callable[[str], str]) -> Callable[[str], str]:
    """A short report is parsed whole: the learned stage reads every sentence of it."""
    return lambda text: text if is_short_report(text) else focus(text)


def default_pipeline(
    resources: Resources | None = None, relevance: bool = True, focus: bool = True
) -> Pipeline:
    """relevance -> clean -> parse -> resolve -> extract -> learn -> assemble.

    The learned stage runs when `resources.learned` (the STRIFE_ENCODER setting).
    `relevance=False` codes every article (no filter); `focus=False` parses every
    sentence, not only those with an event word (for --explain).
    """
    resources = resources or Resources()
    focusing: Callable[[str], str] | None = resources.relevance.focus if relevance and focus else None
    if focusing is not None and resources.learned:
        focusing = _whole_short_reports(focusing)
    parse = Parse(resources, focusing)
    stages: list[Stage] = [Relevant(resources)] if relevance else []
    stages += [Clean(resources), parse, Resolve(resources), Extract(resources)]
    if resources.learned:
        stages.append(Learn(resources))
    stages.append(Assemble(resources))
    return Pipeline(stages)
