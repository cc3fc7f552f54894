from __future__ import annotations

from collections.abc import Callable

import pytest

from strife.export import format_table
from strife.records import Event

EventFactory = Callable[..., Event]


def test_header_names_the_columns() -> None:
    header = format_table([]).splitlines()[0].split()
    assert header == [
        "date",
        "type",
        "sub-type",
        "actor1",
        "actor2",
        "country",
        "admin1",
        "location",
        "fatalities",
        "sources",
    ]


def test_one_line_per_event_after_header_and_rule(event_factory: EventFactory) -> None:
    table = format_table([event_factory("a"), event_factory("b")])
    assert len(table.splitlines()) == 4


@pytest.mark.parametrize("width", [80, 100, 120])
def test_no_line_is_wider_than_asked(event_factory: EventFactory, width: int) -> None:
    table = format_table([event_factory(actor1="A very long actor name " * 4)], width=width)
    assert max(len(line) for line in table.splitlines()) <= width


def test_clipped_cells_end_in_an_ellipsis(event_factory: EventFactory) -> None:
    table = format_table([event_factory(actor1="A very long actor name " * 4)], width=100)
    actor1 = table.splitlines()[2].split("  ")[3]
    assert actor1.startswith("A very")
    assert actor1.endswith("…")


@pytest.mark.parametrize("width", [60, 80])
def test_dates_are_never_clipped(event_factory: EventFactory, width: int) -> None:
    assert format_table([event_factory()], width=width).splitlines()[2].startswith("2021-09-05  ")


def test_table_that_fits_is_not_clipped(event_factory: EventFactory) -> None:
    assert "…" not in format_table([event_factory()], width=400)


def test_fatalities_are_right_aligned(event_factory: EventFactory) -> None:
    lines = format_table([event_factory(fatalities=7), event_factory(fatalities=1200)]).splitlines()
    assert lines[2].rsplit(maxsplit=1)[0].endswith("   7")
    assert lines[3].rsplit(maxsplit=1)[0].endswith("1200")


def test_sources_show_reports_and_independent_chains(event_factory: EventFactory) -> None:
    lines = format_table([event_factory(corroboration=2), event_factory(corroboration=3)]).splitlines()
    assert lines[2].endswith("  3 (2)")  # three reports, two of them copies of one story
    assert lines[3].endswith("      3")


def test_absent_values_are_blank(event_factory: EventFactory) -> None:
    row = format_table([event_factory(actor2=None, fatalities=None)], width=400).splitlines()[2]
    assert "None" not in row
