"""GET /api/export: the command line's export formats and an Excel workbook, under the page's filters."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from strife.export import export
from strife.export.flat import EXPORT_FIELDS
from strife.store import Store
from strife.store.store import EventFilter
from strife.web.api.detail import one_paragraph


def test_csv_is_the_command_lines_csv_for_the_same_events(client: TestClient, sample_store: Path) -> None:
    response = client.get("/api/export?format=csv&country=mali")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="strife-events.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == EXPORT_FIELDS
    with Store.open(sample_store, read_only=True) as store:
        cli = io.StringIO(newline="")
        export(store.occurrences(EventFilter(country="mali")), "csv", cli)
    assert response.text == cli.getvalue()


def test_acled_csv_leaves_out_displacement(client: TestClient) -> None:
    everything = client.get("/api/export?format=acled-csv").text
    rows = list(csv.DictReader(io.StringIO(everything)))
    assert len(rows) == 7  # eight events, one of them Displacement
    assert "Displacement" not in {row["event_type"] for row in rows}


def test_geojson_follows_the_text_filter(client: TestClient) -> None:
    body = client.get("/api/export?format=geojson&q=Mopti").json()
    assert body["type"] == "FeatureCollection"
    assert sorted(f["properties"]["event_id"] for f in body["features"]) == ["a4-1", "a8-1"]


def test_parquet_opens_in_duckdb(client: TestClient, tmp_path: Path) -> None:
    response = client.get("/api/export?format=parquet&event_type=Battles")
    assert response.status_code == 200
    path = tmp_path / "events.parquet"
    path.write_bytes(response.content)
    rows = duckdb.sql(f"SELECT event_id FROM read_parquet('{path}') ORDER BY event_id").fetchall()
    assert rows == [("a1-1",), ("a2-1",), ("a8-1",)]


def test_excel_workbook_has_events_sources_and_evidence_sheets(client: TestClient) -> None:
    response = client.get("/api/export?format=xlsx&country=afghanistan")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="strife-events.xlsx"'
    book = zipfile.ZipFile(io.BytesIO(response.content))
    workbook = book.read("xl/workbook.xml").decode()
    for sheet in ("events", "sources", "evidence"):
        assert f'name="{sheet}"' in workbook
    # Three Afghan events: a header and three rows on the events sheet.
    events_sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert events_sheet.count("<row ") == 4


def test_an_unknown_format_is_refused_with_the_choices(client: TestClient) -> None:
    response = client.get("/api/export?format=docx")
    assert response.status_code == 422
    assert "xlsx" in json.dumps(response.json())


@pytest.mark.parametrize(
    ("sentence", "start", "end", "expected"),
    [
        ("Seven were killed.\nIn other news, rain.", 0, 5, ("Seven were killed.", 0, 5)),
        ("Markets opened.\n\n  Two soldiers died.", 23, 31, ("Two soldiers died.", 4, 12)),
        ("One line only.", 0, 3, ("One line only.", 0, 3)),
        ("\nNo span here.\nNext paragraph.", None, None, ("No span here.", None, None)),
    ],
)
def test_evidence_is_cut_at_the_paragraph_that_holds_the_span(
    sentence: str, start: int | None, end: int | None, expected: tuple[str, int | None, int | None]
) -> None:
    cut = one_paragraph(sentence, start, end)
    assert cut == expected
    if start is not None:
        assert cut[0][cut[1] : cut[2]] == sentence[start:end]
