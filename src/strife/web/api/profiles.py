"""The dashboard's comparison bar, actor and place pages and admin-1 layer (issue 17).

GET /api/compare           headline counts of the filtered period against the period before it
GET /api/profile/actor     one actor: events over time, places, counterparts, first and last seen
GET /api/profile/place     one admin-1 area (or a location in it): events, actors, fatalities trend
GET /api/admin1            events and fatalities per admin-1 area of the filtered events

The SQL is in strife.store.profiles.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from strife.store import profiles
from strife.store.browse import OccurrenceFilter
from strife.web.api.params import TEXT_MAX, filters
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["aggregates"])

Name = Annotated[str, Query(min_length=1, max_length=TEXT_MAX)]


@router.get("/api/compare")
def compare(
    where: Annotated[OccurrenceFilter, Depends(filters)], state: Annotated[ServerState, Depends(server_state)]
) -> dict[str, Any]:
    """Events, fatalities and displaced people in the filtered period and in the period of the same
    length before it. Without date_from and date_to: the last 30 days up to the newest event.
    `current` is null when no matching event is dated."""
    with state.reading() as con:
        answer = profiles.compare(con, where)
    return answer if answer is not None else {"current": None}


@router.get("/api/profile/actor")
def actor(name: Name, state: Annotated[ServerState, Depends(server_state)]) -> dict[str, Any]:
    """An actor named as actor1 or actor2 (exact, any case): events and fatalities by month, the
    places and counterparts with the most events, the event types, first and last seen."""
    with state.reading() as con:
        answer = profiles.actor_profile(con, name.strip())
    if answer is None:
        raise HTTPException(status_code=404, detail=f"no event names the actor '{name}'")
    return answer


@router.get("/api/profile/place")
def place(
    country: Name,
    state: Annotated[ServerState, Depends(server_state)],
    admin1: Annotated[str | None, Query(max_length=TEXT_MAX)] = None,
    location: Annotated[str | None, Query(max_length=TEXT_MAX)] = None,
) -> dict[str, Any]:
    """An admin-1 area of a country (or a location in it): events and fatalities by month, the
    actors, event types and locations with the most events, first and last seen."""
    with state.reading() as con:
        answer = profiles.place_profile(
            con, country.strip(), (admin1 or "").strip() or None, (location or "").strip() or None
        )
    if answer is None:
        named = ", ".join(v for v in (location, admin1, country) if v)
        raise HTTPException(status_code=404, detail=f"no event in {named}")
    return answer


@router.get("/api/admin1")
def admin1(
    where: Annotated[OccurrenceFilter, Depends(filters)], state: Annotated[ServerState, Depends(server_state)]
) -> dict[str, Any]:
    """Events and fatalities per admin-1 area among the filtered located events, each at the mean
    point of its events, most events first (at most 500 areas)."""
    with state.reading() as con:
        return {"areas": profiles.admin1_totals(con, where)}
