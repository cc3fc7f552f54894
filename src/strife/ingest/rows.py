"""One row of a JSONL or CSV collection to an Article, by the collection's own column names."""

from __future__ import annotations

from collections.abc import Mapping

from strife.ingest.scraped import NO_DATE_FIELD, bad_date_reason, parse_iso_date, split_date_header
from strife.records import Article, Rejection

FIELDS = ("id", "text", "date", "url", "title", "outlet")


def _value(row: Mapping[str, object], columns: Mapping[str, str], name: str) -> str | None:
    """The row's value for one of our field names, as stripped text, or None when absent or blank."""
    value = row.get(columns.get(name, name))
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)  # ids are often numbers
    return text.strip() or None


def article_from_row(
    row: Mapping[str, object], *, origin: str, fallback_id: str, columns: Mapping[str, str]
) -> Article | Rejection:
    """The row as an Article, or a Rejection saying which value is missing or wrong.

    The id is the row's own, else `fallback_id`. The date is the row's `date`; a row without
    one may carry it in a scraped ` date YYYY-MM-DD` header opening its text. The header is
    taken off the text either way: it is not part of the article.
    """
    article_id = _value(row, columns, "id") or fallback_id
    text_column = columns.get("text", "text")
    text = row.get(text_column)
    if not isinstance(text, str) or not text.strip():
        reason = (
            f"row has no text in column {text_column!r}; add the text, "
            "or map the column with ReadOptions.columns (e.g. {'text': 'body'})"
        )
        return Rejection(origin, "read", reason, article_id)
    header = split_date_header(text)
    body = text if header is None else header[1]
    if not body.strip():
        return Rejection(
            origin, "read", "row text holds a date line and nothing else; add the text", article_id
        )

    raw_date = _value(row, columns, "date")
    where = f"column {columns.get('date', 'date')!r}"
    if raw_date is None and header is not None:
        raw_date, where = header[0], "the date line opening the text"
    published = None if raw_date is None else parse_iso_date(raw_date)
    if raw_date is not None and published is None:
        return Rejection(origin, "read", bad_date_reason(raw_date, where), article_id)
    return Article(
        id=article_id,
        text=body.strip(),
        date=published,
        url=_value(row, columns, "url"),
        title=_value(row, columns, "title"),
        outlet=_value(row, columns, "outlet"),
        origin=origin,
        date_note=None if published else NO_DATE_FIELD,
    )
