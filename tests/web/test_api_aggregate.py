"""GET /api/map, /api/timeline, /api/counts: aggregated in SQL, bounded by their limits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient


def test_map_points_when_few(client: TestClient) -> None:
    body = client.get("/api/map?country=afghanistan").json()
    assert body["mode"] == "points" and body["total"] == 3
    assert body["points"][0] == {
        "event_id": "a1-1",
        "lat": 35.3,
        "lon": 69.5,
        "event_type": "Battles",
        "fatalities": 7,
    }


def test_map_leaves_out_events_without_coordinates(client: TestClient) -> None:
    body = client.get("/api/map").json()
    assert body["total"] == 7 and "a8-1" not in {p["event_id"] for p in body["points"]}


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 6])
def test_map_clusters_never_exceed_the_limit(client: TestClient, limit: int) -> None:
    body = client.get(f"/api/map?limit={limit}").json()
    assert body["mode"] == "clusters" and body["total"] == 7
    clusters = body["clusters"]
    assert 1 <= len(clusters) <= limit
    assert sum(c["count"] for c in clusters) == 7
    assert sum(c["fatalities"] for c in clusters) == 25


@pytest.fixture
def dense_store(tmp_path: Path, make_event: Callable[..., Any], build_store: Callable[..., Path]) -> Path:
    """3,000 events on a 60 x 50 grid of places a tenth of a degree apart, plus 500 on one spot."""
    events = [
        make_event(
            f"g{i}", "none", latitude=10 + (i // 60) * 0.1, longitude=20 + (i % 60) * 0.1, fatalities=1
        )
        for i in range(3000)
    ]
    events += [make_event(f"s{i}", "none", latitude=0.0, longitude=0.0, fatalities=0) for i in range(500)]
    return build_store(tmp_path / "dense.duckdb", [], events)


@pytest.mark.parametrize("limit", [5, 50, 500, 3499])
def test_map_clusters_dense_data_within_the_limit(
    dense_store: Path, serve: Callable[..., TestClient], limit: int
) -> None:
    body = serve(dense_store).get(f"/api/map?limit={limit}").json()
    clusters = body["clusters"]
    assert body["mode"] == "clusters" and len(clusters) <= limit
    assert sum(c["count"] for c in clusters) == 3500
    # Not one lump: the grid is as fine as the limit allows.
    assert len(clusters) >= limit // 8
    assert clusters[0]["count"] == max(c["count"] for c in clusters)


def test_map_points_at_the_limit(dense_store: Path, serve: Callable[..., TestClient]) -> None:
    body = serve(dense_store).get("/api/map?limit=5000").json()
    assert body["mode"] == "points" and len(body["points"]) == body["total"] == 3500


@pytest.mark.parametrize("query", ["limit=0", "limit=5001", "limit=many", "bbox=0,0,1"])
def test_map_bad_parameters(client: TestClient, query: str) -> None:
    response = client.get(f"/api/map?{query}")
    assert response.status_code == 422 and isinstance(response.json()["detail"], str)


def test_timeline_by_week_starts_on_monday(client: TestClient) -> None:
    body = client.get("/api/timeline").json()
    assert body["interval"] == "week"
    periods = {row["period"] for row in body["series"]}
    assert all(date.fromisoformat(p).weekday() == 0 for p in periods)
    first = body["series"][0]
    # 2021-09-07 is a Tuesday: its week starts Monday 2021-09-06.
    assert first == {
        "period": "2021-09-06",
        "event_type": "Battles",
        "events": 1,
        "fatalities": 7,
        "displaced": 0,
    }


@pytest.mark.parametrize(
    ("interval", "periods"),
    [("day", 8), ("week", 7), ("month", 2)],
)
def test_timeline_intervals(client: TestClient, interval: str, periods: int) -> None:
    series = client.get(f"/api/timeline?interval={interval}").json()["series"]
    assert len({row["period"] for row in series}) == periods
    assert sum(row["events"] for row in series) == 8
    assert sum(row["displaced"] for row in series) == 3000


def test_timeline_month_sums_by_type(client: TestClient) -> None:
    series = client.get("/api/timeline?interval=month&event_type=battles").json()["series"]
    assert series == [
        {"period": "2021-09-01", "event_type": "Battles", "events": 2, "fatalities": 9, "displaced": 0},
        {"period": "2021-10-01", "event_type": "Battles", "events": 1, "fatalities": 5, "displaced": 0},
    ]


def test_timeline_leaves_out_undated_events(
    tmp_path: Path,
    serve: Callable[..., TestClient],
    make_event: Callable[..., Any],
    build_store: Callable[..., Path],
) -> None:
    events = [make_event("d1", "x"), make_event("u1", "x", event_date=None)]
    body = serve(build_store(tmp_path / "s.duckdb", [], events)).get("/api/timeline?interval=day").json()
    assert [row["events"] for row in body["series"]] == [1]


@pytest.mark.parametrize("query", ["interval=year", "interval=", "date_to=2021/09/01"])
def test_timeline_bad_parameters(client: TestClient, query: str) -> None:
    response = client.get(f"/api/timeline?{query}")
    assert response.status_code == 422 and isinstance(response.json()["detail"], str)


def test_counts_by_country_most_events_first(client: TestClient) -> None:
    body = client.get("/api/counts?by=country").json()
    assert body["by"] == "country"
    assert body["counts"][:2] == [
        {"key": "Afghanistan", "events": 3, "fatalities": 9},
        {"key": "Mali", "events": 3, "fatalities": 20},
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("by=event_type&limit=1", [("Battles", 3)]),
        ("by=sub_event_type&country=mali", [("Air/drone strike", 1), ("Armed clash", 1), ("Attack", 1)]),
        ("by=admin1&country=afghanistan", [("Kabul", 2), ("Panjshir", 1)]),
        ("by=actor1&country=mozambique", [(None, 1)]),  # no actor coded: a null key
        ("by=actor1&actor=jnim", [("JNIM", 2)]),
    ],
)
def test_counts(client: TestClient, query: str, expected: list[tuple[str | None, int]]) -> None:
    counts = client.get(f"/api/counts?{query}").json()["counts"]
    assert [(c["key"], c["events"]) for c in counts] == expected


@pytest.mark.parametrize("query", ["by=notes", "by=", "limit=0", "limit=1001", "by=country;--"])
def test_counts_bad_parameters(client: TestClient, query: str) -> None:
    response = client.get(f"/api/counts?{query}")
    assert response.status_code == 422 and isinstance(response.json()["detail"], str)


def test_timeline_for_a_long_span_by_day(
    tmp_path: Path,
    serve: Callable[..., TestClient],
    make_event: Callable[..., Any],
    build_store: Callable[..., Path],
) -> None:
    start = date(2020, 1, 1)
    events = [make_event(f"e{i}", "x", event_date=start + timedelta(days=i)) for i in range(400)]
    series = serve(build_store(tmp_path / "s.duckdb", [], events)).get("/api/timeline?interval=day").json()
    assert len(series["series"]) == 400 and series["series"][-1]["period"] == "2021-02-03"
