"""What the HTML and Markdown briefs say, worded once: headline rows, the notable and contested
events with their evidence and sources, and the methods note. Renderers only lay these out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from strife.records import Event
from strife.report.brief import Brief, Change

QUOTE_CHARS = 320  # an evidence quote longer than this is cut at a word
UNCODED = "(not coded)"
_LINKABLE = re.compile(r"https?://[^\s<>\"'`\\]+", re.IGNORECASE)


@dataclass(frozen=True)
class Headline:
    label: str
    now: int
    before: int
    change: str
    strong: bool = False  # a total (bold) rather than one type's row


@dataclass(frozen=True)
class Link:
    label: str
    url: str | None


@dataclass(frozen=True)
class Notable:
    """One event as a brief lists it: what, where, when, how many, the quote it rests on, sources."""

    title: str
    summary: str
    quote: str
    quote_field: str
    sources: tuple[Link, ...]
    why: str = ""  # why it is listed ("first event in X")
    claims: tuple[str, ...] = ()


def number(value: int) -> str:
    return f"{value:,}"


def headline(brief: Brief) -> list[Headline]:
    """Events (total and per type), fatalities, fatalities in disputed tolls, people displaced."""
    rows = [_row("Events", brief.change("events"), strong=True)]
    rows += [_row(f"  {t}", brief.type_change(t)) for t in brief.event_types]
    rows.append(_row("Fatalities", brief.change("fatalities"), strong=True))
    rows.append(_row("  of which in disputed tolls", brief.change("disputed_fatalities")))
    rows.append(_row("People displaced", brief.change("displaced"), strong=True))
    return rows


def _row(label: str, change: Change, strong: bool = False) -> Headline:
    return Headline(label, change.now, change.before, str(change), strong)


def disputed_share(brief: Brief) -> str:
    share, figures = brief.current.disputed_share, brief.current
    if share is None:
        return "No fatalities were reported in the period."
    disputed = figures.total("disputed_events")
    return (
        f"{number(figures.disputed_fatalities)} of the {number(figures.fatalities)} fatalities ({share:.0%}) "
        f"are counted in {disputed} event{'s' if disputed != 1 else ''} whose toll is disputed "
        "(sources give different figures; the coded figure is the best-supported one, CODEBOOK §7)."
    )


def summary_sentence(brief: Brief) -> str:
    """The brief's opening line, or the sentence saying the period has no events."""
    request, events = brief.request, brief.current.events
    if brief.empty:
        return (
            f"strife holds no events in {request.place} dated {request.period}. "
            f"The comparison period ({brief.comparison}) had {number(brief.previous.events)}."
        )
    return (
        f"{number(events)} event{'s' if events != 1 else ''} in {request.place} from {request.period}: "
        f"{number(brief.current.fatalities)} fatalities, {number(brief.current.displaced)} people displaced "
        f"(against {number(brief.previous.events)} events, {number(brief.previous.fatalities)} fatalities "
        f"and {number(brief.previous.displaced)} displaced in {brief.comparison})."
    )


