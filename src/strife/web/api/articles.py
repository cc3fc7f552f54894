"""GET /api/articles (a page, newest first) and GET /api/articles/{id} (one, with its text).

An article's `origin` is where the server read it (often a file path on the server):
it is null unless the request carries the server's write token.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException

from strife.store import reading
from strife.web.api.params import Page, paging
from strife.web.api.schemas import ArticleFull, ArticlePage
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["articles"])

_AUTH_HELP = "Bearer <token>: with the server's write token, each article's origin is shown"


def _guard(state: ServerState, authorization: str | None, row: dict[str, Any]) -> dict[str, Any]:
    if not state.authorised(authorization):
        row["origin"] = None
    return row


@router.get("/api/articles", response_model=ArticlePage)
def list_articles(
    page: Annotated[Page, Depends(paging)],
    state: Annotated[ServerState, Depends(server_state)],
    authorization: Annotated[str | None, Header(description=_AUTH_HELP)] = None,
) -> dict[str, Any]:
    """Stored articles, newest first, each with the number of events coded from it."""
    with state.reading() as con:
        total, rows = reading.article_page(con, page.size, page.offset)
    rows = [_guard(state, authorization, row) for row in rows]
    return {"total": total, "page": page.number, "page_size": page.size, "articles": rows}


@router.get("/api/articles/{article_id:path}", response_model=ArticleFull)
def get_article(
    article_id: str,
    state: Annotated[ServerState, Depends(server_state)],
    authorization: Annotated[str | None, Header(description=_AUTH_HELP)] = None,
) -> dict[str, Any]:
    """One stored article with its full text (untrusted: show it as text, never as HTML)."""
    with state.reading() as con:
        row = reading.article_with_text(con, article_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no article with id '{article_id}'")
    return _guard(state, authorization, row)
