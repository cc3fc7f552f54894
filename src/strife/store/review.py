"""The review tables (schema step 4): the audit log, the reviewer's overrides, the decision on each
reviewed occurrence, the reports pinned together or apart, and the review queue.

A review is keyed by an *anchor*: the occurrence's id when it was reviewed. That id is the event
id of one of its reports (CODEBOOK section 9), and a report stays in some occurrence however the
merger regroups, so the anchor always leads to the occurrence the review is about now, even after
the merger folded it into another. `strife.review` applies all of this on top of the machine's
records; nothing here edits an event or an occurrence.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from strife.store._write import insert
from strife.store.schema import Connection

STATUSES = ("approved", "corrected", "rejected")


@dataclass(frozen=True)
class Change:
    """One line of the audit trail: a field changed, or a decision (approve, reject, split, merge)."""

    event_id: str
    action: str
    reviewer: str
    at: datetime
    field: str | None = None
    before: Any = None
    after: Any = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "action": self.action,
            "field": self.field,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
            "reviewer": self.reviewer,
            "at": self.at.isoformat(timespec="seconds") + "Z",
        }


@dataclass(frozen=True)
class Decision:
    """Where the review of one occurrence stands.

    `sources` and `machine` are what the reviewer saw (article ids, the machine's values), so a
    later report can be told apart; `flagged` says why it needs another look (None: it does not);
    `record` is the last reviewed record, kept for rejected occurrences, which leave `occurrences`.
    """

    event_id: str
    status: str
    reviewer: str
    at: datetime
    category: str | None = None
    reason: str | None = None
    flagged: str | None = None
    sources: tuple[str, ...] = ()
    machine: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] | None = None
    applied_at: datetime | None = None


_CHANGE_COLUMNS = ("event_id", "action", "field", "value_before", "value_after", "reason", "reviewer", "at")
_DECISION_COLUMNS = (
    "event_id", "status", "category", "reason", "reviewer", "at", "flagged", "sources", "machine",
    "record", "applied_at",
)  # fmt: skip


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _loaded(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def log(con: Connection, changes: Sequence[Change]) -> None:
    rows = [
        (c.event_id, c.action, c.field, _json(c.before), _json(c.after), c.reason, c.reviewer, c.at)
        for c in changes
    ]
    if rows:
        insert(con, "review_log", _CHANGE_COLUMNS, rows)


def history(con: Connection, anchors: Iterable[str]) -> list[Change]:
    """The audit trail of these anchors, oldest first."""
    rows = con.execute(
        f"SELECT {_quoted(_CHANGE_COLUMNS)} FROM review_log WHERE event_id IN (SELECT unnest(?)) "
        "ORDER BY seq",
        [list(anchors)],
    ).fetchall()
    return [
        Change(event_id=r[0], action=r[1], field=r[2], before=_loaded(r[3]), after=_loaded(r[4]),
               reason=r[5], reviewer=r[6], at=r[7])
        for r in rows
    ]  # fmt: skip


def set_overrides(con: Connection, anchor: str, values: Mapping[str, Any]) -> None:
    if not values:
        return
    con.execute(
        "DELETE FROM review_overrides WHERE event_id = ? AND field IN (SELECT unnest(?))",
        [anchor, list(values)],
    )
    insert(con, "review_overrides", ("event_id", "field", "value"),
           [(anchor, name, _json(value)) for name, value in values.items()])  # fmt: skip


def overrides(con: Connection, anchors: Iterable[str]) -> dict[str, dict[str, Any]]:
    """{anchor: {field: the reviewer's value}}."""
    found: dict[str, dict[str, Any]] = {}
    rows = con.execute(
        "SELECT event_id, field, value FROM review_overrides WHERE event_id IN (SELECT unnest(?)) "
        "ORDER BY event_id, field",
        [list(anchors)],
    ).fetchall()
    for anchor, name, value in rows:
        found.setdefault(anchor, {})[name] = _loaded(value)
    return found


def save_decision(con: Connection, decision: Decision) -> None:
    con.execute("DELETE FROM review_status WHERE event_id = ?", [decision.event_id])
    d = decision
    row = (d.event_id, d.status, d.category, d.reason, d.reviewer, d.at, d.flagged, _json(list(d.sources)),
           _json(d.machine), _json(d.record), d.applied_at)  # fmt: skip
    insert(con, "review_status", _DECISION_COLUMNS, [row])


def drop_decisions(con: Connection, anchors: Iterable[str]) -> None:
    con.execute("DELETE FROM review_status WHERE event_id IN (SELECT unnest(?))", [list(anchors)])


def decisions(con: Connection, anchors: Iterable[str] | None = None) -> dict[str, Decision]:
    """{anchor: its decision}, of these anchors (all when None)."""
    where, params = (
        ("WHERE event_id IN (SELECT unnest(?))", [list(anchors)]) if anchors is not None else ("", [])
    )
    rows = con.execute(f"SELECT {_quoted(_DECISION_COLUMNS)} FROM review_status {where}", params).fetchall()
    return {
        r[0]: Decision(event_id=r[0], status=r[1], category=r[2], reason=r[3], reviewer=r[4], at=r[5],
                       flagged=r[6], sources=tuple(_loaded(r[7]) or ()), machine=_loaded(r[8]) or {},
                       record=_loaded(r[9]), applied_at=r[10])
        for r in rows
    }  # fmt: skip


def all_anchors(con: Connection) -> list[str]:
    rows = con.execute(
        "SELECT event_id FROM review_status UNION SELECT event_id FROM review_overrides ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def stale_anchors(con: Connection) -> list[str]:
    """Anchors whose occurrence was rewritten (by the merger) since the review was last applied to
    it, or brought back after a rejection: the only ones a reapply needs to look at."""
    rows = con.execute(
        "SELECT s.event_id FROM review_status s LEFT JOIN event_occurrence m USING (event_id) "
        "JOIN occurrences o ON o.event_id = coalesce(m.occurrence_id, s.event_id) "
        "WHERE o.updated_at IS DISTINCT FROM s.applied_at OR s.status = 'rejected' ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def occurrence_of(con: Connection, event_ids: Iterable[str]) -> dict[str, str]:
    """{event id: the occurrence holding it now}; an occurrence's own id leads to itself."""
    ids = list(event_ids)
    rows = con.execute(
        "SELECT i, coalesce(m.occurrence_id, i) FROM (SELECT unnest(?) AS i) "
        "LEFT JOIN event_occurrence m ON m.event_id = i",
        [ids],
    ).fetchall()
    return dict(rows)


def anchors_in(con: Connection, occurrence_id: str) -> list[str]:
    """The anchors whose review is about this occurrence now, oldest decision first."""
    rows = con.execute(
        'WITH anchors AS (SELECT event_id, "at" FROM review_status UNION ALL '
        "SELECT event_id, NULL FROM review_overrides) "
        'SELECT a.event_id, min(a."at") FROM anchors a LEFT JOIN event_occurrence m USING (event_id) '
        "WHERE coalesce(m.occurrence_id, a.event_id) = ? GROUP BY a.event_id ORDER BY 2 NULLS FIRST, 1",
        [occurrence_id],
    ).fetchall()
    return [r[0] for r in rows]


def stored_record(con: Connection, occurrence_id: str) -> tuple[dict[str, Any], datetime | None] | None:
    """The occurrence's record as stored and when the merger (or review) last wrote it."""
    row = con.execute(
        "SELECT record, updated_at FROM occurrences WHERE event_id = ?", [occurrence_id]
    ).fetchone()
    return (json.loads(row[0]), row[1]) if row else None


def updated_at(con: Connection, occurrence_ids: Iterable[str]) -> dict[str, datetime | None]:
    rows = con.execute(
        "SELECT event_id, updated_at FROM occurrences WHERE event_id IN (SELECT unnest(?))",
        [list(occurrence_ids)],
    ).fetchall()
    return dict(rows)


def groups(con: Connection) -> dict[str, str]:
    """{report event id: the group a reviewer pinned it to}."""
    return dict(con.execute("SELECT event_id, group_id FROM review_groups").fetchall())


def pin(con: Connection, placement: Mapping[str, str], reviewer: str, at: datetime) -> None:
    """Pin reports to groups ({event id: group id}), replacing their earlier pins."""
    if not placement:
        return
    con.execute("DELETE FROM review_groups WHERE event_id IN (SELECT unnest(?))", [list(placement)])
    insert(con, "review_groups", ("event_id", "group_id", "reviewer", "at"),
           [(e, g, reviewer, at) for e, g in placement.items()])  # fmt: skip


def regroup_pins(con: Connection, old: str, new: str) -> None:
    """Every report pinned to group `old` is pinned to `new` (two groups a reviewer merged)."""
    con.execute("UPDATE review_groups SET group_id = ? WHERE group_id = ?", [new, old])


def reports(con: Connection, occurrence_id: str) -> list[dict[str, Any]]:
    """The per-report records merged into an occurrence, as the split form lists them."""
    rows = con.execute(
        "SELECT e.event_id, e.article_id, a.title, e.sub_event_type, e.event_date, e.location, e.fatalities "
        "FROM event_occurrence m JOIN events e USING (event_id) JOIN articles a ON a.id = e.article_id "
        "WHERE m.occurrence_id = ? ORDER BY e.event_id",
        [occurrence_id],
    ).fetchall()
    names = ("event_id", "article_id", "title", "sub_event_type", "event_date", "location", "fatalities")
    return [
        {
            k: (v.isoformat() if k == "event_date" and v is not None else v)
            for k, v in zip(names, r, strict=True)
        }
        for r in rows
    ]


def rejected(con: Connection) -> list[Decision]:
    return [d for d in decisions(con).values() if d.status == "rejected"]


def review_of(con: Connection, occurrence_id: str) -> dict[str, Any]:
    """The review of an occurrence as the page shows it: its status (pending when none), who and
    when, why it is flagged, which fields a reviewer set, and the reports merged into it."""
    found = decisions(con, anchors_in(con, occurrence_id))
    latest = max(found.values(), key=lambda d: d.at) if found else None
    fields = sorted({name for values in overrides(con, found).values() for name in values})
    return {
        "status": latest.status if latest else "pending",
        "reviewed_by": latest.reviewer if latest else None,
        "reviewed_at": latest.at.isoformat(timespec="seconds") + "Z" if latest else None,
        "category": latest.category if latest else None,
        "reason": latest.reason if latest else None,
        "flagged": latest.flagged if latest else None,
        "fields": fields,
        "reports": reports(con, occurrence_id),
    }


def rejected_record(con: Connection, event_id: str) -> dict[str, Any] | None:
    """The last shown record of a rejected occurrence this id leads to (it is not in `occurrences`)."""
    occurrence = occurrence_of(con, [event_id])[event_id]
    for decision in decisions(con, anchors_in(con, occurrence)).values():
        if decision.status == "rejected" and decision.record is not None:
            return {**decision.record, "event_id": occurrence}
    return None


def reviewed_records(con: Connection) -> list[tuple[Decision, dict[str, Any]]]:
    """Every reviewed occurrence not flagged since, with its record as shown (a rejected one: as it
    was when rejected), by occurrence id: what a gold file of the reviews holds."""
    found: dict[str, tuple[Decision, dict[str, Any]]] = {}
    placed = occurrence_of(con, [d.event_id for d in decisions(con).values()])
    for decision in sorted(decisions(con).values(), key=lambda d: d.at):
        if decision.flagged is not None:
            continue
        occurrence = placed[decision.event_id]
        stored = stored_record(con, occurrence)
        record = stored[0] if stored is not None else decision.record
        if record is not None and (decision.status == "rejected" or stored is not None):
            found[occurrence] = (decision, record)
    return [found[key] for key in sorted(found)]


def occurrences_citing(con: Connection, article_ids: Iterable[str]) -> dict[str, list[str]]:
    """{article id: the occurrences its reports were merged into}."""
    rows = con.execute(
        "SELECT DISTINCT e.article_id, m.occurrence_id FROM events e "
        "JOIN event_occurrence m USING (event_id) WHERE e.article_id IN (SELECT unnest(?)) ORDER BY 1, 2",
        [list(article_ids)],
    ).fetchall()
    found: dict[str, list[str]] = {}
    for article, occurrence in rows:
        found.setdefault(article, []).append(occurrence)
    return found
