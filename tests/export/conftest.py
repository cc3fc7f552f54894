"""A builder of full events (claims, sources, evidence) for the export tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from builders import build_event

from strife.records import Claim, Event, Evidence, Source


def make_event(event_id: str = "a1-1", **changes: Any) -> Event:
    defaults: dict[str, Any] = dict(
        event_id=event_id,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        event_date=date(2021, 9, 5),
        date_start=date(2021, 9, 5),
        date_end=date(2021, 9, 5),
        time_precision=1,
        actor1="Military Forces of Afghanistan",
        actor1_type=1,
        actor2="Civilians (Afghanistan)",
        actor2_type=7,
        interaction=17,
        country="Afghanistan",
        admin1="Panjshir",
        location="Bazarak",
        latitude=35.3129,
        longitude=69.5152,
        geo_precision=3,
        fatalities=4,
        fatalities_low=4,
        fatalities_high=9,
        fatalities_disputed=True,
        reported_by="residents",
        claims=(Claim(claimant="a local elder", statement="nine people were killed, he said", figure=9),),
        disputed=True,
        sources=(
            Source(article_id="a1", outlet="Daily Example", date=date(2021, 9, 6), originating_agency="AFP"),
            Source(article_id="a2", outlet="Weekly Example", url="https://weekly.example/2"),
            Source(article_id="a3", outlet="Daily Example"),
        ),
        evidence=(
            Evidence(field="event_type", article_id="a1", sentence="Jets struck the town.", start=10, end=31),
        ),
        notes='A strike on the "old" market; four dead.',
        confidence=0.5,
    )
    return build_event(defaults, **changes)


@pytest.fixture
def event_factory() -> Callable[..., Event]:
    return make_event
