"""GET /api/export: the filtered merged events in the formats of `strife export`, and an Excel workbook.

The page's filters (country, admin1, type, actor, dates, text, map box) pick the events;
the files are the command line's own (strife.export), so a download from the page and
`strife export --format F` over the same events are the same file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from strife.export import export, stored_reviews
from strife.records import Event
from strife.store import browse
from strife.store.browse import OccurrenceFilter
from strife.web.api.limits import BUSY_RETRY_SECONDS, DOWNLOADS_AT_ONCE
from strife.web.api.params import filters
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["downloads"])

ExportFormat = Literal["csv", "acled-csv", "geojson", "parquet", "xlsx"]
# format: (file name, media type)
_FILES: dict[str, tuple[str, str]] = {
    "csv": ("strife-events.csv", "text/csv; charset=utf-8"),
    "acled-csv": ("strife-events-acled.csv", "text/csv; charset=utf-8"),
    "geojson": ("strife-events.geojson", "application/geo+json"),
    "parquet": ("strife-events.parquet", "application/vnd.apache.parquet"),
    "xlsx": ("strife-events.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def _write(state: ServerState, where: OccurrenceFilter, fmt: str, path: Path) -> None:
    with state.reading(timed=False) as con:
        events: Iterator[Event] = browse.all_records(con, where)
        export(events, fmt, path, reviews=stored_reviews(con))


@router.get("/api/export", response_class=FileResponse)
def download_export(
    where: Annotated[OccurrenceFilter, Depends(filters)],
    state: Annotated[ServerState, Depends(server_state)],
    format: Annotated[
        ExportFormat, Query(description="csv, acled-csv, geojson, parquet (as `strife export`) or xlsx")
    ] = "csv",
) -> FileResponse:
    """The filtered merged events as a file: `strife export`'s formats, or an Excel workbook with
    events, sources and evidence sheets. acled-csv leaves out Displacement events, as the CLI does."""
    if not state.downloads.acquire(blocking=False):
        raise HTTPException(
            status_code=503,
            detail=f"{DOWNLOADS_AT_ONCE} downloads are running; retry in {BUSY_RETRY_SECONDS} s",
            headers={"Retry-After": str(BUSY_RETRY_SECONDS)},
        )
    name, media_type = _FILES[format]
    folder = tempfile.TemporaryDirectory(prefix="strife-export-")
    try:
        path = Path(folder.name) / name
        _write(state, where, format, path)
    except BaseException:
        folder.cleanup()
        raise
    finally:
        state.downloads.release()
    return FileResponse(path, media_type=media_type, filename=name, background=BackgroundTask(folder.cleanup))
