"""The dashboard's Excel download: one workbook, three sheets an analyst can pivot and join.

events    one row per merged event, every codebook field (claims kept as JSON text)
sources   one row per source article of an event (event_id joins the two)
evidence  one row per evidence sentence: the field it supports, its article and the span's offsets

Written with xlsxwriter in constant-memory mode, so a large selection streams to the
file row by row instead of building the sheet in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter

from strife.export.flat import FLAT_FIELDS
from strife.records import Event

EVENT_COLUMNS: tuple[str, ...] = tuple(name for name in FLAT_FIELDS if name not in ("sources", "evidence"))
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
        return value.isoformat()
    if isinstance(value, (list, tuple, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and len(value) > _CELL_LIMIT:
        return value[: _CELL_LIMIT - 1] + "…"
    return value


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


def write_workbook(events: Iterable[Event], path: Path) -> int:
    """Write the events to an .xlsx file at `path`; return how many."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_urls": False})
    try:
        bold = book.add_format({"bold": True})
        sheets = {
            "events": _Sheet(book, "events", EVENT_COLUMNS, bold),
            "sources": _Sheet(book, "sources", SOURCE_COLUMNS, bold),
            "evidence": _Sheet(book, "evidence", EVIDENCE_COLUMNS, bold),
        }
        count = 0
        for event in events:
            record = event.to_dict()
            sheets["events"].add(record)
            for source in record["sources"]:
                sheets["sources"].add({"event_id": event.event_id, **source})
            for item in record["evidence"]:
                sheets["evidence"].add({"event_id": event.event_id, **item})
            count += 1
    finally:
        book.close()
    return count
