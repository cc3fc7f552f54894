"""The JSON API of `strife serve`: one router per resource, joined here.

events.py     GET /api/events, /api/events/{id}
aggregate.py  GET /api/map, /api/timeline, /api/counts
cache.py      finished answers kept per store version, served by URL, warmed after writes
downloads.py  GET /api/download.csv, /api/download.geojson
exports.py    GET /api/export?format=csv|acled-csv|geojson|parquet|xlsx (the CLI's files, an Excel workbook)
profiles.py   GET /api/compare, /api/profile/actor, /api/profile/place, /api/admin1
articles.py   GET /api/articles, /api/articles/{id}
ingest.py     POST /api/articles (only with a token)
review.py     PATCH /api/events/{id}, POST .../approve|reject|reopen|split|merge (only with a token),
              GET .../history, /api/review/queue|counts|taxonomy, /api/places
params.py     the shared filters, paging and sort (the SQL behind every route is in strife.store)
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from strife.store import browse
from strife.web.api import aggregate, articles, downloads, events, exports, ingest, profiles, reports, review
from strife.web.api.schemas import Health
from strife.web.api.state import ServerState, server_state

router = APIRouter()


@router.get("/api/health", response_model=Health, tags=["health"])
async def health(request: Request, state: Annotated[ServerState, Depends(server_state)]) -> Response:
    """Whether the server is up, how much it holds, and whether it takes writes (counted once
    per store version: a load balancer polling it costs no query)."""

    def compute() -> dict[str, Any]:
        with state.reading() as con:
            events, stored = browse.totals(con)
        return {
            "status": "ok",
            "events": events,
            "articles": stored,
            "schema_version": state.schema_version,
            "writable": state.writable,
        }

    return await state.answer(request, ("health",), Health.model_validate, compute)


# ingest before articles: POST /api/articles must not be taken for an article id; review before
# events: GET /api/events/{id}/history must not be taken for an event id.
for module in (review, events, aggregate, downloads, exports, profiles, ingest, articles, reports):
    router.include_router(module.router)

__all__ = ["ServerState", "router"]
