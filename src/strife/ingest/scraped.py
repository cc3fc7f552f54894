"""The scraped-article format: ` date YYYY-MM-DD <article text>`, one article per file.

Scraped news commonly arrives as a text file whose first token is `date`, then the
publication date, then the article. The same header may open the `text` of a row in a
JSONL or CSV collection, so the header helpers here are shared by those readers.
"""

from __future__ import annotations

import re

from strife.ingest.byline import dated_from_print
from strife.ingest.dates import article_date, bad_date_reason, parse_iso_date
from strife.ingest.limits import MAX_CHARS, too_many_chars
from strife.records import Article, Rejection

__all__ = [
    "NO_DATE_FIELD",
    "NO_DATE_LINE",
    "bad_date_reason",
    "parse_iso_date",
    "parse_scraped",
    "split_date_header",
]

NO_DATE_LINE = "no date line in input"
NO_DATE_FIELD = "no date in input"

# The value after `date` must look like a date (digits and a separator) before it counts
# as a header: an article that opens "date 5 people..." is text, not a broken header.
# `\d` here (any script's digits) is deliberate: "date २०२४-०३-०९" is a header, and is
# then rejected by the ASCII-only date parser, instead of being kept as article text.
_HEADER = re.compile(r"\A\s*date:?\s+(\d+[-/.]\S*)")


def split_date_header(text: str) -> tuple[str, str] | None:
    """The raw date token and the text after it, or None when `text` has no date header."""
    match = _HEADER.match(text)
    if match is None:
        return None
    return match.group(1), text[match.end() :].lstrip()


def parse_scraped(
    text: str, *, article_id: str, origin: str, max_chars: int = MAX_CHARS
) -> Article | Rejection:
    """One scraped article: the date from its ` date YYYY-MM-DD` header, the text after it.

    A text over `max_chars` is rejected before anything else is done with it. Text without
    a header is accepted with the date a line near its top prints (`ingest.byline`), else with
    date None, and a date_note saying why; a header whose date
    does not parse, or lies outside strife's range, is rejected, since a wrong date would
    misplace every event.
    """
    too_long = too_many_chars(len(text), max_chars)
    if too_long is not None:
        return Rejection(origin, "read", too_long, article_id)
    if not text.strip():
        return Rejection(
            origin, "read", "no article text (empty or whitespace only); add the text", article_id
        )
    header = split_date_header(text)
    if header is None:
        printed, note = dated_from_print(text, NO_DATE_LINE)
        return Article(id=article_id, text=text.strip(), date=printed, origin=origin, date_note=note)
    raw_date, body = header
    published = article_date(raw_date, "the date line")
    if isinstance(published, str):
        return Rejection(origin, "read", published, article_id)
    if not body.strip():
        return Rejection(origin, "read", "a date line but no article text after it; add the text", article_id)
    return Article(id=article_id, text=body.strip(), date=published, origin=origin)
