"""Aggregates over merged events (occurrences): map points or clusters, timelines, counts by field.

Each runs in DuckDB and returns at most the number of items asked for, whatever
the number of occurrences that pass the filter.
"""

from __future__ import annotations

import math
from typing import Any

from strife.store.browse import OccurrenceFilter, and_where
from strife.store.schema import Connection

INTERVALS: tuple[str, ...] = ("day", "week", "month")
COUNT_BY: tuple[str, ...] = ("event_type", "sub_event_type", "country", "admin1", "actor1")

# Cluster grid sizes are tried from extent/limit (fine enough for any spread of points) up,
# each a factor sqrt(2) coarser, to twice the extent (at most four cells).
_GRID_GROWTH = math.sqrt(2)
_FINEST_CELL = 1e-5  # degrees (about a metre): keeps cell numbers well inside a BIGINT


def _one(con: Connection, sql: str, params: list[Any]) -> Any:
    row = con.execute(sql, params).fetchone()
    return row[0] if row else None


def map_items(con: Connection, filters: OccurrenceFilter, limit: int) -> dict[str, Any]:
    """The located occurrences as points when there are at most `limit`, else as at most `limit` clusters."""
    where, params = filters.where()
    where = and_where(where, "latitude IS NOT NULL AND longitude IS NOT NULL")
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


def timeline(con: Connection, filters: OccurrenceFilter, interval: str) -> list[dict[str, Any]]:
    """Events, fatalities and displaced people per period (its first day; weeks start Monday) and type."""
    if interval not in INTERVALS:
        raise ValueError(f"unknown interval {interval!r}; choose one of {', '.join(INTERVALS)}")
    where, params = filters.where()
    rows = con.execute(
        f"SELECT strftime(date_trunc('{interval}', event_date), '%Y-%m-%d') AS period, event_type, count(*), "
        "coalesce(sum(fatalities), 0), coalesce(sum(displaced_people), 0) "
        f"FROM occurrences {and_where(where, 'event_date IS NOT NULL')} "
        "GROUP BY period, event_type ORDER BY period, event_type",
        params,
    ).fetchall()
    return [
        {"period": p, "event_type": t, "events": n, "fatalities": int(f), "displaced": int(d)}
        for p, t, n, f, d in rows
    ]


def counts(con: Connection, filters: OccurrenceFilter, by: str, limit: int) -> list[dict[str, Any]]:
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
