"""SQL over the `occurrences` table: pages of summaries, map points or clusters, timelines, counts.

Filtering, paging and aggregation all run in DuckDB, so a request over 100,000
occurrences moves only the rows it returns into Python.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from typing import Any

from strife.store.schema import Connection
from strife.web.api.params import Filters, Page

# The fields of an occurrence in lists, map popups and downloads.
SUMMARY_FIELDS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_disputed",
    "displaced_people",
    "corroboration",
    "source_count",
    "confidence",
    "disputed",
)
_SUMMARY_SQL = ", ".join(f'"{name}"' for name in SUMMARY_FIELDS)

INTERVALS: tuple[str, ...] = ("day", "week", "month")
COUNT_BY: tuple[str, ...] = ("event_type", "sub_event_type", "country", "admin1", "actor1")

# Cluster grid sizes are tried from extent/limit (fine enough for any spread of points) up,
# each a factor sqrt(2) coarser, to twice the extent (at most four cells).
_GRID_GROWTH = math.sqrt(2)
_FINEST_CELL = 1e-5  # degrees (about a metre): keeps cell numbers well inside a BIGINT


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _one(con: Connection, sql: str, params: list[Any]) -> Any:
    row = con.execute(sql, params).fetchone()
    return row[0] if row else None


def count(con: Connection, filters: Filters) -> int:
    where, params = filters.where()
    return int(_one(con, f"SELECT count(*) FROM occurrences {where}", params) or 0)


def summaries(con: Connection, filters: Filters, order: str, page: Page) -> list[dict[str, Any]]:
    """One page of occurrence summaries; `order` comes from params.order_by (an allow-listed clause)."""
    where, params = filters.where()
    rows = con.execute(
        f"SELECT {_SUMMARY_SQL} FROM occurrences {where} {order} LIMIT ? OFFSET ?",
        [*params, page.size, page.offset],
    ).fetchall()
    return [{k: _value(v) for k, v in zip(SUMMARY_FIELDS, row, strict=True)} for row in rows]


def all_summaries(con: Connection, filters: Filters, batch: int = 2000) -> Iterator[list[dict[str, Any]]]:
    """Every matching summary by date then id, `batch` rows at a time (for downloads)."""
    where, params = filters.where()
    con.execute(
        f"SELECT {_SUMMARY_SQL} FROM occurrences {where} ORDER BY event_date NULLS LAST, event_id", params
    )
    while rows := con.fetchmany(batch):
        yield [{k: _value(v) for k, v in zip(SUMMARY_FIELDS, row, strict=True)} for row in rows]


def _located(filters: Filters) -> tuple[str, list[Any]]:
    where, params = filters.where()
    located = "latitude IS NOT NULL AND longitude IS NOT NULL"
    return (f"{where} AND {located}" if where else f"WHERE {located}"), params


def map_items(con: Connection, filters: Filters, limit: int) -> dict[str, Any]:
    """The located occurrences as points when there are at most `limit`, else as at most `limit` clusters."""
    where, params = _located(filters)
    total, min_lat, max_lat, min_lon, max_lon = con.execute(
        f"SELECT count(*), min(latitude), max(latitude), min(longitude), max(longitude) "
        f"FROM occurrences {where}",
        params,
    ).fetchone() or (0, None, None, None, None)
    if total <= limit:
        rows = con.execute(
            f"SELECT event_id, latitude, longitude, event_type, fatalities FROM occurrences {where} "
            "ORDER BY event_id LIMIT ?",
            [*params, limit],
        ).fetchall()
        points = [
            {"event_id": e, "lat": lat, "lon": lon, "event_type": t, "fatalities": f}
            for e, lat, lon, t, f in rows
        ]
        return {"mode": "points", "total": total, "points": points}
    extent = max(max_lat - min_lat, max_lon - min_lon)
    cell = _cell_size(con, where, params, extent, limit)
    return {"mode": "clusters", "total": total, "clusters": _clusters(con, where, params, cell)}


def _cell_key(placeholder: str) -> str:
    # Cells counted from (-90, -180), so every key is a non-negative pair packed in one BIGINT.
    return (
        f"(floor((latitude + 90) / {placeholder})::BIGINT * 1000000000 "
        f"+ floor((longitude + 180) / {placeholder})::BIGINT)"
    )


def _cell_size(con: Connection, where: str, params: list[Any], extent: float, limit: int) -> float | None:
    """A fine grid cell (degrees) giving at most `limit` clusters, or None when no grid does.

    Binary search over the sizes, one distinct-cell count per probe: about five scans,
    where counting every size in one scan costs more than all of them together.
    """
    finest = max(extent / limit, _FINEST_CELL)
    steps = math.ceil(math.log(max(2 * extent / finest, 1.0), _GRID_GROWTH)) + 1
    sizes = [finest * _GRID_GROWTH**step for step in range(steps)]
    sql = f"SELECT count(DISTINCT {_cell_key('?')}) FROM occurrences {where}"

    def fits(size: float) -> bool:
        return int(_one(con, sql, [size, size, *params]) or 0) <= limit

    low, high, found = 0, len(sizes) - 1, None
    while low <= high:
        middle = (low + high) // 2
        if fits(sizes[middle]):
            found, high = sizes[middle], middle - 1
        else:
            low = middle + 1
    return found


def _clusters(con: Connection, where: str, params: list[Any], cell: float | None) -> list[dict[str, Any]]:
    group, group_params = ("GROUP BY cell", [cell, cell]) if cell is not None else ("", [])
    key = _cell_key("?") if cell is not None else "0"
    rows = con.execute(
        f"SELECT avg(latitude), avg(longitude), count(*) AS n, coalesce(sum(fatalities), 0), {key} AS cell "
        f"FROM occurrences {where} {group} ORDER BY n DESC, cell",
        [*group_params, *params],
    ).fetchall()
    return [{"lat": lat, "lon": lon, "count": n, "fatalities": int(f)} for lat, lon, n, f, _ in rows]


def timeline(con: Connection, filters: Filters, interval: str) -> list[dict[str, Any]]:
    """Events, fatalities and displaced people per period (its first day; weeks start Monday) and type."""
    if interval not in INTERVALS:
        raise ValueError(f"unknown interval {interval!r}; choose one of {', '.join(INTERVALS)}")
    where, params = filters.where()
    dated = f"{where} AND event_date IS NOT NULL" if where else "WHERE event_date IS NOT NULL"
    rows = con.execute(
        f"SELECT strftime(date_trunc('{interval}', event_date), '%Y-%m-%d') AS period, event_type, count(*), "
        "coalesce(sum(fatalities), 0), coalesce(sum(displaced_people), 0) "
        f"FROM occurrences {dated} GROUP BY period, event_type ORDER BY period, event_type",
        params,
    ).fetchall()
    return [
        {"period": p, "event_type": t, "events": n, "fatalities": int(f), "displaced": int(d)}
        for p, t, n, f, d in rows
    ]


def counts(con: Connection, filters: Filters, by: str, limit: int) -> list[dict[str, Any]]:
    """The `limit` most frequent values of column `by` (None: not coded), most events first."""
    if by not in COUNT_BY:
        raise ValueError(f"unknown count field {by!r}; choose one of {', '.join(COUNT_BY)}")
    where, params = filters.where()
    rows = con.execute(
        f'SELECT "{by}" AS key, count(*) AS n, coalesce(sum(fatalities), 0) FROM occurrences {where} '
        "GROUP BY key ORDER BY n DESC, key NULLS LAST LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [{"key": key, "events": n, "fatalities": int(f)} for key, n, f in rows]


def totals(con: Connection) -> tuple[int, int]:
    """Occurrences and articles stored."""
    row = con.execute("SELECT (SELECT count(*) FROM occurrences), (SELECT count(*) FROM articles)").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)
