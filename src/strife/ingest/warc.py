"""Web archives: WARC and WARC.gz files (Common Crawl's CC-NEWS among them), read record by record.

A WARC file holds a crawl's requests, responses and metadata. Only `response` records of a
successful (200) HTML answer are articles; each is read as a fetched page, its payload
bounded by the byte limit, its WARC-Date the article's date when the page shows none. The
archive is streamed (warcio decompresses member by member), so a CC-NEWS file of a
gigabyte is never in memory. Responses that are not articles (images, scripts, redirects)
are counted and reported in one Rejection per file, not one per record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from strife.ingest.dates import parse_iso_date
from strife.ingest.fetch import HTML_TYPES
from strife.ingest.limits import MAX_CHARS
from strife.ingest.walk import WARC_ENDINGS
from strife.ingest.web import read_page
from strife.records import Article, Rejection, date_range_reason

WARC_DATE_NOTE = "date from the WARC record (the page shows none)"


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_ENDINGS)


def read_warc(
    stream: BinaryIO, *, name: str, max_bytes: int, max_chars: int = MAX_CHARS
) -> Iterator[Article | Rejection]:
    """The articles of one WARC file; `name:N` (the record's number) is each one's origin."""
    skipped: Counter[str] = Counter()
    for number, record in enumerate(ArchiveIterator(stream), start=1):
        if record.rec_type != "response" or record.http_headers is None:
            continue  # requests, metadata, warcinfo, revisits: no page in them
        origin = f"{name}:{number}"
        url = record.rec_headers.get_header("WARC-Target-URI") or origin
        status = record.http_headers.get_statuscode()
        kind, _, params = (record.http_headers.get_header("Content-Type") or "").partition(";")
        kind = kind.strip().lower()
        if status != "200":
            skipped[f"HTTP {status}"] += 1
            continue
        if kind and kind not in HTML_TYPES:
            skipped[kind] += 1
            continue
        body = record.content_stream().read(max_bytes + 1)
        if len(body) > max_bytes:
            reason = f"page is over the {max_bytes}-byte limit for one article ({url})"
            yield Rejection(origin, "read", reason)
            continue
        day = _warc_day(record.rec_headers.get_header("WARC-Date") or "")
        yield read_page(
            body,
            charset=_charset(params),
            url=url,
            origin=origin,
            fallback=(day, WARC_DATE_NOTE) if day else None,
            max_chars=max_chars,
        )
    if skipped:
        counts = ", ".join(f"{kind} {count}" for kind, count in skipped.most_common())
        total = sum(skipped.values())
        yield Rejection(name, "read", f"{total} response records are not HTML pages of HTTP 200 ({counts})")


def _warc_day(value: str) -> date | None:
    day = parse_iso_date(value[:10]) if len(value) >= 10 else None
    return day if day is not None and date_range_reason(day) is None else None


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
