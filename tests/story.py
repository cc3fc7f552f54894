"""Coding one sentence or story we wrote through the real pipeline, for the extract and assemble tests."""

from __future__ import annotations

from datetime import date

from strife.pipeline import Pipeline
from strife.records import Article, Event

DAY = date(2024, 3, 9)  # a Saturday: the article date of every test story


def coded_events(pipeline: Pipeline, text: str, day: date = DAY) -> list[Event]:
    """The events of `text` as an article dated `day`."""
    return list(pipeline(Article("t", text, day)).events)
