"""The map, timeline and count routes: aggregated in SQL, never more items than asked for."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from strife.store import aggregates
from strife.store.browse import OccurrenceFilter
from strife.web.api.params import filters
from strife.web.api.schemas import Counts, MapClusters, MapPoints, Timeline
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["aggregates"])

MAP_LIMIT_MAX = 5000


@router.get("/api/map", response_model=MapPoints | MapClusters)
def map_view(
    where: Annotated[OccurrenceFilter, Depends(filters)],
    state: Annotated[ServerState, Depends(server_state)],
    limit: Annotated[int, Query(ge=1, le=MAP_LIMIT_MAX, description="most items returned")] = 2000,
) -> dict[str, Any]:
    """Located merged events: each as a point when at most `limit` match, else grid clusters
    (centroid, count, fatalities) on the finest grid that gives at most `limit` of them."""
    with state.reading() as con:
        return aggregates.map_items(con, where, limit)


@router.get("/api/timeline", response_model=Timeline)
def timeline(
    where: Annotated[OccurrenceFilter, Depends(filters)],
    state: Annotated[ServerState, Depends(server_state)],
    interval: Literal["day", "week", "month"] = "week",
) -> dict[str, Any]:
    """Events, fatalities and displaced people per period and event type (dated events only)."""
    with state.reading() as con:
        return {"interval": interval, "series": aggregates.timeline(con, where, interval)}


@router.get("/api/counts", response_model=Counts)
def counts(
    where: Annotated[OccurrenceFilter, Depends(filters)],
    state: Annotated[ServerState, Depends(server_state)],
    by: Literal["event_type", "sub_event_type", "country", "admin1", "actor1"] = "event_type",
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> dict[str, Any]:
    """The most frequent values of one field among the filtered events, most events first."""
    with state.reading() as con:
        return {"by": by, "counts": aggregates.counts(con, where, by, limit)}
