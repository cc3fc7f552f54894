"""What every route shares: the open store, the write token, the coder for posted articles,
the query watchdog and the cache of finished answers."""

from __future__ import annotations

import asyncio
import hmac
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import duckdb
from fastapi import Request, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from strife.api import Coder
from strife.resolve.places.gazetteer import Gazetteer
from strife.store import Store
from strife.store.schema import Connection
from strife.web.api.cache import Answer, url_key
from strife.web.api.limits import DOWNLOADS_AT_ONCE, Answers, QueryTimeout, Watchdog


@dataclass
class ServerState:
    """One app's store and settings. Reads take a cursor each; writes take the lock, one at a time.

    DuckDB connections are not for concurrent use: every request reads through a cursor
    of its own (a separate connection to the same database), spawned from a base cursor
    that runs no queries, so readers never touch the connection that ingest writes with.
    """

    store: Store
    token: str | None = None
    # Read once at start: the store is migrated when opened.
    schema_version: int = 0
    # Built on the first write: the spaCy model and gazetteer load lazily inside it.
    coder: Coder | None = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    watchdog: Watchdog = field(default_factory=Watchdog)
    answers: Answers[Answer] = field(default_factory=Answers)
    # A download streams a whole filtered table: a few at once, so they cannot starve the other routes.
    downloads: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(DOWNLOADS_AT_ONCE)
    )
    # Opened on the first place look-up (the review form's place pick); one thread at a time.
    gazetteer: Gazetteer | None = None
    _places_lock: threading.Lock = field(default_factory=threading.Lock)
    _spawn_lock: threading.Lock = field(default_factory=threading.Lock)
    # Answers being computed: a burst of the same request runs its queries once (single flight).
    _pending: dict[Hashable, asyncio.Future[Answer]] = field(default_factory=dict)
    _base: Connection | None = None

    @property
    def writable(self) -> bool:
        return self.token is not None

    def authorised(self, authorization: str | None) -> bool:
        """Whether an Authorization header carries this server's bearer token (never without one)."""
        if self.token is None:
            return False
        scheme, _, given = (authorization or "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), self.token.encode())

    def places(self, name: str, limit: int = 20) -> list[dict[str, Any]]:
        """Gazetteer places spelled `name`, most populous first, as the review form fills them in."""
        with self._places_lock:
            if self.gazetteer is None:
                self.gazetteer = Gazetteer.load()
            found = self.gazetteer.lookup(name)
        ranked = sorted(found, key=lambda p: (-p.population, p.name, p.geonameid or 0))[:limit]
        return [
            {"name": p.name, "kind": p.kind, "country": p.country, "admin1": p.admin1, "admin2": p.admin2,
             "latitude": p.latitude, "longitude": p.longitude, "geonameid": p.geonameid}
            for p in ranked
        ]  # fmt: skip

    @contextmanager
    def reading(self, timed: bool = True) -> Iterator[Connection]:
        """A cursor of its own for one request, closed after it. Unless not `timed` (a download,
        paced by its client), a query running past the watchdog's limit raises QueryTimeout."""
        with self._spawn_lock:
            if self._base is None:
                self._base = self.store.cursor()
            cursor = self._base.cursor()
        watched = self.watchdog.watch(cursor) if timed else None
        try:
            yield cursor
        except duckdb.InterruptException:
            raise QueryTimeout(f"a query ran past {self.watchdog.seconds:g} s and was stopped") from None
        finally:
            if watched is not None:
                self.watchdog.release(watched)
            cursor.close()

    async def answer(
        self, request: Request, key: Hashable, model: Callable[[Any], BaseModel], compute: Callable[[], Any]
    ) -> Response:
        """The JSON answer for `key`: from the cache while the store is unchanged, else `compute()`
        (in a worker thread) shaped by `model`, as FastAPI's response_model would, and kept, under
        `key` and under the request's URL (which CachedAnswers serves before any routing)."""
        version = self.store.version
        found = self.answers.get(version, key)
        if found is None:
            found = await self._compute(version, key, model, compute)
        self.answers.put(version, url_key(request.scope), found)
        return found.response(request.headers.get("if-none-match"))

    async def _compute(
        self, version: int, key: Hashable, model: Callable[[Any], BaseModel], compute: Callable[[], Any]
    ) -> Answer:
        running = self._pending.get((version, key))
        if running is not None:
            return await asyncio.shield(running)
        future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        self._pending[(version, key)] = future
        try:
            data = await run_in_threadpool(compute)
            found = Answer.of(model(data).model_dump_json().encode())
            self.answers.put(version, key, found)
            future.set_result(found)
            return found
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # those waiting get it; no "never retrieved" warning when none wait
            raise
        finally:
            del self._pending[(version, key)]


async def server_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.strife
    return state
