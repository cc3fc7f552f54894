from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from strife.export import FORMATS, export
from strife.export.flat import FLAT_FIELDS, flat_record
from strife.export.parquet import COLUMN_TYPES
from strife.records import Article, Event
from strife.store import Store

EventFactory = Callable[..., Event]


@pytest.fixture
def events(event_factory: EventFactory) -> list[Event]:
    return [
        event_factory("a1-1"),
        event_factory("a1-2", latitude=None, longitude=None, geo_precision=None, notes=None, sources=()),
        event_factory(
            "a1-3",
            event_type="Displacement",
            sub_event_type="Forced to flee",
            actor2=None,
            actor2_type=None,
            interaction=70,
            displaced_figure=300,
            displaced_unit="families",
            displaced_people=1800,
            displacement_origin="Bazarak",
        ),
    ]


def test_unknown_format_names_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="jsonl, csv, acled-csv, geojson, parquet, xlsx"):
        export([], "docx", tmp_path / "out")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_returns_the_count(tmp_path: Path, events: list[Event], fmt: str) -> None:
    # acled-csv writes ACLED's types only: the Displacement event is left out
    written = len(events) - 1 if fmt == "acled-csv" else len(events)
    assert export(iter(events), fmt, tmp_path / "out") == written


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_of_nothing_writes_a_readable_empty_file(tmp_path: Path, fmt: str) -> None:
    assert export([], fmt, tmp_path / "out") == 0
    assert (tmp_path / "out").exists()


def test_jsonl_lines_rebuild_the_events(tmp_path: Path, events: list[Event]) -> None:
    export(events, "jsonl", tmp_path / "e.jsonl")
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert [Event.from_dict(json.loads(line)) for line in lines] == events


def test_text_formats_write_to_an_open_stream(events: list[Event]) -> None:
    stream = io.StringIO()
    export(events, "jsonl", stream)
    assert len(stream.getvalue().splitlines()) == len(events)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_has_every_field_of_the_record(tmp_path: Path, events: list[Event]) -> None:
    export(events, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as stream:
        header = next(csv.reader(stream))
    assert header == [f.name for f in dataclasses.fields(Event)] + ["reviewed", "reviewed_by"]


def test_csv_nested_parts_are_json(tmp_path: Path, events: list[Event]) -> None:
    export(events, "csv", tmp_path / "e.csv")
    row = _csv_rows(tmp_path / "e.csv")[0]
    assert json.loads(row["sources"]) == [s.to_dict() for s in events[0].sources]
    assert json.loads(row["claims"]) == [c.to_dict() for c in events[0].claims]
    assert json.loads(row["evidence"]) == [e.to_dict() for e in events[0].evidence]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("event_date", "2021-09-05"),
        ("fatalities", "4"),
        ("latitude", "35.3129"),
        ("fatalities_disputed", "true"),
        ("assoc_actor1", ""),
        ("notes", 'A strike on the "old" market; four dead.'),
    ],
)
def test_csv_cells(tmp_path: Path, events: list[Event], field: str, expected: str) -> None:
    export(events, "csv", tmp_path / "e.csv")
    assert _csv_rows(tmp_path / "e.csv")[0][field] == expected


def test_csv_reads_back_typed_in_duckdb(tmp_path: Path, events: list[Event]) -> None:
    export(events, "csv", tmp_path / "e.csv")
    rows = duckdb.sql(
        f"SELECT fatalities_disputed, latitude FROM read_csv('{tmp_path / 'e.csv'}') WHERE event_id = 'a1-1'"
    ).fetchall()
    assert rows == [(True, 35.3129)]


def _geojson(path: Path, events: list[Event]) -> dict:  # type: ignore[type-arg]
    export(events, "geojson", path)
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_geojson_is_a_feature_collection(tmp_path: Path, events: list[Event]) -> None:
    collection = _geojson(tmp_path / "e.geojson", events)
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == ["a1-1", "a1-2", "a1-3"]


def test_geojson_point_is_longitude_first(tmp_path: Path, events: list[Event]) -> None:
    feature = _geojson(tmp_path / "e.geojson", events)["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [69.5152, 35.3129]}


def test_geojson_geometry_is_null_without_coordinates(tmp_path: Path, events: list[Event]) -> None:
    assert _geojson(tmp_path / "e.geojson", events)["features"][1]["geometry"] is None


def test_geojson_properties_are_the_flat_record(tmp_path: Path, events: list[Event]) -> None:
    feature = _geojson(tmp_path / "e.geojson", events)["features"][0]
    assert feature["properties"] == flat_record(events[0])


def test_empty_geojson_parses(tmp_path: Path) -> None:
    assert _geojson(tmp_path / "e.geojson", [])["features"] == []


def test_parquet_types_cover_every_event_field() -> None:
    assert tuple(COLUMN_TYPES) == FLAT_FIELDS


def test_parquet_rebuilds_the_events(tmp_path: Path, events: list[Event]) -> None:
    export(events, "parquet", tmp_path / "e.parquet")
    relation = duckdb.sql(f"SELECT * FROM read_parquet('{tmp_path / 'e.parquet'}') ORDER BY event_id")
    rows = [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
    assert [Event.from_dict(row) for row in rows] == events


def test_parquet_columns_are_typed(tmp_path: Path, events: list[Event]) -> None:
    export(events, "parquet", tmp_path / "e.parquet")
    types = dict(
        duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE '{tmp_path / 'e.parquet'}')").fetchall()
    )
    assert (types["event_date"], types["latitude"], types["fatalities_disputed"]) == (
        "DATE",
        "DOUBLE",
        "BOOLEAN",
    )


def test_parquet_to_a_stream_is_refused() -> None:
    with pytest.raises(ValueError, match="file path"):
        export([], "parquet", io.StringIO())


def test_events_from_the_store_export_whole(tmp_path: Path, events: list[Event]) -> None:
    with Store.open(":memory:") as store:
        store.add(Article(id="a1", text="Jets struck the town."), events)
        export(store.events(), "jsonl", tmp_path / "e.jsonl")
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted((Event.from_dict(json.loads(line)) for line in lines), key=lambda e: e.event_id) == events
