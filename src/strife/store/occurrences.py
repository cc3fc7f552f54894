"""Merged events (occurrences) in the store: which events make each one, the merged record, the log.

`occurrences` has the event table's scalar columns, to filter, sort and count
on, plus `record`, the whole merged Event as codebook JSON (sources, claims and
evidence included). An occurrence's id is the event id of its first stored
member, so it does not change as later reports join it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from strife.records import Event, Source
from strife.store import _rows
from strife.store._write import insert, utcnow
from strife.store.schema import Connection

OCCURRENCE_COLUMNS: tuple[str, ...] = (*_rows.EVENT_SCALARS, "source_count", "record", "updated_at")


@dataclass(frozen=True)
class MergeDecision:
    """One event joining an occurrence: which stored event it matched, and why."""

    occurrence_id: str
    event_id: str
    matched: str
    reason: str
    at: datetime | None = None


def write(con: Connection, occurrences: Sequence[Event]) -> None:
    """Store these merged records, replacing any stored under the same ids."""
    if not occurrences:
        return
    remove(con, [event.event_id for event in occurrences])
    now = utcnow()
    rows = [
        (
            *(getattr(event, name) for name in _rows.EVENT_SCALARS),
            len(event.sources),
            json.dumps(event.to_dict(), ensure_ascii=False),
            now,
        )
        for event in occurrences
    ]
    insert(con, "occurrences", OCCURRENCE_COLUMNS, rows)


def remove(con: Connection, occurrence_ids: Iterable[str]) -> None:
    """Drop occurrences absorbed into others."""
    con.execute("DELETE FROM occurrences WHERE event_id IN (SELECT unnest(?))", [list(occurrence_ids)])


def assign(con: Connection, members: Mapping[str, str]) -> None:
    """Record (or move) events into occurrences: {event_id: occurrence_id}."""
    if not members:
        return
    con.execute("DELETE FROM event_occurrence WHERE event_id IN (SELECT unnest(?))", [list(members)])
    insert(con, "event_occurrence", ("event_id", "occurrence_id"), list(members.items()))


def log(con: Connection, decisions: Sequence[MergeDecision]) -> None:
    now = utcnow()
    rows = [(d.occurrence_id, d.event_id, d.matched, d.reason, d.at or now) for d in decisions]
    insert(con, "merge_log", ("occurrence_id", "event_id", "matched", "reason", "at"), rows)


def decisions(con: Connection, occurrence_id: str | None = None) -> list[MergeDecision]:
    """The merge log, oldest first; only one occurrence's entries when an id is given."""
    where, params = ("WHERE occurrence_id = ?", [occurrence_id]) if occurrence_id else ("", [])
    rows = con.execute(
        f'SELECT occurrence_id, event_id, matched, reason, "at" FROM merge_log {where} '
        'ORDER BY "at", occurrence_id, event_id',
        params,
    ).fetchall()
    return [MergeDecision(*row) for row in rows]


def unassigned(con: Connection) -> list[str]:
    """Ids of stored events in no occurrence yet, in the order their articles were stored."""
    rows = con.execute(
        "SELECT e.event_id FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.event_id NOT IN (SELECT event_id FROM event_occurrence) "
        "ORDER BY a.ingested_at, a.id, e.event_id"
    ).fetchall()
    return [event_id for (event_id,) in rows]


def members_near(con: Connection, kinds: Sequence[tuple[str, str]], first: date, last: date) -> list[Member]:
    """Grouped dated events of these (event type, country) kinds whose window touches first..last,
    in the order they were stored (so an older occurrence outranks a newer one when a report
    joins both).

    Only the scalars needed to compare records are filled, with the article as the one source.
    """
    return _members(
        con,
        "AND coalesce(e.date_end, e.event_date) >= ? AND coalesce(e.date_start, e.event_date) <= ?",
        kinds,
        [first, last],
    )


