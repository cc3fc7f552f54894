"""The web app of `strife serve`: the JSON API, the static page, and the headers that guard both.

Reads go to a read-only store unless a write token is given; then POST /api/articles
ingests, and only with that token. Article text is untrusted: the API returns it as
JSON data only, and the page is served under a Content-Security-Policy that lets no
inline script or outside resource run.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from strife import __version__
from strife.store import Store
from strife.store.parquet_dataset import open_parquet
from strife.web.api import ServerState, errors, router
from strife.web.api.cache import CachedAnswers
from strife.web.api.limits import RateLimit

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("strife.web")

PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


class SecurityHeaders:
    """Adds nosniff, the Content-Security-Policy and no-referrer to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Content-Security-Policy"] = PAGE_CSP
                headers["Referrer-Policy"] = "no-referrer"
            await send(message)

        await self.app(scope, receive, send_guarded)


def _page(name: str) -> Response:
    page = STATIC / name
    if not page.is_file():
        return PlainTextResponse(
            f"the strife web page is not installed ({page} is missing); the API is at /api "
            "and described at /openapi.json",
            status_code=503,
        )
    return FileResponse(page, media_type="text/html; charset=utf-8")


def _index() -> Response:
    return _page("index.html")


def _docs() -> Response:
    """Swagger UI from the package's own files: /docs works offline, under the strict policy."""
    return _page("docs.html")


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    allowed_hosts: Sequence[str] | None = None,
    parquet: bool = False,
) -> FastAPI:
    """The app over the store at `db`: read-only unless `token` is given, which enables POST /api/articles.
    With `parquet`, `db` is the folder of a Parquet dataset (`strife ingest --engine ray --output`),
    always read-only.

    `allowed_hosts` limits the Host header the app answers (serve() sets it when bound to
    loopback, so a web page elsewhere cannot reach the API by DNS rebinding). Raises
    StoreError when the store cannot be opened.
    """
    if token is not None and not token.strip():
        raise ValueError("the write token is empty; give a non-empty token, or none to keep writes off")
    if parquet and token is not None:
        raise ValueError("a Parquet dataset is read-only: serve it without a write token")
    store = open_parquet(db) if parquet else Store.open(db, read_only=token is None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="strife",
        version=__version__,
        summary="Merged conflict and displacement events coded from news reports",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    state = ServerState(store, token=token, schema_version=store.schema_version())
    app.state.strife = state
    errors.install(app)
    app.include_router(router)
    app.add_api_route("/", _index, include_in_schema=False)
    app.add_api_route("/docs", _docs, include_in_schema=False)
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Innermost: a kept answer is served after the Host check, the headers and the rate limit.
    app.add_middleware(CachedAnswers, state=state)
    app.add_middleware(RateLimit)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def remote_check(host: str, allow_remote: bool) -> str | None:
    """None for a loopback `host`; else the warning to show, or ValueError when not `allow_remote`."""
    if _is_loopback(host):
        return None
    if not allow_remote:
        raise ValueError(
            f"host {host} is not a loopback address, so anyone on the network could reach the API; "
            "pass --allow-remote (allow_remote=True) if that is meant, or leave --host out"
        )
    return (
        f"warning: serving on {host}: any client on the network can read the store, the Host check is "
        "off, and without TLS (a reverse proxy with https) the write token travels in clear"
    )


def serve(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    allow_remote: bool = False,
    opened: Callable[[], None] | None = None,
    parquet: bool = False,
) -> None:
    """Serve the app with uvicorn until interrupted (loopback only by default).

    A non-loopback `host` needs `allow_remote=True` (else ValueError) and logs a warning:
    clients there are rate-limited, and the token is only as safe as the transport. A store
    that cannot be opened (held by another process, not a store) raises StoreError before
    anything listens; `opened` is called once it is open.
    """
    import uvicorn

    warning = remote_check(host, allow_remote)
    if warning is not None:
        log.warning(warning)
    hosts = [*LOOPBACK_HOSTS, host] if _is_loopback(host) else None
    app = create_app(db, token=token, allowed_hosts=hosts, parquet=parquet)
    if opened is not None:
        opened()
    uvicorn.run(app, host=host, port=port, access_log=False)
