"""Finished answers served from memory: by URL before any routing, with an ETag, warmed after writes.

The health, list, event record and aggregate routes answer through `ServerState.answer`,
which keeps each answer under the store's version twice: by its parsed request (so
`/api/map` and `/api/map?limit=2000` share one computation) and by its URL. `CachedAnswers`, the
innermost middleware, looks the URL up first: a hit is sent as it was kept, with no
routing, parameter parsing, validation or encoding, which cost about ten times what
sending the bytes does. The middlewares outside it (Host check, security headers,
rate limit) still see every request.

Each answer carries an ETag (a hash of its bytes, so the same data gives the same
tag across restarts); a client that sends it back in If-None-Match gets a 304.

A write moves the store's version on, and the next reader of each answer would pay
for its queries. So the middleware warms the cache in the background: at start-up
with the dashboard's first requests, and after each request that changed the store
with the URLs asked for most recently before it (then the start-up ones). One warming
task runs at a time; writes during it queue their URLs for its next round.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastapi import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from strife.web.api.state import ServerState

log = logging.getLogger("strife.web")

# The dashboard's first requests (static/app.js, filters.js) and the plain ones behind them.
WARM_AT_START: tuple[str, ...] = (
    "/api/health",
    "/api/events",
    "/api/map",
    "/api/timeline?interval=month",
    "/api/counts",
)
WARM_RECENT = 8  # URLs asked for most recently before a write, recomputed after it


@dataclass(frozen=True)
class Answer:
    """A finished JSON answer and its ETag."""

    body: bytes
    etag: str

    @classmethod
    def of(cls, body: bytes) -> Answer:
        return cls(body, '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"')

    def current(self, if_none_match: str | None) -> bool:
        """Whether a client holding the tags in `if_none_match` already has this answer."""
        if not if_none_match:
            return False
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return self.etag in tags or "*" in tags

    def response(self, if_none_match: str | None) -> Response:
        """200 with the body, or 304 when the client's copy is this one. Browsers keep the answer
        but ask again each time (no-cache): the data changes with every write."""
        headers = {"ETag": self.etag, "Cache-Control": "no-cache"}
        if self.current(if_none_match):
            return Response(status_code=304, headers=headers)
        return Response(self.body, media_type="application/json", headers=headers)


def url_key(scope: Scope) -> Hashable:
    """The cache key of a request's URL (path and query string as sent)."""
    return ("url", scope["path"], scope.get("query_string", b""))


Target = tuple[str, bytes]  # a URL to warm: path, query string


def _target(key: Hashable) -> Target | None:
    """The path and query of a url_key, None for any other key."""
    if not (isinstance(key, tuple) and len(key) == 3 and key[0] == "url"):
        return None
    _, path, query = key
    return path, query


def _targets(urls: Iterable[str]) -> list[Target]:
    return [(path, query.encode()) for path, _, query in (url.partition("?") for url in urls)]


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value).decode("latin-1")
    return None


class Warmer:
    """Requests URLs from `app` in one background task, so their answers are kept before anyone asks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._queued: dict[Target, None] = {}
        self._task: asyncio.Task[None] | None = None
        self._scope: Scope = {}

    def schedule(self, urls: Iterable[Target], origin: Scope) -> None:
        """Warm `urls`, as requests made in the app that `origin` (a lifespan or request scope) ran in."""
        # The routes below the middlewares read the app from the scope, as Starlette puts it there.
        self._scope = {key: origin[key] for key in ("app", "root_path") if key in origin}
        self._queued.update(dict.fromkeys(urls))
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def idle(self) -> None:
        """Returns once nothing is queued or being warmed (for tests and shutdown)."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    async def stop(self) -> None:
        """Drops what is queued and waits for the request being warmed: cancelled, its query would
        run on in its thread while the store closes under it."""
        self._queued.clear()
        await self.idle()

    async def _run(self) -> None:
        while self._queued:
            urls = list(self._queued)
            self._queued.clear()
            for url in urls:
                await self._get(url)

    async def _get(self, url: Target) -> None:
        path, query = url
        scope: Scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
            "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
            "query_string": query, "headers": [], "client": None, "server": None, "state": {},
            **self._scope,
        }  # fmt: skip
        status: list[int] = []

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])

        try:
            await self.app(scope, receive, send)
        except Exception as error:  # a warming failure must not end the task; the reader will retry
            log.warning("warming %s?%s failed: %s", path, query.decode("latin-1"), error)
            return
        if status and status[0] != 200:
            log.warning("warming %s?%s answered %s", path, query.decode("latin-1"), status[0])


class CachedAnswers:
    """ASGI middleware: GETs answered by URL from the kept answers, warmed at start and after writes."""

    def __init__(self, app: ASGIApp, state: ServerState) -> None:
        self.app = app
        self.state = state
        self.warmer = Warmer(app)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = self.state
        version = state.store.version
        if scope["method"] == "GET":
            found = state.answers.get(version, url_key(scope))
            if found is None:
                await self.app(scope, receive, send)
            else:
                await found.response(_header(scope, b"if-none-match"))(scope, receive, send)
            return
        recent = [url for key in state.answers.recent() if (url := _target(key)) is not None]
        try:
            await self.app(scope, receive, send)
        finally:
            if state.store.version != version:
                self.warmer.schedule([*recent[:WARM_RECENT], *_targets(WARM_AT_START)], scope)

    async def _lifespan(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def started(message: Message) -> None:
            await send(message)
            if message["type"] == "lifespan.startup.complete":
                self.warmer.schedule(_targets(WARM_AT_START), scope)

        async def stopping() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                await self.warmer.stop()  # before the app closes the store under a warming query
            return message

        await self.app(scope, stopping, started)
