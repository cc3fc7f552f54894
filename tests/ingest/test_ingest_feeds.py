"""Feeds: RSS 2.0, Atom and RDF entries with their links, dates and titles; broken feeds refused."""

from __future__ import annotations

from datetime import date

import pytest

from strife.ingest.feeds import Entry, looks_like_feed, parse_feed

BASE = "http://127.0.0.1:9/news/feed.xml"

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Daily Ledger</title><link>http://127.0.0.1:9/</link>
<item><title>Gunmen kill five in Zamfara</title><link>http://127.0.0.1:9/a</link>
<pubDate>Tue, 07 May 2024 23:30:00 -0200</pubDate></item>
<item><title>Relative link</title><link>/b</link></item>
<item><title>No link at all</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><id>urn:x</id><updated>2024-05-08T00:00:00Z</updated>
<entry><title>Clashes near Goma</title><id>urn:1</id><link rel="alternate" href="http://127.0.0.1:9/goma"/>
<updated>2024-05-06T08:00:00Z</updated></entry></feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://127.0.0.1:9/"><title>Ledger</title><link>http://127.0.0.1:9/</link></channel>
<item rdf:about="http://127.0.0.1:9/rdf1"><title>Strike in Idlib</title><link>http://127.0.0.1:9/rdf1</link>
<dc:date>2024-05-05T12:00:00Z</dc:date></item></rdf:RDF>"""


def test_rss_entries_keep_order_dates_in_utc_and_absolute_links() -> None:
    entries = parse_feed(RSS, url=BASE)
    assert entries == [
        Entry("http://127.0.0.1:9/a", date(2024, 5, 8), "Gunmen kill five in Zamfara"),
        Entry("http://127.0.0.1:9/b", None, "Relative link"),
    ]


def test_atom_entries_use_the_updated_date() -> None:
    assert parse_feed(ATOM, url=BASE) == [
        Entry("http://127.0.0.1:9/goma", date(2024, 5, 6), "Clashes near Goma")
    ]


def test_rdf_entries_are_read() -> None:
    assert parse_feed(RDF, url=BASE) == [
        Entry("http://127.0.0.1:9/rdf1", date(2024, 5, 5), "Strike in Idlib")
    ]


def test_a_date_outside_strifes_range_is_dropped_not_kept() -> None:
    feed = RSS.replace(b"Tue, 07 May 2024", b"Fri, 07 May 1880")
    assert parse_feed(feed, url=BASE)[0].published is None


@pytest.mark.parametrize(
    "body",
    [
        b"<rss version='2.0'><channel><item><title>cut off",
        b"\x00\x01 not xml at all",
        b"<html><body>hi</body></html>",
    ],
)
def test_a_broken_feed_is_a_reason_not_an_error(body: bytes) -> None:
    found = parse_feed(body, url=BASE)
    assert isinstance(found, str) and "feed" in found


@pytest.mark.parametrize(
    ("content_type", "body", "feed"),
    [
        ("application/rss+xml", b"", True),
        ("text/xml", RSS, True),
        ("application/xml", ATOM, True),
        ("text/html", RDF, True),  # a feed served with the wrong type is still a feed
        ("text/html", b"<!doctype html><html><body>a page</body></html>", False),
        ("application/xml", b"<?xml version='1.0'?><html><body>xhtml</body></html>", False),
    ],
)
def test_looks_like_feed(content_type: str, body: bytes, feed: bool) -> None:
    assert looks_like_feed(content_type, body) is feed
