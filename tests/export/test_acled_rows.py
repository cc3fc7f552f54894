"""ACLED CSV rows: ids, dates, disorder, civilian targeting, and the types ACLED does not have."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from acled_helpers import acled_rows

from strife.export.acled import DISORDER_BY_TYPE, event_id_cnty
from strife.records import Event

EventFactory = Callable[..., Event]


def test_event_id_cnty_is_iso3_and_a_number(tmp_path: Path, event_factory: EventFactory) -> None:
    cell = acled_rows(tmp_path, [event_factory("a7#2")])[0]["event_id_cnty"]
    assert cell.startswith("AFG") and cell[3:].isdigit()


def test_event_id_cnty_is_the_same_in_every_export(tmp_path: Path, event_factory: EventFactory) -> None:
    # stable across exports, whatever else the export holds: it depends on strife's id alone
    alone = acled_rows(tmp_path, [event_factory("a7#2")])[0]["event_id_cnty"]
    among = acled_rows(tmp_path, [event_factory("a1#1"), event_factory("a7#2")])[1]["event_id_cnty"]
    assert alone == among == event_id_cnty("a7#2", "AFG")


def test_event_id_cnty_differs_between_events() -> None:
    ids = {event_id_cnty(f"article-{n}#{k}", "SDN") for n in range(2000) for k in range(1, 4)}
    assert len(ids) == 6000


def test_event_id_cnty_of_an_unknown_country(tmp_path: Path, event_factory: EventFactory) -> None:
    assert acled_rows(tmp_path, [event_factory(country=None)])[0]["event_id_cnty"].startswith("XXX")


def test_year_only_date_has_precision_3_and_its_window_in_tags(
    tmp_path: Path, event_factory: EventFactory
) -> None:
    event = event_factory(
        event_date=date(2019, 12, 31),
        date_start=date(2019, 1, 1),
        date_end=date(2019, 12, 31),
        time_precision=None,
    )
    row = acled_rows(tmp_path, [event])[0]
    assert (row["time_precision"], row["tags"]) == ("3", "date window=2019-01-01..2019-12-31")


def test_a_day_keeps_its_precision_and_no_tags(tmp_path: Path, event_factory: EventFactory) -> None:
    row = acled_rows(tmp_path, [event_factory()])[0]
    assert (row["time_precision"], row["tags"]) == ("1", "")


def test_undated_event_has_no_precision(tmp_path: Path, event_factory: EventFactory) -> None:
    event = event_factory(event_date=None, date_start=None, date_end=None, time_precision=None)
    assert acled_rows(tmp_path, [event])[0]["time_precision"] == ""


def test_displacement_is_left_out_and_counted(tmp_path: Path, event_factory: EventFactory) -> None:
    flight = event_factory("d1", event_type="Displacement", sub_event_type="Forced to flee", actor2=None)
    left_out: Counter[str] = Counter()
    rows = acled_rows(tmp_path, [event_factory("a1"), flight, event_factory("a2")], left_out)
    assert [row["strife_event_id"] for row in rows] == ["a1", "a2"]
    assert left_out == Counter({"Displacement": 1})


@pytest.mark.parametrize("event_type", sorted(DISORDER_BY_TYPE))
def test_every_acled_type_has_a_disorder_type(
    tmp_path: Path, event_factory: EventFactory, event_type: str
) -> None:
    assert acled_rows(tmp_path, [event_factory(event_type=event_type)])[0]["disorder_type"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "Civilian targeting"),  # an air strike on civilians
        ({"event_type": "Violence against civilians", "sub_event_type": "Attack", "actor2": None,
          "actor2_type": None}, "Civilian targeting"),
        ({"event_type": "Protests", "sub_event_type": "Excessive force against protesters",
          "actor2": "Protesters (Kenya)", "actor2_type": 6}, "Civilian targeting"),
        ({"event_type": "Battles", "sub_event_type": "Armed clash", "actor2": "Taliban",
          "actor2_type": 2}, ""),
        ({"event_type": "Riots", "sub_event_type": "Mob violence", "actor2": None, "actor2_type": None}, ""),
    ],
)  # fmt: skip
def test_civilian_targeting(
    tmp_path: Path, event_factory: EventFactory, changes: dict[str, object], expected: str
) -> None:
    assert acled_rows(tmp_path, [event_factory(**changes)])[0]["civilian_targeting"] == expected


def test_timestamp_is_empty_when_no_report_is_dated(tmp_path: Path, event_factory: EventFactory) -> None:
    event = event_factory()
    undated = tuple(
        source.__class__(source.article_id, source.url, source.outlet) for source in event.sources
    )
    assert acled_rows(tmp_path, [event_factory(sources=undated)])[0]["timestamp"] == ""
