"""A store opened by `open_store`: ingest (locally, from the web, on Ray), query, export, review, curate."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from strife.export import ReviewMark, stored_reviews
from strife.export import export as write_events
from strife.ingest import ReadOptions, read_inputs
from strife.ingest.fetch import Fetcher, FetchSettings
from strife.pipeline import Outcome, setting
from strife.pipeline.storing import IngestSummary, ingest
from strife.records import Article, Event, Rejection
from strife.review import Review, reapply
from strife.store import (
    EventFilter,
    MergeDecision,
    Store,
    fetched,
)

if TYPE_CHECKING:
    from strife.distributed import RayRun
    from strife.distributed.job import Progress
    from strife.report import Brief

from strife.api.coding import Coder, fetch_settings, read
from strife.api.remote import PollSummary, Server, url_sources


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


def open_parquet(folder: str | Path) -> Dataset:
    """The Parquet dataset that `ingest_to_parquet` (`strife ingest --engine ray --output DIR`) wrote,
    read through an in-memory DuckDB: `events`, `export`, `merges` and `report` as on a store,
    nothing written. StoreError when `folder` holds no finished dataset."""
    from strife.store.parquet_dataset import open_parquet as open_folder

    return Dataset(open_folder(folder))


def ingest_to_parquet(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    address: str | None = None,
    workers: int | None = None,
    shards: str | Path | None = None,
    max_bytes: int | None = None,
    progress: Progress = lambda rows, total: rows,
) -> RayRun:
    """`Dataset.ingest_on_ray` into no store: the shards (default `<output>.shards`) are folded and
    merged in memory and written as a Parquet dataset at `output` (one folder per table, events
    partitioned by country and month), which `open_parquet` reads. ValueError for an `output`
    that is a file or a folder of other files; a dataset already there is replaced."""
    from strife.distributed.output import ingest_to_parquet as write

    shards = Path(shards) if shards is not None else Path(str(output) + ".shards")
    return write(
        Path(output), inputs, Coder().resources, shards=shards, address=address, workers=workers,
        max_bytes=max_bytes, progress=progress,
    )  # fmt: skip


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
