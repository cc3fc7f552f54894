"""The aggregates of a brief (`strife report`) over merged events (occurrences).

Every function takes the same `EventFilter` that `strife events` applies (country, admin1, the
period's first and last day), so a brief's numbers are those of the events that command lists
for the filter. Counts by admin1, the weekly timeline and the map points are in `aggregates`;
this module adds what only a brief asks: figures by type with the disputed share, actors on
either side, events first seen in a period, claims by who made them, the sources cited, and
the review state when the store has one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from strife.records import Event
from strife.store.browse import and_where
from strife.store.schema import Connection
from strife.store.store import EventFilter

# The columns an area is keyed by: admin1 in a country brief, the location in an admin1 brief.
AREA_COLUMNS: tuple[str, ...] = ("admin1", "location")
# Actors on either side of an event (associated actors are lists in free text: not counted).
_ACTORS = "unnest([actor1, actor2])"
_CLAIMS = """from_json(record->'claims', '[{"claimant": "VARCHAR", "figure": "BIGINT"}]')"""
_SOURCES = (
    """from_json(record->'sources', '[{"article_id": "VARCHAR", "chain": "VARCHAR", "outlet": "VARCHAR"}]')"""
)


def _rows(con: Connection, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    return con.execute(sql, params).fetchall()


def figures_by_type(con: Connection, filters: EventFilter) -> list[dict[str, Any]]:
    """Per event type: events, fatalities, fatalities in events whose toll is disputed, events
    with a disputed toll, and people displaced; most events first. Unknown figures count as 0."""
    where, params = filters.where()
    rows = _rows(
        con,
        "SELECT event_type, count(*) AS n, coalesce(sum(fatalities), 0), "
        "coalesce(sum(fatalities) FILTER (WHERE fatalities_disputed), 0), "
        "count(*) FILTER (WHERE fatalities_disputed), coalesce(sum(displaced_people), 0) "
        f"FROM occurrences {where} GROUP BY event_type ORDER BY n DESC, event_type",
        params,
    )
    names = ("event_type", "events", "fatalities", "disputed_fatalities", "disputed_events", "displaced")
    return [dict(zip(names, (t, n, int(f), int(d), de, int(p)), strict=True)) for t, n, f, d, de, p in rows]


def top_actors(con: Connection, filters: EventFilter, limit: int) -> list[dict[str, Any]]:
    """The `limit` actors in most events as actor1 or actor2 (an event counts once per actor), with
    the fatalities of those events."""
    where, params = filters.where()
    rows = _rows(
        con,
        "SELECT actor, count(*) AS n, coalesce(sum(fatalities), 0) FROM "
        f"(SELECT DISTINCT event_id, {_ACTORS} AS actor, fatalities FROM occurrences {where}) "
        "WHERE actor IS NOT NULL GROUP BY actor ORDER BY n DESC, actor LIMIT ?",
        [*params, limit],
    )
    return [{"key": actor, "events": n, "fatalities": int(f)} for actor, n, f in rows]


def top_locations(con: Connection, filters: EventFilter, limit: int) -> list[dict[str, Any]]:
    """The `limit` locations with most events (None: not coded), with their fatalities: the areas
    of an admin1 brief (`aggregates.counts` gives those of a country brief, by admin1)."""
    where, params = filters.where()
    rows = _rows(
        con,
        "SELECT location AS key, count(*) AS n, coalesce(sum(fatalities), 0) FROM occurrences "
        f"{where} GROUP BY key ORDER BY n DESC, key NULLS LAST LIMIT ?",
        [*params, limit],
    )
    return [{"key": key, "events": n, "fatalities": int(f)} for key, n, f in rows]


def events_in(con: Connection, filters: EventFilter, clause: str, order: str, limit: int) -> list[Event]:
    """Up to `limit` merged events passing `filters` and the fixed SQL `clause`, in `order`."""
    where, params = filters.where()
    rows = _rows(
        con,
        f"SELECT record FROM occurrences {and_where(where, clause)} ORDER BY {order}, event_id LIMIT ?",
        [*params, limit],
    )
    return [Event.from_dict(json.loads(record)) for (record,) in rows]


def deadliest(con: Connection, filters: EventFilter, limit: int) -> list[Event]:
    """The events with the most fatalities (none without any), earliest first among equals."""
    return events_in(con, filters, "fatalities > 0", "fatalities DESC, event_date", limit)


def contested(con: Connection, filters: EventFilter, limit: int) -> tuple[int, list[Event]]:
    """How many events have a disputed toll or disputed claims, and the `limit` with most fatalities."""
    clause = "(fatalities_disputed OR disputed)"
    where, params = filters.where()
    found = con.execute(f"SELECT count(*) FROM occurrences {and_where(where, clause)}", params).fetchone()
    return (int(found[0]) if found else 0), events_in(
        con, filters, clause, "fatalities DESC NULLS LAST, event_date", limit
    )


def has_history(con: Connection, filters: EventFilter) -> bool:
    """Whether the store holds an event for `filters` dated before its first day (so that "first
    seen in the period" means something)."""
    if filters.date_from is None:
        return False
    scope, params = replace(filters, date_from=None, date_to=None).where()
    found = con.execute(
        f"SELECT count(*) FROM occurrences {and_where(scope, 'event_date < ?')}", [*params, filters.date_from]
    ).fetchone()
    return bool(found and found[0])


def first_seen(con: Connection, filters: EventFilter, key: str, limit: int) -> list[dict[str, Any]]:
    """Areas (`key` in AREA_COLUMNS) or actors (`key` "actor") with events in the period of
    `filters` and none before it: each with its events in the period and the first of them."""
    if key != "actor" and key not in AREA_COLUMNS:
        raise ValueError(f"unknown key {key!r}; choose actor or one of {', '.join(AREA_COLUMNS)}")
    if filters.date_from is None or filters.date_to is None:
        raise ValueError("first_seen needs a period: set date_from and date_to")
    scope, params = replace(filters, date_from=None, date_to=None).where()
    column = _ACTORS if key == "actor" else f'"{key}"'
    # Keys, dates and ids only until the few first events are known: records are read for those.
    keyed = (
        f"SELECT DISTINCT {column} AS key, event_date, event_id FROM occurrences "
        f"{and_where(scope, 'event_date <= ?')}"
    )
    rows = _rows(
        con,
        f"WITH keyed AS ({keyed}), fresh AS (SELECT key FROM keyed WHERE key IS NOT NULL GROUP BY key "
        "HAVING min(event_date) >= ?), ranked AS (SELECT key, event_id, count(*) OVER (PARTITION BY key) "
        "AS n, row_number() OVER (PARTITION BY key ORDER BY event_date, event_id) AS place "
        "FROM keyed WHERE key IN (SELECT key FROM fresh)), chosen AS (SELECT key, n, event_id FROM ranked "
        "WHERE place = 1 ORDER BY n DESC, key LIMIT ?) "
        "SELECT c.key, c.n, o.record FROM chosen c JOIN occurrences o USING (event_id) "
        "ORDER BY c.n DESC, c.key",
        [*params, filters.date_to, filters.date_from, limit],
    )
    return [{"key": k, "events": n, "first": Event.from_dict(json.loads(record))} for k, n, record in rows]


def claims_by_claimant(con: Connection, filters: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Who the claims of the period's events are attributed to (claimants compared case-blind;
    None: unattributed): claims, claims with a figure, and events, most claims first."""
    where, params = filters.where()
    rows = _rows(
        con,
        "SELECT lower(trim(c.claimant)) AS k, min(trim(c.claimant)), count(*) AS n, count(c.figure), "
        f"count(DISTINCT event_id) FROM (SELECT event_id, unnest({_CLAIMS}) AS c FROM occurrences {where}) "
        "GROUP BY k ORDER BY n DESC, k NULLS LAST LIMIT ?",
        [*params, limit],
    )
    return [
        {"claimant": name, "claims": n, "with_figure": figures, "events": events}
        for _, name, n, figures, events in rows
    ]


def coverage(con: Connection, filters: EventFilter) -> dict[str, int]:
    """What the period's events rest on and where they are thin: articles, source chains and
    outlets cited; events reported by one chain; events without coordinates; and the events
    of the same scope with no date, which no period can hold."""
    where, params = filters.where()
    cited = con.execute(
        "SELECT count(DISTINCT s.article_id), count(DISTINCT s.chain), count(DISTINCT lower(s.outlet)) "
        f"FROM (SELECT unnest({_SOURCES}) AS s FROM occurrences {where})",
        params,
    ).fetchone() or (0, 0, 0)
    thin = con.execute(
        "SELECT count(*) FILTER (WHERE coalesce(corroboration, 1) <= 1), "
        f"count(*) FILTER (WHERE latitude IS NULL OR longitude IS NULL) FROM occurrences {where}",
        params,
    ).fetchone() or (0, 0)
    scope, scope_params = replace(filters, date_from=None, date_to=None).where()
    undated = con.execute(
        f"SELECT count(*) FROM occurrences {and_where(scope, 'event_date IS NULL')}", scope_params
    ).fetchone()
    return {
        "articles": int(cited[0]),
        "chains": int(cited[1]),
        "outlets": int(cited[2]),
        "single_source": int(thin[0]),
        "unlocated": int(thin[1]),
        "undated_in_scope": int(undated[0]) if undated else 0,
    }


def reviewed(con: Connection, filters: EventFilter) -> int | None:
    """How many of the period's events an analyst has reviewed (approved or corrected, and not
    flagged for another look since); None when the store holds no review at all (before schema 4,
    or nobody reviewed yet), so that a brief says "not reviewed" instead of "0% reviewed".

    A review is kept under the id its occurrence had then (`store.review`); the occurrence holding
    that id now is the one reviewed, as in the review counts.
    """
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'review_status'"
    ).fetchone()
    if not found or not found[0]:
        return None
    any_review = con.execute("SELECT count(*) FROM review_status").fetchone()
    if not any_review or not any_review[0]:
        return None
    where, params = filters.where()
    done = (
        "event_id IN (SELECT occurrence_id FROM (SELECT coalesce(m.occurrence_id, s.event_id) "
        'AS occurrence_id, arg_max(s.status, s."at") AS status, max(s.flagged) AS flagged '
        "FROM review_status s LEFT JOIN event_occurrence m USING (event_id) GROUP BY 1) "
        "WHERE status IS NOT NULL AND flagged IS NULL)"
    )
    row = con.execute(f"SELECT count(*) FROM occurrences {and_where(where, done)}", params).fetchone()
    return int(row[0]) if row else 0
