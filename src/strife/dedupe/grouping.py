"""Grouping event records into occurrences, blocked by type, country, week and place.

A dated record is compared only with the records of its blocks: its own event type or one
the family precedence links to it (`Families.neighbours`), the same country, an ISO week its
date window touches, and the place keys its place may agree under (`place_keys`: the grid cells
within SAME_PLACE_KM, its place name, the district- or province-level records and those without
coordinates of its admin1); and with the RECENT latest undated records of those types, country
and town-level place keys. An undated record (its article lost its date, and no copy lends one)
has no week: it is compared with the RECENT latest records of those types, country and
town-level place keys (the cells within NEAR_KM; a record without coordinates or placed at a
province looks at its whole admin1, or the whole country when its admin1 is unknown). Both are
compared with the records of their copies (one source chain) wherever these are. The cost of
placing one record grows with the size of its blocks, not with the number of records stored,
so merging stays near-linear in the number of articles.

Each pair is decided by `Decider` (dedupe.decide): a score from named factors, logged with
the decision. A record joins an occurrence when it merges with any of its members, so the
groups do not depend on the order the reports arrive in; a record that merges with two
occurrences joins them. A pair in the uncertain band is left apart and logged for review.
Two records of one article never share an occurrence: an article that reports two clashes
meant two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from strife.dedupe.chain_index import copies
from strife.dedupe.decide import Decider, Report, Verdict, lent_window
from strife.dedupe.families import Families
from strife.dedupe.fingerprint import Signature, set_size
from strife.dedupe.match import combine
from strife.dedupe.place_keys import TOWN_FAMILIES, Key, index_keys, lookup_keys
from strife.dedupe.similarity import default_similarity
from strife.records import Event, date_in_range
from strife.store.occurrences import MergeDecision

# A window wider than this many weeks is indexed under its event date's week only.
_MAX_WEEKS = 8
# How many of the latest records of a type and country an undated record is compared with
# (and how many undated records a dated one is compared with): the widened window of a report
# without a date, bounded so that a store of years costs what a store of weeks does.
RECENT = 60

Week = tuple[int, int] | None
Block = tuple[str, str, Week]


def _article(event: Event) -> str:
    return event.sources[0].article_id if event.sources else event.event_id


def _weeks(event: Event, today: date | None = None) -> list[Week]:
    start = event.date_start or event.event_date
    end = event.date_end or event.event_date
    if start is None or end is None or not (date_in_range(start, today) and date_in_range(end, today)):
        return [None]  # out-of-range dates are never placed (see incremental), and must not overflow here
    if (end - start).days > 7 * _MAX_WEEKS:
        start = end = event.event_date or start
    weeks: list[Week] = []
    day = start - timedelta(days=start.weekday())
    while day <= end:
        year, week, _ = day.isocalendar()
        weeks.append((year, week))
        day += timedelta(days=7)
    return weeks


def blocks(event: Event) -> list[Block]:
    """The blocks a record is indexed under (within each, by its place keys)."""
    return [(event.event_type, event.country or "", week) for week in _weeks(event)]


def evidence_sentences(event: Event) -> list[str]:
    """A record's evidence sentences, the one its type was read from first."""
    typed = [e.sentence for e in event.evidence if e.field == "event_type"]
    return list(dict.fromkeys([*typed, *(e.sentence for e in event.evidence)]))


def default_decider() -> Decider:
    return Decider(Families.load(), default_similarity())


