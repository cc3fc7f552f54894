"""The brief's map and weekly trend charts, drawn offline with matplotlib as PNG bytes.

Figures are built with `matplotlib.figure.Figure` (no pyplot): no global state, so charts drawn
in a web server's threads do not interfere. A chart with nothing to show is not drawn (None):
the brief then says so in words instead of showing empty axes.
"""

from __future__ import annotations

import io
import math
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from strife.report.brief import Brief
from strife.report.shapes import Atlas, Country

# The dashboard's colours per event type (web/static/colours.js; a test keeps the two equal), in
# codebook order, which is also the order of the charts.
TYPE_COLOURS: dict[str, str] = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#27ae60",
    "Riots": "#a0522d",
    "Strategic developments": "#16a085",
    "Displacement": "#2471a3",
}
OTHER_COLOUR = "#7f8c8d"
DPI = 150
_FATALITIES = "Fatalities (all types)"  # the trend's last panel
_MIN_SPAN = 3.0  # degrees: the least a map shows around points with no country outline


def type_colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def order_types(types: list[str]) -> list[str]:
    known = list(TYPE_COLOURS)
    return sorted(set(types), key=lambda t: (known.index(t) if t in known else len(known), t))


def _png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def event_map(brief: Brief, atlas: Atlas | None = None) -> bytes | None:
    """The period's located events on the country's outline (neighbours in grey), coloured by
    type and sized by fatalities; clusters (sized by count) when there are too many to draw."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Polygon

    atlas = atlas or Atlas()
    if not brief.map.get("total"):
        return None
    country = atlas.find(brief.request.country)
    extent = _extent(brief, country)
    figure = Figure(figsize=(6.0, 4.2))
    axes = figure.add_subplot()
    axes.set_facecolor("#e8f1f8")
    for other in atlas.countries:
        if not _overlaps(other, extent):
            continue
        target = country is not None and other.iso_numeric == country.iso_numeric
        for polygon in other.polygons:
            axes.add_patch(
                Polygon(
                    polygon[0],
                    closed=True,
                    facecolor="#fbf8f1" if target else "#e2e2e2",
                    edgecolor="#444444" if target else "#a8a8a8",
                    linewidth=1.0 if target else 0.5,
                    zorder=1,
                )
            )
    if brief.map["mode"] == "points":
        _points(axes, brief.map["points"])
    else:
        _clusters(axes, brief.map["clusters"])
    for event in brief.deadliest[:3]:  # name the places of the deadliest events
        if event.latitude is not None and event.longitude is not None and event.location:
            axes.annotate(event.location, (event.longitude, event.latitude), xytext=(6, 4),
                          textcoords="offset points", fontsize=8, zorder=4)  # fmt: skip
    min_lon, min_lat, max_lon, max_lat = extent
    axes.set_xlim(min_lon, max_lon)
    axes.set_ylim(min_lat, max_lat)
    axes.set_aspect(1 / max(math.cos(math.radians((min_lat + max_lat) / 2)), 0.2))
    axes.set_xticks([])
    axes.set_yticks([])
    return _png(figure)


def _points(axes: Any, points: list[dict[str, Any]]) -> None:
    for event_type in order_types([p["event_type"] for p in points]):
        mine = [p for p in points if p["event_type"] == event_type]
        axes.scatter(
            [p["lon"] for p in mine],
            [p["lat"] for p in mine],
            s=[24 + 14 * math.sqrt(p["fatalities"] or 0) for p in mine],
            c=type_colour(event_type),
            alpha=0.8,
            edgecolors="white",
            linewidths=0.6,
            label=f"{event_type} ({len(mine)})",
            zorder=3,
        )
    axes.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=7, frameon=False,
                title="located events", title_fontsize=7, alignment="left")  # fmt: skip


def _clusters(axes: Any, clusters: list[dict[str, Any]]) -> None:
    axes.scatter(
        [c["lon"] for c in clusters],
        [c["lat"] for c in clusters],
        s=[30 + 20 * math.sqrt(c["count"]) for c in clusters],
        c="#34495e",
        alpha=0.7,
        edgecolors="white",
        zorder=3,
    )
    for cluster in clusters:
        axes.annotate(str(cluster["count"]), (cluster["lon"], cluster["lat"]), ha="center", va="center",
                      fontsize=6, color="white", zorder=4)  # fmt: skip


def _extent(brief: Brief, country: Country | None) -> tuple[float, float, float, float]:
    """The map's box: the whole country (padded; the atlas has no admin1 outlines, so an admin1
    brief shows its area's events within the country), or around the points for a country the
    atlas lacks."""
    located = brief.map.get("points") or brief.map.get("clusters") or []
    if country is not None:
        box = country.bounds()
    else:
        lons, lats = [p["lon"] for p in located], [p["lat"] for p in located]
        box = (min(lons), min(lats), max(lons), max(lats))
    min_lon, min_lat, max_lon, max_lat = box
    pad_lon = max((max_lon - min_lon) * 0.08, (_MIN_SPAN - (max_lon - min_lon)) / 2, 0.2)
    pad_lat = max((max_lat - min_lat) * 0.08, (_MIN_SPAN - (max_lat - min_lat)) / 2, 0.2)
    return min_lon - pad_lon, min_lat - pad_lat, max_lon + pad_lon, max_lat + pad_lat


def _overlaps(country: Country, extent: tuple[float, float, float, float]) -> bool:
    if not country.polygons:
        return False
    min_lon, min_lat, max_lon, max_lat = country.bounds()
    return not (max_lon < extent[0] or min_lon > extent[2] or max_lat < extent[1] or min_lat > extent[3])


def weeks(start: date, end: date) -> list[date]:
    """The Mondays from the week holding `start` to the week holding `end`."""
    first = start - timedelta(days=start.weekday())
    return [first + timedelta(weeks=n) for n in range((end - first).days // 7 + 1)]


def trend_chart(brief: Brief) -> bytes | None:
    """Events per week, one panel per event type, then fatalities per week (all types), over the
    trend window; the brief's period shaded."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    series: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for row in brief.trend:
        week = date.fromisoformat(row["period"])
        series[row["event_type"]][week] += int(row["events"])
        series[_FATALITIES][week] += int(row["fatalities"])
    types = order_types([name for name in series if name != _FATALITIES])
    if not types:
        return None
    panels_shown = [*types, _FATALITIES]
    mondays = weeks(brief.trend_period.start, brief.trend_period.end)
    figure = Figure(figsize=(7.0, 0.5 + 0.8 * len(panels_shown)))
    panels = figure.subplots(len(panels_shown), 1, sharex=True, squeeze=False)[:, 0]
    period = brief.request.period
    for axes, name in zip(panels, panels_shown, strict=True):
        axes.axvspan(period.start, period.end + timedelta(days=1), color="#fff3c4", zorder=0)
        axes.bar(
            [m + timedelta(days=3.5) for m in mondays],
            [series[name].get(m, 0) for m in mondays],
            width=6,
            color="#4d4d4d" if name == _FATALITIES else type_colour(name),
            zorder=2,
        )
        axes.set_title(name if name == _FATALITIES else f"{name}: events", fontsize=8, loc="left", pad=2)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
        axes.tick_params(labelsize=7)
        axes.spines[["top", "right"]].set_visible(False)
    panels[-1].set_xlim(mondays[0], mondays[-1] + timedelta(days=7))
    figure.autofmt_xdate(rotation=0, ha="center")
    figure.supylabel("per week", fontsize=7)
    figure.tight_layout(h_pad=0.4)
    return _png(figure)


def charts(brief: Brief) -> dict[str, bytes]:
    """The brief's charts by name (`map`, `trend`), leaving out those with nothing to draw."""
    if brief.empty:
        return {}
    drawn = {"map": event_map(brief), "trend": trend_chart(brief)}
    return {name: png for name, png in drawn.items() if png is not None}
