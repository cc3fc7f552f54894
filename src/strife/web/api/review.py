"""Review routes: an analyst corrects, approves, rejects, splits and merges events (strife.review).

Writes need the server's token, as POST /api/articles does (403 when writes are off, 401 for a
missing or wrong token), and a reviewer name in `X-Strife-Reviewer` (percent-encoded UTF-8, so any
name fits in a header; 400 without one): the
audit trail says who. A bad value is a 422 and an unknown id a 404, each with one line; a
refused request writes nothing. Reads (history, queue, counts, taxonomy, places) need no token.

PATCH /api/events/{id}            {"<field>": value, ..., "reason": "..."}
POST  /api/events/{id}/approve    {"reason": "..."}                 (reason optional)
POST  /api/events/{id}/reject     {"category": "background", "reason": "..."}
POST  /api/events/{id}/reopen     {"reason": "..."}
POST  /api/events/{id}/split      {"reports": ["<report event id>", ...], "reason": "..."}
POST  /api/events/{id}/merge      {"with": "<other event id>", "reason": "..."}
GET   /api/events/{id}/history    the audit trail, oldest first
GET   /api/review/queue           events waiting for review, most in need of eyes first
GET   /api/review/counts          reviewed, pending and rejected per country
GET   /api/review/taxonomy        event types and sub-types, reject categories, editable fields
GET   /api/places?q=NAME          gazetteer places of that name (the place pick of the form)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from strife.api import Dataset
from strife.review import EDITABLE, REJECT_CATEGORIES, Review, ReviewError, UnknownEvent, taxonomy
from strife.web.api.detail import event_detail
from strife.web.api.ingest import _authorise
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["review"])

_MAX_BODY = 64 * 1024
_REVIEWER_HELP = "who reviews: a name for the audit trail (required on writes), percent-encoded UTF-8"


class Reason(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str | None = Field(default=None, max_length=1000)


class Rejection(Reason):
    category: str = Field(description=f"one of: {', '.join(REJECT_CATEGORIES)}")


class Split(Reason):
    reports: list[str] = Field(min_length=1, description="ids of the reports (per-article events) to move")


class Merge(Reason):
    other: str = Field(alias="with", description="the id of the event that is the same occurrence")


async def _body(request: Request) -> Any:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > _MAX_BODY:
        raise HTTPException(413, detail=f"the request body is over {_MAX_BODY} bytes")
    body = await request.body()
    if len(body) > _MAX_BODY:
        raise HTTPException(413, detail=f"the request body is over {_MAX_BODY} bytes")
    if not body.strip():
        return {}
    try:
        return json.loads(body)
    except ValueError:
        raise HTTPException(400, detail="the body is not JSON; send a JSON object") from None


def _model(model: type[BaseModel], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValueError as error:
        first = error.errors()[0] if hasattr(error, "errors") else {}  # pydantic's ValidationError
        where = ".".join(str(part) for part in first.get("loc", ())) or "body"
        raise HTTPException(422, detail=f"body field '{where}': {first.get('msg', error)}") from None


async def _write(
    request: Request, state: ServerState, reviewer: str | None, act: Callable[[Review, str], Any]
) -> Any:
    """Authorise, then run `act(review, reviewer)` under the write lock; errors as one-line 4xx."""
    _authorise(state, request)
    if not (reviewer or "").strip():
        raise HTTPException(400, detail="no reviewer name; send the header 'X-Strife-Reviewer: <name>'")

    name = unquote(reviewer or "")  # percent-encoded UTF-8, so that any name fits a header

    def run() -> Any:
        with state.write_lock:
            return act(Dataset(state.store).review, name)

    try:
        return await run_in_threadpool(run)
    except UnknownEvent as error:
        raise HTTPException(404, detail=f"no event with id '{error.args[0]}'") from None
    except ReviewError as error:
        raise HTTPException(422, detail=str(error)) from None


def _detail(state: ServerState, event_id: str) -> dict[str, Any]:
    with state.reading() as con:
        record = event_detail(con, event_id)
    if record is None:
        raise HTTPException(404, detail=f"no event with id '{event_id}'")
    return record


Reviewer = Annotated[str | None, Header(alias="X-Strife-Reviewer", description=_REVIEWER_HELP)]
State = Annotated[ServerState, Depends(server_state)]


@router.patch("/api/events/{event_id:path}")
async def correct(event_id: str, request: Request, state: State, reviewer: Reviewer = None) -> dict[str, Any]:
    """Set coded fields of an event (a JSON object of field: value, plus an optional `reason`);
    answers the event as now shown. The reviewer's values hold through later ingests."""
    _authorise(state, request)
    changes = await _body(request)
    if not isinstance(changes, dict) or not changes:
        raise HTTPException(422, detail='send a JSON object of the fields to change, e.g. {"fatalities": 12}')
    reason = changes.pop("reason", None)
    if reason is not None and not isinstance(reason, str):
        raise HTTPException(422, detail="body field 'reason': must be text")
    await _write(
        request, state, reviewer, lambda r, who: r.correct(event_id, changes, reviewer=who, reason=reason)
    )
    return _detail(state, event_id)


