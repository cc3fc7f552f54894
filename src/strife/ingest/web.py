"""URLs in: each named URL fetched politely, read as a page or as a feed whose entries' pages are read.

Two passes, both `concurrency` fetches wide:
1. the named URLs (a feed already polled is asked conditionally, with its last ETag and
   Last-Modified): a feed yields its entries' links, a page is read as a saved HTML page
   (and, once read, is in the seen set: a named page is read once, a named feed every run);
2. the entries' pages that are new (not in the log's seen set), read the same way, with
   the entry's date when the page shows none.
A page's article id is `web-` and the first 16 hex digits of its text's hash, so the same
story reached through two feeds is one article. Every failure is a Rejection at stage
"fetch" (or "read" for a page with no article text), and every answer is noted in the
`FetchLog`, which `strife watch` keeps in the store between runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

import httpx

from strife.ingest.decode import DecodeError, decode_document
from strife.ingest.feeds import Entry, looks_like_feed, parse_feed
from strife.ingest.fetch import HTML_TYPES, PAGE_OR_FEED, Fetcher, FetchFailure, Page, Request
from strife.ingest.html import parse_html
from strife.ingest.language import LanguageCheck
from strife.ingest.limits import MAX_CHARS
from strife.records import Article, Rejection, text_hash

FEED_DATE_NOTE = "date from the feed entry (the page shows none)"
Outcome = Literal["article", "rejected", "retry"]


@dataclass(frozen=True)
class FeedPoll:
    """One poll of a feed: its answer's status and validators, or the error."""

    url: str
    status: int | None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    entries: int = 0


@dataclass(frozen=True)
class PageFetch:
    """One page fetched (or not): what became of it; `retry` for a failure that may pass later."""

    url: str
    source: str | None
    status: int | None
    outcome: Outcome
    reason: str | None = None
    article_id: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FetchLog:
    """What a run knows from earlier runs (feeds' validators, pages already handled) and notes down."""

    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    feeds: list[FeedPoll] = field(default_factory=list)
    pages: list[PageFetch] = field(default_factory=list)
    not_modified: int = 0  # feeds that answered 304


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def read_urls(
    urls: Iterable[str],
    fetcher: Fetcher,
    log: FetchLog | None = None,
    *,
    check: LanguageCheck | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[Article | Rejection]:
    """Articles and Rejections from the pages and feeds at `urls` (two passes: module docstring)."""
    log = log if log is not None else FetchLog()
    named = [url for url in dict.fromkeys(urls) if url not in log.seen]
    requests = (Request(url, *log.validators.get(url, (None, None)), accept=PAGE_OR_FEED) for url in named)
    entries: dict[str, tuple[str, Entry]] = {}
    for request, answer in fetcher.fetch_all(requests):
        url = request.url
        if isinstance(answer, FetchFailure):
            # a named URL is polled again every run, whatever it is: noted as a source, not a page
            etag, modified = log.validators.get(url, (None, None))
            log.feeds.append(FeedPoll(url, answer.status, etag, modified, error=answer.reason))
            yield Rejection(url, "fetch", answer.reason)
        elif answer.not_modified:
            log.not_modified += 1
            log.feeds.append(FeedPoll(url, 304, answer.etag, answer.last_modified))
        elif looks_like_feed(answer.content_type, answer.body):
            found = parse_feed(answer.body, url=answer.final_url)
            if isinstance(found, str):
                log.feeds.append(FeedPoll(url, answer.status, error=found))
                yield Rejection(url, "fetch", found)
                continue
            log.feeds.append(FeedPoll(url, 200, answer.etag, answer.last_modified, entries=len(found)))
            for entry in found:
                if entry.link not in log.seen and entry.link not in entries:
                    entries[entry.link] = (url, entry)
        else:
            yield _noted(log, answer, None, _article(answer, None, check, max_chars))
    pages = (Request(link, accept=HTML_TYPES) for link in entries)
    for request, answer in fetcher.fetch_all(pages):
        source, entry = entries[request.url]
        if isinstance(answer, FetchFailure):
            log.pages.append(_failed(request.url, source, answer))
            yield Rejection(request.url, "fetch", answer.reason)
        else:
            yield _noted(log, answer, source, _article(answer, entry, check, max_chars))


def _failed(url: str, source: str | None, failure: FetchFailure) -> PageFetch:
    outcome: Outcome = "retry" if failure.transient else "rejected"
    return PageFetch(url, source, failure.status, outcome, failure.reason)


def _noted(log: FetchLog, page: Page, source: str | None, read: Article | Rejection) -> Article | Rejection:
    validators = (page.etag, page.last_modified)
    if isinstance(read, Article):
        note = PageFetch(page.url, source, page.status, "article", None, read.id, *validators)
    else:
        note = PageFetch(page.url, source, page.status, "rejected", read.reason, None, *validators)
    log.pages.append(note)
    return read


def _article(
    page: Page, entry: Entry | None, check: LanguageCheck | None, max_chars: int
) -> Article | Rejection:
    read = read_page(
        page.body,
        charset=page.charset,
        url=page.final_url,
        origin=page.url,
        title=entry.title if entry else None,
        fallback=(entry.published, FEED_DATE_NOTE) if entry and entry.published else None,
        max_chars=max_chars,
    )
    return check(read) if check is not None and isinstance(read, Article) else read


def read_page(
    body: bytes,
    *,
    charset: str | None,
    url: str,
    origin: str,
    title: str | None = None,
    fallback: tuple[date, str] | None = None,
    max_chars: int = MAX_CHARS,
) -> Article | Rejection:
    """A fetched or archived page as an Article: decoded by its declared charset (else sniffed), read
    as HTML; `fallback` is the (date, note) to use when the page shows no date."""
    try:
        text = _decode(body, charset)
    except DecodeError as exc:
        return Rejection(origin, "decode", exc.reason)
    read = parse_html(text, article_id="web", origin=origin, max_chars=max_chars)
    if isinstance(read, Rejection):
        return replace(read, article_id=None)
    article = replace(
        read,
        id=f"web-{text_hash(read.text)[:16]}",
        url=read.url or url,
        title=read.title or title,
        outlet=read.outlet or httpx.URL(url).host or None,
    )
    if article.date is None and fallback is not None:
        article = replace(article, date=fallback[0], date_note=fallback[1])
    return article


def _decode(body: bytes, charset: str | None) -> str:
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: sniff instead
    return decode_document(body)
