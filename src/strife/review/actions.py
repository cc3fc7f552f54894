"""What a reviewer does to an occurrence: correct fields, approve, reject, split, merge.

Each action is checked whole first (`strife.review.fields`), then written in one transaction:
the audit lines, the overrides or pins, the decision, and the occurrence shown with them. A
refused action writes nothing.

    review = Review(store)
    review.correct("a1-1", {"event_type": "Battles", "sub_event_type": "Armed clash"},
                   reviewer="amina", reason="the police fought an armed group")
    review.reject("a2-1", "background", reviewer="amina", reason="a 2014 massacre recalled")
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from strife.records import Event
from strife.review import overlay
from strife.review.fields import ReviewError, UnknownEvent, check_changes, check_reject
from strife.review.overlay import sources_of, utcnow
from strife.store import Store, review_queue
from strife.store import occurrences as stored
from strife.store import review as reviewed
from strife.store.schema import Connection

T = TypeVar("T")
MAX_REASON = 1000
MAX_REVIEWER = 80


def _reviewer(name: str | None) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise ReviewError("no reviewer name; say who reviews (header X-Strife-Reviewer, --reviewer)")
    if len(text) > MAX_REVIEWER:
        raise ReviewError(f"reviewer name is over {MAX_REVIEWER} characters")
    return text


def _reason(text: str | None, required: bool = False) -> str | None:
    reason = " ".join((text or "").split()) or None
    if required and reason is None:
        raise ReviewError("no reason given; say why (field 'reason')")
    if reason is not None and len(reason) > MAX_REASON:
        raise ReviewError(f"reason is over {MAX_REASON} characters")
    return reason


class Review:
    """Review actions on one open (writable) store. Ids may be an occurrence's or a report's."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading -------------------------------------------------------------

    def locate(self, con: Connection, event_id: str) -> tuple[str, dict[str, Any], reviewed.Decision | None]:
        """(occurrence id, its record as shown, its latest decision); UnknownEvent for no such id."""
        occurrence = reviewed.occurrence_of(con, [event_id])[event_id]
        decisions = reviewed.decisions(con, reviewed.anchors_in(con, occurrence))
        latest = max(decisions.values(), key=lambda d: d.at) if decisions else None
        found = reviewed.stored_record(con, occurrence)
        if found is not None:
            return occurrence, found[0], latest
        if latest is not None and latest.status == "rejected" and latest.record is not None:
            return occurrence, latest.record, latest
        raise UnknownEvent(event_id)

    def history(self, event_id: str) -> list[reviewed.Change]:
        """Every review line about the occurrence this id leads to, oldest first."""
        con = self.store.cursor()
        try:
            occurrence, _, _ = self.locate(con, event_id)
            return reviewed.history(con, [*reviewed.anchors_in(con, occurrence), occurrence])
        finally:
            con.close()

    def queue(
        self, *, limit: int = 50, country: str | None = None, since: datetime | None = None
    ) -> list[dict[str, Any]]:
        """Occurrences waiting for review, most in need of eyes first, each with its reasons."""
        return self._read(lambda con: review_queue.queue(con, limit=limit, country=country, since=since))

    def counts(self) -> list[dict[str, Any]]:
        """Per country: occurrences reviewed, pending, rejected."""
        return self._read(review_queue.counts_by_country)

    def statuses(self, occurrence_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """{occurrence id: (approved|corrected|rejected|flagged, reviewer)} of the reviewed ones."""
        return self._read(lambda con: review_queue.statuses(con, occurrence_ids))

    def _read(self, query: Callable[[Connection], T]) -> T:
        con = self.store.cursor()
        try:
            return query(con)
        finally:
            con.close()

    # -- acting --------------------------------------------------------------

    def correct(
        self, event_id: str, changes: Mapping[str, Any], *, reviewer: str, reason: str | None = None
    ) -> dict[str, Any]:
        """Set fields of an occurrence; return the record as now shown."""
        who, why = _reviewer(reviewer), _reason(reason)
        with self._writing() as con:
            occurrence, record, latest = self.locate(con, event_id)
            if latest is not None and latest.status == "rejected":
                raise ReviewError(f"event '{event_id}' is rejected as no event; reopen it to correct it")
            checked = check_changes(record, changes)
            anchor, now = self._anchor(con, occurrence), utcnow()
            reviewed.log(con, [reviewed.Change(anchor, "edit", who, now, name, record.get(name), value, why)
                               for name, value in checked.items()])  # fmt: skip
            reviewed.set_overrides(con, anchor, checked)
            self._decide(con, anchor, record, latest, status="corrected", who=who, now=now, reason=why)
            overlay.overlay_one(con, occurrence, force=True)
            return self.locate(con, occurrence)[1]

    def approve(self, event_id: str, *, reviewer: str, reason: str | None = None) -> None:
        """Mark an occurrence checked and right as shown (clears a flag for another look)."""
        self._simple(event_id, "approve", "approved", reviewer, reason)

    def reopen(self, event_id: str, *, reviewer: str, reason: str | None = None) -> None:
        """Undo a rejection or approval: the occurrence is pending again (its corrections stay)."""
        who, why = _reviewer(reviewer), _reason(reason)
        with self._writing() as con:
            occurrence, record, latest = self.locate(con, event_id)
            if latest is None:
                raise ReviewError(f"event '{event_id}' is not reviewed; nothing to reopen")
            anchors = reviewed.anchors_in(con, occurrence)
            reviewed.log(con, [reviewed.Change(anchors[0], "reopen", who, utcnow(), reason=why)])
            reviewed.drop_decisions(con, anchors)
            if latest.status == "rejected":
                stored.write(con, [Event.from_dict(record)])
            overrides = reviewed.overrides(con, anchors)
            if overrides:  # corrections stay: keep a decision that carries them
                self._decide(
                    con, anchors[0], record, None, status="corrected", who=who, now=utcnow(), reason=why
                )
                overlay.overlay_one(con, occurrence, force=True)

    def reject(self, event_id: str, category: str, *, reviewer: str, reason: str | None = None) -> None:
        """Mark an occurrence as no event, for `category` (background, intention, duplicate...)."""
        who, why, kind = _reviewer(reviewer), _reason(reason), check_reject(category)
        with self._writing() as con:
            occurrence, record, latest = self.locate(con, event_id)
            anchor, now = self._anchor(con, occurrence), utcnow()
            reviewed.log(con, [reviewed.Change(anchor, "reject", who, now, "category", None, kind, why)])
            self._decide(
                con, anchor, record, latest, status="rejected", who=who, now=now, reason=why, category=kind
            )
            overlay.overlay_one(con, occurrence, force=True)

    def split(
        self, event_id: str, reports: Sequence[str], *, reviewer: str, reason: str | None = None
    ) -> tuple[str, str]:
        """Move these reports (per-report event ids) out of the occurrence into one of their own;
        return (the occurrence's id, the new one's id). They stay apart whatever later merges do."""
        who, why = _reviewer(reviewer), _reason(reason)
        con = self.store.cursor()
        try:
            occurrence, _, _ = self.locate(con, event_id)
            members = list(overlay.members(con, occurrence))
            moving = sorted(set(reports))
            strays = [r for r in moving if r not in members]
            if strays:
                raise ReviewError(
                    f"report '{strays[0]}' is not in event '{occurrence}'; "
                    f"its reports are {', '.join(members)}"
                )
            staying = [m for m in members if m not in moving]
            if not moving or not staying:
                raise ReviewError(
                    "a split needs at least one report to move and one to stay; pick some, not all"
                )
            kept = occurrence if occurrence in staying else staying[0]
            pins = {
                **reviewed.groups(con),
                **dict.fromkeys(staying, kept),
                **dict.fromkeys(moving, moving[0]),
            }
            plan = overlay.plan_regroup(self.store, con, pins)
            now = utcnow()
            with self.store.transaction(con):
                reviewed.pin(
                    con, {**dict.fromkeys(staying, kept), **dict.fromkeys(moving, moving[0])}, who, now
                )
                anchor = self._anchor(con, occurrence)
                change = reviewed.Change(anchor, "split", who, now, "reports", members, moving, why)
                reviewed.log(con, [change])
                overlay.write_regroup(con, plan)
                touched = [*reviewed.anchors_in(con, kept), *reviewed.anchors_in(con, moving[0])]
                overlay.overlay(con, touched, force=True, seen=True)
                overlay.overlay(con, reviewed.stale_anchors(con))
            return kept, moving[0]
        finally:
            con.close()

    def merge(self, event_id: str, other_id: str, *, reviewer: str, reason: str | None = None) -> str:
        """Make two occurrences one (they stay one whatever later merges do); return its id."""
        who, why = _reviewer(reviewer), _reason(reason)
        con = self.store.cursor()
        try:
            first, _, _ = self.locate(con, event_id)
            second, _, _ = self.locate(con, other_id)
            if first == second:
                raise ReviewError(f"'{event_id}' and '{other_id}' are already one event ('{first}')")
            everyone = [*overlay.members(con, first), *overlay.members(con, second)]
            if len(everyone) < 2:
                raise ReviewError(f"events '{first}' and '{second}' have no stored reports to merge")
            old = reviewed.groups(con)
            pins = {**old, **dict.fromkeys(everyone, first)}
            pins = {e: first if g in (first, second) else g for e, g in pins.items()}
            plan = overlay.plan_regroup(self.store, con, pins)
            now = utcnow()
            with self.store.transaction(con):
                reviewed.regroup_pins(con, second, first)
                reviewed.pin(con, dict.fromkeys(everyone, first), who, now)
                anchor = self._anchor(con, first)
                reviewed.log(con, [reviewed.Change(anchor, "merge", who, now, "with", None, second, why)])
                overlay.write_regroup(con, plan)
                overlay.overlay(con, reviewed.anchors_in(con, first), force=True, seen=True)
                overlay.overlay(con, reviewed.stale_anchors(con))
            return first
        finally:
            con.close()

    # -- helpers -------------------------------------------------------------

    def _simple(self, event_id: str, action: str, status: str, reviewer: str, reason: str | None) -> None:
        who, why = _reviewer(reviewer), _reason(reason)
        with self._writing() as con:
            occurrence, record, latest = self.locate(con, event_id)
            if latest is not None and latest.status == "rejected":
                raise ReviewError(f"event '{event_id}' is rejected as no event; reopen it first")
            anchor, now = self._anchor(con, occurrence), utcnow()
            reviewed.log(con, [reviewed.Change(anchor, action, who, now, reason=why)])
            self._decide(con, anchor, record, latest, status=status, who=who, now=now, reason=why)
            overlay.overlay_one(con, occurrence, force=True)

    def _writing(self) -> Any:
        return _Writing(self.store)

    @staticmethod
    def _anchor(con: Connection, occurrence: str) -> str:
        anchors = reviewed.anchors_in(con, occurrence)
        return anchors[0] if anchors else occurrence

    @staticmethod
    def _decide(
        con: Connection,
        anchor: str,
        record: dict[str, Any],
        latest: reviewed.Decision | None,
        *,
        status: str,
        who: str,
        now: Any,
        reason: str | None,
        category: str | None = None,
    ) -> None:
        """Save the decision: what the reviewer saw now (sources, machine values) becomes the base
        a later report is compared with, and any flag for another look is cleared."""
        machine = (
            dict(latest.machine)
            if latest is not None and latest.machine
            else {name: record.get(name) for name in overlay.WATCHED}
        )
        decision = reviewed.Decision(anchor, status, who, now, category=category, reason=reason,
                                     sources=sources_of(record), machine=machine,
                                     record=record if status == "rejected" else None,
                                     applied_at=latest.applied_at if latest else None)  # fmt: skip
        if latest is not None and latest.event_id != anchor:
            reviewed.drop_decisions(con, [latest.event_id])
        reviewed.save_decision(con, replace(decision, flagged=None))


class _Writing:
    """A cursor in a transaction, closed after (DuckDB cursors are connections of their own)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Connection:
        self.con = self.store.cursor()
        self.context = self.store.transaction(self.con)
        return self.context.__enter__()

    def __exit__(self, *exc: Any) -> None:
        try:
            self.context.__exit__(*exc)
        finally:
            self.con.close()