@router.post("/api/events/{event_id:path}/approve")
async def approve(event_id: str, request: Request, state: State, reviewer: Reviewer = None) -> dict[str, Any]:
    """Mark the event checked and right as shown (clears a flag for another look)."""
    _authorise(state, request)
    body = _model(Reason, await _body(request))
    await _write(
        request, state, reviewer, lambda r, who: r.approve(event_id, reviewer=who, reason=body.reason)
    )
    return _detail(state, event_id)


@router.post("/api/events/{event_id:path}/reject")
async def reject(event_id: str, request: Request, state: State, reviewer: Reviewer = None) -> dict[str, Any]:
    """Mark the event as no event, for a category (background, intention, duplicate, ...). It
    leaves the lists, maps and exports; its record stays readable here and in its history."""
    _authorise(state, request)
    body = _model(Rejection, await _body(request))
    await _write(
        request, state, reviewer,
        lambda r, who: r.reject(event_id, body.category, reviewer=who, reason=body.reason),
    )  # fmt: skip
    return _detail(state, event_id)


@router.post("/api/events/{event_id:path}/reopen")
async def reopen(event_id: str, request: Request, state: State, reviewer: Reviewer = None) -> dict[str, Any]:
    """Undo an approval or a rejection: pending again (corrections stay)."""
    _authorise(state, request)
    body = _model(Reason, await _body(request))
    await _write(
        request, state, reviewer, lambda r, who: r.reopen(event_id, reviewer=who, reason=body.reason)
    )
    return _detail(state, event_id)


@router.post("/api/events/{event_id:path}/split")
async def split(event_id: str, request: Request, state: State, reviewer: Reviewer = None) -> dict[str, Any]:
    """Move reports out of an event that wrongly merged two occurrences into one of their own;
    answers both ids. They stay apart whatever later merges do."""
    _authorise(state, request)
    body = _model(Split, await _body(request))
    kept, new = await _write(
        request, state, reviewer,
        lambda r, who: r.split(event_id, body.reports, reviewer=who, reason=body.reason),
    )  # fmt: skip
    return {"kept": kept, "new": new}


@router.post("/api/events/{event_id:path}/merge")
async def merge(event_id: str, request: Request, state: State, reviewer: Reviewer = None) -> dict[str, Any]:
    """Make this event and another one event (they stay one whatever later merges do)."""
    _authorise(state, request)
    body = _model(Merge, await _body(request))
    merged = await _write(
        request, state, reviewer,
        lambda r, who: r.merge(event_id, body.other, reviewer=who, reason=body.reason),
    )  # fmt: skip
    return _detail(state, merged)


@router.get("/api/events/{event_id:path}/history")
def history(event_id: str, state: State) -> dict[str, Any]:
    """Every review of the event, oldest first: who, when, action, field, before, after, reason."""
    try:
        changes = Dataset(state.store).review.history(event_id)
    except UnknownEvent:
        raise HTTPException(404, detail=f"no event with id '{event_id}'") from None
    return {"event_id": event_id, "history": [change.to_dict() for change in changes]}


@router.get("/api/review/queue")
def queue(
    state: State,
    country: Annotated[str | None, Query(max_length=100)] = None,
    since: Annotated[datetime | None, Query(description="your last visit: newer events count as new")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    """Events waiting for review (never reviewed, or flagged again by a new report), most in need of
    eyes first: flagged, low confidence, disputed figures, very high fatalities, single source,
    unresolved place, new since `since`. Each lists its reasons."""
    when = since.replace(tzinfo=None) if since is not None else None
    review = Dataset(state.store).review
    return {"events": review.queue(limit=limit, country=country, since=when), "counts": review.counts()}


@router.get("/api/review/counts")
def counts(state: State) -> dict[str, Any]:
    """Per country: events reviewed, pending, and rejected as no event."""
    return {"countries": Dataset(state.store).review.counts()}


@router.get("/api/review/taxonomy")
def taxonomy_route(state: State) -> dict[str, Any]:
    """What the review form offers: event types with their sub-types, reject categories, the
    editable fields, and whether this server takes reviews (started with a token)."""
    return {
        "event_types": taxonomy(),
        "reject_categories": list(REJECT_CATEGORIES),
        "editable": list(EDITABLE),
        "writable": state.writable,
    }


@router.get("/api/places")
def places(state: State, q: Annotated[str, Query(min_length=2, max_length=100)]) -> dict[str, Any]:
    """Gazetteer places spelled `q` (any case or accents), most populous first: the place pick."""
    found = state.places(q)
    return {"places": found}
