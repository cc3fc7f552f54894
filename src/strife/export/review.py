"""The reviewed status of each exported event: what an analyst made of it, by whom, and when.

The store knows it (strife.review); the events do not carry it, so an export is given a lookup
and asks it for a batch of events at a time (one query per batch, not one per event). An event
no reviewer has touched is "pending"; rejected events are not in the events at all (a
rejection takes the event out of the store's events, its record kept for the history).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from strife.records import Event
from strife.store import review_queue
from strife.store.schema import Connection


@dataclass(frozen=True)
class ReviewMark:
    """An event's review: status (pending, approved, corrected, flagged: approved or corrected,
    then a new source disagreed), the reviewer's name, and when the review last changed (UTC)."""

    status: str = "pending"
    reviewer: str | None = None
    changed_at: datetime | None = None


PENDING = ReviewMark()
REVIEW_COLUMNS: tuple[str, ...] = ("reviewed", "reviewed_by")
# {event id: its mark} for the reviewed ones among the ids asked about.
ReviewLookup = Callable[[Sequence[str]], Mapping[str, ReviewMark]]
Marked = tuple[Event, ReviewMark]
_BATCH = 1000


def review_cells(mark: ReviewMark) -> dict[str, str | None]:
    """The two review columns of a row."""
    return {"reviewed": mark.status, "reviewed_by": mark.reviewer}


def marked(events: Iterable[Event], lookup: ReviewLookup | None) -> Iterator[Marked]:
    """Each event with its review mark, looked up a batch at a time (all pending without a lookup)."""
    it = iter(events)
    while batch := list(islice(it, _BATCH)):
        marks = lookup([event.event_id for event in batch]) if lookup else {}
        for event in batch:
            yield event, marks.get(event.event_id, PENDING)


def stored_reviews(con: Connection) -> ReviewLookup:
    """The lookup of the reviews kept in a store, read through `con` (status and reviewer as the
    dashboard shows them, the time from the review log)."""

    def lookup(event_ids: Sequence[str]) -> dict[str, ReviewMark]:
        statuses = review_queue.statuses(con, event_ids)
        changed = review_queue.last_changes(con, event_ids)
        return {
            event_id: ReviewMark(status, reviewer, changed.get(event_id))
            for event_id, (status, reviewer) in statuses.items()
        }

    return lookup
