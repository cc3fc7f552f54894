"""Exports of events: jsonl, csv, acled-csv, geojson, parquet, xlsx; and a terminal table.

count = export(store.events(), "geojson", Path("events.geojson"))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from strife.export.acled import acled_events
from strife.export.parquet import write_parquet
from strife.export.review import (
    PENDING,
    REVIEW_COLUMNS,
    Marked,
    ReviewLookup,
    ReviewMark,
    marked,
    stored_reviews,
)
from strife.export.table import format_table
from strife.export.workbook import write_workbook
from strife.export.writers import write_acled_csv, write_csv, write_geojson, write_jsonl
from strife.records import Event

_TEXT_WRITERS: dict[str, Callable[[Iterable[Marked], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
}
# The binary formats: written to a file path, never to a stream.
_FILE_WRITERS: dict[str, Callable[[Iterable[Marked], Path], int]] = {
    "parquet": write_parquet,
    "xlsx": write_workbook,
}
FORMATS: tuple[str, ...] = (*_TEXT_WRITERS, *_FILE_WRITERS)


def export(
    events: Iterable[Event],
    fmt: str,
    out: str | Path | TextIO,
    *,
    left_out: Counter[str] | None = None,
    reviews: ReviewLookup | None = None,
) -> int:
    """Write the events in format `fmt` to a file path or an open text stream; return the count.

    parquet (written by DuckDB) and xlsx (an Excel workbook of events, sources and evidence
    sheets, strife.export.workbook) are binary, so they need a file path. acled-csv writes ACLED's
    event types only; the events it leaves out (Displacement) are counted by type in `left_out`.
    Every format has each event's review (`reviewed`, `reviewed_by`) as read from `reviews`
    (e.g. `Dataset.review_marks`); without it every event is pending.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt in _FILE_WRITERS:
        if not isinstance(out, (str, Path)):
            raise ValueError(f"{fmt} export needs a file path, not a stream; give an output file")
        return _FILE_WRITERS[fmt](marked(events, reviews), Path(out))
    write = _TEXT_WRITERS[fmt]
    if fmt == "acled-csv":
        events = acled_events(events, left_out)
    if isinstance(out, (str, Path)):
        # newline="" lets the csv module write its own line endings.
        with Path(out).open("w", encoding="utf-8", newline="") as stream:
            return write(marked(events, reviews), stream)
    return write(marked(events, reviews), out)


__all__ = [
    "FORMATS", "PENDING", "REVIEW_COLUMNS", "ReviewLookup", "ReviewMark", "export", "format_table",
    "stored_reviews",
]  # fmt: skip
