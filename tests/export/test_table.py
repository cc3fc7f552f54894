from __future__ import annotations

from collections.abc import Callable

import pytest

from strife.export import format_table
from strife.records import Event

EventFactory = Callable[..., Event]
LONG = "A very long actor name " * 4


def test_header_names_the_columns() -> None:
    header = format_table([], width=400).splitlines()[0].split()
    assert header == [
        "id",
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
        "reviewed",
        "reviewer",
    ]


def test_one_line_per_event_between_header_and_count(event_factory: EventFactory) -> None:
    lines = format_table([event_factory("a"), event_factory("b")], width=400).splitlines()
    assert len(lines) == 5
    assert lines[-1] == "2 events"


def test_count_of_one_event(event_factory: EventFactory) -> None:
    assert format_table([event_factory("a")], width=400).splitlines()[-1] == "1 event"


def test_rows_start_with_the_event_id(event_factory: EventFactory) -> None:
    assert format_table([event_factory("news-7#2")], width=400).splitlines()[2].startswith("news-7#2  ")


@pytest.mark.parametrize("width", [80, 100, 120, 160, 240])
def test_no_line_is_wider_than_asked(event_factory: EventFactory, width: int) -> None:
    table = format_table([event_factory(actor1=LONG, actor2=LONG)], width=width)
    assert max(len(line) for line in table.splitlines()[:-1]) <= width


def test_a_wider_terminal_shows_more(event_factory: EventFactory) -> None:
    events = [event_factory(actor1=LONG, actor2=LONG)]
    narrow, wide = format_table(events, width=100), format_table(events, width=240)
    assert len(narrow.splitlines()[0].split()) < len(wide.splitlines()[0].split()) == 13


def test_a_narrow_terminal_leaves_out_columns_and_says_which(event_factory: EventFactory) -> None:
    table = format_table([event_factory(actor1=LONG, actor2=LONG)], width=80)
    header = table.splitlines()[0].split()
    assert "type" not in header and "actor1" in header and "sub-type" in header  # the sub-type says both
    assert table.splitlines()[-1].startswith("1 event; not shown at this width: type")


def test_clipped_cells_end_in_an_ellipsis(event_factory: EventFactory) -> None:
    table = format_table([event_factory(actor1=LONG)], width=120)
    header = table.splitlines()[0].split()
    actor1 = [cell.strip() for cell in table.splitlines()[2].split("  ") if cell][header.index("actor1")]
    assert actor1.startswith("A very")
    assert actor1.endswith("…")


@pytest.mark.parametrize("width", [60, 80])
def test_ids_and_dates_are_never_clipped(event_factory: EventFactory, width: int) -> None:
    assert format_table([event_factory("a1-1")], width=width).splitlines()[2].startswith("a1-1  2021-09-05  ")


def test_table_that_fits_is_not_clipped(event_factory: EventFactory) -> None:
    assert "…" not in format_table([event_factory()], width=400)


def test_fatalities_are_right_aligned(event_factory: EventFactory) -> None:
    lines = format_table(
        [event_factory(fatalities=7), event_factory(fatalities=1200)], width=400
    ).splitlines()
    assert lines[2].rsplit(maxsplit=4)[0].endswith("   7")  # then chains / reports, then pending
    assert lines[3].rsplit(maxsplit=4)[0].endswith("1200")


def test_sources_show_chains_over_reports_as_the_dashboard_does(event_factory: EventFactory) -> None:
    lines = format_table([event_factory(corroboration=2), event_factory(corroboration=None)], width=400)
    rows = lines.splitlines()
    assert rows[2].endswith("  2 / 3  pending")  # three reports, two of them copies of one story
    assert rows[3].endswith("  - / 3  pending")  # chains not counted (a per-report record)


def test_absent_values_are_blank(event_factory: EventFactory) -> None:
    row = format_table([event_factory(actor2=None, fatalities=None)], width=400).splitlines()[2]
    assert "None" not in row
