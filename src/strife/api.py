"""strife's public Python API: code a text, code many, keep a store. Re-exported by `strife`.

    >>> import strife
    >>> events = strife.extract("...", date="2024-05-02")          # one article, no store
    >>> coder = strife.Coder()                                      # the loaded pipeline, reusable
    >>> for outcome in coder.extract_many(articles, workers=2): ...
    >>> with strife.open_store("strife.duckdb") as store:
    ...     store.ingest(["examples/"]); store.export("acled-csv", "events.csv", country="Sudan")

The command line and the web server call this module and nothing under it.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from strife.export import FORMATS, ReviewMark, format_table, stored_reviews
from strife.export import export as write_events
from strife.ingest import ReadOptions, read_inputs
from strife.ingest.count import count_articles
from strife.ingest.fetch import Fetcher, FetchSettings
from strife.ingest.limits import MAX_CHARS
from strife.ingest.rows import article_from_row
from strife.ingest.urls import read_url_list
from strife.ingest.web import is_url
from strife.pipeline import Outcome, Resources, default_pipeline, setting
from strife.pipeline.runner import run
from strife.pipeline.storing import IngestSummary, ingest
from strife.records import Article, Event, Rejection, text_hash
from strife.review import Review, reapply
from strife.store import (
    EventFilter,
    MergeDecision,
    Store,
    StoreError,
    StoreNeedsMigration,
    fetched,
)

if TYPE_CHECKING:
    from strife.distributed import RayRun
    from strife.distributed.job import Progress
    from strife.evaluate import Report
    from strife.report import Brief

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


def url_sources(names: Iterable[str]) -> tuple[list[str], list[Rejection]]:
    """The URLs named: http(s) URLs as they are, files read as lists of URLs (one a line or a CSV
    column); a Rejection for each listed line without a URL and each list that cannot be read."""
    urls: list[str] = []
    rejections: list[Rejection] = []
    for name in names:
        if is_url(name):
            urls.append(name)
        else:
            listed, bad = read_url_list(name)
            urls.extend(listed)
            rejections.extend(bad)
    return urls, rejections


@dataclass
class PollSummary:
    """What one poll of `Dataset.poll` did: the ingest's summary and what was fetched."""

    ingest: IngestSummary
    sources: int = 0  # URLs polled (feeds and pages named)
    not_modified: int = 0  # of them, answered 304
    pages: int = 0  # pages fetched (or tried)
    retry: int = 0  # of them, failed in a way a later poll may get past


