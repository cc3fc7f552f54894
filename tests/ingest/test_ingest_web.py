"""URLs in: feeds and pages from a local server read as Articles, every failure a Rejection, all noted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from localsite import Answer, Site, page, rss, serving

from strife.ingest import ReadOptions, read_inputs
from strife.ingest.fetch import Fetcher, FetchSettings
from strife.ingest.language import LanguageCheck
from strife.ingest.web import FEED_DATE_NOTE, FetchLog, read_urls
from strife.records import Article, Rejection

HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS_TYPE = {"Content-Type": "application/rss+xml"}
ZAMFARA = page(
    "Gunmen kill five in Zamfara",
    [
        "Gunmen killed five villagers in an attack on a village in Zamfara state on Tuesday, police said.",
        "Residents said the attackers arrived on motorcycles and burned several houses.",
    ],
)
NAIROBI = page(
    "Tear gas in Nairobi",
    ["Police fired tear gas at hundreds of protesters in Nairobi on Wednesday as demonstrations spread."],
    published="2024-05-08",
)
FRENCH = page(
    "Attaque dans le nord",
    [
        "Des hommes armés ont tué cinq villageois mardi dans l'État de Zamfara, a indiqué la police.",
        "Les assaillants sont arrivés à moto et ont incendié plusieurs maisons avant de fuir.",
    ],
)


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as served:
        served.routes["/robots.txt"] = Answer(200, b"User-agent: *\nDisallow: /private/\n")
        served.routes["/a"] = Answer(200, ZAMFARA, HTML)
        served.routes["/b"] = Answer(200, NAIROBI, HTML)
        served.routes["/fr"] = Answer(200, FRENCH, HTML)
        served.routes["/report.pdf"] = Answer(200, b"%PDF-1.7", {"Content-Type": "application/pdf"})
        served.routes["/private/c"] = Answer(200, ZAMFARA, HTML)
        items = [
            ("Gunmen kill five", "/a", "Tue, 07 May 2024 10:00:00 GMT"),
            ("Tear gas", served.url("/b"), "Tue, 07 May 2024 10:00:00 GMT"),
            ("Attaque", "/fr", None),
            ("Report", "/report.pdf", None),
            ("Private", "/private/c", None),
        ]
        served.routes["/feed.xml"] = Answer(200, rss(items), {**RSS_TYPE, "ETag": '"f1"'})
        yield served


def fetcher() -> Fetcher:
    return Fetcher(FetchSettings(rate=1000.0, backoff=0.01, timeout=5.0))


def read(site: Site, *paths: str, log: FetchLog | None = None) -> list[Article | Rejection]:
    with fetcher() as client:
        return list(read_urls([site.url(p) for p in paths], client, log, check=LanguageCheck()))


def test_a_feed_gives_its_pages_as_articles_and_every_failure_as_a_rejection(site: Site) -> None:
    found = read(site, "/feed.xml")
    articles = {a.url: a for a in found if isinstance(a, Article)}
    rejected = {r.origin: r for r in found if isinstance(r, Rejection)}
    assert set(articles) == {site.url("/a"), site.url("/b")}
    assert rejected[site.url("/fr")].reason == "language fr not supported (English only)"
    assert rejected[site.url("/report.pdf")].reason == "not HTML (content type application/pdf)"
    assert "disallows" in rejected[site.url("/private/c")].reason
    assert "/private/c" not in site.paths()


def test_the_feed_date_is_used_when_the_page_has_none(site: Site) -> None:
    articles = {a.url: a for a in read(site, "/feed.xml") if isinstance(a, Article)}
    undated_page = articles[site.url("/a")]
    assert undated_page.date == date(2024, 5, 7) and undated_page.date_note == FEED_DATE_NOTE
    dated_page = articles[site.url("/b")]
    assert dated_page.date == date(2024, 5, 8) and dated_page.date_note is None


def test_a_page_article_is_keyed_by_its_text_and_names_its_outlet(site: Site) -> None:
    first = read(site, "/a")[0]
    assert isinstance(first, Article)
    assert first.id.startswith("web-") and first.id == f"web-{first.hash[:16]}"
    assert first.outlet and first.title == "Gunmen kill five in Zamfara" and first.origin == site.url("/a")


def test_the_log_notes_the_feed_and_each_page(site: Site) -> None:
    log = FetchLog()
    read(site, "/feed.xml", log=log)
    assert [(f.url, f.status, f.etag, f.entries) for f in log.feeds] == [
        (site.url("/feed.xml"), 200, '"f1"', 5)
    ]
    outcomes = {p.url.removeprefix(site.url("")): p.outcome for p in log.pages}
    assert outcomes == {"/a": "article", "/b": "article", "/fr": "rejected", "/report.pdf": "rejected",
                        "/private/c": "rejected"}  # fmt: skip
    assert all(p.source == site.url("/feed.xml") for p in log.pages)


def test_seen_pages_are_not_fetched_and_a_known_feed_is_asked_conditionally(site: Site) -> None:
    def feed(headers: dict[str, str]) -> Answer:
        if headers.get("if-none-match") == '"f1"':
            return Answer(304, b"", {"ETag": '"f1"'})
        return Answer(200, rss([("A", "/a", None), ("B", "/b", None)]), {**RSS_TYPE, "ETag": '"f1"'})

    site.routes["/feed.xml"] = feed
    log = FetchLog(seen={site.url("/a")})
    assert [a.url for a in read(site, "/feed.xml", log=log)] == [site.url("/b")]
    assert "/a" not in site.paths()
    again = FetchLog(validators={site.url("/feed.xml"): ('"f1"', None)})
    assert read(site, "/feed.xml", log=again) == []
    assert again.not_modified == 1 and again.feeds[0].status == 304


def test_a_broken_feed_is_a_rejection(site: Site) -> None:
    site.routes["/broken.xml"] = Answer(200, b"<?xml version='1.0'?><rss><channel><item><title>x", RSS_TYPE)
    [rejection] = read(site, "/broken.xml")
    assert isinstance(rejection, Rejection) and rejection.stage == "fetch" and "feed" in rejection.reason


def test_a_failing_named_url_is_a_rejection_and_noted_as_a_source(site: Site) -> None:
    site.routes["/down"] = Answer(503, b"busy")
    log = FetchLog()
    with Fetcher(FetchSettings(rate=1000.0, backoff=0.001, retries=1)) as client:
        [rejection] = list(read_urls([site.url("/down")], client, log))
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("HTTP 503 Service Unavailable")
    assert log.feeds[0].error == rejection.reason and log.pages == []


def test_read_inputs_fetches_urls_beside_files(site: Site, tmp_path: object) -> None:
    from pathlib import Path

    text = Path(str(tmp_path)) / "local.txt"
    text.write_text(" date 2024-05-01 Troops clashed with rebels near Goma on Monday, the army said.")
    options = ReadOptions(fetch=FetchSettings(rate=1000.0))
    found = list(read_inputs([str(text), site.url("/a"), site.url("/b")], options))
    assert [type(x).__name__ for x in found] == ["Article", "Article", "Article"]
    assert found[0].origin == str(text)
