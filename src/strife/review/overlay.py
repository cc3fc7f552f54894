"""A reviewer's decisions applied on top of the machine's merged records, after every merge.

The merger writes `occurrences` from the stored reports; a review never edits a report and
keeps its corrections in its own tables (`strife.store.review`). This module makes the
occurrences show them, and is safe to run at any time, as often as wanted:

1. regroup: reports a reviewer pinned together (merge) or apart (split) are put back in their
   groups, whatever the merger did since; each group is combined as the merger combines one
   (an undated copy with the date its source chain lends it);
2. overlay: each reviewed occurrence the merger rewrote since it was last overlaid gets the
   reviewer's values back; a rejected one leaves `occurrences` (its record is kept with the
   decision); when the rewrite brought a new report that moved the machine's values, the
   review is flagged for another look.

`reapply(store)` runs both; ingest and delete call it after merging (the merger could call
`apply_pinned`/`overlay` itself on the occurrences it writes; see the report of issue 14).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from strife.dedupe.incremental import combined_records
from strife.records import Event
from strife.store import MergeDecision, Store
from strife.store import occurrences as stored
from strife.store import review as reviewed
from strife.store.schema import Connection

# A new report that changes the machine's value of one of these asks for another look.
WATCHED = (
    "event_type", "sub_event_type", "event_date", "country", "admin1", "location", "actor1", "actor2",
    "fatalities", "displaced_people",
)  # fmt: skip
PINNED_REASON = "pinned by a reviewer (split or merge)"


def reapply(store: Store) -> int:
    """Regroup pinned reports and overlay every review the merger overwrote; return how many
    occurrences changed. Cheap when nothing was reviewed or nothing was rewritten."""
    con = store.cursor()
    try:
        plan = plan_regroup(store, con)
        with store.transaction(con):
            changed = write_regroup(con, plan)
            changed += overlay(con, reviewed.stale_anchors(con))
        return changed
    finally:
        con.close()


Plan = tuple[list[str], list[Event], dict[str, str]]  # (occurrences to drop, records to write, moves)


def plan_regroup(store: Store, con: Connection, pins: dict[str, str] | None = None) -> Plan:
    """What regrouping the pinned reports (`pins`, default: the stored pins) would write.

    Reads only: a caller writes the plan (`write_regroup`) inside its own transaction.
    """
    pins = reviewed.groups(con) if pins is None else pins
    if not pins:
        return [], [], {}
    placed = reviewed.occurrence_of(con, pins)
    current = {o: set(ids) for o, ids in stored.members_of(con, sorted(set(placed.values()))).items()}
    desired: dict[str, set[str]] = {}
    for occurrence, ids in current.items():
        here = sorted({pins[e] for e in ids if e in pins})
        default = pins.get(occurrence) or here[0]
        for event_id in ids:
            desired.setdefault(pins.get(event_id, default), set()).add(event_id)
    named = {(group if group in ids else min(ids)): ids for group, ids in desired.items()}
    if named == current:
        return [], [], {}
    # combined as the merger combines (an undated copy takes the date its chain lends, CODEBOOK section 9)
    merged = combined_records(store, con, {o: sorted(ids) for o, ids in sorted(named.items())})
    was = {e: o for o, ids in current.items() for e in ids}
    moves = {e: o for o, ids in named.items() for e in ids if was.get(e) != o}
    return sorted(set(current) - set(named)), merged, moves


def write_regroup(con: Connection, plan: Plan) -> int:
    drop, merged, moves = plan
    if not merged:
        return 0
    stored.remove(con, drop)
    stored.write(con, merged)
    stored.assign(con, moves)
    stored.log(con, [MergeDecision(o, e, o, PINNED_REASON) for e, o in sorted(moves.items())])
    return len(merged)


def overlay(con: Connection, anchors: Iterable[str], *, force: bool = False, seen: bool = False) -> int:
    """Put the reviewer's values back on the occurrences of these anchors that the merger rewrote
    since (every one when `force`); return how many were written. `seen`: the reviewer made this
    change (a split or merge), so its new reports are no reason for another look."""
    occurrences = sorted(set(reviewed.occurrence_of(con, list(anchors)).values()))
    return sum(overlay_one(con, occurrence, force=force, seen=seen) for occurrence in occurrences)


def overlay_one(con: Connection, occurrence: str, *, force: bool = False, seen: bool = False) -> int:
    anchors = reviewed.anchors_in(con, occurrence)
    decisions = reviewed.decisions(con, anchors)
    if not decisions:
        return 0
    found = reviewed.stored_record(con, occurrence)
    latest = max(decisions.values(), key=lambda d: d.at)
    if found is None:
        return 0  # a rejected occurrence no merge has brought back
    record, updated = found
    fresh = all(d.applied_at != updated for d in decisions.values())
    if not fresh and not force:
        return 0
    flag = _disagreement(latest, record) if fresh and not seen else None
    overrides: dict[str, Any] = {}
    for anchor in anchors:  # oldest first: the latest reviewer's value wins
        overrides.update(reviewed.overrides(con, [anchor]).get(anchor, {}))
    shown = {**record, **overrides}
    for decision in decisions.values():
        changes: dict[str, Any] = {}
        if fresh:
            changes["machine"] = {name: record.get(name) for name in WATCHED}
        if seen:
            changes["sources"] = sources_of(record)
        if flag is not None:
            changes["flagged"] = flag
        if decision.status == "rejected":
            changes["record"] = shown
        if changes:
            reviewed.save_decision(con, replace(decision, **changes))
    if latest.status == "rejected":
        stored.remove(con, [occurrence])
        if flag is not None:
            _log_flag(con, latest.event_id, flag)
        return 1
    stored.write(con, [Event.from_dict(json.loads(json.dumps(shown)))])
    applied = reviewed.updated_at(con, [occurrence]).get(occurrence)
    for decision in reviewed.decisions(con, anchors).values():
        reviewed.save_decision(con, replace(decision, applied_at=applied))
    if flag is not None:
        _log_flag(con, latest.event_id, flag)
    return 1


def _disagreement(decision: reviewed.Decision, record: dict[str, Any]) -> str | None:
    """Why a rewritten record needs another look: a report the reviewer did not see changed the
    machine's value of a watched field. None when nothing new came, or it agrees."""
    seen = set(decision.sources)
    new = sorted({s["article_id"] for s in record.get("sources") or []} - seen)
    if not new or not decision.machine:
        return None
    moved = [name for name in WATCHED if decision.machine.get(name) != record.get(name)]
    if not moved:
        return None
    return f"new report(s) {', '.join(new[:3])} changed {', '.join(moved)}"


def _log_flag(con: Connection, anchor: str, flag: str) -> None:
    reviewed.log(con, [reviewed.Change(anchor, "flag", "strife", utcnow(), reason=flag)])


def utcnow() -> datetime:
    """Now in UTC, naive (as the store's timestamps are), to the second."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def sources_of(record: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted({s["article_id"] for s in record.get("sources") or []}))


def members(con: Connection, occurrence: str) -> Sequence[str]:
    return stored.members_of(con, [occurrence]).get(occurrence, [])
