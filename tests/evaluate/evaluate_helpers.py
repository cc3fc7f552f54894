"""Small builders for gold rows and predicted events, written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from strife.evaluate import GoldSet


def gold_event(**overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "event_type": "Battles",
        "sub_event_type": ["Armed clash"],
        "date_start": "2023-03-01",
        "date_end": "2023-03-07",
        "country": "Ruritania",
        "admin1": ["North Vale"],
        "location": ["Oldbridge", "Old Bridge"],
        "latitude": 10.0,
        "longitude": 20.0,
        "actors": [["Vale Liberation Army", "VLA"], ["Military Forces of Ruritania", "army"]],
        "actor_types": [2, 1],
        "fatalities": [4, 10],
        "displaced_people": None,
        "optional": False,
        "evidence": "Rebels and soldiers fought near the old bridge.",
    }
    event.update(overrides)
    return event


def predicted(**overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "event_id": "p1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "event_date": "2023-03-05",
        "date_start": "2023-03-05",
        "date_end": "2023-03-05",
        "actor1": "Vale Liberation Army",
        "actor1_type": 2,
        "assoc_actor1": None,
        "actor2": "Military Forces of Ruritania",
        "actor2_type": 1,
        "assoc_actor2": None,
        "country": "Ruritania",
        "admin1": "North Vale",
        "location": "Oldbridge",
        "latitude": 10.0,
        "longitude": 20.0,
        "fatalities": 5,
        "displaced_people": None,
        "evidence": [],
    }
    event.update(overrides)
    return event


def news_row(article_id: str, events: list[dict[str, Any]], cluster: str | None = None) -> dict[str, Any]:
    return {
        "id": article_id,
        "date": "2023-03-07",
        "url": None,
        "text": "A made-up report about fighting in Ruritania.",
        "cluster": cluster,
        "events": events,
    }


def news_gold(*rows: dict[str, Any]) -> GoldSet:
    return GoldSet(path=Path("test_gold.jsonl"), kind="news", rows=tuple(rows))


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
