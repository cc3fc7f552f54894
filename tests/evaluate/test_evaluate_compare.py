from __future__ import annotations

from datetime import date

import pytest
from evaluate_helpers import predicted

from strife.evaluate.compare import (
    name_in,
    near,
    normalise_name,
    same_event,
    window,
    windows_overlap,
)
from strife.geo import haversine_km


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Vale Liberation Army", "vale liberation army"),
        ("Sṳdländ", "sudland"),
        ("Civilians (Ruritania)", "civilians ruritania"),
        ("  ORANGE   front. ", "orange front"),
        ("Theodore's Brigade", "theodores brigade"),
        ("Port-Noir", "port noir"),
        (None, ""),
    ],
)
def test_normalise_name(text: str | None, expected: str) -> None:
    assert normalise_name(text) == expected


@pytest.mark.parametrize(
    ("name", "accepted", "expected"),
    [
        ("the VLA", ["VLA"], True),
        ("Port Noir", ["Port-Noir"], True),
        ("Sudland", ["Südland"], True),
        ("Northvale", ["South Vale"], False),
        (None, ["VLA"], False),
        ("", [""], False),
    ],
)
def test_name_in(name: str | None, accepted: list[str], expected: bool) -> None:
    assert name_in(name, accepted) is expected


def test_haversine_one_degree_of_latitude_is_about_111_km() -> None:
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.2, abs=0.5)


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [(10.0, 20.0, True), (10.4, 20.0, True), (10.5, 20.0, False), (None, 20.0, None)],
)
def test_near_uses_50_km(lat: float | None, lon: float, expected: bool | None) -> None:
    assert near({"latitude": 10.0, "longitude": 20.0}, {"latitude": lat, "longitude": lon}) is expected


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"date_start": "2023-03-01", "date_end": "2023-03-07"}, (date(2023, 3, 1), date(2023, 3, 7))),
        ({"event_date": "2023-03-04"}, (date(2023, 3, 4), date(2023, 3, 4))),
        ({"date_end": "2023-03-04"}, (date(2023, 3, 4), date(2023, 3, 4))),
        ({}, (None, None)),
    ],
)
def test_window_falls_back_to_event_date(record: dict[str, str], expected: tuple[date, date]) -> None:
    assert window(record) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((date(2023, 3, 1), date(2023, 3, 7)), (date(2023, 3, 7), date(2023, 3, 9)), True),
        ((date(2023, 3, 1), date(2023, 3, 7)), (date(2023, 3, 8), date(2023, 3, 9)), False),
        ((date(2023, 3, 1), date(2023, 3, 7)), (None, None), True),
    ],
)
def test_windows_overlap(a: tuple[date, date], b: tuple[date, date], expected: bool) -> None:
    assert windows_overlap(a, b) is expected


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ({}, True),
        ({"event_type": "Riots"}, False),
        ({"location": "Elsewhere", "latitude": 10.3, "longitude": 20.1}, True),
        ({"location": "Elsewhere", "latitude": 12.0, "longitude": 20.0}, False),
        ({"location": "Elsewhere", "latitude": None, "longitude": None}, True),  # same admin1
        ({"location": "Elsewhere", "latitude": None, "admin1": "South Vale"}, False),
        ({"date_start": "2023-04-01", "date_end": "2023-04-02", "event_date": "2023-04-02"}, False),
        (
            {"actor1": "Military Forces of Ruritania", "actor2": "Vale Liberation Army"},
            True,
        ),  # Battles: either order
        ({"actor1": "Orange Front"}, False),
        ({"actor2": None}, True),  # a missing actor does not conflict
    ],
)
def test_same_event_follows_codebook_section_9(other: dict[str, object], expected: bool) -> None:
    assert same_event(predicted(), predicted(**other)) is expected


def test_same_event_keeps_actor_order_outside_battles() -> None:
    a = predicted(
        event_type="Violence against civilians", actor1="Orange Front", actor2="Civilians (Ruritania)"
    )
    b = predicted(
        event_type="Violence against civilians", actor1="Civilians (Ruritania)", actor2="Orange Front"
    )
    assert not same_event(a, b)
