"""A brief's content: the figures, lists and events of one country (or admin1 area) over a period,
beside a comparison period, read from the store in one go and rendered by html, markdown or pdf.

    brief = build_brief(con, BriefRequest("Sudan", Period(date(2024, 2, 5), date(2024, 2, 11))))
    brief.current.events, brief.change("fatalities").percent

Every number is an aggregate over the merged events that `strife events --country C [--admin1 A]
--since FROM --until TO` lists (the same `EventFilter`); the trend charts use the same filter over
their longer window (`Period.trend`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from strife.records import SCHEMA_VERSION, Event
from strife.report.periods import Period
from strife.store import EventFilter, aggregates, briefing
from strife.store.browse import OccurrenceFilter
from strife.store.schema import Connection

TOP = 8  # rows of the top-areas and top-actors tables
NOTABLE = 5  # events in each list of notable or contested events
CLAIMANTS = 10
MAP_POINTS = 2000  # more located events than this are drawn as clusters


@dataclass(frozen=True)
class BriefRequest:
    """What to brief on: a country (and optionally one admin1 area of it), a period, a comparison."""

    country: str
    period: Period
    admin1: str | None = None
    compare: str = "previous"

    def filter(self, period: Period | None = None) -> EventFilter:
        """The filter `strife events` applies for this scope over `period` (default: the brief's)."""
        span = period or self.period
        return EventFilter(country=self.country, admin1=self.admin1, date_from=span.start, date_to=span.end)

    @property
    def place(self) -> str:
        return f"{self.admin1}, {self.country}" if self.admin1 else self.country


@dataclass(frozen=True)
class Figures:
    """Headline figures of one period, per event type (most events first)."""

    by_type: tuple[dict[str, Any], ...]

    def total(self, name: str) -> int:
        return sum(int(row[name]) for row in self.by_type)

    @property
    def events(self) -> int:
        return self.total("events")

    @property
    def fatalities(self) -> int:
        return self.total("fatalities")

    @property
    def disputed_fatalities(self) -> int:
        return self.total("disputed_fatalities")

    @property
    def displaced(self) -> int:
        return self.total("displaced")

    @property
    def disputed_share(self) -> float | None:
        """The share of fatalities counted in events whose toll is disputed (None: no fatalities)."""
        return self.disputed_fatalities / self.fatalities if self.fatalities else None

    def of_type(self, event_type: str, name: str = "events") -> int:
        return next((int(row[name]) for row in self.by_type if row["event_type"] == event_type), 0)


@dataclass(frozen=True)
class Change:
    """A figure now and in the comparison period."""

    now: int
    before: int

    @property
    def delta(self) -> int:
        return self.now - self.before

    @property
    def percent(self) -> float | None:
        """The change in percent of the earlier figure; None when that was 0 (no base to divide)."""
        return 100.0 * self.delta / self.before if self.before else None

    def __str__(self) -> str:
        if self.now == self.before:
            return "no change" if self.now else "none in either"
        if self.percent is None:
            return f"{self.delta:+,} (none before)"
        return f"{self.delta:+,} ({self.percent:+.0f}%)"


@dataclass(frozen=True)
class Brief:
    """Everything a brief shows; `empty` when the period has no event (then only the headline,
    comparison and methods are rendered, with a sentence saying so)."""

    request: BriefRequest
    comparison: Period
    current: Figures
    previous: Figures
    trend_period: Period
    trend: tuple[dict[str, Any], ...]
    areas: tuple[dict[str, Any], ...]
    actors: tuple[dict[str, Any], ...]
    map: dict[str, Any]
    deadliest: tuple[Event, ...]
    history: bool  # the store holds events of this scope before the period
    new_areas: tuple[dict[str, Any], ...]
    new_actors: tuple[dict[str, Any], ...]
    contested_count: int
    contested: tuple[Event, ...]
    claimants: tuple[dict[str, Any], ...]
    coverage: dict[str, int]
    reviewed: int | None
    version: str
    made: date = field(default_factory=date.today)
    schema_version: int = SCHEMA_VERSION

    @property
    def empty(self) -> bool:
        return self.current.events == 0

    @property
    def area_column(self) -> str:
        """What the areas are: admin1 areas of a country, locations of one admin1 area."""
        return "location" if self.request.admin1 else "admin1"

    def change(self, name: str) -> Change:
        """`events`, `fatalities`, `disputed_fatalities` or `displaced`, now against the comparison."""
        return Change(self.current.total(name), self.previous.total(name))

    def type_change(self, event_type: str) -> Change:
        return Change(self.current.of_type(event_type), self.previous.of_type(event_type))

    @property
    def event_types(self) -> list[str]:
        """The types with events in either period: this period's order, then the comparison's."""
        seen = [row["event_type"] for row in (*self.current.by_type, *self.previous.by_type)]
        return list(dict.fromkeys(seen))

    def render(self, fmt: str, *, charts: dict[str, str] | None = None) -> bytes:
        """The brief as `html`, `md` or `pdf` bytes (see strife.report.render)."""
        from strife.report.render import render

        return render(self, fmt, charts=charts)

    def write(self, path: str | Path, fmt: str | None = None) -> list[Path]:
        """Write the brief to `path` (format from `fmt` or the suffix); the files written (a
        Markdown brief's charts are PNG files beside it)."""
        from strife.report.render import write_brief

        return write_brief(self, Path(path), fmt)


def build_brief(con: Connection, request: BriefRequest, version: str = "") -> Brief:
    """Read a brief's content for `request` from the store behind `con` (a few aggregate queries)."""
    now, comparison = request.filter(), request.period.compared(request.compare)
    trend_period = request.period.trend()
    area = "location" if request.admin1 else "admin1"
    areas = (
        aggregates.counts(con, OccurrenceFilter(now), "admin1", TOP)
        if area == "admin1"
        else briefing.top_locations(con, now, TOP)
    )
    history = briefing.has_history(con, now)
    contested_count, contested = briefing.contested(con, now, NOTABLE)
    return Brief(
        request=request,
        comparison=comparison,
        current=Figures(tuple(briefing.figures_by_type(con, now))),
        previous=Figures(tuple(briefing.figures_by_type(con, request.filter(comparison)))),
        trend_period=trend_period,
        trend=tuple(aggregates.timeline(con, OccurrenceFilter(request.filter(trend_period)), "week")),
        areas=tuple(areas),
        actors=tuple(briefing.top_actors(con, now, TOP)),
        map=aggregates.map_items(con, OccurrenceFilter(now), MAP_POINTS),
        deadliest=tuple(briefing.deadliest(con, now, NOTABLE)),
        history=history,
        new_areas=tuple(briefing.first_seen(con, now, area, NOTABLE)) if history else (),
        new_actors=tuple(briefing.first_seen(con, now, "actor", NOTABLE)) if history else (),
        contested_count=contested_count,
        contested=tuple(contested),
        claimants=tuple(briefing.claims_by_claimant(con, now, CLAIMANTS)),
        coverage=briefing.coverage(con, now),
        reviewed=briefing.reviewed(con, now),
        version=version,
    )
