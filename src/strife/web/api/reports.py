"""GET /api/report: the brief of `strife report` (HTML, Markdown or PDF) as a download.

The numbers are those of /api/events for country, admin1, date_from=from and date_to=to. Laying
out a PDF takes seconds of CPU, so a brief takes one of the download slots (503 + Retry-After
when they are all busy), as the streamed downloads do.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response

import strife
from strife.report import MEDIA_TYPES, BriefRequest, Period, build_brief
from strife.web.api.limits import BUSY_RETRY_SECONDS, DOWNLOADS_AT_ONCE
from strife.web.api.params import TEXT_MAX, _date, bad
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["downloads"])

_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9]+")


def _file_name(request: BriefRequest, fmt: str) -> str:
    place = _UNSAFE_IN_NAME.sub("-", request.place).strip("-").lower() or "brief"
    return f"strife-brief-{place}-{request.period.start}-{request.period.end}.{fmt}"


@router.get(
    "/api/report",
    response_class=Response,
    responses={200: {"content": {media: {} for media in MEDIA_TYPES.values()}, "description": "the brief"}},
)
def report(
    state: Annotated[ServerState, Depends(server_state)],
    country: Annotated[str, Query(min_length=1, max_length=TEXT_MAX, description="exact, any case")],
    date_from: Annotated[str, Query(alias="from", description="first day, YYYY-MM-DD")],
    date_to: Annotated[str, Query(alias="to", description="last day, YYYY-MM-DD")],
    admin1: Annotated[str | None, Query(max_length=TEXT_MAX, description="one admin1 area")] = None,
    compare: Literal["previous", "same-last-year"] = "previous",
    format: Literal["html", "md", "pdf"] = "html",
) -> Response:
    """The brief on a country (or one admin1 area) for a period, against the comparison period:
    headline figures, map, weekly trends, top areas and actors, notable and contested events with
    their evidence and sources, and the methods note. Markdown has its charts inline."""
    start, end = _date("from", date_from), _date("to", date_to)
    if start is None or end is None:
        raise bad("from and to are required; give YYYY-MM-DD, e.g. from=2024-02-05&to=2024-02-11")
    try:
        request = BriefRequest(country.strip(), Period(start, end), (admin1 or "").strip() or None, compare)
    except ValueError as error:
        raise bad(str(error).replace("--from and --to", "from and to")) from None
    if not state.downloads.acquire(blocking=False):
        raise HTTPException(
            status_code=503,
            detail=f"{DOWNLOADS_AT_ONCE} downloads are running; retry in {BUSY_RETRY_SECONDS} s",
            headers={"Retry-After": str(BUSY_RETRY_SECONDS)},
        )
    try:
        with state.reading() as con:
            brief = build_brief(con, request, version=strife.__version__)
        body = brief.render(format)
    finally:
        state.downloads.release()
    headers = {"Content-Disposition": f'attachment; filename="{_file_name(request, format)}"'}
    return Response(body, media_type=MEDIA_TYPES[format], headers=headers)