@dataclass
class Grouping:
    """Occurrences under construction: which record belongs to which, and why.

    `chains` maps article ids to their source chain; records from two articles of one chain
    are copies, and so are two whose MinHash `signatures` say so. `lent` maps an undated
    article to (the copy in its chain that lends its date, that date). `sentences` reads the
    evidence sentences of a record that has none in hand (records read back from the store
    carry only their fields), and `article_sentences` those of every record of an article.
    """

    chains: Mapping[str, str] = field(default_factory=dict)
    lent: Mapping[str, tuple[str, date]] = field(default_factory=dict)
    signatures: Mapping[str, Signature] = field(default_factory=dict)  # article id -> MinHash
    sentences: Callable[[str], Sequence[str]] | None = None
    article_sentences: Callable[[str], Sequence[str]] | None = None
    decider: Decider = field(default_factory=default_decider)
    occurrence: dict[str, str] = field(default_factory=dict)  # event id -> occurrence id
    members: dict[str, list[str]] = field(default_factory=dict)  # occurrence id -> event ids
    decisions: list[MergeDecision] = field(default_factory=list)
    uncertain: list[MergeDecision] = field(default_factory=list)  # pairs left for a person to decide
    touched: set[str] = field(default_factory=set)  # occurrences created or changed
    absorbed: dict[str, str] = field(default_factory=dict)  # occurrence joined into another -> that one
    _reports: dict[str, Report] = field(default_factory=dict)
    # Dated records by block and place key; the latest records (and the latest undated ones) by
    # (type, country, place key); records by source chain.
    _index: dict[tuple[str, str, Week, Key], list[str]] = field(default_factory=lambda: defaultdict(list))
    _recent: dict[tuple[str, str, Key], list[str]] = field(default_factory=lambda: defaultdict(list))
    _undated: dict[tuple[str, str, Key], list[str]] = field(default_factory=lambda: defaultdict(list))
    _by_chain: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _articles: dict[str, set[str]] = field(default_factory=dict)  # occurrence id -> article ids
    _seniority: dict[str, int] = field(default_factory=dict)
    _sizes: dict[str, float] = field(default_factory=dict)  # article -> estimated shingle count
    _told: dict[str, list[str]] = field(default_factory=dict)  # article -> its records' sentences
    _read: set[str] = field(default_factory=set)  # articles whose stored sentences were read
    _today: date = field(default_factory=date.today)

    def add_existing(self, event: Event, occurrence_id: str) -> None:
        """A record already grouped (read back from the store): indexed, not re-decided."""
        self._enter(self._report(event), occurrence_id)

    def place(self, event: Event) -> str:
        """Group a new record; returns the id of the occurrence it now belongs to."""
        new = self._report(event)
        best: dict[str, tuple[Verdict, str]] = {}  # occurrence id -> (best verdict, the member it matched)
        for candidate in self._candidates(new):
            occurrence = self.occurrence[candidate]
            if new.article in self._articles[occurrence]:
                continue
            stored = self._reports[candidate]
            if self.decider.apart(stored, new):
                continue  # kept apart whatever the copies: not worth comparing their fingerprints
            verdict = self.decider.decide(stored, new, copies=self._copies(stored, new))
            if verdict is not None and _better(verdict, best.get(occurrence)):
                best[occurrence] = (verdict, candidate)
        joined: str | None = None
        merging = [o for o in best if best[o][0].outcome == "merge"]
        # The strongest match first: a copy's record joins the occurrence of its own place before
        # one elsewhere in the country; then the older occurrence.
        for occurrence in sorted(merging, key=lambda o: (-best[o][0].score, self._seniority[o])):
            verdict, matched = best[occurrence]
            if joined is None:
                joined = occurrence
                self.decisions.append(MergeDecision(joined, event.event_id, matched, verdict.reason()))
            elif not self._articles[joined] & self._articles[occurrence]:
                self._absorb(joined, occurrence, event.event_id, verdict.reason())
        for occurrence, (verdict, matched) in best.items():
            if verdict.outcome == "uncertain" and self.root(occurrence) != joined:
                self.uncertain.append(MergeDecision(occurrence, event.event_id, matched, verdict.reason()))
        self._enter(new, joined or event.event_id)
        self.touched.add(self.occurrence[event.event_id])
        return self.occurrence[event.event_id]

    def root(self, occurrence_id: str) -> str:
        """The occurrence an id now belongs to, following any joins."""
        while occurrence_id in self.absorbed:
            occurrence_id = self.absorbed[occurrence_id]
        return occurrence_id

    def _report(self, event: Event) -> Report:
        article = _article(event)
        lent_from: str | None = None
        unlent: Event | None = None
        if event.date_start is None and event.date_end is None and event.event_date is None:
            lender = self.lent.get(article)
            if lender is not None:
                lent_from, day = lender
                unlent = event
                start, end = lent_window(day)
                event = replace(event, event_date=end, date_start=start, date_end=end, time_precision=2)
        own = evidence_sentences(event)
        if own:
            self._told.setdefault(article, []).extend(own)
        return Report(
            event, article, lent_from, self._sentences_of(event), self._article_sentences_of(article), unlent
        )

    def _sentences_of(self, event: Event) -> Callable[[], Sequence[str]]:
        found: list[Sequence[str]] = []

        def read() -> Sequence[str]:
            if not found:
                own = evidence_sentences(event)
                found.append(own if own or self.sentences is None else self.sentences(event.event_id))
            return found[0]

        return read

    def _article_sentences_of(self, article: str) -> Callable[[], Sequence[str]]:
        def read() -> Sequence[str]:
            if article not in self._read and self.article_sentences is not None:
                self._read.add(article)
                self._told.setdefault(article, []).extend(self.article_sentences(article))
            return self._told.get(article, ())

        return read

    def _copies(self, a: Report, b: Report) -> bool:
        """One source chain; or, for two articles whose records are compared anyway, fingerprints
        that make them copies (the LSH bands find a copy cut short only now and then)."""
        if a.article == b.article:
            return False
        chain = self.chains.get(a.article)
        if chain is not None and chain == self.chains.get(b.article):
            return True
        first, second = self.signatures.get(a.article), self.signatures.get(b.article)
        if first is None or second is None:
            return False
        return (
            copies(first, second, (self._size(a.article, first), self._size(b.article, second))) is not None
        )

    def _size(self, article: str, signature: Signature) -> float:
        if article not in self._sizes:
            self._sizes[article] = set_size(signature)
        return self._sizes[article]

    def _candidates(self, report: Report) -> Iterator[str]:
        """Dated: the records of its blocks under its place keys, and the latest undated ones under
        its town-level keys; undated: the latest records under its town-level keys. Both: the
        records of its copies (one source chain). See `place_keys` for which keys a place may
        agree under; the records of other places never merge with it but as copies."""
        event = report.event
        kinds = [(kind, event.country or "") for kind in self.decider.families.neighbours(event.event_type)]
        town = lookup_keys(event, town=True)
        found: list[Iterable[str]] = []
        if report.dated:
            near = lookup_keys(event, town=False)
            weeks = _weeks(event, self._today)
            found += [self._index.get((k, c, w, key), ()) for k, c in kinds for w in weeks for key in near]
            found += [self._undated.get((k, c, key), ())[-RECENT:] for k, c in kinds for key in town]
        else:
            found += [self._recent.get((k, c, key), ())[-RECENT:] for k, c in kinds for key in town]
        chain = self.chains.get(report.article)
        if chain is not None:
            found.append(self._by_chain.get(chain, ()))
        seen: set[str] = set()
        for event_id in (i for ids in found for i in ids):
            if event_id not in seen:
                seen.add(event_id)
                yield event_id

    def _enter(self, report: Report, occurrence_id: str) -> None:
        event = report.event
        self._reports[event.event_id] = report
        self.occurrence[event.event_id] = occurrence_id
        if occurrence_id not in self.members:
            self.members[occurrence_id] = []
            self._articles[occurrence_id] = set()
            self._seniority[occurrence_id] = len(self._seniority)
        self.members[occurrence_id].append(event.event_id)
        self._articles[occurrence_id].add(report.article)
        kind, country = event.event_type, event.country or ""
        keys = index_keys(event)
        town = [key for key in keys if key[0] in TOWN_FAMILIES]
        for key in town:
            self._recent[kind, country, key].append(event.event_id)
        if report.dated:
            for week in _weeks(event, self._today):
                for key in keys:
                    self._index[kind, country, week, key].append(event.event_id)
        else:
            for key in town:
                self._undated[kind, country, key].append(event.event_id)
        chain = self.chains.get(report.article)
        if chain is not None:
            self._by_chain[chain].append(event.event_id)

    def _absorb(self, keep: str, gone: str, via: str, why: str) -> None:
        for event_id in self.members.pop(gone):
            self.occurrence[event_id] = keep
            self.members[keep].append(event_id)
        self._articles[keep] |= self._articles.pop(gone)
        self.absorbed[gone] = keep
        self.touched.discard(gone)
        self.touched.add(keep)
        self.decisions.append(MergeDecision(keep, gone, via, f"joined through {via}: {why}"))


def _better(verdict: Verdict, than: tuple[Verdict, str] | None) -> bool:
    if than is None:
        return True
    rank = {"merge": 1, "uncertain": 0}
    return (rank[verdict.outcome], verdict.score) > (rank[than[0].outcome], than[0].score)


def merge(
    events: Iterable[Event],
    chains: Mapping[str, str] | None = None,
    lent: Mapping[str, tuple[str, date]] | None = None,
) -> list[Event]:
    """The records of each occurrence combined into one, in the order the occurrences began."""
    grouping = Grouping(chains=chains or {}, lent=lent or {})
    records: dict[str, Event] = {}
    for event in events:
        records[event.event_id] = event
        grouping.place(event)
    return [
        combine([records[i] for i in members], occurrence, grouping.chains)
        for occurrence, members in grouping.members.items()
    ]
