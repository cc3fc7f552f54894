"""Stored articles and merged records as the web server shows them: article pages, one article
with its text, one occurrence's record, the articles an occurrence cites."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from strife.store.schema import Connection

ARTICLE_FIELDS: tuple[str, ...] = ("id", "date", "title", "url", "outlet", "origin", "events")
# Each article with the number of events strife coded from it (before merging).
_ARTICLE_SQL = (
    "SELECT a.id, a.date, a.title, a.url, a.outlet, a.origin, "
    "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events"
)


def _day(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _article(values: tuple[Any, ...]) -> dict[str, Any]:
    row = dict(zip(ARTICLE_FIELDS, values, strict=True))
    row["date"] = _day(row["date"])
    return row


def article_page(con: Connection, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """How many articles are stored, and `limit` of them from `offset`, newest first."""
    found = con.execute("SELECT count(*) FROM articles").fetchone()
    total = int(found[0]) if found else 0
    rows = con.execute(
        f"{_ARTICLE_SQL} FROM articles a ORDER BY a.date DESC NULLS LAST, a.ingested_at DESC, a.id "
        "LIMIT ? OFFSET ?",
        [limit, offset],
    ).fetchall()
    return total, [_article(values) for values in rows]


def article_with_text(con: Connection, article_id: str) -> dict[str, Any] | None:
    """One article's fields, event count and text; None when no article has this id."""
    found = con.execute(f"{_ARTICLE_SQL}, a.text FROM articles a WHERE a.id = ?", [article_id]).fetchone()
    if found is None:
        return None
    row = _article(found[:-1])
    row["text"] = found[-1]
    return row


def occurrence_record(con: Connection, event_id: str) -> dict[str, Any] | None:
    """The merged record (codebook JSON) of the occurrence with this id, or of the one an event
    with this id was merged into; None when neither exists."""
    row = con.execute("SELECT record FROM occurrences WHERE event_id = ?", [event_id]).fetchone()
    if row is None:
        row = con.execute(
            "SELECT o.record FROM event_occurrence m JOIN occurrences o ON o.event_id = m.occurrence_id "
            "WHERE m.event_id = ?",
            [event_id],
        ).fetchone()
    if row is None:
        return None
    record: dict[str, Any] = json.loads(row[0])
    return record


_BY_ID = ("id", "title", "url", "outlet", "date", "text")


def articles_by_id(con: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Stored articles by id, each with id, title, url, outlet, date and text."""
    if not ids:
        return {}
    rows = con.execute(
        "SELECT id, title, url, outlet, date, text FROM articles WHERE id IN (SELECT unnest(?))", [ids]
    ).fetchall()
    return {row[0]: dict(zip(_BY_ID, (*row[:4], _day(row[4]), row[5]), strict=True)) for row in rows}
