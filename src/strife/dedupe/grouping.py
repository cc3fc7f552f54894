"""Grouping event records into occurrences, blocked by type, country and week.

A record is compared only with the records of its block: same event type, same
country, and an ISO week its date window touches. The cost of placing one record
grows with the size of its blocks, not with the number of records stored, so
merging stays near-linear in the number of articles.

Records join an occurrence when they match any of its members (`same_event`),
so the groups do not depend on the order the reports arrive in; a record that
matches two occurrences joins them. Two records of one article never share an
occurrence: an article that reports two clashes meant two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from strife.dedupe.match import combine, reason, same_event
from strife.records import Event, date_in_range
from strife.store.occurrences import MergeDecision

# A window wider than this many weeks is indexed under its event date's week only.
_MAX_WEEKS = 8

Block = tuple[str, str, tuple[int, int] | None]


def _article(event: Event) -> str:
    return event.sources[0].article_id if event.sources else event.event_id


def _weeks(event: Event) -> list[tuple[int, int] | None]:
    start = event.date_start or event.event_date
    end = event.date_end or event.event_date
    if start is None or end is None or not (date_in_range(start) and date_in_range(end)):
        return [None]  # out-of-range dates are never placed (see incremental), and must not overflow here
    if (end - start).days > 7 * _MAX_WEEKS:
        start = end = event.event_date or start
    weeks: list[tuple[int, int] | None] = []
    day = start - timedelta(days=start.weekday())
    while day <= end:
        year, week, _ = day.isocalendar()
        weeks.append((year, week))
        day += timedelta(days=7)
    return weeks


def blocks(event: Event) -> list[Block]:
    """The blocks a record is indexed under and compared within."""
    return [(event.event_type, event.country or "", week) for week in _weeks(event)]


@dataclass
class Grouping:
    """Occurrences under construction: which record belongs to which, and why.

    `chains` maps article ids to their source chain; records from two articles of
    one chain are copies, compared with `same_event(copies=True)`.
    """

    chains: Mapping[str, str] = field(default_factory=dict)
    occurrence: dict[str, str] = field(default_factory=dict)  # event id -> occurrence id
    members: dict[str, list[str]] = field(default_factory=dict)  # occurrence id -> event ids
    decisions: list[MergeDecision] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)  # occurrences created or changed
    absorbed: dict[str, str] = field(default_factory=dict)  # occurrence joined into another -> that one
    _records: dict[str, Event] = field(default_factory=dict)
    _index: dict[Block, list[str]] = field(default_factory=lambda: defaultdict(list))
    _articles: dict[str, set[str]] = field(default_factory=dict)  # occurrence id -> article ids
    _seniority: dict[str, int] = field(default_factory=dict)

    def add_existing(self, event: Event, occurrence_id: str) -> None:
        """A record already grouped (read back from the store): indexed, not re-decided."""
        self._enter(event, occurrence_id)

    def place(self, event: Event) -> str:
        """Group a new record; returns the id of the occurrence it now belongs to."""
        matches: dict[str, tuple[int, str]] = {}  # occurrence id -> (strength, the member it matched)
        for candidate in self._candidates(event):
            occurrence = self.occurrence[candidate]
            strength = self._strength(self._records[candidate], event)
            if strength is not None and strength < matches.get(occurrence, (2, ""))[0]:
                matches[occurrence] = (strength, candidate)
        article = _article(event)
        joined: str | None = None
        # A copy's record joins the occurrence of the same place before one elsewhere in the country.
        for occurrence in sorted(matches, key=lambda o: (matches[o][0], self._seniority[o])):
            if article in self._articles[occurrence]:
                continue
            matched = self._records[matches[occurrence][1]]
            why = reason(matched, event, copies=self._copies(matched, event))
            if joined is None:
                joined = occurrence
                self.decisions.append(MergeDecision(joined, event.event_id, matched.event_id, why))
            elif not self._articles[joined] & self._articles[occurrence]:
                self._absorb(joined, occurrence, event.event_id, why)
        self._enter(event, joined or event.event_id)
        self.touched.add(self.occurrence[event.event_id])
        return self.occurrence[event.event_id]

    def root(self, occurrence_id: str) -> str:
        """The occurrence an id now belongs to, following any joins."""
        while occurrence_id in self.absorbed:
            occurrence_id = self.absorbed[occurrence_id]
        return occurrence_id

    def _copies(self, a: Event, b: Event) -> bool:
        first, second = _article(a), _article(b)
        chain = self.chains.get(first)
        return first != second and chain is not None and chain == self.chains.get(second)

    def _strength(self, stored: Event, new: Event) -> int | None:
        """0: the same event by the codebook's test; 1: only as copies of one story; None: not."""
        if same_event(stored, new):
            return 0
        return 1 if self._copies(stored, new) and same_event(stored, new, copies=True) else None

    def _candidates(self, event: Event) -> Iterator[str]:
        seen: set[str] = set()
        for block in blocks(event):
            for event_id in self._index.get(block, ()):
                if event_id not in seen:
                    seen.add(event_id)
                    yield event_id

    def _enter(self, event: Event, occurrence_id: str) -> None:
        self._records[event.event_id] = event
        self.occurrence[event.event_id] = occurrence_id
        if occurrence_id not in self.members:
            self.members[occurrence_id] = []
            self._articles[occurrence_id] = set()
            self._seniority[occurrence_id] = len(self._seniority)
        self.members[occurrence_id].append(event.event_id)
        self._articles[occurrence_id].add(_article(event))
        for block in blocks(event):
            self._index[block].append(event.event_id)

    def _absorb(self, keep: str, gone: str, via: str, why: str) -> None:
        for event_id in self.members.pop(gone):
            self.occurrence[event_id] = keep
            self.members[keep].append(event_id)
        self._articles[keep] |= self._articles.pop(gone)
        self.absorbed[gone] = keep
        self.touched.discard(gone)
        self.touched.add(keep)
        self.decisions.append(MergeDecision(keep, gone, via, f"joined through {via}: {why}"))


def merge(events: Iterable[Event], chains: Mapping[str, str] | None = None) -> list[Event]:
    """The records of each occurrence combined into one, in the order the occurrences began."""
    grouping = Grouping(chains=chains or {})
    records: dict[str, Event] = {}
    for event in events:
        records[event.event_id] = event
        grouping.place(event)
    return [
        combine([records[i] for i in members], occurrence, grouping.chains)
        for occurrence, members in grouping.members.items()
    ]
