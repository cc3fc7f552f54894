"""Merging a busy store: many reports of one type, country and week. The early veto that spares
most pairs of such a block their fingerprint comparison changes no grouping, and merging dated
reports batch by batch as ingests arrive gives the occurrences merging them at once gives (an
undated report is compared with the latest records of its place, which depend on what was
stored before it: those may differ)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from strife.dedupe.decide import Decider, Report
from strife.dedupe.grouping import Grouping, default_decider
from strife.dedupe.incremental import update_occurrences
from strife.records import Article, Event, Source
from strife.store import Store

TOWNS = [("Sudan", "North Kordofan", "El Obeid", 13.18, 30.22),
         ("Sudan", "North Kordofan", "Bara", 13.70, 30.37),
         ("Sudan", "South Darfur", "Nyala", 12.05, 24.88),
         ("Mali", "Mopti", "Djenne", 13.91, -4.55)]  # fmt: skip
TYPES = [("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
         ("Explosions/Remote violence", "Air/drone strike")]  # fmt: skip
ACTORS = ["Military Forces of Sudan", "Rapid Support Forces", "Unidentified Armed Group (Sudan)", None]
WORDS = [
    "army",
    "fighters",
    "village",
    "market",
    "shelling",
    "residents",
    "fled",
    "town",
    "clash",
    "dawn",
    "attack",
    "killed",
    "wounded",
    "convoy",
    "checkpoint",
    "drone",
]


def busy_store(seed: int, occurrences: int, undated: float = 0.2) -> list[tuple[Article, list[Event]]]:
    """Reports of `occurrences` occurrences in three weeks and four towns, in date order: each told
    by one to three articles, some copies of one story (shared words), some without a date."""
    rng = random.Random(seed)
    reports: list[tuple[date, Article, list[Event]]] = []
    for number in range(occurrences):
        country, admin1, town, lat, lon = rng.choice(TOWNS)
        kind, sub = rng.choice(TYPES)
        day = date(2024, 2, 5) + timedelta(days=rng.randrange(21))
        story = " ".join(rng.choices(WORDS, k=40)) + f" {number}"
        toll = rng.choice([None, 3, 5, 12])
        actors = rng.sample(ACTORS, 2)
        for copy in range(rng.randint(1, 3)):
            article_id = f"r{number}-{copy}"
            text = story if copy < 2 else " ".join(rng.choices(WORDS, k=40)) + f" {article_id}"
            dated = copy == 0 or rng.random() >= undated
            when = day if dated else None
            event = Event(
                event_id=f"{article_id}#1", event_type=kind, sub_event_type=sub, event_date=when,
                date_start=when, date_end=when, time_precision=1 if dated else None, country=country,
                admin1=admin1, location=town, latitude=lat + rng.uniform(-0.1, 0.1),
                longitude=lon + rng.uniform(-0.1, 0.1), geo_precision=1, actor1=actors[0],
                actor2=actors[1], fatalities=toll if copy < 2 else rng.choice([toll, 40]),
                sources=(Source(article_id),),
            )  # fmt: skip
            published = day + timedelta(days=copy)
            reports.append((published, Article(article_id, text, date=published if dated else None), [event]))
    reports.sort(key=lambda r: (r[0], r[1].id))
    return [(article, events) for _, article, events in reports]


class _NoEarlyVeto(Decider):
    def apart(self, a: Report, b: Report) -> bool:
        return False


def _grouped(decider: Decider, reports: list[tuple[Article, list[Event]]]) -> Grouping:
    # Copies of one story (r<n>-1 repeats r<n>-0's words) share a chain; one undated copy is lent a date.
    chains = {a.id: a.id.replace("-1", "-0") for a, _ in reports}
    lent = {a.id: (a.id.replace("-1", "-0"), date(2024, 2, 20)) for a, _ in reports if a.date is None}
    grouping = Grouping(chains=chains, lent=lent, decider=decider)
    for _, events in reports:
        for event in events:
            grouping.place(event)
    return grouping


def test_the_early_veto_changes_no_grouping() -> None:
    reports = busy_store(3, 150)
    plain = default_decider()
    fast, slow = _grouped(plain, reports), _grouped(_NoEarlyVeto(plain.families, plain.similarity), reports)
    assert fast.members == slow.members
    assert [replace(d, at=None) for d in fast.decisions] == [replace(d, at=None) for d in slow.decisions]
    assert fast.uncertain == slow.uncertain
    assert len(fast.members) < sum(len(events) for _, events in reports)  # some did merge


def _occurrences(store: Store) -> set[frozenset[str]]:
    return {frozenset(s.article_id for s in event.sources) for event in store.occurrences()}


def test_merging_batch_by_batch_gives_what_merging_at_once_gives(tmp_path: Path) -> None:
    reports = busy_store(5, 120, undated=0.0)
    with Store.open(tmp_path / "once.duckdb") as once, Store.open(tmp_path / "batches.duckdb") as batches:
        once.add_many(reports)
        update_occurrences(once, clean=lambda text: text)
        for start in range(0, len(reports), 40):
            batches.add_many(reports[start : start + 40])
            update_occurrences(batches, clean=lambda text: text)
        assert _occurrences(batches) == _occurrences(once)
        assert len(_occurrences(once)) < len(reports)