def members_recent(
    con: Connection,
    kinds: Sequence[tuple[str, str]],
    keys: Sequence[tuple[str, str, str | None]],
    limit: int,
    *,
    undated_only: bool = False,
    cell_degrees: float = 0.15,
) -> list[Member]:
    """The `limit` latest stored grouped events of each (event type, country) of `kinds` under each
    (country, key family, key) of `keys` (only the undated ones with `undated_only`), in the order
    they were stored: what an undated report is compared with, and the undated reports a dated one
    is compared with. Every kind of a country is read under every key of that country, more than
    any one record asks for, in one query (a list of each kind's keys is three times as long). The
    key families (`strife.dedupe.place_keys`): "admin1" (the events of an admin1; "" for those with
    none, None for the whole country), "area" and "nocoord" (those of an admin1 placed at a
    district or province, or without coordinates; None again the whole country), "town" (the
    events of a grid cell of `cell_degrees`, "row:column") and "name" (those of a place name,
    folded)."""
    if not keys or not kinds:
        return []
    families = sorted({family for _, family, _ in keys})
    countrywide = {family for _, family, key in keys if key is None}
    keyed = " UNION ALL ".join(
        f"SELECT event_id, article_id, kind, country, '{family}' AS family, "
        f"{_KEY_FAMILIES[family][1]} AS key FROM base WHERE {_KEY_FAMILIES[family][0]}"
        + (
            f" UNION ALL SELECT event_id, article_id, kind, country, '{family} country', '' FROM base "
            f"WHERE {_KEY_FAMILIES[family][0]}"
            if family in countrywide
            else ""
        )
        for family in families
    )
    undated = "AND coalesce(e.date_start, e.event_date, e.date_end) IS NULL" if undated_only else ""
    chosen = (
        "WITH kinds AS (SELECT unnest(?) AS kind, unnest(?) AS country), "
        "base AS (SELECT e.event_id, e.article_id, e.event_type AS kind, "
        "coalesce(e.country, '') AS country, e.admin1, e.latitude, e.longitude, e.geo_precision, "
        "e.location FROM events e JOIN event_occurrence USING (event_id) "
        f"JOIN kinds ON kinds.kind = e.event_type AND kinds.country = coalesce(e.country, '') {undated}), "
        f"keyed AS ({keyed}), "
        "wanted AS (SELECT unnest(?) AS country, unnest(?) AS family, unnest(?) AS key) "
        "SELECT k.event_id FROM keyed k JOIN wanted w USING (country, family, key) "
        "JOIN articles a ON a.id = k.article_id "
        "QUALIFY row_number() OVER (PARTITION BY k.kind, k.country, k.family, k.key "
        "ORDER BY a.ingested_at DESC, a.id DESC, k.event_id DESC) <= ?"
    )
    wanted = list(zip(*{(country, family if key is not None else f"{family} country", key or "")
                        for country, family, key in keys}, strict=True))  # fmt: skip
    pairs = sorted(set(kinds))
    cells = [cell_degrees] * sum(_KEY_FAMILIES[f][1].count("?") for f in families)
    params = [
        [k for k, _ in pairs],
        [c for _, c in pairs],
        *cells,
        *(list(column) for column in wanted),
        limit,
    ]
    ids = [event_id for (event_id,) in con.execute(chosen, params).fetchall()]
    return _members(con, "AND e.event_id IN (SELECT unnest(?))", None, [ids]) if ids else []


_FOLDED_LOCATION = (
    "replace(replace(replace(replace(replace(lower(strip_accents(location)), '''', ''), "
    "'\u2019', ''), '\u02bc', ''), '`', ''), '-', ' ')"
)
_ON_GRID = "latitude IS NOT NULL AND longitude IS NOT NULL"
# family -> (which events it holds, the key's value as SQL; "?" is the cell size).
_KEY_FAMILIES: dict[str, tuple[str, str]] = {
    "admin1": ("true", "coalesce(admin1, '')"),
    "area": (f"{_ON_GRID} AND geo_precision >= 2", "coalesce(admin1, '')"),
    "nocoord": ("(latitude IS NULL OR longitude IS NULL)", "coalesce(admin1, '')"),
    "town": (_ON_GRID, "concat(floor(latitude / ?)::BIGINT, ':', floor(longitude / ?)::BIGINT)"),
    "name": ("location IS NOT NULL", _FOLDED_LOCATION),
}


