"""The polite HTTP client against a real local server: robots, rate, retries, limits, redirects, 304s."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from localsite import Answer, Site, page, serving

from strife.ingest.fetch import HTML_TYPES, Fetcher, FetchFailure, FetchSettings, Page, Request

HTML = {"Content-Type": "text/html; charset=utf-8"}
STORY = page("Clashes in the north", ["Fighting broke out on Monday between two armed groups."])


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as served:
        served.routes["/robots.txt"] = Answer(200, b"User-agent: *\nDisallow: /private/\n")
        served.routes["/story"] = Answer(200, STORY, HTML)
        yield served


def fast(**changes: object) -> FetchSettings:
    """Settings for tests: no politeness pauses unless a test asks for them."""
    base: dict[str, object] = {"rate": 1000.0, "backoff": 0.01, "timeout": 5.0, "contact": "ops@example.org"}
    base.update(changes)
    return FetchSettings(**base)  # type: ignore[arg-type]


def fetch(
    site: Site, path: str, settings: FetchSettings | None = None, **request: object
) -> Page | FetchFailure:
    with Fetcher(settings or fast()) as fetcher:
        return fetcher.fetch(Request(site.url(path), **request))  # type: ignore[arg-type]


def test_a_page_is_fetched_with_a_user_agent_naming_strife_and_the_contact(site: Site) -> None:
    answer = fetch(site, "/story")
    assert isinstance(answer, Page) and answer.status == 200 and answer.body == STORY
    assert answer.content_type == "text/html" and answer.charset == "utf-8"
    agent = site.hits[-1].headers["user-agent"]
    assert agent.startswith("strife") and "ops@example.org" in agent


def test_robots_txt_forbidding_a_path_is_a_failure_and_the_path_is_never_asked(site: Site) -> None:
    site.routes["/private/story"] = Answer(200, STORY, HTML)
    answer = fetch(site, "/private/story")
    assert isinstance(answer, FetchFailure) and "robots.txt" in answer.reason and "disallows" in answer.reason
    assert site.paths() == ["/robots.txt"]


def test_robots_txt_is_read_once_per_host(site: Site) -> None:
    with Fetcher(fast()) as fetcher:
        for _ in range(3):
            fetcher.fetch(Request(site.url("/story")))
    assert site.paths() == ["/robots.txt", "/story", "/story", "/story"]


def test_robots_txt_is_read_once_when_many_fetches_start_at_once(site: Site) -> None:
    site.routes["/robots.txt"] = Answer(200, b"User-agent: *\nAllow: /\n", delay=0.1)
    with Fetcher(fast(concurrency=8, per_host=8)) as fetcher:
        list(fetcher.fetch_all(Request(site.url("/story")) for _ in range(8)))
    assert site.paths().count("/robots.txt") == 1 and site.paths().count("/story") == 8


def test_a_missing_robots_txt_allows_everything(site: Site) -> None:
    del site.routes["/robots.txt"]
    assert isinstance(fetch(site, "/story"), Page)


def test_a_robots_txt_answering_5xx_means_do_not_crawl(site: Site) -> None:
    site.routes["/robots.txt"] = Answer(503, b"down")
    answer = fetch(site, "/story")
    assert isinstance(answer, FetchFailure) and answer.transient
    assert "robots.txt answered HTTP 503" in answer.reason


def test_429_is_retried_after_the_time_retry_after_asks(site: Site) -> None:
    answers = iter([Answer(429, b"slow down", {"Retry-After": "2"}), Answer(200, STORY, HTML)])
    site.routes["/story"] = lambda _headers: next(answers)
    waits: list[float] = []
    with Fetcher(fast(), sleep=waits.append) as fetcher:
        answer = fetcher.fetch(Request(site.url("/story")))
    assert isinstance(answer, Page) and answer.status == 200
    assert 2.0 in waits


def test_a_retry_after_longer_than_the_limit_fails_at_once(site: Site) -> None:
    site.routes["/story"] = Answer(429, b"", {"Retry-After": "3600"})
    answer = fetch(site, "/story", fast(max_wait=60))
    assert isinstance(answer, FetchFailure) and answer.status == 429 and answer.transient
    assert "wait 3600 s" in answer.reason
    assert site.paths().count("/story") == 1


def test_5xx_is_retried_with_backoff_then_fails_with_the_status(site: Site) -> None:
    site.routes["/story"] = Answer(503, b"busy")
    waits: list[float] = []
    with Fetcher(fast(retries=2, backoff=0.5), sleep=waits.append) as fetcher:
        answer = fetcher.fetch(Request(site.url("/story")))
    assert isinstance(answer, FetchFailure)
    assert answer.reason == "HTTP 503 Service Unavailable (after 3 tries)"
    assert waits == [0.5, 1.0] and site.paths().count("/story") == 3


def test_404_is_a_failure_without_retries(site: Site) -> None:
    answer = fetch(site, "/gone")
    assert isinstance(answer, FetchFailure) and answer.reason == "HTTP 404 Not Found" and not answer.transient
    assert site.paths().count("/gone") == 1


def test_a_slow_answer_past_the_timeout_fails(site: Site) -> None:
    site.routes["/slow"] = Answer(200, STORY, HTML, delay=4)
    started = time.monotonic()
    answer = fetch(site, "/slow", fast(timeout=0.3, retries=0))
    assert isinstance(answer, FetchFailure) and answer.reason.startswith("timed out after 0.3 s")
    assert time.monotonic() - started < 3.5  # the answer was not waited for


def test_a_trickling_body_past_the_deadline_fails(site: Site) -> None:
    site.routes["/trickle"] = Answer(200, STORY, HTML, trickle=0.05, chunk=16)
    answer = fetch(site, "/trickle", fast(timeout=0.4, retries=0))
    assert isinstance(answer, FetchFailure) and answer.reason.startswith("timed out")


def test_a_declared_50_mb_body_is_refused_before_it_is_read(site: Site) -> None:
    size = 50 * 1024 * 1024
    site.routes["/huge"] = Answer(200, b"", {**HTML, "Content-Length": str(size)}, endless=size)
    answer = fetch(site, "/huge", fast(max_bytes=1024 * 1024))
    assert isinstance(answer, FetchFailure)
    assert answer.reason.startswith(f"too large ({size} bytes, over the 1048576-byte limit")


def test_an_undeclared_50_mb_body_is_cut_off_at_the_limit(site: Site) -> None:
    site.routes["/endless"] = Answer(200, b"", HTML, endless=50 * 1024 * 1024)
    answer = fetch(site, "/endless", fast(max_bytes=1024 * 1024))
    assert isinstance(answer, FetchFailure) and answer.reason.startswith("too large (over the 1048576-byte")


def test_a_content_type_that_is_not_wanted_is_a_failure(site: Site) -> None:
    site.routes["/report.pdf"] = Answer(200, b"%PDF-1.7", {"Content-Type": "application/pdf"})
    answer = fetch(site, "/report.pdf", accept=HTML_TYPES)
    assert isinstance(answer, FetchFailure) and answer.reason == "not HTML (content type application/pdf)"


def test_redirects_are_followed_and_the_final_url_kept(site: Site) -> None:
    site.routes["/old"] = Answer(301, b"", {"Location": "/older"})
    site.routes["/older"] = Answer(302, b"", {"Location": site.url("/story")})
    answer = fetch(site, "/old")
    assert isinstance(answer, Page) and answer.final_url == site.url("/story")
    assert answer.url == site.url("/old")


def test_a_redirect_loop_stops_at_the_bound(site: Site) -> None:
    site.routes["/loop"] = Answer(302, b"", {"Location": "/loop"})
    answer = fetch(site, "/loop", fast(max_redirects=3))
    assert isinstance(answer, FetchFailure) and answer.reason.startswith("more than 3 redirects")
    assert site.paths().count("/loop") == 4


def test_a_redirect_into_a_path_robots_forbids_is_refused(site: Site) -> None:
    site.routes["/moved"] = Answer(301, b"", {"Location": "/private/story"})
    answer = fetch(site, "/moved")
    assert isinstance(answer, FetchFailure) and "disallows" in answer.reason
    assert "/private/story" not in site.paths()


def test_a_conditional_get_sends_the_validators_and_takes_304_as_not_modified(site: Site) -> None:
    def story(headers: dict[str, str]) -> Answer:
        if headers.get("if-none-match") == '"v1"':
            return Answer(304, b"", {"ETag": '"v1"'})
        return Answer(200, STORY, {**HTML, "ETag": '"v1"', "Last-Modified": "Mon, 06 May 2024 10:00:00 GMT"})

    site.routes["/story"] = story
    first = fetch(site, "/story")
    assert isinstance(first, Page) and first.etag == '"v1"' and first.last_modified
    again = fetch(site, "/story", etag=first.etag, last_modified=first.last_modified)
    assert isinstance(again, Page) and again.not_modified and again.body == b""
    assert site.hits[-1].headers["if-modified-since"] == "Mon, 06 May 2024 10:00:00 GMT"


def test_the_per_host_rate_spaces_the_requests(site: Site) -> None:
    with Fetcher(fast(rate=10.0, concurrency=4, per_host=4)) as fetcher:
        answers = list(fetcher.fetch_all(Request(site.url("/story")) for _ in range(6)))
    assert all(isinstance(answer, Page) for _request, answer in answers)
    starts = [hit.at for hit in site.hits]
    # 10 a second: one start every 0.1 s, robots.txt included (the span, not each gap: a loaded
    # machine delays single arrivals at the server)
    assert len(starts) == 7 and starts[-1] - starts[0] >= 0.55


def test_a_crawl_delay_longer_than_the_rate_is_honoured(site: Site) -> None:
    site.routes["/robots.txt"] = Answer(200, b"User-agent: strife\nCrawl-delay: 1\n")
    with Fetcher(fast()) as fetcher:
        list(fetcher.fetch_all(Request(site.url("/story")) for _ in range(2)))
    starts = [hit.at for hit in site.hits if hit.path == "/story"]
    assert starts[1] - starts[0] >= 0.95


def test_a_refused_connection_is_a_transient_network_error() -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with Fetcher(fast(retries=1)) as fetcher:
        answer = fetcher.fetch(Request(f"http://127.0.0.1:{port}/story"))
    assert isinstance(answer, FetchFailure) and answer.transient and "network error" in answer.reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/story", "not an http(s) URL"),
        ("file:///etc/passwd", "not an http(s) URL"),
    ],
)
def test_only_http_urls_are_fetched(url: str, reason: str) -> None:
    with Fetcher(fast()) as fetcher:
        answer = fetcher.fetch(Request(url))
    assert isinstance(answer, FetchFailure) and answer.reason.startswith(reason)


def test_fetch_all_keeps_the_input_order(site: Site) -> None:
    for number in range(8):
        site.routes[f"/s{number}"] = Answer(200, STORY, HTML, delay=0.05 * (8 - number) / 8)
    with Fetcher(fast(concurrency=4, per_host=4)) as fetcher:
        answers = fetcher.fetch_all(Request(site.url(f"/s{n}")) for n in range(8))
        done = [request.url for request, _answer in answers]
    assert done == [site.url(f"/s{n}") for n in range(8)]
