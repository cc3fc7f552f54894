"""The map, timeline and count routes: aggregated in SQL, never more items than asked for."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from strife.store import aggregates
from strife.store.browse import OccurrenceFilter
from strife.web.api.params import filters
from strife.web.api.schemas import Counts, MapClusters, MapPoints, Timeline
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["aggregates"])

MAP_LIMIT_MAX = 5000


def _map_model(data: dict[str, Any]) -> MapPoints | MapClusters:
    return MapPoints.model_validate(data) if data["mode"] == "points" else MapClusters.model_validate(data)


@router.get("/api/map", response_model=MapPoints | MapClusters)
async def map_view(
    request: Request,
    where: Annotated[OccurrenceFilter, Depends(filters)],
    state: Annotated[ServerState, Depends(server_state)],
    limit: Annotated[int, Query(ge=1, le=MAP_LIMIT_MAX, description="most items returned")] = 2000,
) -> Response:
    """Located merged events: each as a point when at most `limit` match, else grid clusters
    (centroid, count, fatalities) on the finest grid that gives at most `limit` of them."""

    def compute() -> dict[str, Any]:
        with state.reading() as con:
            return aggregates.map_items(con, where, limit)

    return await state.answer(request, ("map", where, limit), _map_model, compute)


@router.get("/api/timeline", response_model=Timeline)
async def timeline(
    request: Request,
    where: Annotated[OccurrenceFilter, Depends(filters)],
    state: Annotated[ServerState, Depends(server_state)],
    interval: Literal["day", "week", "month"] = "week",
) -> Response:
    """Events, fatalities and displaced people per period and event type (dated events only)."""

    def compute() -> dict[str, Any]:
        with state.reading() as con:
            return {"interval": interval, "series": aggregates.timeline(con, where, interval)}

    return await state.answer(request, ("timeline", where, interval), Timeline.model_validate, compute)


@router.get("/api/counts", response_model=Counts)
async def counts(
    request: Request,
    where: Annotated[OccurrenceFilter, Depends(filters)],
    state: Annotated[ServerState, Depends(server_state)],
    by: Literal["event_type", "sub_event_type", "country", "admin1", "actor1"] = "event_type",
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> Response:
    """The most frequent values of one field among the filtered events, most events first."""

    def compute() -> dict[str, Any]:
        with state.reading() as con:
            return {"by": by, "counts": aggregates.counts(con, where, by, limit)}

    return await state.answer(request, ("counts", where, by, limit), Counts.model_validate, compute)
