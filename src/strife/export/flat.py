"""An Event as one flat row: every field of the record, nested parts as JSON strings.

Shared by the csv and geojson exports (and a reader of either can rebuild the
Event with `Event.from_dict` after `json.loads` of the three nested columns). The review
columns (`reviewed`, `reviewed_by`) follow the record's fields.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from strife.export.review import PENDING, REVIEW_COLUMNS, ReviewMark, review_cells
from strife.records import Event

NESTED: tuple[str, ...] = ("claims", "sources", "evidence")
FLAT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))
EXPORT_FIELDS: tuple[str, ...] = FLAT_FIELDS + REVIEW_COLUMNS


def flat_record(event: Event, mark: ReviewMark = PENDING) -> dict[str, Any]:
    """The record in codebook order, claims, sources and evidence JSON-encoded; then its review."""
    record = event.to_dict()
    for name in NESTED:
        record[name] = json.dumps(record[name], ensure_ascii=False)
    return {**record, **review_cells(mark)}
