"""GET /api/download.csv and /api/download.geojson: the filtered summaries, streamed in batches."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from strife.export.writers import csv_cell, geojson_feature
from strife.store import browse
from strife.store.browse import OccurrenceFilter
from strife.web.api.params import filters
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["downloads"])


def _csv(state: ServerState, where: OccurrenceFilter) -> Iterator[str]:
    with state.reading(timed=False) as con:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(browse.SUMMARY_FIELDS)
        for rows in browse.all_summaries(con, where):
            writer.writerows([csv_cell(row[name]) for name in browse.SUMMARY_FIELDS] for row in rows)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()


def _geojson(state: ServerState, where: OccurrenceFilter) -> Iterator[str]:
    with state.reading(timed=False) as con:
        yield '{"type": "FeatureCollection", "features": ['
        separator = ""
        for rows in browse.all_summaries(con, where):
            chunk = [separator + "\n" + json.dumps(geojson_feature(rows[0]), ensure_ascii=False)]
            chunk.extend(",\n" + json.dumps(geojson_feature(row), ensure_ascii=False) for row in rows[1:])
            separator = ","
            yield "".join(chunk)
        yield "\n]}\n"


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/api/download.csv", response_class=StreamingResponse)
def download_csv(
    where: Annotated[OccurrenceFilter, Depends(filters)], state: Annotated[ServerState, Depends(server_state)]
) -> StreamingResponse:
    """The filtered merged events as CSV: a header and one row of summary fields per event."""
    return StreamingResponse(
        _csv(state, where), media_type="text/csv; charset=utf-8", headers=_attachment("strife-events.csv")
    )


@router.get("/api/download.geojson", response_class=StreamingResponse)
def download_geojson(
    where: Annotated[OccurrenceFilter, Depends(filters)], state: Annotated[ServerState, Depends(server_state)]
) -> StreamingResponse:
    """The filtered merged events as a GeoJSON FeatureCollection (null geometry when not located)."""
    return StreamingResponse(
        _geojson(state, where),
        media_type="application/geo+json",
        headers=_attachment("strife-events.geojson"),
    )
