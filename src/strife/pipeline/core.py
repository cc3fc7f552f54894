"""Named stages over articles, with per-article error isolation.

A stage is a callable taking and returning a `Work` (one article and what the
stages before it made of it). A stage may also offer `pipe(works)` to process a
batch at once (the parser does: spaCy is much faster on batches). One article
whose stage raises becomes a `Rejection` naming the stage and the cause; the
batch goes on. Heavy resources (model, gazetteer, dictionaries, store) live in
`Resources`, passed in and loaded on first use, never module globals, so the
same pipeline runs in one process or once per worker of a pool.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from strife.mentions import ArticleContext, Mention
from strife.records import Article, Event, Explanation, Rejection

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from strife.clean import CleanText


@dataclass
class Work:
    """One article in flight: the scratchpad the stages fill in, in order (see stages.py)."""

    article: Article
    clean: CleanText | None = None  # set by clean
    doc: Doc | None = None  # set by parse, over clean.text
    context: ArticleContext | None = None  # set by resolve
    mentions: list[Mention] = field(default_factory=list)  # set by extract
    events: list[Event] = field(default_factory=list)  # set by assemble
    explanations: list[Explanation] = field(default_factory=list)
    skip: str | None = None  # set by a stage that decides the rest need not run (e.g. not relevant)
    # set by relevance for a short report it would skip but lets through for the learned stage
    # alone: why the rules do not code it
    screened: str | None = None


class Stage(Protocol):
    """A named step: takes one article's Work, fills in what it sets, returns it."""

    name: str

    def __call__(self, work: Work) -> Work: ...


@dataclass(frozen=True)
class Outcome:
    """What the pipeline made of one input: events, or the reason it was rejected."""

    article: Article | None
    events: tuple[Event, ...] = ()
    rejection: Rejection | None = None
    explanations: tuple[Explanation, ...] = ()


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or error.__class__.__name__
    return f"{error.__class__.__name__}: {text}"[:300]


class Pipeline:
    """Runs its stages in order over a stream of articles (and passes rejections through)."""

    def __init__(self, stages: Sequence[Stage], batch_size: int = 128) -> None:
        self.stages = list(stages)
        self.batch_size = batch_size

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def __call__(self, article: Article) -> Outcome:
        return next(self.run([article]))

    def run(self, items: Iterable[Article | Rejection]) -> Iterator[Outcome]:
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, self.batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article | Rejection]) -> Iterator[Outcome]:
        slots: list[Work | Outcome] = [
            Work(item) if isinstance(item, Article) else Outcome(None, rejection=item) for item in batch
        ]
        for stage in self.stages:
            live = [(i, slot) for i, slot in enumerate(slots) if isinstance(slot, Work) and slot.skip is None]
            if not live:
                break
            for i, result in self._apply(stage, [work for _, work in live], [i for i, _ in live]):
                slots[i] = result
        for slot in slots:
            yield self._finish(slot) if isinstance(slot, Work) else slot

    def _apply(
        self, stage: Stage, works: list[Work], indexes: list[int]
    ) -> Iterator[tuple[int, Work | Outcome]]:
        pipe: Callable[[list[Work]], list[Work]] | None = getattr(stage, "pipe", None)
        if pipe is not None and len(works) > 1:
            try:
                yield from zip(indexes, pipe(works), strict=True)
                return
            except Exception:
                pass
        for i, work in zip(indexes, works, strict=True):
            try:
                yield i, stage(work)
            except Exception as error:
                yield i, self._reject(work.article, stage.name, error)

    @staticmethod
    def _reject(article: Article, stage: str, error: BaseException) -> Outcome:
        reason = f"stage '{stage}' failed: {_one_line(error)}; report it with this article attached"
        rejection = Rejection(
            origin=article.origin or article.id, stage=stage, reason=reason, article_id=article.id
        )
        return Outcome(article, rejection=rejection)

    @staticmethod
    def _finish(work: Work) -> Outcome:
        explanations = list(work.explanations)
        if work.skip is not None and not explanations:
            text = work.article.text
            explanations.append(Explanation(text[:200], 0, len(text), "skipped", [work.skip]))
        return Outcome(work.article, tuple(work.events), explanations=tuple(explanations))
