"""News feeds (RSS 0.9x/2.0, Atom, RDF/RSS 1.0): the entries' links, dates and titles, by feedparser.

A feed says which pages are new; the pages themselves are fetched and read as saved
HTML pages (web.py). The entry's date is kept because a page often carries none that
htmldate finds, and the feed's date is then the best the article has.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime

import feedparser
import httpx

from strife.ingest.text import one_line, valid_text
from strife.records import date_range_reason

_FEED_START = re.compile(rb"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]", re.S | re.I)


@dataclass(frozen=True)
class Entry:
    """One item of a feed: the page it links to, its date (when valid) and its title."""

    link: str
    published: date | None = None
    title: str | None = None


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """Whether an answer is a feed rather than a page: an XML type, or markup opening as one."""
    if content_type in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    return _FEED_START.match(body[:4096].removeprefix(b"\xef\xbb\xbf")) is not None


def parse_feed(body: bytes, *, url: str) -> list[Entry] | str:
    """The entries of a feed, in its order, each link made absolute; or why it is no readable feed.

    A feed that parses with errors but still yields entries (feedparser's "bozo" feeds:
    a stray ampersand, a wrong declared encoding) is read; one with no entries and an
    error is refused with the error. Entries without a link are left out: there is no
    page to fetch.
    """
    try:
        parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is lenient, but a parser bug must not stop the run
        return f"not a readable feed ({type(exc).__name__}: {one_line(str(exc))})"
    entries = [entry for item in parsed.entries if (entry := _entry(item, url)) is not None]
    if not entries and parsed.get("bozo"):
        cause = one_line(str(parsed.get("bozo_exception", ""))) or "malformed XML"
        return f"not a readable feed ({cause}); check the URL serves RSS or Atom"
    if not entries and not parsed.get("version"):
        return "not a feed (no RSS, Atom or RDF items found); check the URL serves a feed"
    return entries


def _entry(item: feedparser.FeedParserDict, base: str) -> Entry | None:
    link = item.get("link") or next(
        (x.get("href") for x in item.get("links", []) if x.get("rel", "alternate") == "alternate"), None
    )
    if not isinstance(link, str) or not link.strip():
        return None
    try:
        absolute = str(httpx.URL(base).join(link.strip()))
    except httpx.InvalidURL:
        return None
    title = item.get("title")
    return Entry(absolute, _entry_date(item), valid_text(one_line(title)) if isinstance(title, str) else None)


def _entry_date(item: feedparser.FeedParserDict) -> date | None:
    """The entry's publication (else update) day in UTC, when it is a day strife accepts."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        stamp = dict.get(item, key)  # not item.get: feedparser maps missing keys onto others, warning
        if isinstance(stamp, time.struct_time):
            try:
                day = datetime(*stamp[:6], tzinfo=UTC).date()
            except (ValueError, OverflowError):
                continue
            if date_range_reason(day) is None:
                return day
    return None
