"""The polite HTTP client: fetch pages and feeds the way a site's owner would want a robot to.

One `fetch` runs this cascade, and every way it can fail is a `FetchFailure` with a one-line
reason (the HTTP status, a timeout, robots.txt, too large, not HTML), never an exception:

1. only http(s) URLs are fetched;
2. the host's robots.txt (read once per host and Fetcher, through the same gate) must allow
   strife's user agent; its Crawl-delay, when longer than the rate's interval, is honoured;
3. the host's gate: at most `per_host` requests at once, and one start per interval
   (1 / `rate` seconds); the whole client runs at most `concurrency` fetches at once;
4. a conditional GET when validators are known (If-None-Match, If-Modified-Since): 304 is a
   `Page` with no body, "not modified";
5. redirects are followed by hand, at most `max_redirects`, each hop checked against robots.txt
   of its host (an off-site redirect must be allowed there too);
6. 429 and 5xx answers and network errors are retried `retries` times, waiting what the
   server's Retry-After says (seconds or an HTTP date) or else doubling backoff; a Retry-After
   beyond `max_wait` fails at once, and a 429 holds back the whole host, not one request;
7. the body is streamed: a Content-Length over `max_bytes` is refused before reading, a body
   that grows past it is cut off, and the whole fetch must finish within `timeout` (a server
   trickling bytes would otherwise never trip the per-read timeout);
8. the content type must be one the caller accepts (pages: HTML; feeds: XML types).

Tests hand a Fetcher an `httpx` transport (a local server, or `httpx.MockTransport`), a clock
and a sleep, so nothing here needs the network to be tested.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from strife.ingest.answers import (
    host_key,
    parse_content_type,
    reason_phrase,
    retry_after,
    robots_rules,
    robots_url,
    scheme_problem,
)
from strife.ingest.limits import CONCURRENCY, MAX_FETCH_BYTES, PER_HOST, RATE, TIMEOUT
from strife.ingest.text import one_line

USER_AGENT_TOKEN = "strife"  # the name robots.txt rules address

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
        "application/feed+json",
    }
)
PAGE_OR_FEED = HTML_TYPES | FEED_TYPES
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchSettings:
    """How politely strife fetches; see the module docstring for where each one acts."""

    contact: str = ""
    rate: float = RATE
    concurrency: int = CONCURRENCY
    per_host: int = PER_HOST
    timeout: float = TIMEOUT
    max_bytes: int = MAX_FETCH_BYTES
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 120.0
    max_redirects: int = 5
    version: str = ""

    def __post_init__(self) -> None:
        if not self.rate > 0 or self.concurrency < 1 or self.per_host < 1 or not self.timeout > 0:
            raise ValueError("fetch rate and timeout must be > 0, concurrency and per-host at least 1")

    @property
    def user_agent(self) -> str:
        """`strife/<version> (+<contact>)`: names the robot and how to reach its operator."""
        name = f"{USER_AGENT_TOKEN}/{self.version}" if self.version else USER_AGENT_TOKEN
        contact = self.contact or "no contact set: STRIFE_CONTACT"
        return f"{name} (+{contact})"


@dataclass(frozen=True)
class Page:
    """A fetched answer: 200 with its body, or 304 (`not_modified`) with none."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class FetchFailure:
    """Why a URL was not fetched; `transient` when trying again later may work."""

    url: str
    reason: str
    status: int | None = None
    transient: bool = False


@dataclass(frozen=True)
class Request:
    """One URL to fetch, with the validators of its last answer and the content types wanted."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    accept: frozenset[str] = PAGE_OR_FEED


@dataclass
class _Host:
    """One host's gate: when the next request may start, and how many may run at once."""

    slots: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots_lock: threading.Lock = field(default_factory=threading.Lock)  # one reader of robots.txt
    next_start: float = 0.0
    interval: float = 0.0
    robots: urllib.robotparser.RobotFileParser | FetchFailure | None = None


