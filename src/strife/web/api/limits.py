"""What the server allows one request and one client: the settings, the query watchdog, the rate limit.

A query that runs past QUERY_SECONDS is interrupted (DuckDB's `interrupt`, from one
watchdog thread) and its request answered 503 with Retry-After; a client over its
rate gets 429 with Retry-After. Loopback clients (the machine's own user, the
default bind) are not rate-limited: the limit guards a server opened to the
network with `--allow-remote`.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from starlette.types import ASGIApp, Receive, Scope, Send

from strife.store.schema import Connection

QUERY_SECONDS = 5.0  # longest a read query may run before it is interrupted
BUSY_RETRY_SECONDS = 5  # Retry-After of a 503 for an interrupted query
RATE_PER_SECOND = 20.0  # requests a non-loopback client may make per second, on average
RATE_BURST = 40  # requests it may make at once
CACHE_ANSWERS = 512  # answers of the list and aggregate routes kept per store version
DOWNLOADS_AT_ONCE = 2  # streamed downloads served at the same time; more get 503 + Retry-After
_WATCH_EVERY = 0.1  # seconds between the watchdog's looks
_CLIENTS_MAX = 10_000  # buckets kept before the full (idle) ones are dropped

V = TypeVar("V")


class QueryTimeout(RuntimeError):
    """A read query ran past its time and was interrupted."""


@dataclass
class Watchdog:
    """Interrupts the cursors that run past their deadline; one daemon thread, started on first use."""

    seconds: float = QUERY_SECONDS
    _running: dict[int, tuple[float, Connection]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _thread: threading.Thread | None = None

    def watch(self, con: Connection) -> int:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="strife-query-watchdog", daemon=True)
                self._thread.start()
            key = id(con)
            self._running[key] = (time.monotonic() + self.seconds, con)
            return key

    def release(self, key: int) -> None:
        with self._lock:
            self._running.pop(key, None)

    def _run(self) -> None:
        while True:
            time.sleep(_WATCH_EVERY)
            now = time.monotonic()
            with self._lock:
                late = [key for key, (deadline, _) in self._running.items() if deadline <= now]
                for key in late:
                    _, con = self._running.pop(key)
                    con.interrupt()


@dataclass
class Answers(Generic[V]):
    """Finished answers by (store version, request key), least recently used dropped first.

    The store's version moves on every write, so an answer never outlives the data it was
    read from; a read-only server keeps its answers until they are crowded out. An answer
    computed under an older version than the newest one kept is not kept.
    """

    size: int = CACHE_ANSWERS
    _version: int = -1
    _values: OrderedDict[Hashable, V] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, version: int, key: Hashable) -> V | None:
        with self._lock:
            if version != self._version:
                return None
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, version: int, key: Hashable, value: V) -> None:
        with self._lock:
            if version < self._version:
                return
            if version != self._version:
                self._values.clear()
                self._version = version
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def recent(self) -> list[Hashable]:
        """The keys kept (whatever their version), the most recently used first."""
        with self._lock:
            return list(reversed(self._values))


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bucket_clock() -> float:
    """The rate limit's clock (a module function, so a test can stop it)."""
    return time.monotonic()


class RateLimit:
    """ASGI middleware: a token bucket per client address; 429 with Retry-After when it is empty."""

    def __init__(self, app: ASGIApp, rate: float = RATE_PER_SECOND, burst: int = RATE_BURST) -> None:
        self.app, self.rate, self.burst = app, rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, at)
        self._loopback: dict[str, bool] = {}
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        host = client[0] if scope["type"] == "http" and client else None
        if host is not None:
            loopback = self._loopback.get(host)
            if loopback is None:
                loopback = self._loopback[host] = (
                    _is_loopback(host) if len(self._loopback) < _CLIENTS_MAX else False
                )
            if not loopback:
                wait = self._take(host)
                if wait > 0:
                    await _too_many(send, wait)
                    return
        await self.app(scope, receive, send)

    def _take(self, host: str) -> float:
        """0 when the client may go on (a token taken), else the seconds until it may."""
        now = bucket_clock()
        with self._lock:
            tokens, at = self._buckets.get(host, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.rate)
            if tokens < 1:
                self._buckets[host] = (tokens, now)
                return (1 - tokens) / self.rate
            if len(self._buckets) >= _CLIENTS_MAX:
                self._prune(now)
            self._buckets[host] = (tokens - 1, now)
            return 0.0

    def _prune(self, now: float) -> None:
        # A bucket that has refilled is the same as no bucket.
        full = [h for h, (t, at) in self._buckets.items() if t + (now - at) * self.rate >= self.burst]
        for host in full:
            del self._buckets[host]


async def _too_many(send: Send, wait: float) -> None:
    body = b'{"detail":"too many requests from this client; wait and retry (see Retry-After)"}'
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(max(1, math.ceil(wait))).encode()),
    ]
    start: dict[str, Any] = {"type": "http.response.start", "status": 429, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": body})
