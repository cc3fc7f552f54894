"""The embedded DuckDB store: articles, their events and the rejections of a run.

An article is keyed by the hash of its normalised text, so feeding the same
input twice stores it once. Everything of one article is written in one
transaction: a process killed half way leaves no part of it behind.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from strife.records import Article, Event, Rejection
from strife.store import _rows, _write, occurrences
from strife.store._write import AddResult, AddResults
from strife.store.occurrences import MergeDecision
from strife.store.schema import (
    MIGRATIONS,
    Connection,
    StoreError,
    check_openable,
    current_version,
    migrate,
    needs_migration,
    open_error,
    stored_version,
)

# Events are rebuilt this many at a time: one query per child table per batch.
_BATCH = 1000


@dataclass(frozen=True)
class EventFilter:
    """Which events `Store.events` yields; unset fields do not filter.

    country, admin1 and event_type match case-insensitively and exactly; actor
    matches a case-insensitive substring of actor1, actor2 or either associated
    actor; date_from and date_to bound event_date, both inclusive.
    """

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    actor: str | None = None
    event_ids: tuple[str, ...] | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL WHERE clause (empty when nothing filters) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for column in ("country", "admin1", "event_type"):
            value = getattr(self, column)
            if value is not None:
                clauses.append(f"lower({column}) = lower(?)")
                params.append(value)
        if self.date_from is not None:
            clauses.append("event_date >= ?")
            params.append(self.date_from)
        if self.date_to is not None:
            clauses.append("event_date <= ?")
            params.append(self.date_to)
        if self.actor is not None:
            actors = ("actor1", "actor2", "assoc_actor1", "assoc_actor2")
            clauses.append("(" + " OR ".join(f"contains(lower({a}), lower(?))" for a in actors) + ")")
            params.extend([self.actor] * len(actors))
        if self.event_ids is not None:
            clauses.append("event_id IN (SELECT unnest(?))")
            params.append(list(self.event_ids))
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


class Store:
    """A strife store in one DuckDB file (or ":memory:").

    `Store(path)` does no I/O; `Store.open(path)` (or `with Store(path) as store`)
    connects and brings an older store's schema up to date.
    """

    def __init__(self, path: str | Path = "strife.duckdb", *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        # Moves on every committed write of this Store object: readers key caches on it.
        self.version = 0
        self._con: Connection | None = None

    @classmethod
    def open(cls, path: str | Path = "strife.duckdb", *, read_only: bool = False) -> Store:
        """Connect to the store at `path`, creating or migrating it (unless read_only)."""
        store = cls(path, read_only=read_only)
        store._connect()
        return store

    def _connect(self) -> None:
        where = str(self.path)
        check_openable(where, self.read_only)
        try:
            con = duckdb.connect(where, read_only=self.read_only)
        except duckdb.Error as error:
            raise open_error(where, error, self.read_only) from error
        try:
            if self.read_only and (found := stored_version(con)) != current_version():
                if found > current_version():
                    migrate(con, MIGRATIONS, where=where)  # raises StoreVersionError: strife is too old
                raise needs_migration(where, found, current_version())
            migrate(con, MIGRATIONS, where=where)
        except duckdb.Error as error:
            con.close()
            raise open_error(where, error, self.read_only) from error
        except BaseException:
            con.close()
            raise
        self._con = con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        if self._con is None:
            self._connect()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def cursor(self) -> Connection:
        """A new cursor on the store's connection, for one thread's queries (DuckDB cursors are
        independent connections to the same database; close it when done)."""
        return self._connection().cursor()

    def _connection(self) -> Connection:
        if self._con is None:
            raise StoreError(f"{self.path}: the store is not open; use Store.open(path)")
        return self._con

    # -- writing -------------------------------------------------------------

    def add(self, article: Article, events: Sequence[Event]) -> AddResult:
        """Store an article and its events in one transaction, all or nothing.

        Returns DUPLICATE (nothing written) when the same text is already stored
        and ID_CONFLICT (nothing written) when the article id belongs to another
        text. Raises ValueError when an event id is already stored or repeated:
        event ids are unique keys, so that is a bug upstream.
        """
        return self.add_many([(article, events)])[0]

    def add_many(self, batch: Iterable[tuple[Article, Sequence[Event]]]) -> AddResults:
        """Store several articles in one transaction; one AddResult per article, in order, and for
        each DUPLICATE the id of the stored article it repeats (`duplicate_of`, by position).

        Much faster than `add` per article (DuckDB's cost is per statement, and a
        batch takes the same statements as one article). A text repeated within
        the batch is a DUPLICATE of its first copy. A ValueError (event ids)
        stores none of the batch.
        """
        items = [(article, list(events)) for article, events in batch]
        if not items:
            return AddResults()
        with self.transaction() as con:
            return _write.add_batch(con, items)

    @contextmanager
    def transaction(self, con: Connection | None = None) -> Iterator[Connection]:
        """A transaction on the store's connection (or on cursor `con`): committed when the block
        ends, rolled back when it raises. Yields the connection to run statements on."""
        con = con or self._connection()
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        self.version += 1

    def delete_articles(self, article_ids: Sequence[str]) -> int:
        """Remove these articles with their events, rejections, chain rows and occurrences; return
        how many articles were removed.

        The other members of an occurrence that held a removed event lose their placement,
        so the next merging (`strife.dedupe.incremental.update_occurrences`) rebuilds it
        from what is left.
        """
        ids = list(dict.fromkeys(article_ids))
        # One transaction per layer: DuckDB checks a foreign key against rows deleted earlier in
        # the same transaction, so a row cannot go in the one that deletes what refers to it. A
        # run killed between two leaves the articles in place, partly stripped; deleting again
        # finishes the work.
        with self.transaction() as con:
            _write.delete_derived(con, ids)
        with self.transaction() as con:
            _write.delete_events(con, ids)
        with self.transaction() as con:
            return _write.delete_articles(con, ids)

    def add_rejection(self, rejection: Rejection) -> None:
        """Record a rejection; the same origin, stage and reason is stored once."""
        self._connection().execute(
            "INSERT INTO rejections VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [rejection.origin, rejection.stage, rejection.reason, rejection.article_id, _write.utcnow()],
        )
        self.version += 1

    # -- reading -------------------------------------------------------------

    def events(self, filters: EventFilter = EventFilter()) -> Iterator[Event]:
        """The stored events that pass `filters`, by event_date then event_id, rebuilt whole."""
        con = self._connection()
        where, params = filters.where()
        # A second cursor keeps the event query open while the child queries run.
        cursor = con.cursor()
        try:
            cursor.execute(
                f"SELECT {_write.quoted(_rows.EVENT_SCALARS)} FROM events {where} "
                "ORDER BY event_date NULLS LAST, event_id",
                params,
            )
            while batch := cursor.fetchmany(_BATCH):
                rows = [dict(zip(_rows.EVENT_SCALARS, row, strict=True)) for row in batch]
                children = self._children(con, [row["event_id"] for row in rows])
                for row in rows:
                    yield _rows.build_event(row, children[row["event_id"]])
        finally:
            cursor.close()

    def occurrences(self, filters: EventFilter = EventFilter()) -> Iterator[Event]:
        """The merged events (one per occurrence) that pass `filters`, by event_date then id."""
        where, params = filters.where()
        cursor = self._connection().cursor()
        try:
            cursor.execute(
                f"SELECT record FROM occurrences {where} ORDER BY event_date NULLS LAST, event_id", params
            )
            while batch := cursor.fetchmany(_BATCH):
                for (record,) in batch:
                    yield Event.from_dict(json.loads(record))
        finally:
            cursor.close()

    def merge_log(self, event_id: str | None = None) -> tuple[dict[str, str], list[MergeDecision]]:
        """Members ({event id: article id}) and logged merge decisions of the occurrence that holds
        `event_id` (an occurrence id or the id of one of its members); of all occurrences when None.
        Raises KeyError for an id in no occurrence."""
        con = self._connection()
        occurrence: str | None = None
        if event_id is not None:
            row = con.execute(
                "SELECT occurrence_id FROM event_occurrence WHERE event_id = ? OR occurrence_id = ? LIMIT 1",
                [event_id, event_id],
            ).fetchone()
            if row is None:
                raise KeyError(event_id)
            occurrence = row[0]
        where, params = ("WHERE o.occurrence_id = ?", [occurrence]) if occurrence else ("", [])
        members = con.execute(
            f"SELECT o.event_id, e.article_id FROM event_occurrence o JOIN events e USING (event_id) {where} "
            "ORDER BY o.occurrence_id, o.event_id",
            params,
        ).fetchall()
        return dict(members), occurrences.decisions(con, occurrence)

    @staticmethod
    def _children(con: Connection, event_ids: list[str]) -> dict[str, dict[str, list[Any]]]:
        """Each event's claims, sources and evidence, in their stored order."""
        found: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for table in _rows.CHILD_TABLES:
            columns = _rows.child_columns(table)
            rows = con.execute(
                f"SELECT event_id, {_write.quoted(columns)} FROM {table} "
                "WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id, ordinal",
                [event_ids],
            ).fetchall()
            for event_id, *values in rows:
                found[event_id][table].append(_rows.build_child(table, values))
        return found

    def rejections(self) -> Iterator[Rejection]:
        rows = (
            self._connection()
            .execute(
                "SELECT origin, stage, reason, article_id FROM rejections "
                'ORDER BY "at", origin, stage, reason'
            )
            .fetchall()
        )
        for origin, stage, reason, article_id in rows:
            yield Rejection(origin=origin, stage=stage, reason=reason, article_id=article_id)

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        row = (
            self._connection()
            .execute(f"SELECT {_write.quoted(_READ_ARTICLE)} FROM articles WHERE id = ?", [article_id])
            .fetchone()
        )
        return Article(**dict(zip(_READ_ARTICLE, row, strict=True))) if row else None

    def has_article(self, hash: str) -> bool:
        """Whether an article with this text hash (records.text_hash) is stored."""
        row = self._connection().execute("SELECT 1 FROM articles WHERE hash = ?", [hash]).fetchone()
        return row is not None

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, claims, evidence, sources, rejections."""
        con = self._connection()
        tables = ("articles", "events", "claims", "evidence", "sources", "rejections")
        counts: dict[str, int] = {}
        for table in tables:
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts

    def schema_version(self) -> int:
        return stored_version(self._connection())


_READ_ARTICLE = ("id", "text", "date", "url", "title", "outlet", "origin", "date_note")
