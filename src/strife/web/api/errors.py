"""Errors as JSON {"detail": "<one line>"}: a bad request names the parameter, the problem, the value."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from strife.web.api.limits import BUSY_RETRY_SECONDS, QueryTimeout

log = logging.getLogger("strife.web")

_PLACES = {"query": "query parameter", "path": "path parameter", "body": "body field", "header": "header"}


def one_line(errors: Sequence[Any], default_place: str = "query") -> str:
    """The first validation error as one line ("query parameter 'page': ... (got '0')")."""
    if not errors:
        return "invalid request"
    first = errors[0]
    location = [str(part) for part in first.get("loc", ())]
    if location and location[0] in _PLACES:
        place, location = _PLACES[location[0]], location[1:]
    else:
        place = _PLACES.get(default_place, default_place)
    name = ".".join(location)
    where = f"{place} '{name}'" if name else place
    message = f"{where}: {first.get('msg', 'invalid value')}"
    if "input" in first and first.get("type") != "missing" and not isinstance(first["input"], dict):
        shown = repr(first["input"])
        message += f" (got {shown[:80] + '...' if len(shown) > 80 else shown})"
    if len(errors) > 1:
        message += f"; and {len(errors) - 1} more"
    return message


async def _invalid(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return JSONResponse({"detail": one_line(error.errors())}, status_code=422)


async def _busy(request: Request, error: Exception) -> JSONResponse:
    detail = f"{error}; the server is busy or the request too broad: narrow the filters or retry later"
    return JSONResponse({"detail": detail}, status_code=503, headers={"Retry-After": str(BUSY_RETRY_SECONDS)})


async def _crashed(request: Request, error: Exception) -> JSONResponse:
    # A bug, not a bad request: the caller gets one line, the log gets the trace.
    log.exception("%s %s failed", request.method, request.url.path)
    return JSONResponse(
        {"detail": f"internal error ({type(error).__name__}); see the server log"}, status_code=500
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(QueryTimeout, _busy)
    app.add_exception_handler(Exception, _crashed)
