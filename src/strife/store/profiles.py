"""What the dashboard's comparison bar, actor page, place page and admin-1 layer show.

    compare(con, where)                  this period's headline counts and the period before's
    actor_profile(con, "JNIM")           events by month, places, counterparts, first/last seen
    place_profile(con, "Mali", "Mopti")  an admin-1 area's (or location's) events, actors, trend
    admin1_totals(con, where)            events and fatalities per admin-1 area, at their mean point

All over merged events (occurrences), in DuckDB, every value a parameter.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from strife.store.browse import OccurrenceFilter, and_where
from strife.store.schema import Connection

# A selection with no dates is compared over its last DEFAULT_DAYS days (up to its newest event).
DEFAULT_DAYS = 30
TOP = 10
_ACTOR_COLUMNS = ("actor1", "actor2")


def _headline(con: Connection, where: OccurrenceFilter) -> dict[str, int]:
    sql, params = where.where()
    row = con.execute(
        "SELECT count(*), coalesce(sum(fatalities), 0), coalesce(sum(displaced_people), 0) "
        f"FROM occurrences {sql}",
        params,
    ).fetchone()
    events, fatalities, displaced = row if row else (0, 0, 0)
    return {"events": int(events), "fatalities": int(fatalities), "displaced": int(displaced)}


def _dated(where: OccurrenceFilter, start: date, end: date) -> OccurrenceFilter:
    return dataclasses.replace(where, base=dataclasses.replace(where.base, date_from=start, date_to=end))


def compare(con: Connection, where: OccurrenceFilter) -> dict[str, Any] | None:
    """Headline counts (events, fatalities, displaced people) of the filtered period and of the
    period of the same length just before it. Without both dates the period is the last
    DEFAULT_DAYS days up to the newest matching event (or up to date_to); None when no event
    matching the filter is dated."""
    start, end = where.base.date_from, where.base.date_to
    if start is None or end is None:
        sql, params = where.where()
        newest = con.execute(f"SELECT max(event_date) FROM occurrences {sql}", params).fetchone()
        if not newest or newest[0] is None:
            return None
        end = end or newest[0]
        start = start if start is not None and start <= end else end - timedelta(days=DEFAULT_DAYS - 1)
    days = (end - start).days + 1
    before_end = start - timedelta(days=1)
    before_start = before_end - timedelta(days=days - 1)
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat(), "days": days},
        "previous_period": {"from": before_start.isoformat(), "to": before_end.isoformat(), "days": days},
        "current": _headline(con, _dated(where, start, end)),
        "previous": _headline(con, _dated(where, before_start, before_end)),
    }


def _by_month(con: Connection, where: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = con.execute(
        f"SELECT strftime(date_trunc('month', event_date), '%Y-%m') AS month, count(*), "
        f"coalesce(sum(fatalities), 0) FROM occurrences {and_where(where, 'event_date IS NOT NULL')} "
        "GROUP BY month ORDER BY month",
        params,
    ).fetchall()
    return [{"period": m, "events": int(n), "fatalities": int(f)} for m, n, f in rows]


def _seen(con: Connection, where: str, params: list[Any]) -> dict[str, Any]:
    row = con.execute(
        "SELECT count(*), coalesce(sum(fatalities), 0), min(event_date), max(event_date) "
        f"FROM occurrences {where}",
        params,
    ).fetchone()
    n, deaths, first, last = row if row else (0, 0, None, None)
    return {
        "events": int(n),
        "fatalities": int(deaths),
        "first_seen": first.isoformat() if first else None,
        "last_seen": last.isoformat() if last else None,
    }


def _top(
    con: Connection, select: str, where: str, params: list[Any], names: tuple[str, ...]
) -> list[dict[str, Any]]:
    rows = con.execute(
        f"SELECT {select}, count(*) AS n, coalesce(sum(fatalities), 0) FROM occurrences {where} "
        f"GROUP BY ALL ORDER BY n DESC, 1 LIMIT {TOP}",
        params,
    ).fetchall()
    return [
        {**dict(zip(names, row[:-2], strict=True)), "events": int(row[-2]), "fatalities": int(row[-1])}
        for row in rows
    ]


def actor_profile(con: Connection, name: str) -> dict[str, Any] | None:
    """An actor (actor1 or actor2, exact, any case): events and fatalities by month, the places and
    the counterparts (the actor on the other side) with the most events, first and last seen.
    None when no event names the actor."""
    where = "WHERE lower(actor1) = lower(?) OR lower(actor2) = lower(?)"
    params: list[Any] = [name, name]
    seen = _seen(con, where, params)
    if seen["events"] == 0:
        return None
    counterpart = "CASE WHEN lower(actor1) = lower(?) THEN actor2 ELSE actor1 END"
    return {
        "actor": name,
        **seen,
        "by_month": _by_month(con, where, params),
        "places": _top(con, "country, admin1", where, params, ("country", "admin1")),
        "counterparts": _top(
            con,
            f"{counterpart} AS counterpart",
            f"WHERE (lower(actor1) = lower(?) OR lower(actor2) = lower(?)) AND {counterpart} IS NOT NULL",
            [name, name, name, name],  # the select's CASE, the two sides, the CASE again
            ("actor",),
        ),
        "event_types": _top(con, "event_type", where, params, ("event_type",)),
    }


def place_profile(
    con: Connection, country: str, admin1: str | None = None, location: str | None = None
) -> dict[str, Any] | None:
    """An admin-1 area of a country, or one location in it: events and fatalities by month, the
    actors and event types with the most events, first and last seen. None when it has no event."""
    clauses, params = ["lower(country) = lower(?)"], [country]
    for column, value in (("admin1", admin1), ("location", location)):
        if value is not None:
            clauses.append(f"lower({column}) = lower(?)")
            params.append(value)
    where = "WHERE " + " AND ".join(clauses)
    seen = _seen(con, where, params)
    if seen["events"] == 0:
        return None
    actors = con.execute(
        f"SELECT actor, count(*) AS n, coalesce(sum(fatalities), 0) FROM ("
        f"SELECT actor1 AS actor, fatalities FROM occurrences {where} "
        f"UNION ALL SELECT actor2, fatalities FROM occurrences {where}) "
        f"WHERE actor IS NOT NULL GROUP BY actor ORDER BY n DESC, actor LIMIT {TOP}",
        params + params,
    ).fetchall()
    return {
        "country": country,
        "admin1": admin1,
        "location": location,
        **seen,
        "by_month": _by_month(con, where, params),
        "actors": [{"actor": a, "events": int(n), "fatalities": int(f)} for a, n, f in actors],
        "event_types": _top(con, "event_type", where, params, ("event_type",)),
        "locations": []
        if location
        else _top(con, "location", and_where(where, "location IS NOT NULL"), params, ("location",)),
    }


def admin1_totals(con: Connection, where: OccurrenceFilter, limit: int = 500) -> list[dict[str, Any]]:
    """Events and fatalities per admin-1 area among the filtered located events, placed at the
    mean of their coordinates (the map's admin-1 layer), most events first."""
    sql, params = where.where()
    located = and_where(sql, "admin1 IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL")
    rows = con.execute(
        f"SELECT country, admin1, count(*) AS n, coalesce(sum(fatalities), 0), avg(latitude), avg(longitude) "
        f"FROM occurrences {located} GROUP BY country, admin1 ORDER BY n DESC, country, admin1 LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [
        {
            "country": c,
            "admin1": a,
            "events": int(n),
            "fatalities": int(f),
            "lat": float(lat),
            "lon": float(lon),
        }
        for c, a, n, f, lat, lon in rows
    ]
