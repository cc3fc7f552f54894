"""The Excel export: one workbook, three sheets an analyst can pivot and join.

events    one row per merged event, every codebook field (claims kept as JSON text), then its
          review: `reviewed`, `reviewed_by` as in the other exports, and `reviewed_at`, when the
          review last changed (UTC, empty for a pending event)
sources   one row per source article of an event (event_id joins the two)
evidence  one row per evidence sentence: the field it supports, its article and the span's offsets

Written with xlsxwriter in constant-memory mode, so a large selection streams to the
file row by row instead of building the sheet in memory. The dashboard's xlsx download
is this file (`strife export --format xlsx -o FILE.xlsx`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date
from pathlib import Path
from typing import Any

import xlsxwriter

from strife.export.flat import FLAT_FIELDS
from strife.export.review import REVIEW_COLUMNS, Marked, ReviewMark, review_cells

# The review's time is a column of the workbook only: a person reading the sheet asks when.
WORKBOOK_REVIEW_COLUMNS: tuple[str, ...] = (*REVIEW_COLUMNS, "reviewed_at")
EVENT_COLUMNS: tuple[str, ...] = (
    *(name for name in FLAT_FIELDS if name not in ("sources", "evidence")),
    *WORKBOOK_REVIEW_COLUMNS,
)
SOURCE_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "outlet",
    "date",
    "url",
    "originating_agency",
    "chain",
)
EVIDENCE_COLUMNS: tuple[str, ...] = ("event_id", "field", "article_id", "sentence", "start", "end")
# Excel's own limit on the text of one cell.
_CELL_LIMIT = 32_767


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date):
        # a datetime is a date too: both are written as ISO text, which sorts and reads the same
        return value.isoformat()
    if isinstance(value, (list, tuple, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and len(value) > _CELL_LIMIT:
        return value[: _CELL_LIMIT - 1] + "…"
    return value


def _review(mark: ReviewMark) -> dict[str, Any]:
    when = mark.changed_at
    if when is not None:
        # the store's times are UTC, naive or not; the cell says so in the column's docs
        when = (when.astimezone(UTC) if when.tzinfo else when).replace(microsecond=0, tzinfo=None)
    return {**review_cells(mark), "reviewed_at": when}


class _Sheet:
    def __init__(self, book: Any, name: str, columns: tuple[str, ...], bold: Any) -> None:
        self.sheet = book.add_worksheet(name)
        self.columns = columns
        self.sheet.write_row(0, 0, columns, bold)
        self.sheet.freeze_panes(1, 0)
        self.row = 0

    def add(self, values: dict[str, Any]) -> None:
        self.row += 1
        # write_string keeps text that looks like a formula or a number as the text it is.
        for column, name in enumerate(self.columns):
            value = _cell(values.get(name))
            if isinstance(value, str):
                self.sheet.write_string(self.row, column, value)
            else:
                self.sheet.write(self.row, column, value)


def write_workbook(events: Iterable[Marked], path: Path) -> int:
    """Write the events, each with its review, to an .xlsx file at `path`; return how many."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_urls": False})
    try:
        bold = book.add_format({"bold": True})
        sheets = {
            "events": _Sheet(book, "events", EVENT_COLUMNS, bold),
            "sources": _Sheet(book, "sources", SOURCE_COLUMNS, bold),
            "evidence": _Sheet(book, "evidence", EVIDENCE_COLUMNS, bold),
        }
        count = 0
        for event, mark in events:
            record = event.to_dict()
            sheets["events"].add({**record, **_review(mark)})
            for source in record["sources"]:
                sheets["sources"].add({"event_id": event.event_id, **source})
            for item in record["evidence"]:
                sheets["evidence"].add({"event_id": event.event_id, **item})
            count += 1
    finally:
        book.close()
    return count