@dataclass(frozen=True)
class Server:
    """A running `strife serve --token` that codes and stores articles handed to it (POST
    /api/articles), for writing into a store the server holds (DuckDB lets one process write)."""

    url: str
    token: str
    timeout: float = 300.0  # the server codes the article before it answers

    def post(
        self,
        items: Iterable[Article | Rejection],
        progress: Callable[[Iterator[Article | Rejection]], Iterable[Article | Rejection]] = lambda x: x,
    ) -> IngestSummary:
        """Post each Article, one at a time; Rejections (and the server's) are counted, not stored.

        Raises StoreError, in one line, when no server answers or it refuses the token.
        """
        import httpx

        summary = IngestSummary()
        endpoint = self.url.rstrip("/") + "/api/articles"
        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(timeout=self.timeout, headers=headers) as client:
            for item in progress(iter(items)):
                if isinstance(item, Rejection):
                    summary.rejections.append(item)
                    continue
                body = {k: v for k, v in item.to_dict().items() if k in _POSTED and v is not None}
                self._count(summary, item, self._send(client, endpoint, body))
        return summary

    def _send(self, client: Any, endpoint: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        import httpx

        for attempt in range(4):
            try:
                response = client.post(endpoint, json=body)
            except httpx.HTTPError as error:
                raise StoreError(
                    f"no strife server answers at {self.url} ({type(error).__name__}); start "
                    "`strife serve --token TOKEN` there, or write to a store with --db instead of --server"
                ) from error
            if response.status_code not in (429, 503) or attempt == 3:
                break
            wait = response.headers.get("retry-after", "1")
            time.sleep(min(30.0, float(wait) if wait.isdigit() else 1.0))
        try:
            answer: dict[str, Any] = response.json()
        except ValueError:
            answer = {}
        if response.status_code in (401, 403):
            detail = answer.get("detail", response.status_code)
            raise StoreError(
                f"the server at {self.url} refused the articles ({detail}); "
                "start it with --token and give the same token (--token or STRIFE_TOKEN)"
            )
        return response.status_code, answer

    @staticmethod
    def _count(summary: IngestSummary, item: Article, answered: tuple[int, dict[str, Any]]) -> None:
        status, answer = answered
        origin = item.origin or item.id
        if status != 201:
            detail = answer.get("detail", f"HTTP {status}")
            summary.rejections.append(
                Rejection(origin, "server", f"the server refused it: {detail}", item.id)
            )
            return
        for reason in answer.get("rejected", []):
            summary.rejections.append(Rejection(origin, "server", str(reason), item.id))
        if answer.get("rejected"):
            return
        summary.read += 1
        summary.stored += int(answer.get("stored", 0))
        summary.events += int(answer.get("events", 0))
        if answer.get("duplicates"):
            summary.duplicates += 1
            summary.duplicate_origins.append(origin)
            summary.duplicate_of.append("")  # the server's answer does not say which article
        if answer.get("stored"):
            summary.stored_ids.append(str(answer.get("article_id", item.id)))


_POSTED = ("id", "text", "date", "url", "title", "outlet")


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


class Dataset:
    """A strife store opened by `open_store`: ingest articles, query, export and curate events."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def path(self) -> str:
        return str(self.store.path)

    def ingest(
        self,
        inputs: Iterable[Article | Rejection | str | Path],
        *,
        coder: Coder | None = None,
        workers: int = 1,
        max_bytes: int | None = None,
        progress: Callable[[Iterator[Outcome]], Iterable[Outcome]] = lambda outcomes: outcomes,
    ) -> IngestSummary:
        """Code and store articles (or the files and folders named), merging them into occurrences.

        Re-running on the same inputs adds nothing: articles are keyed by a hash of their text.
        """
        coder = coder or Coder()
        return ingest(
            self.store, _items(inputs, max_bytes), coder.resources, workers=workers, progress=progress
        )

    def poll(
        self,
        sources: Sequence[str],
        *,
        coder: Coder | None = None,
        fetch: FetchSettings | None = None,
        workers: int = 1,
        progress: Callable[[Iterator[Outcome]], Iterable[Outcome]] = lambda outcomes: outcomes,
        server: Server | None = None,
    ) -> PollSummary:
        """One poll for `strife watch`: fetch what is new at the URLs (feeds, pages, files listing
        them), code and store it, and note what was fetched so the next poll skips it.

        Feeds are asked conditionally with their last validators; a page already fetched is not
        fetched again (a transient failure is retried on a few later polls). With `server`, the
        articles are handed to that running server to code and store, and this store keeps only
        what was fetched.
        """
        urls, bad = url_sources(sources)
        cursor = self.store.cursor()
        try:
            log = fetched.known(cursor)
        finally:
            cursor.close()
        with Fetcher(fetch or fetch_settings()) as fetcher:
            items = itertools.chain(bad, read_inputs(urls, ReadOptions(), fetcher=fetcher, log=log))
            if server is not None:
                summary = server.post(items)
            else:
                resources = (coder or Coder()).resources
                summary = ingest(self.store, items, resources, workers=workers, progress=progress)
        with self.store.transaction() as con:
            fetched.record(con, log.feeds, log.pages, datetime.now(UTC).replace(tzinfo=None))
        retry = sum(1 for page in log.pages if page.outcome == "retry")
        return PollSummary(summary, len(log.feeds), log.not_modified, len(log.pages), retry)

    def ingest_on_ray(
        self,
        inputs: Sequence[str | Path],
        *,
        address: str | None = None,
        workers: int | None = None,
        shards: str | Path | None = None,
        max_bytes: int | None = None,
        progress: Progress = lambda rows, total: rows,
    ) -> RayRun:
        """`ingest` with the coding done on a Ray cluster (`address`: None starts a local one).

        Each input file's outcomes are written as a Parquet shard under `shards` (default: a
        folder beside the store, `<store>.shards`), then folded into the store with the same
        storing and merging as `ingest`. A rerun skips the finished shards. Needs the `ray` extra.
        """
        from strife.distributed import ingest_on_ray

        if shards is None:
            if self.path == ":memory:":
                raise ValueError("an in-memory store needs a shards folder: pass shards=PATH")
            shards = self.path + ".shards"
        return ingest_on_ray(
            self.store, inputs, Coder().resources, shards=Path(shards), address=address,
            workers=workers, max_bytes=max_bytes, progress=progress,
        )  # fmt: skip

    def events(
        self,
        *,
        country: str | None = None,
        admin1: str | None = None,
        event_type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        actor: str | None = None,
        per_report: bool = False,
    ) -> Iterator[Event]:
        """One merged event per occurrence (or each article's own records with `per_report`)."""
        found = EventFilter(country, admin1, event_type, since, until, actor)
        return self.store.events(found) if per_report else self.store.occurrences(found)

    def export(
        self, fmt: str, out: str | Path | TextIO, *, per_report: bool = False, **filters: object
    ) -> int:
        """Write the events that pass `filters` (as for `events`) in format `fmt`, each with its
        review (per-report records are not reviewed: pending); return the count."""
        found = self.events(per_report=per_report, **filters)  # type: ignore[arg-type]
        return write_events(found, fmt, out, reviews=None if per_report else self.review_marks)

    def review_marks(self, event_ids: Sequence[str]) -> dict[str, ReviewMark]:
        """{event id: its review (status, reviewer, time of the last change)} of the reviewed ones
        among these merged events; the exports' `reviews` lookup."""
        con = self.store.cursor()
        try:
            return dict(stored_reviews(con)(event_ids))
        finally:
            con.close()

    def report(
        self,
        *,
        country: str,
        since: date,
        until: date,
        admin1: str | None = None,
        compare: str = "previous",
    ) -> Brief:
        """The brief on `country` (or its `admin1` area) for `since`..`until` (both included), against
        the period before it (`compare="previous"`) or the same days a year earlier
        (`"same-last-year"`). Its numbers are those of `events(country=..., admin1=..., since=...,
        until=...)`; `brief.render("html" | "md" | "pdf")` lays it out. ValueError for a period
        that ends before it starts or an unknown comparison."""
        from strife import __version__
        from strife.report import BriefRequest, Period, build_brief

        request = BriefRequest(country, Period(since, until), admin1, compare)
        request.period.compared(compare)  # an unknown comparison fails before any query
        cursor = self.store.cursor()
        try:
            return build_brief(cursor, request, version=__version__)
        finally:
            cursor.close()

    def merges(self, event_id: str | None = None) -> tuple[dict[str, str], list[MergeDecision]]:
        """Members and merge decisions of one occurrence (or all); KeyError for an unknown id."""
        return self.store.merge_log(event_id)

    def rejections(self) -> Iterator[Rejection]:
        return self.store.rejections()

    def delete(self, article_ids: Sequence[str]) -> int:
        """Remove articles with their events, chains and occurrences; re-merge what they shared.

        Returns the number of articles removed (unknown ids are ignored).
        """
        from strife.dedupe.incremental import update_occurrences

        removed = self.store.delete_articles(article_ids)
        if removed:
            update_occurrences(self.store)
            reapply(self.store)
        return removed

    @property
    def review(self) -> Review:
        """The analyst's actions on this store (correct, approve, reject, reopen, split, merge) and
        what they read (history, queue, counts); see strife.review."""
        return Review(self.store)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Dataset:
    """Open (creating or migrating) the DuckDB store at `path` (default: the STRIFE_DB setting).

    `read_only=True` reads beside other readers (a `strife serve` without a token), creates and
    migrates nothing, and raises StoreNeedsMigration for an older store. DuckDB lets one process
    write a file while no other has it open: StoreError, in one line, names what holds it.
    """
    return Dataset(Store.open(path or setting("STRIFE_DB"), read_only=read_only))


def _items(
    inputs: Iterable[Article | Rejection | str | Path], max_bytes: int | None
) -> Iterator[Article | Rejection]:
    """Articles and Rejections as given; runs of names read together (so URLs are fetched at once)."""
    records = (Article, Rejection)
    for is_record, group in itertools.groupby(inputs, key=lambda item: isinstance(item, records)):
        if is_record:
            yield from group  # type: ignore[misc]
        else:
            yield from read(group, max_bytes=max_bytes)  # type: ignore[arg-type]


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


__all__ = [
    "API_ORIGIN",
    "FORMATS",
    "MAX_CHARS",
    "Coder",
    "Dataset",
    "FetchSettings",
    "PollSummary",
    "Server",
    "StoreError",
    "StoreNeedsMigration",
    "article",
    "article_or_rejection",
    "count_articles",
    "credits",
    "evaluate",
    "extract",
    "fetch_settings",
    "format_table",
    "import_gazetteer",
    "open_store",
    "read",
    "setting",
    "url_sources",
    "write_events",
]