def key(value: Any) -> str:
    return UNCODED if value is None else str(value)


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= QUOTE_CHARS:
        return text
    return text[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"


def quote(event: Event, prefer: tuple[str, ...] = ("fatalities", "event_type")) -> tuple[str, str]:
    """The evidence sentence an event rests on (for the first field of `prefer` that has one), and
    that field's name."""
    for name in prefer:
        found = next((e for e in event.evidence if e.field == name), None)
        if found is not None:
            return _clean(found.sentence), name
    if event.evidence:
        return _clean(event.evidence[0].sentence), event.evidence[0].field
    return "", ""


def sources(event: Event) -> tuple[Link, ...]:
    links = []
    for source in event.sources:
        parts = [source.outlet or f"article {source.article_id}"]
        if source.date is not None:
            parts.append(source.date.isoformat())
        if source.originating_agency:
            parts.append(f"via {source.originating_agency}")
        links.append(Link(", ".join(parts), safe_url(source.url)))
    return tuple(links)


def safe_url(url: str | None) -> str | None:
    """`url` when it is a plain http(s) address that can be a link as it is; None otherwise (an
    article's URL is input: a `javascript:` or broken one stays text)."""
    if url and _LINKABLE.fullmatch(url):
        return url
    return None


def describe(event: Event) -> str:
    where = ", ".join(part for part in (event.location, event.admin1) if part)
    sides = " vs ".join(actor for actor in (event.actor1, event.actor2) if actor)
    tolls = []
    if event.fatalities:
        disputed = " (disputed)" if event.fatalities_disputed else ""
        tolls.append(f"{number(event.fatalities)} killed{disputed}")
    if event.displaced_people:
        tolls.append(f"{number(event.displaced_people)} displaced")
    day = event.event_date.isoformat() if event.event_date else "date unknown"
    return "; ".join(part for part in (day, where, sides, ", ".join(tolls)) if part)


def notable(event: Event, why: str = "", with_claims: bool = False) -> Notable:
    text, field = quote(event)
    claims: tuple[str, ...] = ()
    if with_claims:
        claims = tuple(
            f"{claim.claimant or 'unattributed'}: {number(claim.figure)} — “{_clean(claim.statement)}”"
            for claim in event.claims
            if claim.figure is not None
        )
    return Notable(
        title=f"{event.sub_event_type or event.event_type}",
        summary=describe(event),
        quote=text,
        quote_field=field,
        sources=sources(event),
        why=why,
        claims=claims,
    )


def notables(brief: Brief) -> dict[str, list[Notable]]:
    """The notable events by list: most fatalities, new areas, new actors."""
    area = "admin1 area" if brief.area_column == "admin1" else "location"
    return {
        "deadliest": [notable(event) for event in brief.deadliest],
        "new_areas": [
            notable(row["first"], f"first event in {row['key']} ({area}; {row['events']} in the period)")
            for row in brief.new_areas
        ],
        "new_actors": [
            notable(row["first"], f"first event of {row['key']} ({row['events']} in the period)")
            for row in brief.new_actors
        ],
    }


def contested(brief: Brief) -> list[Notable]:
    return [notable(event, with_claims=True) for event in brief.contested]


def methods(brief: Brief) -> list[str]:
    """The methods note: how the brief was made and what its figures cannot show."""
    cover, events = brief.coverage, brief.current.events
    if brief.reviewed is None:
        review = "Not reviewed: every figure is machine-coded from the articles (this store keeps no review)."
    else:
        share = f" ({brief.reviewed / events:.0%})" if events else ""
        review = f"Reviewed by an analyst: {number(brief.reviewed)} of {number(events)} events{share}."
    return [
        f"Coded by strife {brief.version} under its codebook (ACLED event taxonomy plus Displacement; "
        f"record schema {brief.schema_version}); brief made {brief.made.isoformat()}.",
        f"Scope: the merged events (one per occurrence, CODEBOOK §9) that 'strife events --country "
        f'"{brief.request.country}"{_admin1_option(brief)} --since {brief.request.period.start} --until '
        f"{brief.request.period.end}' lists; comparison: {brief.request.compare} ({brief.comparison}).",
        f"Sources: {number(cover['articles'])} articles from {number(cover['chains'])} independent source "
        f"chains ({number(cover['outlets'])} named outlets).",
        review,
        f"{number(cover['single_source'])} of {number(events)} events rest on a single source chain; "
        f"{number(cover['unlocated'])} have no coordinates and are missing from the map.",
        f"{number(cover['undated_in_scope'])} events of {brief.request.place} have no date (no period "
        "holds them).",
        "Coverage follows the news strife was given: English-language reports only, and areas the press "
        "does not reach are under-counted. Changes between periods can reflect reporting as much as events.",
    ]


def _admin1_option(brief: Brief) -> str:
    return f' --admin1 "{brief.request.admin1}"' if brief.request.admin1 else ""
