"""Saved web pages: the article's main text, title, url and outlet by trafilatura, the date by htmldate."""

from __future__ import annotations

import htmldate
import trafilatura

from strife.ingest.byline import dated_from_print
from strife.ingest.dates import article_date
from strife.ingest.limits import MAX_CHARS, too_many_chars
from strife.ingest.text import one_line, valid_text
from strife.records import Article, Rejection

NO_PAGE_DATE = "no publication date found in the HTML page"


def parse_html(
    markup: str, *, article_id: str, origin: str, max_chars: int = MAX_CHARS
) -> Article | Rejection:
    """One saved news page as an Article, or a Rejection when no article text is found in it.

    The date is the page's original publication date (htmldate, original_date=True, no
    extensive search of the body text, which picks up copyright years and dates of other
    events). A page with no date gets date None and a date_note, never today's date; a
    date outside strife's range (htmldate keeps to its own, narrower one, so this is a
    guard) is a rejection, as in the other readers.

    The character limit applies to the extracted text, not the markup: a page is mostly
    scripts, styles and navigation, so its length says little about the article's. The
    markup is bounded by the byte limit of the file it came from.
    """
    try:
        document = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
        url = getattr(document, "url", None) if document is not None else None
        found = htmldate.find_date(markup, original_date=True, extensive_search=False, url=url)
    except Exception as exc:  # third-party parsers raise many kinds of error on odd markup
        cause = f"{type(exc).__name__}: {one_line(str(exc))}"
        reason = f"could not parse the HTML ({cause}); check the file is a saved web page"
        return Rejection(origin, "read", reason, article_id)
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        reason = (
            "no article text found in the HTML page; "
            "save the article's own page, or paste its text into a .txt file"
        )
        return Rejection(origin, "read", reason, article_id)
    too_long = too_many_chars(len(text), max_chars)
    if too_long is not None:
        return Rejection(origin, "read", too_long, article_id)
    published = article_date(found, "the page's date") if isinstance(found, str) and found else None
    if isinstance(published, str):
        return Rejection(origin, "read", published, article_id)
    note = None
    if published is None:
        published, note = dated_from_print(text, NO_PAGE_DATE)
    return Article(
        id=article_id,
        text=valid_text(text),
        date=published,
        url=_text_or_none(url),
        title=_text_or_none(getattr(document, "title", None)),
        outlet=_text_or_none(getattr(document, "sitename", None)),
        origin=origin,
        date_note=note,
    )


def _text_or_none(value: object) -> str | None:
    return valid_text(value) if isinstance(value, str) and value else None
