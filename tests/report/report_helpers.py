"""Builders of merged events for the brief tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from strife.records import Claim, Event, Evidence, Source


def event(event_id: str, day: date, **changes: Any) -> Event:
    """A merged event in Sudan with a quote and one source; `changes` override any field."""
    article = changes.pop("article", f"art-{event_id}")
    values: dict[str, Any] = dict(
        event_id=event_id,
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=day,
        actor1="Military Forces of Sudan",
        actor2="Rapid Support Forces",
        country="Sudan",
        admin1="North Kordofan",
        location="El Obeid",
        latitude=13.18,
        longitude=30.22,
        fatalities=3,
        sources=(Source(article_id=article, url=f"https://news.example/{article}", outlet="Example Wire"),),
        evidence=(
            Evidence(
                "fatalities", article, f"Fighting near the town killed three people ({event_id}).", 0, 40
            ),
        ),
        corroboration=1,
    )
    values.update(changes)
    return Event(**values)


def claim(claimant: str | None, figure: int | None, statement: str = "they said so") -> Claim:
    return Claim(claimant=claimant, statement=statement, figure=figure)
