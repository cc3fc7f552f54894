"""The scraped-article format: ` date YYYY-MM-DD <article text>`, one article per file.

Scraped news commonly arrives as a text file whose first token is `date`, then the
publication date, then the article. The same header may open the `text` of a row in a
JSONL or CSV collection, so the header helpers here are shared by those readers.
"""

from __future__ import annotations

import re
from datetime import date

from strife.records import Article, Rejection

NO_DATE_LINE = "no date line in input"
NO_DATE_FIELD = "no date in input"

# The value after `date` must look like a date (digits and a separator) before it counts
# as a header: an article that opens "date 5 people..." is text, not a broken header.
_HEADER = re.compile(r"\A\s*date:?\s+(\d+[-/.]\S*)")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z ]*)?")


def split_date_header(text: str) -> tuple[str, str] | None:
    """The raw date token and the text after it, or None when `text` has no date header."""
    match = _HEADER.match(text)
    if match is None:
        return None
    return match.group(1), text[match.end() :].lstrip()


def parse_iso_date(value: str) -> date | None:
    """A `YYYY-MM-DD` date (a trailing ISO time is allowed and dropped), or None."""
    match = _ISO_DATE.fullmatch(value.strip())
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:  # 2024-02-30 matches the pattern but is no day
        return None


def bad_date_reason(raw: str, where: str) -> str:
    """The one-line reason for a date that does not parse."""
    return f"{where} holds {raw!r}, not a date in YYYY-MM-DD form; correct it or remove it"


def parse_scraped(text: str, *, article_id: str, origin: str) -> Article | Rejection:
    """One scraped article: the date from its ` date YYYY-MM-DD` header, the text after it.

    Text without a header is accepted with date None (and a date_note saying why); a header
    whose date does not parse is rejected, since a wrong date would misplace every event.
    """
    if not text.strip():
        return Rejection(
            origin, "read", "no article text (empty or whitespace only); add the text", article_id
        )
    header = split_date_header(text)
    if header is None:
        return Article(id=article_id, text=text.strip(), origin=origin, date_note=NO_DATE_LINE)
    raw_date, body = header
    published = parse_iso_date(raw_date)
    if published is None:
        return Rejection(origin, "read", bad_date_reason(raw_date, "the date line"), article_id)
    if not body.strip():
        return Rejection(origin, "read", "a date line but no article text after it; add the text", article_id)
    return Article(id=article_id, text=body.strip(), date=published, origin=origin)
