"""The brief's charts: the dashboard's colours, the bundled country outlines, nothing drawn empty."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from report_helpers import event

import strife
from strife.records import Event
from strife.report import charts
from strife.report.shapes import ATLAS, Atlas

COLOURS_JS = ATLAS.parents[2] / "colours.js"


def test_type_colours_are_the_dashboards() -> None:
    found = dict(re.findall(r'\["([^"]+)", "(#[0-9a-f]{6})"\]', COLOURS_JS.read_text(encoding="utf-8")))
    assert found == charts.TYPE_COLOURS
    assert list(charts.TYPE_COLOURS) == list(found)  # the same order: codebook order


@pytest.mark.parametrize(
    ("name", "atlas_name"),
    [
        ("Sudan", "Sudan"),
        ("Democratic Republic of Congo", "Dem. Rep. Congo"),
        ("South Sudan", "S. Sudan"),
        ("Central African Republic", "Central African Rep."),
        ("Burkina Faso", "Burkina Faso"),
    ],
)
def test_countries_are_found_by_strifes_names(name: str, atlas_name: str) -> None:
    country = Atlas().find(name)
    assert country is not None and country.name == atlas_name
    min_lon, min_lat, max_lon, max_lat = country.bounds()
    assert -180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90


def test_an_unknown_country_has_no_outline_and_still_gets_a_map(
    made_store: Callable[[Sequence[Event]], Path],
) -> None:
    assert Atlas().find("Atlantis") is None
    path = made_store([event("a", date(2024, 3, 5), country="Atlantis")])
    with strife.open_store(path, read_only=True) as store:
        brief = store.report(country="Atlantis", since=date(2024, 3, 4), until=date(2024, 3, 10))
    drawn = charts.charts(brief)
    assert set(drawn) == {"map", "trend"} and all(png.startswith(b"\x89PNG") for png in drawn.values())


def test_nothing_to_draw_is_not_drawn(made_store: Callable[[Sequence[Event]], Path]) -> None:
    unlocated = event("a", date(2024, 3, 5), latitude=None, longitude=None)
    with strife.open_store(made_store([unlocated]), read_only=True) as store:
        brief = store.report(country="Sudan", since=date(2024, 3, 4), until=date(2024, 3, 10))
        empty = store.report(country="Sudan", since=date(2025, 3, 4), until=date(2025, 3, 10))
    assert set(charts.charts(brief)) == {"trend"}
    assert "nothing to map" in brief.render("html").decode()
    assert charts.charts(empty) == {}


def test_weeks_run_monday_to_monday() -> None:
    mondays = charts.weeks(date(2024, 3, 6), date(2024, 3, 20))
    assert mondays == [date(2024, 3, 4), date(2024, 3, 11), date(2024, 3, 18)]