def members_of_chains(con: Connection, article_ids: Sequence[str]) -> list[Member]:
    """The stored grouped events of the articles in the source chains of these articles (copies of
    one story merge wherever each coded the place)."""
    return _members(
        con,
        "AND e.article_id IN (SELECT c.article_id FROM chains c WHERE c.chain_id IN "
        "(SELECT chain_id FROM chains WHERE article_id IN (SELECT unnest(?))))",
        None,
        [list(article_ids)],
    )


class Member(NamedTuple):
    """A stored, grouped record (only the fields merging compares), its occurrence, and when it was stored."""

    event: Event
    occurrence_id: str
    stored: tuple[datetime, str, str]  # (ingested at, article id, event id): the order of arrival


def _members(
    con: Connection, where: str, kinds: Sequence[tuple[str, str]] | None, params: list[Any]
) -> list[Member]:
    """Grouped events matching `where`, of these (event type, country) kinds (None: any)."""
    names = ("event_id", "article_id", *_MATCH_COLUMNS)
    of_kinds = "e.event_type || chr(31) || coalesce(e.country, '') IN (SELECT unnest(?))"
    kind_params = [] if kinds is None else [[f"{kind}\x1f{country}" for kind, country in kinds]]
    rows = con.execute(
        f"SELECT {', '.join('e.' + n for n in names)}, o.occurrence_id, a.ingested_at FROM events e "
        "JOIN event_occurrence o USING (event_id) JOIN articles a ON a.id = e.article_id "
        f"WHERE {'true' if kinds is None else of_kinds} {where} "
        "ORDER BY a.ingested_at, a.id, e.event_id",
        [*kind_params, *params],
    ).fetchall()
    found = []
    for row in rows:
        values = dict(zip(names, row[:-2], strict=True))
        article = values.pop("article_id")
        event = Event(**values, sources=(Source(article),))
        found.append(Member(event, row[-2], (row[-1], article, event.event_id)))
    return found


def evidence_sentences(con: Connection, event_ids: Sequence[str]) -> dict[str, list[str]]:
    """Each event's evidence sentences, the one its type was read from first (for merge decisions
    that weigh how alike two reports' sentences are)."""
    rows = con.execute(
        "SELECT event_id, sentence FROM evidence WHERE event_id IN (SELECT unnest(?)) "
        "ORDER BY event_id, field <> 'event_type', ordinal",
        [list(event_ids)],
    ).fetchall()
    found: dict[str, list[str]] = {}
    for event_id, sentence in rows:
        sentences = found.setdefault(event_id, [])
        if sentence not in sentences:
            sentences.append(sentence)
    return found


def article_sentences(con: Connection, article_id: str) -> list[str]:
    """The evidence sentences of every stored event of one article, in the article's order."""
    rows = con.execute(
        "SELECT sentence, min(start) AS first_at FROM evidence WHERE article_id = ? GROUP BY sentence "
        "ORDER BY first_at",
        [article_id],
    ).fetchall()
    return [sentence for sentence, _ in rows]


UNCERTAIN = "uncertain"


def uncertain(con: Connection) -> list[MergeDecision]:
    """Pairs merging left apart as uncertain (logged with a reason starting 'uncertain'), for a
    person to decide: `occurrence_id` is the occurrence the event was not merged into."""
    rows = con.execute(
        'SELECT occurrence_id, event_id, matched, reason, "at" FROM merge_log WHERE reason LIKE ? '
        'ORDER BY "at", occurrence_id, event_id',
        [f"{UNCERTAIN}%"],
    ).fetchall()
    return [MergeDecision(*row) for row in rows]


def members_of(con: Connection, occurrence_ids: Iterable[str]) -> dict[str, list[str]]:
    rows = con.execute(
        "SELECT occurrence_id, event_id FROM event_occurrence WHERE occurrence_id IN (SELECT unnest(?)) "
        "ORDER BY occurrence_id, event_id",
        [list(occurrence_ids)],
    ).fetchall()
    found: dict[str, list[str]] = {}
    for occurrence, event_id in rows:
        found.setdefault(occurrence, []).append(event_id)
    return found


_MATCH_COLUMNS = (
    "event_type", "sub_event_type", "event_date", "date_start", "date_end", "time_precision",
    "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
)  # fmt: skip
