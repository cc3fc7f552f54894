"""One occurrence in full: its merged record, where each evidence span sits in its sentence, its articles."""

from __future__ import annotations

from typing import Any

from strife.store import reading
from strife.store import review as reviewed
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


def one_paragraph(sentence: str, start: int | None, end: int | None) -> tuple[str, int | None, int | None]:
    """The sentence cut to the paragraph that holds the highlight (the first one when nothing is
    highlighted), with the highlight moved to match. A sentence splitter that missed a paragraph
    break hands over "...were killed.\nIn other news..."; the next paragraph is no evidence."""
    if "\n" not in sentence:
        return sentence, start, end
    lines = sentence.split("\n")
    at = 0
    for line in lines:
        line_end = at + len(line)
        inside = start is not None and end is not None and at <= start and end <= line_end
        if inside or (start is None and line.strip()):
            lead = len(line) - len(line.lstrip())
            cut = line.strip()
            if start is None or end is None:
                return cut, None, None
            return cut, start - at - lead, end - at - lead
        at = line_end + 1
    return sentence, start, end  # the highlight spans a break: keep it whole


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def event_detail(con: Connection, event_id: str) -> dict[str, Any] | None:
    """The occurrence's record with evidence highlights, its source articles and its review; None
    when unknown. The id of an event merged into an occurrence leads to that occurrence; a rejected
    one (no event, by a reviewer's decision) is still found here, with its review saying so."""
    record = reading.occurrence_record(con, event_id) or reviewed.rejected_record(con, event_id)
    if record is None:
        return None
    record["review"] = reviewed.review_of(con, record["event_id"])
    sources: list[dict[str, Any]] = record.get("sources") or []
    evidence: list[dict[str, Any]] = record.get("evidence") or []
    source_ids = _unique([s["article_id"] for s in sources])
    stored = reading.articles_by_id(con, _unique([*source_ids, *(e["article_id"] for e in evidence)]))
    for entry in evidence:
        article = stored.get(entry["article_id"])
        start, end = highlight(
            entry["sentence"], entry["start"], entry["end"], article["text"] if article else None
        )
        entry["sentence"], entry["highlight_start"], entry["highlight_end"] = one_paragraph(
            entry["sentence"], start, end
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
