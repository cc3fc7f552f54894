"""Saved web pages: the article's main text, title, url and outlet by trafilatura, the date by htmldate."""

from __future__ import annotations

import htmldate
import trafilatura

from strife.ingest.scraped import parse_iso_date
from strife.records import Article, Rejection

NO_PAGE_DATE = "no publication date found in the HTML page"


def parse_html(markup: str, *, article_id: str, origin: str) -> Article | Rejection:
    """One saved news page as an Article, or a Rejection when no article text is found in it.

    The date is the page's original publication date (htmldate, original_date=True, no
    extensive search of the body text, which picks up copyright years and dates of other
    events). A page with no date gets date None and a date_note, never today's date.
    """
    try:
        document = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
        url = getattr(document, "url", None) if document is not None else None
        found = htmldate.find_date(markup, original_date=True, extensive_search=False, url=url)
    except Exception as exc:  # third-party parsers raise many kinds of error on odd markup
        reason = f"could not parse the HTML ({type(exc).__name__}: {exc}); check the file is a saved web page"
        return Rejection(origin, "read", reason.replace("\n", " "), article_id)
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        reason = (
            "no article text found in the HTML page; "
            "save the article's own page, or paste its text into a .txt file"
        )
        return Rejection(origin, "read", reason, article_id)
    published = parse_iso_date(found) if found else None
    return Article(
        id=article_id,
        text=text,
        date=published,
        url=url or None,
        title=getattr(document, "title", None) or None,
        outlet=getattr(document, "sitename", None) or None,
        origin=origin,
        date_note=None if published else NO_PAGE_DATE,
    )
