"""GET /api/download.csv and /api/download.geojson: the filtered summaries as attachments."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from strife.store.browse import SUMMARY_FIELDS as BROWSE_FIELDS
from strife.store.review_queue import REVIEW_FIELDS

SUMMARY_FIELDS = (*BROWSE_FIELDS, *REVIEW_FIELDS)  # every summary says where its review stands


def test_csv_has_a_header_and_one_row_per_filtered_event(client: TestClient) -> None:
    response = client.get("/api/download.csv?country=mali")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="strife-events.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == SUMMARY_FIELDS
    assert [row["event_id"] for row in rows] == ["a4-1", "a5-1", "a8-1"]
    located, unlocated = rows[0], rows[2]
    assert located["fatalities"] == "12" and located["disputed"] == "false"
    assert unlocated["latitude"] == "" and unlocated["longitude"] == ""


def test_geojson_points_longitude_first_and_null_geometry_when_unlocated(client: TestClient) -> None:
    response = client.get("/api/download.geojson?country=mali")
    assert response.headers["content-disposition"] == 'attachment; filename="strife-events.geojson"'
    body = response.json()
    assert body["type"] == "FeatureCollection"
    features = {f["id"]: f for f in body["features"]}
    assert features["a4-1"]["geometry"] == {"type": "Point", "coordinates": [-4.2, 14.5]}
    assert features["a8-1"]["geometry"] is None
    assert set(features["a4-1"]["properties"]) == set(SUMMARY_FIELDS)


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_downloads_of_nothing_are_well_formed(client: TestClient, fmt: str) -> None:
    response = client.get(f"/api/download.{fmt}?country=Narnia")
    assert response.status_code == 200
    if fmt == "csv":
        assert response.text == ",".join(SUMMARY_FIELDS) + "\n"
    else:
        assert response.json() == {"type": "FeatureCollection", "features": []}


def test_downloads_stream_in_batches(
    tmp_path: Path,
    serve: Callable[..., TestClient],
    make_event: Callable[..., Any],
    build_store: Callable[..., Path],
) -> None:
    events = [make_event(f"e{i:05d}", "x") for i in range(4500)]  # more than two fetch batches
    client = serve(build_store(tmp_path / "s.duckdb", [], events))
    rows = list(csv.DictReader(io.StringIO(client.get("/api/download.csv").text)))
    assert len(rows) == 4500 and len({row["event_id"] for row in rows}) == 4500
    features = client.get("/api/download.geojson").json()["features"]
    assert len(features) == 4500


@pytest.mark.parametrize("query", ["bbox=1", "date_from=x", "country=" + "x" * 300])
@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_download_bad_parameters(client: TestClient, fmt: str, query: str) -> None:
    response = client.get(f"/api/download.{fmt}?{query}")
    assert response.status_code == 422 and isinstance(response.json()["detail"], str)


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_downloads_past_the_slots_wait_their_turn(client: TestClient, fmt: str) -> None:
    from strife.web.api.limits import DOWNLOADS_AT_ONCE

    state = client.app.state.strife  # type: ignore[attr-defined]
    for _ in range(DOWNLOADS_AT_ONCE):
        assert state.downloads.acquire(blocking=False)  # downloads in progress
    try:
        busy = client.get(f"/api/download.{fmt}")
        assert busy.status_code == 503 and busy.headers["retry-after"].isdigit()
        assert "downloads are running" in busy.json()["detail"]
    finally:
        for _ in range(DOWNLOADS_AT_ONCE):
            state.downloads.release()
    assert client.get(f"/api/download.{fmt}").status_code == 200


def test_a_finished_download_gives_its_slot_back(client: TestClient) -> None:
    from strife.web.api.limits import DOWNLOADS_AT_ONCE

    for _ in range(DOWNLOADS_AT_ONCE + 3):
        assert client.get("/api/download.csv").status_code == 200
