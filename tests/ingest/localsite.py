"""A real HTTP server on 127.0.0.1 for the fetching tests: routes of canned answers, every request logged.

Tests never reach any other address: each URL they fetch is `site.url(path)`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer starts
    trickle: float = 0.0  # seconds between chunks of the body (a slow server)
    chunk: int = 0  # bytes per chunk when trickling or streaming a huge body
    endless: int = 0  # stream this many bytes of filler instead of `body`, without Content-Length


Route = Answer | Callable[[dict[str, str]], Answer]


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        with self.lock:
            return [hit.path for hit in self.hits]

    def answer(self, path: str, headers: dict[str, str]) -> Answer:
        with self.lock:
            self.hits.append(Hit(path, headers, time.monotonic()))
        route = self.routes.get(path)
        if route is None:
            return Answer(404, b"not here", {"Content-Type": "text/plain"})
        return route(headers) if callable(route) else route


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            answer = site.answer(self.path, {k.lower(): v for k, v in self.headers.items()})
            if answer.delay:
                time.sleep(answer.delay)
            try:
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if answer.endless:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    sent, chunk = 0, answer.chunk or 65536
                    while sent < answer.endless:
                        self.wfile.write(b"x" * chunk)
                        sent += chunk
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                if answer.trickle:
                    for start in range(0, len(answer.body), answer.chunk or 1):
                        self.wfile.write(answer.body[start : start + (answer.chunk or 1)])
                        self.wfile.flush()
                        time.sleep(answer.trickle)
                else:
                    self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

    return Handler


@contextmanager
def serving() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def page(title: str, paragraphs: list[str], published: str | None = None) -> bytes:
    """A news page as outlets serve it: navigation, the article, a footer."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright The Daily Ledger</footer></body></html>"
    ).encode()


def rss(items: list[tuple[str, str, str | None]]) -> bytes:
    """An RSS 2.0 feed of (title, link, pubDate) items."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        + (f"<pubDate>{when}</pubDate>" if when else "")
        + "</item>"
        for title, link, when in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>The Daily Ledger</title><link>http://example.invalid/</link>{entries}</channel></rss>"
    ).encode()
