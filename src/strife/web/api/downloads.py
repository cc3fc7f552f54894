"""GET /api/download.csv and /api/download.geojson: the filtered summaries, streamed in batches."""

from __future__ import annotations

import csv
import io
import json
import threading
import weakref
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import StreamingResponse

from strife.export.writers import csv_cell, geojson_feature
from strife.store import browse, review_queue
from strife.store.browse import OccurrenceFilter
from strife.store.schema import Connection
from strife.web.api.limits import BUSY_RETRY_SECONDS, DOWNLOADS_AT_ONCE
from strife.web.api.params import filters
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["downloads"])


# Every download row: the summary fields, then where its review stands.
COLUMNS = (*browse.SUMMARY_FIELDS, *review_queue.REVIEW_FIELDS)


def _batches(con: Connection, where: OccurrenceFilter) -> Iterator[list[dict[str, Any]]]:
    """The summaries in batches, each row with its review status (looked up on a second cursor:
    the first one is still streaming the summaries)."""
    side = con.cursor()
    try:
        for rows in browse.all_summaries(con, where):
            yield review_queue.with_review(side, rows)
    finally:
        side.close()


def _csv(state: ServerState, where: OccurrenceFilter) -> Iterator[str]:
    with state.reading(timed=False) as con:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        for rows in _batches(con, where):
            writer.writerows([csv_cell(row[name]) for name in COLUMNS] for row in rows)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()


def _geojson(state: ServerState, where: OccurrenceFilter) -> Iterator[str]:
    with state.reading(timed=False) as con:
        yield '{"type": "FeatureCollection", "features": ['
        separator = ""
        for rows in _batches(con, where):
            chunk = [separator + "\n" + json.dumps(geojson_feature(rows[0]), ensure_ascii=False)]
            chunk.extend(",\n" + json.dumps(geojson_feature(row), ensure_ascii=False) for row in rows[1:])
            separator = ","
            yield "".join(chunk)
        yield "\n]}\n"


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def _streamed(state: ServerState, chunks: Iterator[str], media_type: str, name: str) -> StreamingResponse:
    """The download, if one of the DOWNLOADS_AT_ONCE slots is free (else 503 + Retry-After).

    The slot is given back once, when the stream ends or stops (`finally`), or when it is
    dropped unread (a finalizer: a generator never started runs no `finally`).
    """
    if not state.downloads.acquire(blocking=False):
        raise HTTPException(
            status_code=503,
            detail=f"{DOWNLOADS_AT_ONCE} downloads are running; retry in {BUSY_RETRY_SECONDS} s",
            headers={"Retry-After": str(BUSY_RETRY_SECONDS)},
        )
    released = threading.Lock()

    def release() -> None:
        if released.acquire(blocking=False):
            state.downloads.release()

    def holding() -> Iterator[str]:
        try:
            yield from chunks
        finally:
            release()

    stream = holding()
    weakref.finalize(stream, release)
    return StreamingResponse(stream, media_type=media_type, headers=_attachment(name))


@router.get("/api/download.csv", response_class=StreamingResponse)
def download_csv(
    where: Annotated[OccurrenceFilter, Depends(filters)], state: Annotated[ServerState, Depends(server_state)]
) -> StreamingResponse:
    """The filtered merged events as CSV: a header and one row of summary fields per event, with
    `reviewed` (pending, approved, corrected, flagged) and `reviewed_by`."""
    return _streamed(state, _csv(state, where), "text/csv; charset=utf-8", "strife-events.csv")


@router.get("/api/download.geojson", response_class=StreamingResponse)
def download_geojson(
    where: Annotated[OccurrenceFilter, Depends(filters)], state: Annotated[ServerState, Depends(server_state)]
) -> StreamingResponse:
    """The filtered merged events as a GeoJSON FeatureCollection (null geometry when not located)."""
    return _streamed(state, _geojson(state, where), "application/geo+json", "strife-events.geojson")
