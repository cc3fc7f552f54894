"""The default stages: relevance -> clean -> parse -> extract (detect, resolve, assemble).

Each stage names itself, says what it needs from the `Work` and what it sets.
"""

from __future__ import annotations

from collections.abc import Callable

from strife.assemble import Builder, load_anaphora, merge, salient_actors
from strife.extract.context import ArticleContext
from strife.extract.lexicon import TriggerLexicon
from strife.extract.mentions import ActorRef
from strife.extract.time import reference_date
from strife.pipeline import Pipeline, Work
from strife.records import Explanation
from strife.relevance import Relevance
from strife.resources import Resources


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

    With a relevance filter, lines with no event word are blanked before parsing (same
    offsets): parsing is the main cost, and only sentences with an event word are coded.
    """

    name = "parse"

    def __init__(self, resources: Resources, focus: Callable[[str], str] | None = None) -> None:
        self.resources = resources
        self.focus = focus or (lambda text: text)

    def __call__(self, work: Work) -> Work:
        work.doc = self.resources.nlp(self.focus(work.clean.text))
        return work

    def pipe(self, works: list[Work]) -> list[Work]:
        docs = self.resources.nlp.pipe([self.focus(w.clean.text) for w in works], batch_size=32)
        for work, doc in zip(works, docs, strict=True):
            work.doc = doc
        return works


class Extract:
    """Needs work.doc; sets work.mentions, work.events and work.explanations."""

    name = "extract"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.anaphora = load_anaphora()

    def __call__(self, work: Work) -> Work:
        res = self.resources
        text, article = work.clean.text, work.article
        if not res.detector.has_triggers(work.doc):
            # no sentence has an event word: no events, and no context worth building
            work.explanations = []
            for sent in work.doc.sents:
                if sent.text.strip():
                    start, end = work.clean.to_original(sent.start_char, sent.end_char)
                    work.explanations.append(Explanation(sent.text, start, end, "skipped", ["no event word"]))
            return work
        found = res.actors.find(text, on=article.date)
        hints = [actor.country for _, _, actor in found if actor.country]
        # one pass of toponym detection votes for the country, a second resolves names in it
        country = res.geocoder.article_country(text, hints=hints)
        places = res.geocoder.mentions(text, country=country) if country else res.geocoder.mentions(text)
        anniversary = "anniversary" in text[:400].lower()
        refs = [
            ActorRef(a.name, a.type, a.country, s, e, a.assoc, a.matched, named)
            for s, e, a, named in res.actors.mentions(text, on=article.date, country=country)
        ]
        anchor = reference_date(text, article.date)
        ctx = ArticleContext(text, article.date, country, places, anniversary, refs, anchor)
        work.mentions, work.explanations = res.detector(work.doc, ctx)
        drafts = merge(work.mentions, article.date)
        article_place = res.geocoder.focus(text, places, country)
        builder = Builder(
            article,
            work.clean,
            country,
            salient_actors(work.mentions, refs),
            self.anaphora,
            work.mentions,
            article_place if article_place is not None and article_place.admin1 else None,
            [(sent.start_char, sent.end_char) for sent in work.doc.sents],
        )
        work.events = builder.build(drafts)
        for explanation in work.explanations:
            explanation.start, explanation.end = work.clean.to_original(explanation.start, explanation.end)
        return work


def default_pipeline(
    resources: Resources | None = None, relevance: bool = True, focus: bool = True
) -> Pipeline:
    """relevance -> clean -> parse -> extract. The relevance filter comes first because parsing (and
    cleaning) is most of the cost and most general news has no event word at all; it reads raw text
    as well as cleaned text."""
    resources = resources or Resources()
    if not relevance:
        return Pipeline([Clean(resources), Parse(resources), Extract(resources)])
    relevant = Relevance(TriggerLexicon.load())
    parse = Parse(resources, relevant.focus if focus else None)
    return Pipeline([relevant, Clean(resources), parse, Extract(resources)])
