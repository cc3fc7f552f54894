"""What every route shares: the open store, the write token, the coder for posted articles."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from fastapi import Request

from strife.api import Coder
from strife.store import Store
from strife.store.schema import Connection


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
    _spawn_lock: threading.Lock = field(default_factory=threading.Lock)
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

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A cursor of its own for one request, closed after it."""
        with self._spawn_lock:
            if self._base is None:
                self._base = self.store.cursor()
            cursor = self._base.cursor()
        try:
            yield cursor
        finally:
            cursor.close()


def server_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.strife
    return state
