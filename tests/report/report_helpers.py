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


def expected_summary(path: object, country: str, since: date, until: date, admin1: str | None = None) -> str:
    """The opening words a brief must have, counted from the events `strife events` lists (so the
    tests follow whatever the coder makes of examples/)."""
    import strife

    with strife.open_store(path, read_only=True) as store:  # type: ignore[arg-type]
        found = list(store.events(country=country, admin1=admin1, since=since, until=until))
    place = f"{admin1}, {country}" if admin1 else country
    fatalities = sum(e.fatalities or 0 for e in found)
    displaced = sum(e.displaced_people or 0 for e in found)
    events = f"{len(found):,} event{'s' if len(found) != 1 else ''}"
    tolls = f"{fatalities:,} fatalities, {displaced:,} people displaced"
    return f"{events} in {place} from {since} to {until}: {tolls}"
