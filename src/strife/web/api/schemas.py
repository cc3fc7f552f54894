"""The shapes the API returns and accepts, as shown in /docs and /openapi.json."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from strife.api import MAX_CHARS

MAX_TEXT_CHARS = MAX_CHARS  # largest article text POST /api/articles takes: the readers' one limit


class Health(BaseModel):
    status: Literal["ok"]
    events: int
    articles: int
    schema_version: int
    writable: bool


class EventSummary(BaseModel):
    event_id: str
    event_date: str | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    fatalities_disputed: bool | None
    displaced_people: int | None
    corroboration: int | None
    source_count: int | None
    confidence: float | None
    disputed: bool | None
    reviewed: str = Field(default="pending", description="pending, approved, corrected or flagged")
    reviewed_by: str | None = None


class EventPage(BaseModel):
    total: int
    page: int
    page_size: int
    events: list[EventSummary]
    next: str | None = Field(
        default=None,
        description="pass as `after` for the page after this one (same filters and sort); null at the end",
    )


class EventRecord(RootModel[dict[str, Any]]):
    """One merged event whole (GET /api/events/{id}): a JSON object, written as FastAPI writes a dict."""


class ArticleSummary(BaseModel):
    id: str
    date: str | None
    title: str | None
    url: str | None
    outlet: str | None
    origin: str | None
    events: int


class ArticlePage(BaseModel):
    total: int
    page: int
    page_size: int
    articles: list[ArticleSummary]


class ArticleFull(ArticleSummary):
    text: str


class MapPoint(BaseModel):
    event_id: str
    lat: float
    lon: float
    event_type: str
    fatalities: int | None


class MapCluster(BaseModel):
    lat: float
    lon: float
    count: int
    fatalities: int


class MapPoints(BaseModel):
    mode: Literal["points"]
    total: int
    points: list[MapPoint]


class MapClusters(BaseModel):
    mode: Literal["clusters"]
    total: int
    clusters: list[MapCluster]


class TimelineRow(BaseModel):
    period: str = Field(description="the period's first day, YYYY-MM-DD (weeks start on Monday)")
    event_type: str
    events: int
    fatalities: int
    displaced: int


class Timeline(BaseModel):
    interval: Literal["day", "week", "month"]
    series: list[TimelineRow]


class CountRow(BaseModel):
    key: str | None = Field(description="the value counted; null for occurrences without one")
    events: int
    fatalities: int


class Counts(BaseModel):
    by: str
    counts: list[CountRow]


class ArticleIn(BaseModel):
    """An article posted for ingest; only `text` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description=f"the article text, at most {MAX_TEXT_CHARS} characters")
    date: datetime.date | None = Field(default=None, strict=True, description="publication date, YYYY-MM-DD")
    id: str | None = Field(default=None, min_length=1, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=500)


class IngestResult(BaseModel):
    article_id: str
    stored: int
    duplicates: int
    events: int
    rejected: list[str]
