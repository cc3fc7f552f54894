"""Builders of articles and full events (claims, sources, evidence) for the store's tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from builders import build_event

from strife.records import Article, Claim, Event, Evidence, Source


def make_article(article_id: str = "a1", text: str | None = None) -> Article:
    return Article(
        id=article_id,
        text=text if text is not None else f"Fighting was reported in the valley ({article_id}).",
        date=date(2021, 9, 6),
        url=f"https://news.example/{article_id}",
        title="Clashes in the valley",
        outlet="Example News",
        origin=f"inbox/{article_id}.txt",
    )


def make_event(event_id: str = "a1-1", article_id: str = "a1", **changes: Any) -> Event:
    """A fully filled event: every scalar set, two claims, a source and two evidence spans."""
    defaults: dict[str, Any] = dict(
        event_id=event_id,
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2021, 9, 5),
        date_start=date(2021, 9, 4),
        date_end=date(2021, 9, 5),
        time_precision=2,
        actor1="Military Forces of Afghanistan",
        actor1_type=1,
        assoc_actor1="Police Forces of Afghanistan",
        actor2="National Resistance Front",
        actor2_type=2,
        assoc_actor2=None,
        interaction=12,
        country="Afghanistan",
        admin1="Panjshir",
        admin2="Rukha",
        location="Rukha",
        latitude=35.3156,
        longitude=69.4894,
        geo_precision=1,
        fatalities=7,
        fatalities_low=7,
        fatalities_high=20,
        fatalities_disputed=True,
        reported_by="residents",
        claims=(
            Claim(claimant="the front", statement="it killed twenty fighters", figure=20),
            Claim(claimant=None, statement="seven people died", figure=7),
        ),
        disputed=True,
        sources=(
            Source(
                article_id=article_id,
                url="https://news.example/x",
                outlet="Example News",
                date=date(2021, 9, 6),
                originating_agency="AFP",
            ),
        ),
        evidence=(
            Evidence(field="event_type", article_id=article_id, sentence="Fighting raged.", start=0, end=15),
            Evidence(field="fatalities", article_id=article_id, sentence="Seven died.", start=16, end=27),
        ),
        notes="Clash near the district centre.",
        confidence=0.75,
    )
    return build_event(defaults, **changes)


@pytest.fixture
def article_factory() -> Callable[..., Article]:
    return make_article


@pytest.fixture
def event_factory() -> Callable[..., Event]:
    return make_event
