"""GET /api/events (a filtered, sorted page of summaries) and GET /api/events/{id} (one in full).

Pages go by keyset: each answer's `next` is an opaque cursor (the last row's sort
value and id) to pass back as `after`, so page 2,000 costs what page 1 does.
`page` still works (an OFFSET, slower the deeper it goes).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from strife.store import browse, review_queue
from strife.store.browse import DEFAULT_SORT, SORT_FIELDS, Cursor, OccurrenceFilter, Sort
from strife.web.api.detail import event_detail
from strife.web.api.params import Page, bad, filters, order_by, paging
from strife.web.api.schemas import EventPage, EventRecord
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["events"])

_SORT_HELP = f"a field, or -field for descending: {', '.join(SORT_FIELDS)}"
_AFTER_HELP = "the `next` of the previous page (keyset paging; takes the place of `page`)"


def _cursor(after: str | None, sort: Sort) -> Cursor | None:
    if after is None:
        return None
    try:
        return Cursor.parse(after, sort)
    except ValueError as error:
        raise bad(f"after '{after[:40]}' {error}") from None


def page_of_events(
    state: ServerState, where: OccurrenceFilter, order: Sort, page: Page, after: Cursor | None
) -> dict[str, Any]:
    """The answer of GET /api/events: the total, the page's summaries, the cursor to the next page."""
    number = after.page if after is not None else page.number
    with state.reading() as con:
        total = browse.count(con, where)
        if after is not None or page.number == 1:
            rows = browse.page_after(con, where, order, page.size, after)
        elif page.offset < total:
            rows = browse.summaries(con, where, order, page.size, page.offset)
        else:
            rows = []
        review_queue.with_review(con, rows)
    more = rows and len(rows) == page.size and (number - 1) * page.size + len(rows) < total
    cursor = browse.next_cursor(order, rows, number).token() if more else None
    return {"total": total, "page": number, "page_size": page.size, "events": rows, "next": cursor}


@router.get("/api/events", response_model=EventPage)
async def list_events(
    request: Request,
    where: Annotated[OccurrenceFilter, Depends(filters)],
    page: Annotated[Page, Depends(paging)],
    state: Annotated[ServerState, Depends(server_state)],
    sort: Annotated[str, Query(max_length=40, description=_SORT_HELP)] = DEFAULT_SORT,
    after: Annotated[str | None, Query(max_length=400, description=_AFTER_HELP)] = None,
) -> Response:
    """Merged events passing the filters, one page of summaries, with the count of all that pass."""
    order = order_by(sort)
    cursor = _cursor(after, order)
    return await state.answer(
        request,
        ("events", where, order, page, cursor),
        EventPage.model_validate,
        lambda: page_of_events(state, where, order, page, cursor),
    )


@router.get("/api/events/{event_id:path}", response_model=dict[str, Any])
async def get_event(
    request: Request, event_id: str, state: Annotated[ServerState, Depends(server_state)]
) -> Response:
    """The whole merged record (codebook fields, sources, claims, evidence with highlight offsets)
    and its source articles. The id of an event merged into an occurrence gives that occurrence."""

    def compute() -> dict[str, Any]:
        with state.reading() as con:
            record = event_detail(con, event_id)
        if record is None:
            raise HTTPException(status_code=404, detail=f"no event with id '{event_id}'")
        return record

    return await state.answer(request, ("event", event_id), EventRecord.model_validate, compute)
