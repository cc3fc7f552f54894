"""One row of a JSONL or CSV collection to an Article, by the collection's own column names."""

from __future__ import annotations

from collections.abc import Mapping

from strife.ingest.byline import dated_from_print
from strife.ingest.dates import article_date
from strife.ingest.limits import MAX_CHARS, too_many_chars
from strife.ingest.scraped import NO_DATE_FIELD, split_date_header
from strife.ingest.text import valid_text
from strife.records import Article, Rejection

FIELDS = ("id", "text", "date", "url", "title", "outlet")


def json_kind(value: object) -> str:
    """What a JSON value is, in a reason's words ("a list", "null")."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def _text(value: object) -> str | None:
    """A string value as stripped, valid text; None when absent, blank or not a string."""
    if not isinstance(value, str):
        return None
    return valid_text(value.strip()) or None


def _is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def article_from_row(
    row: Mapping[str, object],
    *,
    origin: str,
    fallback_id: str,
    columns: Mapping[str, str],
    max_chars: int = MAX_CHARS,
) -> Article | Rejection:
    """The row as an Article, or a Rejection saying which value is missing or wrong.

    Values of the wrong JSON type (CSV cells are always strings):
    - `text` must be a string, at most `max_chars` characters, or the row is rejected;
    - `id` is a string, or an integer taken as its digits (`77` -> "77"); a list, object,
      float or boolean is rejected, since a made-up id would break the row's identity;
      a missing or blank id falls back to `fallback_id`;
    - `date` is a `YYYY-MM-DD` string in strife's range, null, or the row is rejected;
    - `url`, `title` and `outlet` that are not strings are dropped (None): they are
      descriptive, and the article is still worth coding without them.
    Lone surrogates in strings (`"\\ud800"`, valid JSON but not UTF-8) become U+FFFD.

    The date is the row's `date`; a row without one may carry it in a scraped
    ` date YYYY-MM-DD` header opening its text. The header is taken off the text either
    way: it is not part of the article.
    """
    id_column = columns.get("id", "id")
    own_id = row.get(id_column)
    if own_id is not None and not isinstance(own_id, str) and not _is_integer(own_id):
        reason = f"column {id_column!r} holds {json_kind(own_id)}, not a string or an integer; correct the id"
        return Rejection(origin, "read", reason, fallback_id)
    article_id = (str(own_id) if _is_integer(own_id) else _text(own_id)) or fallback_id
    text_column = columns.get("text", "text")
    text = row.get(text_column)
    if not isinstance(text, str) or not text.strip():
        held = "" if text is None or isinstance(text, str) else f" (it holds {json_kind(text)}, not a string)"
        reason = (
            f"row has no text in column {text_column!r}{held}; add the text, "
            "or map the column with ReadOptions.columns (e.g. {'text': 'body'})"
        )
        return Rejection(origin, "read", reason, article_id)
    too_long = too_many_chars(len(text), max_chars)
    if too_long is not None:
        return Rejection(origin, "read", too_long, article_id)
    header = split_date_header(text)
    body = text if header is None else header[1]
    if not body.strip():
        return Rejection(
            origin, "read", "row text holds a date line and nothing else; add the text", article_id
        )

    date_column = columns.get("date", "date")
    raw = row.get(date_column)
    if raw is not None and not isinstance(raw, str):
        reason = f"column {date_column!r} holds {json_kind(raw)}, not a date in YYYY-MM-DD form; correct it"
        return Rejection(origin, "read", reason, article_id)
    raw_date, where = _text(raw), f"column {date_column!r}"
    if raw_date is None and header is not None:
        raw_date, where = header[0], "the date line opening the text"
    published = None if raw_date is None else article_date(raw_date, where)
    if isinstance(published, str):
        return Rejection(origin, "read", published, article_id)
    note = None
    if published is None:
        published, note = dated_from_print(body, NO_DATE_FIELD)
    return Article(
        id=article_id,
        text=valid_text(body.strip()),
        date=published,
        url=_text(row.get(columns.get("url", "url"))),
        title=_text(row.get(columns.get("title", "title"))),
        outlet=_text(row.get(columns.get("outlet", "outlet"))),
        origin=origin,
        date_note=note,
    )
