"""The text exports: JSON Lines, flat CSV, ACLED CSV and GeoJSON, each streamed event by event,
with each event's review mark (strife.export.review) beside it."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from strife.export.acled import COLUMNS as ACLED_CSV_COLUMNS
from strife.export.acled import AcledTables, acled_row
from strife.export.flat import EXPORT_FIELDS, flat_record
from strife.export.review import Marked, review_cells


def write_jsonl(events: Iterable[Marked], out: TextIO) -> int:
    """One `Event.to_dict()` JSON object per line, with `reviewed` and `reviewed_by` added."""
    count = 0
    for event, mark in events:
        out.write(json.dumps({**event.to_dict(), **review_cells(mark)}, ensure_ascii=False) + "\n")
        count += 1
    return count


def csv_cell(value: Any) -> Any:
    # Lowercase booleans read back as booleans in DuckDB, pandas and R; None is an empty cell.
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
        count += 1
    return count


def write_csv(events: Iterable[Marked], out: TextIO) -> int:
    """One row per event with every field, claims, sources and evidence as JSON strings; then its review."""
    return _write_csv((flat_record(event, mark) for event, mark in events), EXPORT_FIELDS, out)


def write_acled_csv(events: Iterable[Marked], out: TextIO) -> int:
    """ACLED's public columns in ACLED's order, then strife's id, ISO3, the admin1's GeoNames id and
    the review (see strife.export.acled.row for what fills them). Give it ACLED's types only:
    `acled_events`."""
    tables = AcledTables.load()
    return _write_csv((acled_row(event, tables, mark) for event, mark in events), ACLED_CSV_COLUMNS, out)


def geojson_feature(record: Mapping[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature of a flat record (event_id, latitude, longitude and more): a Point, or
    null geometry when the record is not located."""
    geometry = None
    if record["latitude"] is not None and record["longitude"] is not None:
        # GeoJSON positions are longitude first (RFC 7946).
        geometry = {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]}
    return {"type": "Feature", "id": record["event_id"], "geometry": geometry, "properties": dict(record)}


def write_geojson(events: Iterable[Marked], out: TextIO) -> int:
    """A FeatureCollection: a Point per located event, null geometry for the rest."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for event, mark in events:
        out.write(
            ("," if count else "")
            + "\n"
            + json.dumps(geojson_feature(flat_record(event, mark)), ensure_ascii=False)
        )
        count += 1
    out.write("\n]}\n")
    return count
