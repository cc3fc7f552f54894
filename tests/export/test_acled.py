from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from strife.export import export
from strife.export.acled import ACLED_COLUMNS, COLUMNS, STRIFE_COLUMNS, event_id_cnty
from strife.records import Event

EventFactory = Callable[..., Event]


def _rows(tmp_path: Path, events: list[Event]) -> list[dict[str, str]]:
    export(events, "acled-csv", tmp_path / "acled.csv")
    with (tmp_path / "acled.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _row(tmp_path: Path, event: Event) -> dict[str, str]:
    return _rows(tmp_path, [event])[0]


def test_header_is_acleds_columns_in_acleds_order(tmp_path: Path, event_factory: EventFactory) -> None:
    export([event_factory()], "acled-csv", tmp_path / "acled.csv")
    with (tmp_path / "acled.csv").open(encoding="utf-8", newline="") as stream:
        header = next(csv.reader(stream))
    assert header == list(COLUMNS)
    assert header[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)  # ACLED's, in ACLED's order, first
    assert header[:3] == ["event_id_cnty", "event_date", "year"]
    assert header[len(ACLED_COLUMNS) - 1] == "timestamp"
    assert header[len(ACLED_COLUMNS) :] == list(STRIFE_COLUMNS)


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Explosions/Remote violence", "Suicide bomb", "Political violence"),
        ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Protest with intervention", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Arrests", "Strategic developments"),
    ],
)
def test_disorder_type(
    tmp_path: Path, event_factory: EventFactory, event_type: str, sub_event_type: str, expected: str
) -> None:
    event = event_factory(event_type=event_type, sub_event_type=sub_event_type)
    assert _row(tmp_path, event)["disorder_type"] == expected


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("event_id_cnty", event_id_cnty("a1-1", "AFG")),
        ("strife_event_id", "a1-1"),
        ("iso3", "AFG"),
        ("event_date", "2021-09-05"),
        ("year", "2021"),
        ("inter1", "1"),
        ("inter2", "7"),
        ("interaction", "17"),
        ("latitude", "35.3129"),
        ("longitude", "69.5152"),
        ("fatalities", "4"),
        ("iso", "4"),
        ("region", "South Asia"),
        ("timestamp", "1630886400"),  # 2021-09-06, the newest report's date, 00:00 UTC
        ("admin3", ""),
    ],
)
def test_cells(tmp_path: Path, event_factory: EventFactory, column: str, expected: str) -> None:
    assert _row(tmp_path, event_factory())[column] == expected
