from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from strife.export import export
from strife.export.acled import ACLED_COLUMNS, country_iso_numbers
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
    assert header == list(ACLED_COLUMNS)
    assert header[:3] == ["event_id_cnty", "event_date", "year"]
    assert header[-1] == "timestamp"


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
        ("Displacement", "Forced to flee", ""),
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
        ("event_id_cnty", "a1-1"),
        ("event_date", "2021-09-05"),
        ("year", "2021"),
        ("inter1", "1"),
        ("inter2", "7"),
        ("interaction", "17"),
        ("latitude", "35.3129"),
        ("longitude", "69.5152"),
        ("fatalities", "4"),
        ("iso", "4"),
        ("region", ""),
        ("timestamp", ""),
    ],
)
def test_cells(tmp_path: Path, event_factory: EventFactory, column: str, expected: str) -> None:
    assert _row(tmp_path, event_factory())[column] == expected


@pytest.mark.parametrize(("actor2_type", "expected"), [(7, "Civilian targeting"), (2, ""), (None, "")])
def test_civilian_targeting_when_actor2_is_civilians(
    tmp_path: Path, event_factory: EventFactory, actor2_type: int | None, expected: str
) -> None:
    assert _row(tmp_path, event_factory(actor2_type=actor2_type))["civilian_targeting"] == expected


def test_source_lists_each_outlet_once_in_order(tmp_path: Path, event_factory: EventFactory) -> None:
    assert _row(tmp_path, event_factory())["source"] == "Daily Example; Weekly Example"


def test_iso_is_empty_for_an_unknown_country(tmp_path: Path, event_factory: EventFactory) -> None:
    assert _row(tmp_path, event_factory(country="Atlantis"))["iso"] == ""


@pytest.mark.parametrize(("country", "number"), [("Afghanistan", 4), ("syria", 760), ("Mali", 466)])
def test_country_iso_numbers(country: str, number: int) -> None:
    assert country_iso_numbers()[country.casefold()] == number


def test_displacement_is_kept_with_its_figure_in_tags(tmp_path: Path, event_factory: EventFactory) -> None:
    event = event_factory(
        event_type="Displacement",
        sub_event_type="Forced to flee",
        displaced_figure=300,
        displaced_unit="families",
        displaced_people=1800,
    )
    row = _row(tmp_path, event)
    assert (row["event_type"], row["tags"]) == (
        "Displacement",
        "displaced figure=300 families; displaced people=1800",
    )


def test_tags_are_empty_for_acled_types(tmp_path: Path, event_factory: EventFactory) -> None:
    assert _row(tmp_path, event_factory())["tags"] == ""