class Fetcher:
    """Fetches URLs politely (module docstring); thread-safe, one per run. Close it when done."""

    def __init__(
        self,
        settings: FetchSettings = FetchSettings(),
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self._clock, self._sleep = clock, sleep
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent},
        )
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self.requests = 0  # HTTP requests sent, robots.txt included (for tests and benchmarks)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- many -----------------------------------------------------------------------------------

    def fetch_all(self, requests: Iterable[Request]) -> Iterator[tuple[Request, Page | FetchFailure]]:
        """Each request with its answer, in input order, `concurrency` fetches at a time.

        Lazy with a bounded window, so a list of a million URLs is never all in flight or memory.
        """
        window: deque[tuple[Request, Future[Page | FetchFailure]]] = deque()
        limit = self.settings.concurrency * 4
        with ThreadPoolExecutor(self.settings.concurrency, thread_name_prefix="strife-fetch") as pool:
            for request in requests:
                window.append((request, pool.submit(self.fetch, request)))
                if len(window) >= limit:
                    done, future = window.popleft()
                    yield done, future.result()
            while window:
                done, future = window.popleft()
                yield done, future.result()

    # -- one ------------------------------------------------------------------------------------

    def fetch(self, request: Request) -> Page | FetchFailure:
        """One URL, fetched through the cascade of the module docstring."""
        try:
            return self._fetch(request)
        except Exception as exc:  # a bug or an odd answer: this URL fails, the run goes on
            detail = f"{type(exc).__name__}: {one_line(str(exc))}".rstrip(": ")
            return FetchFailure(request.url, f"fetching stopped by an unexpected error ({detail})")

    def _fetch(self, request: Request) -> Page | FetchFailure:
        url = request.url
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        for _hop in range(self.settings.max_redirects + 1):
            scheme = scheme_problem(url)
            if scheme is not None:
                return FetchFailure(request.url, scheme)
            robots = self._robots_problem(url)
            if robots is not None:
                return FetchFailure(request.url, robots.reason, transient=robots.transient)
            answer = self._with_retries(url, headers)
            if isinstance(answer, FetchFailure):
                return FetchFailure(request.url, answer.reason, answer.status, answer.transient)
            status, response_headers, body = answer
            if status in _REDIRECTS and "location" in response_headers:
                url = str(httpx.URL(url).join(response_headers["location"]))
                continue
            return self._page(request, url, status, response_headers, body)
        reason = f"more than {self.settings.max_redirects} redirects (last to {url}); fetch the final URL"
        return FetchFailure(request.url, reason)

    def _page(
        self, request: Request, url: str, status: int, headers: httpx.Headers, body: bytes
    ) -> Page | FetchFailure:
        etag, modified = headers.get("etag"), headers.get("last-modified")
        if status == 304:
            return Page(request.url, url, 304, etag=etag or request.etag, last_modified=modified)
        if status != 200:
            phrase = reason_phrase(status)
            return FetchFailure(request.url, f"HTTP {status} {phrase}".rstrip(), status, status >= 500)
        content_type, charset = parse_content_type(headers.get("content-type", ""))
        if content_type and content_type not in request.accept:
            wanted = "HTML" if request.accept == HTML_TYPES else "HTML or a feed"
            return FetchFailure(request.url, f"not {wanted} (content type {content_type})", status)
        return Page(request.url, url, 200, body, content_type, charset, etag, modified)

    def _with_retries(
        self, url: str, headers: dict[str, str]
    ) -> tuple[int, httpx.Headers, bytes] | FetchFailure:
        """One GET, retried on 429, 5xx and network errors; the last failure when retries run out."""
        settings = self.settings
        failure = FetchFailure(url, "not fetched")
        for attempt in range(settings.retries + 1):
            answer = self._get(url, headers)
            if isinstance(answer, FetchFailure):
                failure, wait = answer, settings.backoff * 2**attempt
                if not answer.transient:
                    return answer
            else:
                status, response_headers, _body = answer
                if status not in _RETRY_STATUSES:
                    return answer
                phrase = f"HTTP {status} {reason_phrase(status)}".rstrip()
                failure = FetchFailure(url, phrase, status, transient=True)
                asked = retry_after(response_headers.get("retry-after"), self._now())
                wait = asked if asked is not None else settings.backoff * 2**attempt
                if wait > settings.max_wait:
                    reason = f"{phrase}; the server asks to wait {wait:.0f} s, over {settings.max_wait:.0f} s"
                    return FetchFailure(url, f"{reason}; try again later", status, transient=True)
                if status == 429:  # the host, not this request, is over its limit
                    self._hold_host(url, wait)
            if attempt < settings.retries:
                self._sleep(wait)
        tries = settings.retries + 1
        return FetchFailure(
            url, f"{failure.reason} (after {tries} tries)", failure.status, transient=failure.transient
        )

    def _get(self, url: str, headers: dict[str, str]) -> tuple[int, httpx.Headers, bytes] | FetchFailure:
        """One request through the host's gate, the body read up to the limit and the deadline."""
        settings = self.settings
        host = self._host(url)
        with host.slots:
            self._wait_turn(host)
            self.requests += 1
            deadline = self._clock() + settings.timeout
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    status, limit = response.status_code, settings.max_bytes
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > limit:
                        return FetchFailure(url, _too_large(int(declared), limit), status)
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > limit:
                            return FetchFailure(url, _too_large(None, limit), status)
                        if self._clock() > deadline:
                            return _timed_out(url, settings.timeout)
                        chunks.append(chunk)
                    return response.status_code, response.headers, b"".join(chunks)
            except httpx.TimeoutException:
                return _timed_out(url, settings.timeout)
            except httpx.TransportError as exc:
                cause = one_line(str(exc)) or type(exc).__name__
                return FetchFailure(url, f"network error ({cause})", transient=True)

    # -- hosts ----------------------------------------------------------------------------------

    def _host(self, url: str) -> _Host:
        key = host_key(url)
        with self._hosts_lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(
                    threading.Semaphore(self.settings.per_host), interval=1.0 / self.settings.rate
                )
            return self._hosts[key]

    def _wait_turn(self, host: _Host) -> None:
        with host.lock:
            now = self._clock()
            start = max(now, host.next_start)
            host.next_start = start + host.interval
        if start > now:
            self._sleep(start - now)

    def _hold_host(self, url: str, seconds: float) -> None:
        host = self._host(url)
        with host.lock:
            host.next_start = max(host.next_start, self._clock() + seconds)

    def _robots_problem(self, url: str) -> FetchFailure | None:
        """Why robots.txt forbids `url` (or could not be read), else None."""
        host = self._host(url)
        with host.robots_lock:  # the first fetch to a host reads its robots.txt; the others wait
            robots = host.robots
            if robots is None:
                robots = self._read_robots(url)
                delay = robots.crawl_delay(USER_AGENT_TOKEN) if not isinstance(robots, FetchFailure) else None
                with host.lock:
                    host.robots = robots
                    if delay is not None and float(delay) > host.interval:
                        host.interval = float(delay)
        if isinstance(robots, FetchFailure):
            return robots
        if not robots.can_fetch(USER_AGENT_TOKEN, url):
            return FetchFailure(
                url, f"robots.txt of {host_key(url)} disallows this URL for {USER_AGENT_TOKEN}"
            )
        return None

    def _read_robots(self, url: str) -> urllib.robotparser.RobotFileParser | FetchFailure:
        """The host's robots.txt rules, or why none can be had (a transient failure)."""
        answer = self._get(robots_url(url), {})
        if isinstance(answer, FetchFailure):
            reason = f"robots.txt unreadable ({answer.reason}); try again later"
            return FetchFailure(url, reason, transient=True)
        status, _headers, body = answer
        rules = robots_rules(url, status, body)
        return FetchFailure(url, rules, transient=True) if isinstance(rules, str) else rules

    def _now(self) -> datetime:
        return datetime.now(UTC)


def _too_large(size: int | None, limit: int) -> str:
    told = f"{size} bytes, " if size is not None else ""
    return f"too large ({told}over the {limit}-byte limit; raise STRIFE_FETCH_MAX_BYTES to read it)"


def _timed_out(url: str, seconds: float) -> FetchFailure:
    return FetchFailure(url, f"timed out after {seconds:g} s; the server is slow or down", transient=True)
