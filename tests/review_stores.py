"""Stores for the review tests, merged by the real merger: two reports of one clash in Kaya, one
report of a strike in Gao, one of an attack in Mopti (each report its own article)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from builders import build_event

from strife.dedupe.incremental import update_occurrences
from strife.records import Article, Event, Evidence, Source
from strife.review import reapply
from strife.store import Store

TEXTS = {
    "k1": "Soldiers and militants clashed in Kaya on Monday, killing 12 people, officials said.",
    "k2": "Fighting between the army and jihadists in the town of Kaya left 15 dead, residents said.",
    "g1": "A drone strike hit a market in Gao on Sunday, killing three civilians, witnesses said.",
    "m1": "Gunmen attacked the village of Sofara near Mopti, killing 20 villagers, the mayor said.",
}


def report(article_id: str, **changes: Any) -> Event:
    text = TEXTS.get(article_id, f"Fighting was reported in Kaya ({article_id}).")
    defaults: dict[str, Any] = dict(
        event_id=f"{article_id}-1",
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2024, 3, 4),
        actor1="Military Forces of Burkina Faso",
        actor1_type=1,
        actor2="JNIM",
        actor2_type=2,
        interaction=12,
        country="Burkina Faso",
        admin1="Centre-Nord",
        location="Kaya",
        latitude=13.09,
        longitude=-1.08,
        geo_precision=1,
        fatalities=12,
        sources=(Source(article_id=article_id, outlet="Example"),),
        evidence=(
            Evidence("event_type", article_id, text, 0, len(text)),
            Evidence("actor1", article_id, text, 0, text.index(" ")),  # the first word names the actor
        ),
        confidence=0.9,
    )
    return build_event(defaults, **changes)


def article(article_id: str) -> Article:
    text = TEXTS.get(article_id, f"Fighting was reported in Kaya ({article_id}).")
    return Article(id=article_id, text=text, date=date(2024, 3, 5), title=f"Report {article_id}")


REPORTS = {
    "k1": {},
    "k2": {"fatalities": 15},
    "g1": dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", country="Mali",
               admin1="Gao", location="Gao", latitude=16.27, longitude=-0.04, fatalities=3, actor2=None),
    "m1": dict(event_type="Violence against civilians", sub_event_type="Attack", country="Mali",
               admin1="Mopti", location="Sofara", latitude=14.0, longitude=-4.2, fatalities=20,
               confidence=0.4),
}  # fmt: skip


def ingest(store: Store, ids: list[str], **changes: dict[str, Any]) -> None:
    """Store these reports and merge, as `strife ingest` does (merging, then the reviews)."""
    store.add_many([(article(i), [report(i, **{**REPORTS.get(i, {}), **changes.get(i, {})})]) for i in ids])
    update_occurrences(store, clean=lambda text: text)
    reapply(store)


def review_store(path: Path) -> Path:
    """A store file holding the four reports, merged into three events."""
    with Store.open(path) as opened:
        ingest(opened, ["k1", "k2", "g1", "m1"])
    return path
