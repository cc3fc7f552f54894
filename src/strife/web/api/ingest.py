"""POST /api/articles: code and store one article, as `strife ingest` would.

Writes are off unless the server was started with a token. The checks run in
this order, so a caller learns first whether it may write at all: writes enabled
(403), the bearer token (401), JSON body (415), size (413), fields (422). An article in a
language strife does not code is then rejected as the file readers reject it
(strife.ingest.language): 201, its reason in `rejected`, the rejection kept in the store.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from strife.api import Coder, Dataset, article_or_rejection
from strife.ingest.language import LanguageCheck
from strife.records import Article, text_hash
from strife.web.api.errors import one_line
from strife.web.api.schemas import MAX_TEXT_CHARS, ArticleIn, IngestResult
from strife.web.api.state import ServerState, server_state

router = APIRouter(tags=["ingest"])

WRITES_DISABLED = "writes are disabled; start strife serve with --token"
# JSON may escape every character of the text as \uXXXX: six bytes each.
_MAX_BODY = 6 * 4 * MAX_TEXT_CHARS + 64 * 1024  # a character is at most 4 UTF-8 bytes
_TOO_LARGE = f"article text is over {MAX_TEXT_CHARS} characters; split it or post a shorter text"


def _authorise(state: ServerState, request: Request) -> None:
    if state.token is None:
        raise HTTPException(status_code=403, detail=WRITES_DISABLED)
    if not state.authorised(request.headers.get("authorization")):
        raise HTTPException(
            status_code=401,
            detail="missing or wrong token; send the header 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def _body(request: Request) -> bytes:
    """The request body, refused (413) past _MAX_BODY without reading the rest."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > _MAX_BODY:
        raise HTTPException(status_code=413, detail=_TOO_LARGE)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > _MAX_BODY:
            raise HTTPException(status_code=413, detail=_TOO_LARGE)
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(body: bytes) -> ArticleIn:
    try:
        posted = ArticleIn.model_validate_json(body)
    except ValidationError as error:
        raise HTTPException(status_code=422, detail=one_line(error.errors(), "body")) from None
    if len(posted.text) > MAX_TEXT_CHARS:
        raise HTTPException(status_code=413, detail=_TOO_LARGE)
    return posted


def _ingest(state: ServerState, posted: ArticleIn) -> dict[str, Any]:
    # Same id for the same text: posting an article twice stores it once.
    fallback_id = f"api-{text_hash(posted.text)[:16]}"
    row = posted.model_dump(exclude_none=True, mode="json")
    item = article_or_rejection(row, origin="api", fallback_id=fallback_id)
    if isinstance(item, Article):
        item = LanguageCheck()(item)  # English only, as `strife ingest` reads files
    with state.write_lock:
        if state.coder is None:
            state.coder = Coder()
        summary = Dataset(state.store).ingest([item], coder=state.coder)
    return {
        "article_id": item.id if isinstance(item, Article) else (item.article_id or fallback_id),
        "stored": summary.stored,
        "duplicates": summary.duplicates,
        "events": summary.events,
        "rejected": [rejection.reason for rejection in summary.rejections],
    }


@router.post(
    "/api/articles",
    status_code=201,
    response_model=IngestResult,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ArticleIn.model_json_schema()}},
        }
    },
)
async def post_article(request: Request, state: Annotated[ServerState, Depends(server_state)]) -> Any:
    """Code one article and store it with its events, then merge them into occurrences.

    Needs the server's token (`Authorization: Bearer <token>`). The text is untrusted
    input: it is stored and returned as data, never rendered by the API.
    """
    _authorise(state, request)
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, detail="send the article as JSON (Content-Type: application/json)")
    posted = _parse(await _body(request))
    return await run_in_threadpool(_ingest, state, posted)
