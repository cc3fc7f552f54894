"""Builders of the web tests' stores: an article, a merged event with every field set, a store of them.

Plain functions (the conftest hands them out as fixtures too), so a test module can import
them by name: `from web_stores import build_store, make_article, make_event`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from builders import build_event

from strife.records import Article, Claim, Event, Evidence, Source
from strife.store import Store, occurrences


def make_article(article_id: str, text: str | None = None, **changes: Any) -> Article:
    values: dict[str, Any] = dict(
        id=article_id,
        text=text if text is not None else f"Fighting was reported near the river ({article_id}).",
        date=date(2021, 9, 6),
        url=f"https://news.example/{article_id}",
        title=f"Clashes ({article_id})",
        outlet="Example News",
        origin=f"inbox/{article_id}.txt",
    )
    values.update(changes)
    return Article(**values)


def make_event(event_id: str, article_id: str, **changes: Any) -> Event:
    """A merged event with every scalar set, one claim, one source and one evidence span."""
    defaults: dict[str, Any] = dict(
        event_id=event_id,
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2021, 9, 5),
        date_start=date(2021, 9, 5),
        date_end=date(2021, 9, 5),
        time_precision=1,
        actor1="Military Forces of Afghanistan",
        actor1_type=1,
        actor2="National Resistance Front",
        actor2_type=2,
        interaction=12,
        country="Afghanistan",
        admin1="Panjshir",
        location="Rukha",
        latitude=35.3,
        longitude=69.5,
        geo_precision=1,
        fatalities=7,
        claims=(Claim(claimant="the front", statement="it killed twenty fighters", figure=20),),
        sources=(Source(article_id=article_id, url=f"https://news.example/{article_id}", outlet="Example"),),
        evidence=(
            Evidence(
                field="event_type", article_id=article_id, sentence="Fighting was reported", start=0, end=8
            ),
        ),
        notes="Clash near the district centre.",
        confidence=0.8,
        corroboration=1,
    )
    return build_event(defaults, **changes)


def build_store(path: Path, articles: Sequence[Article], events: Sequence[Event]) -> Path:
    """A store file holding these articles (no per-article events) and these merged events."""
    with Store.open(path) as store:
        store.add_many([(article, []) for article in articles])
        cursor = store.cursor()
        try:
            occurrences.write(cursor, list(events))
        finally:
            cursor.close()
    return path
