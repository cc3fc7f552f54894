"""GET /api/articles (a page, newest first) and GET /api/articles/{id} (one, with its text)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException

from strife.store.schema import Connection
from strife.web.api.params import Page, paging
from strife.web.api.schemas import ArticleFull, ArticlePage
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["articles"])

_FIELDS = ("id", "date", "title", "url", "outlet", "origin")
# Each article with the number of events strife coded from it (before merging).
_SELECT = (
    "SELECT a.id, a.date, a.title, a.url, a.outlet, a.origin, "
    "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events"
)


def _row(values: tuple[Any, ...]) -> dict[str, Any]:
    row = dict(zip((*_FIELDS, "events"), values, strict=True))
    if isinstance(row["date"], date):
        row["date"] = row["date"].isoformat()
    return row


def _page(con: Connection, page: Page) -> tuple[int, list[dict[str, Any]]]:
    found = con.execute("SELECT count(*) FROM articles").fetchone()
    total = int(found[0]) if found else 0
    rows = con.execute(
        f"{_SELECT} FROM articles a ORDER BY a.date DESC NULLS LAST, a.ingested_at DESC, a.id "
        "LIMIT ? OFFSET ?",
        [page.size, page.offset],
    ).fetchall()
    return total, [_row(values) for values in rows]


@router.get("/api/articles", response_model=ArticlePage)
def list_articles(
    page: Annotated[Page, Depends(paging)], state: Annotated[ServerState, Depends(server_state)]
) -> dict[str, Any]:
    """Stored articles, newest first, each with the number of events coded from it."""
    with state.reading() as con:
        total, rows = _page(con, page)
    return {"total": total, "page": page.number, "page_size": page.size, "articles": rows}


@router.get("/api/articles/{article_id:path}", response_model=ArticleFull)
def get_article(article_id: str, state: Annotated[ServerState, Depends(server_state)]) -> dict[str, Any]:
    """One stored article with its full text (untrusted: show it as text, never as HTML)."""
    with state.reading() as con:
        found = con.execute(f"{_SELECT}, a.text FROM articles a WHERE a.id = ?", [article_id]).fetchone()
    if found is None:
        raise HTTPException(status_code=404, detail=f"no article with id '{article_id}'")
    row = _row(found[:-1])
    row["text"] = found[-1]
    return row
