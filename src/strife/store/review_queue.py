"""The review queue and counts: which occurrences most need a reviewer's eyes, and how far review
has come per country (SQL over `occurrences` and the review tables of `strife.store.review`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from strife.store.schema import Connection

# What makes an occurrence need eyes: (name, weight, SQL condition over `o` (occurrences) and `r`
# (its review)). The queue sorts by the summed weight, then by fatalities.
SIGNALS: tuple[tuple[str, int, str], ...] = (
    ("flagged", 8, "r.flagged IS NOT NULL"),
    ("low confidence", 4, "coalesce(o.confidence, 0) < 0.6"),
    ("disputed figures", 3, "(o.fatalities_disputed OR o.disputed)"),
    ("very high fatalities", 3, "coalesce(o.fatalities, 0) >= 100"),
    ("single source", 2, "coalesce(o.source_count, 1) <= 1"),
    ("unresolved place", 2, "(o.latitude IS NULL OR o.location IS NULL)"),
    # A pair merging left apart in its uncertain band (strife.dedupe.decide): the occurrence it was
    # not merged into, or the one the left-out report is in now.
    (
        "uncertain merge",
        3,
        "EXISTS (SELECT 1 FROM merge_log l LEFT JOIN event_occurrence eo ON eo.event_id = l.event_id "
        "WHERE l.reason LIKE 'uncertain%' "
        "AND (l.occurrence_id = o.event_id OR eo.occurrence_id = o.event_id))",
    ),
    ("new since last visit", 1, "(CAST(? AS TIMESTAMP) IS NOT NULL AND o.updated_at > CAST(? AS TIMESTAMP))"),
)
_REVIEWED = (
    "WITH reviewed AS (SELECT coalesce(m.occurrence_id, s.event_id) AS occurrence_id, "
    'arg_max(s.status, s."at") AS status, max(s.flagged) AS flagged, arg_max(s.reviewer, s."at") AS reviewer '
    "FROM review_status s LEFT JOIN event_occurrence m USING (event_id) GROUP BY 1) "
)
QUEUE_FIELDS = (
    "event_id", "event_date", "event_type", "sub_event_type", "country", "admin1", "location",
    "fatalities", "source_count", "confidence", "status", "flagged", "score", "reasons",
)  # fmt: skip


def queue(
    con: Connection, *, limit: int = 50, country: str | None = None, since: datetime | None = None
) -> list[dict[str, Any]]:
    """Occurrences not yet reviewed (or flagged again), most in need of eyes first."""
    score = " + ".join(f"(CASE WHEN {cond} THEN {weight} ELSE 0 END)" for _, weight, cond in SIGNALS)
    reasons = ", ".join(f"CASE WHEN {cond} THEN '{name}' END" for name, _, cond in SIGNALS)
    condition_params = [since, since]  # the one signal with parameters, used in score and in reasons
    where, params = "WHERE (r.status IS NULL OR r.flagged IS NOT NULL)", []
    if country is not None:
        where += " AND lower(o.country) = lower(?)"
        params.append(country)
    rows = con.execute(
        f"{_REVIEWED}SELECT o.event_id, o.event_date, o.event_type, o.sub_event_type, o.country, o.admin1, "
        f"o.location, o.fatalities, o.source_count, o.confidence, r.status, r.flagged, {score} AS score, "
        f"list_filter([{reasons}], lambda x: x IS NOT NULL) AS reasons "
        f"FROM occurrences o LEFT JOIN reviewed r ON r.occurrence_id = o.event_id {where} "
        "ORDER BY score DESC, o.fatalities DESC NULLS LAST, o.event_id LIMIT ?",
        [*condition_params, *condition_params, *params, limit],
    ).fetchall()
    out = []
    for row in rows:
        item = dict(zip(QUEUE_FIELDS, row, strict=True))
        if item["event_date"] is not None:
            item["event_date"] = item["event_date"].isoformat()
        out.append(item)
    return out


def counts_by_country(con: Connection) -> list[dict[str, Any]]:
    """Per country: occurrences reviewed (and not flagged since), pending, and rejected as no event."""
    rows = con.execute(
        f"{_REVIEWED}SELECT coalesce(o.country, '') AS country, "
        "count(*) FILTER (WHERE r.status IS NOT NULL AND r.flagged IS NULL) AS reviewed, "
        "count(*) FILTER (WHERE r.status IS NULL OR r.flagged IS NOT NULL) AS pending "
        "FROM occurrences o LEFT JOIN reviewed r ON r.occurrence_id = o.event_id GROUP BY 1"
    ).fetchall()
    rejected = dict(
        con.execute(
            "SELECT coalesce(json_extract_string(record, '$.country'), ''), count(*) FROM review_status "
            "WHERE status = 'rejected' GROUP BY 1"
        ).fetchall()
    )
    found = {
        country: {"country": country, "reviewed": r, "pending": p, "rejected": 0} for country, r, p in rows
    }
    for country, n in rejected.items():
        found.setdefault(country, {"country": country, "reviewed": 0, "pending": 0, "rejected": 0})[
            "rejected"
        ] = n
    return sorted(found.values(), key=lambda c: (-c["pending"], c["country"]))


def statuses(con: Connection, occurrence_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """{occurrence id: (status, reviewer)} of the reviewed ones among these occurrences."""
    rows = con.execute(
        f"{_REVIEWED}SELECT occurrence_id, "
        "CASE WHEN flagged IS NOT NULL THEN 'flagged' ELSE status END, reviewer "
        "FROM reviewed WHERE occurrence_id IN (SELECT unnest(?))",
        [list(occurrence_ids)],
    ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def last_changes(con: Connection, occurrence_ids: Iterable[str]) -> dict[str, datetime]:
    """{occurrence id: time of the last entry of its review log} of the reviewed ones among these."""
    rows = con.execute(
        'SELECT coalesce(m.occurrence_id, l.event_id) AS occurrence_id, max(l."at") '
        "FROM review_log l LEFT JOIN event_occurrence m USING (event_id) "
        "WHERE coalesce(m.occurrence_id, l.event_id) IN (SELECT unnest(?)) GROUP BY 1",
        [list(occurrence_ids)],
    ).fetchall()
    return {r[0]: r[1] for r in rows}


REVIEW_FIELDS = ("reviewed", "reviewed_by")


def with_review(con: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Summary rows (each with an `event_id`) with `reviewed` (pending, approved, corrected or flagged)
    and `reviewed_by` added: one query per batch of rows."""
    marks = statuses(con, [row["event_id"] for row in rows])
    for row in rows:
        row["reviewed"], row["reviewed_by"] = marks.get(row["event_id"], ("pending", None))
    return rows
