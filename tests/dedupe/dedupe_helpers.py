"""A builder of event records for the merging tests: one battle at El Obeid, Sudan, per article."""

from __future__ import annotations

from datetime import date

from strife.records import Event, Source


def report(article: str, number: int = 1, **fields: object) -> Event:
    values: dict[str, object] = dict(
        event_id=f"{article}#{number}",
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2024, 2, 10),
        actor1="Military Forces of Sudan",
        actor2="Rapid Support Forces",
        country="Sudan",
        admin1="North Kordofan",
        location="El Obeid",
        latitude=13.18,
        longitude=30.22,
        geo_precision=1,
        sources=(Source(article),),
    )
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]
