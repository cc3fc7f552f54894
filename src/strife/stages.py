"""The default stages: relevance -> clean -> parse -> extract (detect, resolve, assemble).

Each stage names itself, says what it needs from the `Work` and what it sets.
"""

from __future__ import annotations

from strife.assemble import Builder, load_anaphora, merge, salient_actors
from strife.extract.detect import ArticleContext
from strife.extract.lexicon import TriggerLexicon
from strife.extract.mentions import ActorRef
from strife.pipeline import Pipeline, Stage, Work
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
    """Needs work.clean; sets work.doc. Batches through nlp.pipe, which is several times faster."""

    name = "parse"

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, work: Work) -> Work:
        work.doc = self.resources.nlp(work.clean.text)
        return work

    def pipe(self, works: list[Work]) -> list[Work]:
        docs = self.resources.nlp.pipe([w.clean.text for w in works], batch_size=16)
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
        found = res.actors.find(text, on=article.date)
        hints = [actor.country for _, _, actor in found if actor.country]
        # one pass of toponym detection votes for the country, a second resolves names in it
        country = res.geocoder.article_country(text, hints=hints)
        places = res.geocoder.mentions(text, country=country) if country else res.geocoder.mentions(text)
        anniversary = "anniversary" in text[:400].lower()
        ctx = ArticleContext(
            text=text, date=article.date, country=country, places=places, anniversary=anniversary
        )
        work.mentions, work.explanations = res.detector(work.doc, ctx)
        refs = [ActorRef(a.name, a.type, a.country, s, e, a.assoc, a.matched)
                for s, e, a in res.actors.find(text, on=article.date, country=country)]  # fmt: skip
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
        )
        work.events = builder.build(drafts)
        for explanation in work.explanations:
            explanation.start, explanation.end = work.clean.to_original(explanation.start, explanation.end)
        return work


def default_pipeline(resources: Resources | None = None, relevance: bool = True) -> Pipeline:
    """relevance -> clean -> parse -> extract. The relevance filter comes first because parsing (and
    cleaning) is most of the cost and most general news has no event word at all; it reads raw text
    as well as cleaned text."""
    resources = resources or Resources()
    stages: list[Stage] = [Relevance(TriggerLexicon.load())] if relevance else []
    return Pipeline([*stages, Clean(resources), Parse(resources), Extract(resources)])
