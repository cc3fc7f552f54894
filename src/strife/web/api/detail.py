"""One occurrence in full: its merged record, where each evidence span sits in its sentence, its articles."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from strife.store.schema import Connection

ARTICLE_FIELDS: tuple[str, ...] = ("id", "title", "url", "outlet", "date")


def highlight(sentence: str, start: int, end: int, text: str | None) -> tuple[int | None, int | None]:
    """Where the article span text[start:end] lies within `sentence`, as offsets into the sentence.

    Evidence offsets point into the article text, and the sentence is a stripped copy
    of part of it. So: find the copy of the sentence in the text that holds the span
    (the last one starting at or before it; an earlier copy ends earlier, so cannot
    hold it). When the sentence is not found there, look for the span's own text in
    the sentence. (None, None) when neither works or the article is not stored.
    """
    if text is None or not 0 <= start <= end <= len(text) or not sentence:
        return None, None
    at = text.rfind(sentence, 0, start + 1)
    if at >= 0 and at + len(sentence) >= end:
        return start - at, end - at
    span = text[start:end]
    found = sentence.find(span) if span else -1
    if found < 0:
        return None, None
    return found, found + len(span)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _record(con: Connection, event_id: str) -> dict[str, Any] | None:
    row = con.execute("SELECT record FROM occurrences WHERE event_id = ?", [event_id]).fetchone()
    if row is None:
        # The id of an event merged into an occurrence leads to that occurrence.
        row = con.execute(
            "SELECT o.record FROM event_occurrence m JOIN occurrences o ON o.event_id = m.occurrence_id "
            "WHERE m.event_id = ?",
            [event_id],
        ).fetchone()
    if row is None:
        return None
    record: dict[str, Any] = json.loads(row[0])
    return record


def _articles(con: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Stored articles by id, each with its fields and text."""
    if not ids:
        return {}
    rows = con.execute(
        "SELECT id, title, url, outlet, date, text FROM articles WHERE id IN (SELECT unnest(?))", [ids]
    ).fetchall()
    found: dict[str, dict[str, Any]] = {}
    for article_id, title, url, outlet, day, text in rows:
        found[article_id] = {
            "id": article_id,
            "title": title,
            "url": url,
            "outlet": outlet,
            "date": day.isoformat() if isinstance(day, date) else day,
            "text": text,
        }
    return found


def event_detail(con: Connection, event_id: str) -> dict[str, Any] | None:
    """The occurrence's record with evidence highlights and its source articles; None when unknown."""
    record = _record(con, event_id)
    if record is None:
        return None
    sources: list[dict[str, Any]] = record.get("sources") or []
    evidence: list[dict[str, Any]] = record.get("evidence") or []
    source_ids = _unique([s["article_id"] for s in sources])
    stored = _articles(con, _unique([*source_ids, *(e["article_id"] for e in evidence)]))
    for entry in evidence:
        article = stored.get(entry["article_id"])
        entry["highlight_start"], entry["highlight_end"] = highlight(
            entry["sentence"], entry["start"], entry["end"], article["text"] if article else None
        )
    first_source = {s["article_id"]: s for s in reversed(sources)}
    record["articles"] = [
        {name: value for name, value in stored[i].items() if name in ARTICLE_FIELDS}
        if i in stored
        # Not stored here (a record merged elsewhere): what the source itself says.
        else {
            "id": i,
            "title": None,
            "url": first_source[i].get("url"),
            "outlet": first_source[i].get("outlet"),
            "date": first_source[i].get("date"),
        }
        for i in source_ids
    ]
    return record
