"""Reading from the web and handing articles to a running server: fetch settings, URL lists, `Server`."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from strife.ingest.urls import read_url_list
from strife.ingest.web import is_url
from strife.pipeline.storing import IngestSummary
from strife.records import Article, Rejection
from strife.store import (
    StoreError,
)

if TYPE_CHECKING:
    pass


def url_sources(names: Iterable[str]) -> tuple[list[str], list[Rejection]]:
    """The URLs named: http(s) URLs as they are, files read as lists of URLs (one a line or a CSV
    column); a Rejection for each listed line without a URL and each list that cannot be read."""
    urls: list[str] = []
    rejections: list[Rejection] = []
    for name in names:
        if is_url(name):
            urls.append(name)
        else:
            listed, bad = read_url_list(name)
            urls.extend(listed)
            rejections.extend(bad)
    return urls, rejections


@dataclass
class PollSummary:
    """What one poll of `Dataset.poll` did: the ingest's summary and what was fetched."""

    ingest: IngestSummary
    sources: int = 0  # URLs polled (feeds and pages named)
    not_modified: int = 0  # of them, answered 304
    pages: int = 0  # pages fetched (or tried)
    retry: int = 0  # of them, failed in a way a later poll may get past


@dataclass(frozen=True)
class Server:
    """A running `strife serve --token` that codes and stores articles handed to it (POST
    /api/articles), for writing into a store the server holds (DuckDB lets one process write)."""

    url: str
    token: str
    timeout: float = 300.0  # the server codes the article before it answers

    def post(
        self,
        items: Iterable[Article | Rejection],
        progress: Callable[[Iterator[Article | Rejection]], Iterable[Article | Rejection]] = lambda x: x,
    ) -> IngestSummary:
        """Post each Article, one at a time; Rejections (and the server's) are counted, not stored.

        Raises StoreError, in one line, when no server answers or it refuses the token.
        """
        import httpx

        summary = IngestSummary()
        endpoint = self.url.rstrip("/") + "/api/articles"
        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(timeout=self.timeout, headers=headers) as client:
            for item in progress(iter(items)):
                if isinstance(item, Rejection):
                    summary.rejections.append(item)
                    continue
                body = {k: v for k, v in item.to_dict().items() if k in _POSTED and v is not None}
                self._count(summary, item, self._send(client, endpoint, body))
        return summary

    def _send(self, client: Any, endpoint: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        import httpx

        for attempt in range(4):
            try:
                response = client.post(endpoint, json=body)
            except httpx.HTTPError as error:
                raise StoreError(
                    f"no strife server answers at {self.url} ({type(error).__name__}); start "
                    "`strife serve --token TOKEN` there, or write to a store with --db instead of --server"
                ) from error
            if response.status_code not in (429, 503) or attempt == 3:
                break
            wait = response.headers.get("retry-after", "1")
            time.sleep(min(30.0, float(wait) if wait.isdigit() else 1.0))
        try:
            answer: dict[str, Any] = response.json()
        except ValueError:
            answer = {}
        if response.status_code in (401, 403):
            detail = answer.get("detail", response.status_code)
            raise StoreError(
                f"the server at {self.url} refused the articles ({detail}); "
                "start it with --token and give the same token (--token or STRIFE_TOKEN)"
            )
        return response.status_code, answer

    @staticmethod
    def _count(summary: IngestSummary, item: Article, answered: tuple[int, dict[str, Any]]) -> None:
        status, answer = answered
        origin = item.origin or item.id
        if status != 201:
            detail = answer.get("detail", f"HTTP {status}")
            summary.rejections.append(
                Rejection(origin, "server", f"the server refused it: {detail}", item.id)
            )
            return
        for reason in answer.get("rejected", []):
            summary.rejections.append(Rejection(origin, "server", str(reason), item.id))
        if answer.get("rejected"):
            return
        summary.read += 1
        summary.stored += int(answer.get("stored", 0))
        summary.events += int(answer.get("events", 0))
        if answer.get("duplicates"):
            summary.duplicates += 1
            summary.duplicate_origins.append(origin)
            summary.duplicate_of.append("")  # the server's answer does not say which article
        if answer.get("stored"):
            summary.stored_ids.append(str(answer.get("article_id", item.id)))


_POSTED = ("id", "text", "date", "url", "title", "outlet")
