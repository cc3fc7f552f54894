"""Coding without a store: one text, many articles, the loaded `Coder`; scoring and training."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from strife.ingest import ReadOptions, read_inputs
from strife.ingest.fetch import FetchSettings
from strife.ingest.rows import article_from_row
from strife.pipeline import Outcome, Resources, default_pipeline, setting
from strife.pipeline.runner import run
from strife.records import Article, Event, Rejection, text_hash

if TYPE_CHECKING:
    from strife.evaluate import Report


API_ORIGIN = "<api>"


def article(
    text: str,
    date: date | str | None = None,
    url: str | None = None,
    *,
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    origin: str = API_ORIGIN,
) -> Article:
    """An Article from its parts, checked as any input is (date form and range, non-empty text).

    The id defaults to the first 16 hex digits of the text's hash. Raises ValueError with
    the one-line reason for a text or date that would be rejected.
    """
    row: dict[str, object] = {"text": text, "url": url, "title": title, "outlet": outlet}
    if date is not None:
        row["date"] = date if isinstance(date, str) else date.isoformat()
    read = article_from_row(row, origin=origin, fallback_id=id or text_hash(text)[:16], columns={})
    if isinstance(read, Rejection):
        raise ValueError(read.reason)
    return read


def article_or_rejection(row: Mapping[str, object], *, origin: str, fallback_id: str) -> Article | Rejection:
    """One record with our field names (id, text, date, url, title, outlet) as an Article, or the
    Rejection saying which value is missing or wrong."""
    return article_from_row(row, origin=origin, fallback_id=fallback_id, columns={})


def read(
    inputs: Iterable[str | Path], *, max_bytes: int | None = None, fetch: FetchSettings | None = None
) -> Iterator[Article | Rejection]:
    """Articles and Rejections from files, folders (recursively), '-' (standard input) and http(s)
    URLs of pages or feeds (fetched politely, with `fetch` or the STRIFE_FETCH_* settings)."""
    limit = int(setting("STRIFE_MAX_BYTES")) if max_bytes is None else max_bytes
    return read_inputs(inputs, ReadOptions(max_bytes=limit, fetch=fetch or fetch_settings()))


class Coder:
    """The loaded pipeline (relevance -> clean -> parse -> resolve -> extract -> assemble), reusable.

    Loading the model and tables takes seconds, once, on first use; keep one Coder for
    many texts. `explain=True` parses every sentence and keeps, per sentence, why it
    was or was not coded (Outcome.explanations).
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        home: Path | None = None,
        relevance: bool = True,
        explain: bool = False,
    ) -> None:
        self.resources = Resources(model or setting("STRIFE_MODEL"), home)
        self.relevance = relevance
        self.explain = explain
        self._pipeline = default_pipeline(self.resources, relevance=relevance, focus=not explain)

    def extract(self, text: str, date: date | str | None = None, url: str | None = None) -> list[Event]:
        """The events of one article's text; raises ValueError when the text or date is not accepted."""
        return list(self.code(article(text, date, url)).events)

    def code(self, item: Article) -> Outcome:
        """One article's Outcome: its events, or the rejection saying why it could not be coded."""
        return self._pipeline(item)

    def extract_many(
        self, articles: Iterable[Article | Rejection | str], *, workers: int = 1
    ) -> Iterator[Outcome]:
        """Outcomes of many articles, in input order; strings are article texts with no date.

        `workers` > 1 forks that many processes from this loaded pipeline (one model each,
        shared copy-on-write); the outcomes are the same as with one.
        """
        items = (article(a) if isinstance(a, str) else a for a in articles)
        return run(items, self.resources, workers=workers, focus=not self.explain, relevance=self.relevance)


def extract(text: str, date: date | str | None = None, url: str | None = None) -> list[Event]:
    """The events of one article (no store). Loads the pipeline each call: use `Coder` for many texts."""
    return Coder().extract(text, date, url)


def evaluate(gold: Sequence[Path], coder: Coder | None = None) -> list[Report]:
    """Score the coder against gold files (news gold, IDMC or WikiEvents label sets); one report each.

    Raises ValueError for a file that is not gold of a known kind.
    """
    from strife.evaluate import evaluate as score

    coder = coder or Coder()
    return score(list(gold), lambda item: list(coder.code(item).events))


def train(*, evaluate_only: bool = False, extra: Path | None = None, out: Path | None = None) -> str:
    """Retrain the learned heads from data/training/ (deterministic), or only score the committed
    ones with `evaluate_only`; the held-out accuracy per label, as a table. `extra`: a TSV of
    more examples (label, text, source, split) whose train split is added."""
    from strife.learn.corpus import load_corpus, read_examples
    from strife.learn.encoder import SentenceEncoder
    from strife.learn.train import HEADS_DIR, evaluate_heads, train_heads

    encoder, corpus, folder = SentenceEncoder.load(), load_corpus(), out or HEADS_DIR
    if evaluate_only:
        return evaluate_heads(encoder, folder, corpus=corpus).table()
    more = read_examples(extra, corpus.labels) if extra else []
    return train_heads(encoder, folder, extra=more, corpus=corpus).table()


def import_gazetteer(path: Path) -> int:
    """Add a GeoNames dump (allCountries.txt or a country file) to the gazetteer; the places added."""
    from strife.resolve.places import import_geonames

    return import_geonames(path)


def credits() -> str:
    """The data credits strife must show (GeoNames, CC BY 4.0)."""
    from strife.resolve.places import CREDIT

    return CREDIT


def fetch_settings() -> FetchSettings:
    """How strife fetches URLs, from the settings (STRIFE_CONTACT, STRIFE_FETCH_*).

    Raises ValueError, in one line naming the setting, for a value that is no number or out of range.
    """
    from strife import __version__

    def number(name: str, kind: type[int] | type[float]) -> Any:
        value = setting(name)
        try:
            return kind(value)
        except ValueError:
            raise ValueError(f"{name} is {value!r}, not a number; set a number or unset it") from None

    try:
        return FetchSettings(
            contact=setting("STRIFE_CONTACT"),
            rate=number("STRIFE_FETCH_RATE", float),
            concurrency=number("STRIFE_FETCH_CONCURRENCY", int),
            per_host=number("STRIFE_FETCH_PER_HOST", int),
            timeout=number("STRIFE_FETCH_TIMEOUT", float),
            max_bytes=number("STRIFE_FETCH_MAX_BYTES", int),
            version=__version__,
        )
    except ValueError as error:
        raise ValueError(f"fetch settings: {error}") from None
