"""GET /api/articles (a page, newest first) and GET /api/articles/{id} (one, with its text)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException

from strife.store import reading
from strife.web.api.params import Page, paging
from strife.web.api.schemas import ArticleFull, ArticlePage
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["articles"])


@router.get("/api/articles", response_model=ArticlePage)
def list_articles(
    page: Annotated[Page, Depends(paging)], state: Annotated[ServerState, Depends(server_state)]
) -> dict[str, Any]:
    """Stored articles, newest first, each with the number of events coded from it."""
    with state.reading() as con:
        total, rows = reading.article_page(con, page.size, page.offset)
    return {"total": total, "page": page.number, "page_size": page.size, "articles": rows}


@router.get("/api/articles/{article_id:path}", response_model=ArticleFull)
def get_article(article_id: str, state: Annotated[ServerState, Depends(server_state)]) -> dict[str, Any]:
    """One stored article with its full text (untrusted: show it as text, never as HTML)."""
    with state.reading() as con:
        row = reading.article_with_text(con, article_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no article with id '{article_id}'")
    return row
