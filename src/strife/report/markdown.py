"""The brief as Markdown: the same words as the HTML page (strife.report.content), as text.

Article text, actor and outlet names are untrusted: every such value is escaped, so that it can
neither open HTML (most Markdown renderers pass HTML through) nor start a link, a table cell or
emphasis.
"""

from __future__ import annotations

import html
import re

from strife.report import content
from strife.report.brief import Brief

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def text(value: object) -> str:
    """`value` as inert Markdown text (HTML-escaped, Markdown punctuation backslashed, one line)."""
    flat = " ".join(str(value).split())
    return _SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows] + [""]


def _event(item: content.Notable) -> list[str]:
    lines = [f"- **{text(item.title)}**: {text(item.summary)}"]
    if item.why:
        lines.append(f"  - _{text(item.why)}_")
    if item.quote:
        lines.append(f"  - “{text(item.quote)}” ({text(item.quote_field)})")
    lines += [f"  - claim: {text(claim)}" for claim in item.claims]
    cited = [f"[{text(link.label)}](<{link.url}>)" if link.url else text(link.label) for link in item.sources]
    lines.append("  - sources: " + "; ".join(cited))
    return lines


def _events(items: list[content.Notable], none: str) -> list[str]:
    return [line for item in items for line in _event(item)] + [""] if items else [f"_{none}_", ""]


def markdown(brief: Brief, charts: dict[str, str], compare_label: str) -> str:
    """The Markdown brief; `charts` maps `map`/`trend` to image links (only those drawn)."""
    request = brief.request
    lines = [
        f"# {text(request.place)}: {request.period}",
        "",
        f"strife brief · compared with {brief.comparison} ({compare_label})",
        "",
        "## Headline figures",
        "",
        text(content.summary_sentence(brief)),
        "",
    ]
    rows = [
        [
            ("**" if r.strong else "") + text(r.label.strip()) + ("**" if r.strong else ""),
            content.number(r.now),
            content.number(r.before),
            text(r.change),
        ]
        for r in content.headline(brief)
    ]
    lines += _table(["", "this period", compare_label, "change"], rows)
    if brief.empty:
        lines += [
            "## No events in this period",
            "",
            "_There is no map, trend, or list of areas, actors and notable events to show._",
            "",
        ]
    else:
        lines += [text(content.disputed_share(brief)), ""]
        lines += _body(brief, charts)
    lines += ["## Methods", ""] + [f"- {text(line)}" for line in content.methods(brief)]
    return "\n".join(lines) + "\n"


def _body(brief: Brief, charts: dict[str, str]) -> list[str]:
    lines = ["## Where", ""]
    lines += (
        [f"![map of the period's located events]({charts['map']})", ""]
        if "map" in charts
        else ["_None of the period's events has coordinates: nothing to map._", ""]
    )
    lines += ["## Weekly trend by type", ""]
    if "trend" in charts:
        lines += [f"![events per week by type]({charts['trend']})", ""]
    lines += [f"Events per week, {brief.trend_period} (weeks start Monday):", ""]
    lines += _table(
        ["week", "type", "events", "fatalities"],
        [[r["period"], text(r["event_type"]), str(r["events"]), str(r["fatalities"])] for r in brief.trend],
    )
    area = "admin1" if brief.area_column == "admin1" else "location"
    lines += [f"## Top {area} areas" if area == "admin1" else "## Top locations", ""]
    lines += _table(
        [area, "events", "fatalities"],
        [[text(content.key(r["key"])), str(r["events"]), str(r["fatalities"])] for r in brief.areas],
    )
    lines += ["## Top actors", ""]
    lines += _table(
        ["actor (either side)", "events", "fatalities"],
        [[text(r["key"]), str(r["events"]), str(r["fatalities"])] for r in brief.actors],
    )
    found = content.notables(brief)
    lines += ["## Notable events", "", "### Most fatalities", ""]
    lines += _events(found["deadliest"], "No event in the period reports fatalities.")
    no_history = f"The store holds no earlier events for {brief.request.place}, so none can be called new."
    lines += ["### New areas", ""]
    lines += _events(found["new_areas"], no_history if not brief.history else "No new area.")
    lines += ["### New actors", ""]
    lines += _events(found["new_actors"], no_history if not brief.history else "No new actor.")
    lines += [
        "## Contested claims",
        "",
        f"{brief.contested_count} of {brief.current.events} events have a disputed toll or conflicting "
        "claims.",
        "",
    ]
    lines += _events(content.contested(brief), "None.")
    if brief.claimants:
        lines += ["### Claims by attribution", ""]
        lines += _table(
            ["claimant", "claims", "with a figure", "events"],
            [
                [
                    text(r["claimant"] or "unattributed"),
                    str(r["claims"]),
                    str(r["with_figure"]),
                    str(r["events"]),
                ]
                for r in brief.claimants
            ],
        )
    return lines
