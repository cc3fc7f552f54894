"""GET /api/events (a filtered, sorted page of summaries) and GET /api/events/{id} (one in full)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from strife.store import browse
from strife.store.browse import DEFAULT_SORT, SORT_FIELDS, OccurrenceFilter
from strife.web.api.detail import event_detail
from strife.web.api.params import Page, filters, order_by, paging
from strife.web.api.schemas import EventPage
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["events"])

_SORT_HELP = f"a field, or -field for descending: {', '.join(SORT_FIELDS)}"


@router.get("/api/events", response_model=EventPage)
def list_events(
    where: Annotated[OccurrenceFilter, Depends(filters)],
    page: Annotated[Page, Depends(paging)],
    state: Annotated[ServerState, Depends(server_state)],
    sort: Annotated[str, Query(max_length=40, description=_SORT_HELP)] = DEFAULT_SORT,
) -> dict[str, Any]:
    """Merged events passing the filters, one page of summaries, with the count of all that pass."""
    order = order_by(sort)
    with state.reading() as con:
        total = browse.count(con, where)
        rows = browse.summaries(con, where, order, page.size, page.offset) if page.offset < total else []
    return {"total": total, "page": page.number, "page_size": page.size, "events": rows}


@router.get("/api/events/{event_id:path}")
def get_event(event_id: str, state: Annotated[ServerState, Depends(server_state)]) -> dict[str, Any]:
    """The whole merged record (codebook fields, sources, claims, evidence with highlight offsets)
    and its source articles. The id of an event merged into an occurrence gives that occurrence."""
    with state.reading() as con:
        record = event_detail(con, event_id)
    if record is None:
        raise HTTPException(status_code=404, detail=f"no event with id '{event_id}'")
    return record
