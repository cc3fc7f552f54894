"""The review routes: token and reviewer checks, one-line 4xx for bad values, nothing half-written,
and corrections that show in the event, its history and the lists."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from review_stores import review_store

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Strife-Reviewer": "amina"}

# (method, path, body) of every write route
WRITES: list[tuple[str, str, dict[str, Any]]] = [
    ("PATCH", "/api/events/k1-1", {"fatalities": 3}),
    ("POST", "/api/events/k1-1/approve", {}),
    ("POST", "/api/events/k1-1/reject", {"category": "background"}),
    ("POST", "/api/events/k1-1/reopen", {}),
    ("POST", "/api/events/k1-1/split", {"reports": ["k2-1"]}),
    ("POST", "/api/events/k1-1/merge", {"with": "g1-1"}),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return review_store(tmp_path_factory.mktemp("review") / "review.duckdb")


@pytest.fixture
def store_path(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the module's store for each test (building one runs the merger)."""
    return Path(shutil.copy(template, tmp_path / "review.duckdb"))


@pytest.fixture
def writer(store_path: Path, serve: Callable[..., TestClient]) -> TestClient:
    return serve(store_path, token=TOKEN)


def event(client: TestClient, event_id: str) -> dict[str, Any]:
    answer = client.get(f"/api/events/{event_id}")
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_a_read_only_server_refuses_every_write(
    store_path: Path, serve: Callable[..., TestClient], method: str, path: str, body: dict[str, Any]
) -> None:
    answer = serve(store_path).request(method, path, json=body, headers=AUTH)
    assert answer.status_code == 403 and "--token" in answer.json()["detail"]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong", "X-Strife-Reviewer": "x"}])
def test_a_client_without_the_token_gets_401_and_nothing_changes(
    writer: TestClient, method: str, path: str, body: dict[str, Any], headers: dict[str, str]
) -> None:
    before = event(writer, "k1-1")
    answer = writer.request(method, path, json=body, headers=headers)
    assert answer.status_code == 401
    assert event(writer, "k1-1") == before


def test_a_write_needs_a_reviewer_name(writer: TestClient) -> None:
    answer = writer.patch(
        "/api/events/k1-1", json={"fatalities": 3}, headers={"Authorization": AUTH["Authorization"]}
    )
    assert answer.status_code == 400 and "X-Strife-Reviewer" in answer.json()["detail"]


def test_a_patch_changes_the_event_and_writes_the_history(writer: TestClient) -> None:
    answer = writer.patch(
        "/api/events/k1-1",
        json={
            "event_type": "Violence against civilians",
            "sub_event_type": "Attack",
            "reason": "no fighting",
        },
        headers=AUTH,
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["event_type"], body["review"]["status"], body["review"]["reviewed_by"]) == (
        "Violence against civilians", "corrected", "amina",
    )  # fmt: skip
    assert body["review"]["fields"] == ["event_type", "sub_event_type"]
    history = writer.get("/api/events/k2-1/history").json()["history"]
    assert [(h["field"], h["before"], h["after"], h["reason"], h["reviewer"]) for h in history] == [
        ("event_type", "Battles", "Violence against civilians", "no fighting", "amina"),
        ("sub_event_type", "Armed clash", "Attack", "no fighting", "amina"),
    ]
    listed = writer.get("/api/events", params={"event_type": "Violence against civilians"}).json()
    assert "k1-1" in [row["event_id"] for row in listed["events"]]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"sub_event_type": "Bombing"}, 422, "not a sub-type"),
        ({"event_date": "2999-01-01"}, 422, "event_date"),
        ({"fatalities": -1}, 422, "at least 0"),
        ({"nonsense": 1}, 422, "cannot be changed"),
        ({}, 422, "JSON object"),
        ({"reason": 5, "fatalities": 1}, 422, "reason"),
    ],
)
def test_bad_values_get_a_one_line_4xx_and_change_nothing(
    writer: TestClient, body: dict[str, Any], status: int, words: str
) -> None:
    before = event(writer, "k1-1")
    answer = writer.patch("/api/events/k1-1", json=body, headers=AUTH)
    assert answer.status_code == status and words in answer.json()["detail"]
    assert "\n" not in answer.json()["detail"]
    assert event(writer, "k1-1") == before
    assert writer.get("/api/events/k1-1/history").json()["history"] == []


def test_an_unknown_event_is_404_on_every_write(writer: TestClient) -> None:
    for method, path, body in WRITES:
        answer = writer.request(method, path.replace("k1-1", "nope-9"), json=body, headers=AUTH)
        assert answer.status_code == 404, (path, answer.text)
    assert writer.get("/api/events/nope-9/history").status_code == 404


def test_a_bad_reject_category_is_422(writer: TestClient) -> None:
    answer = writer.post("/api/events/k1-1/reject", json={"category": "boring"}, headers=AUTH)
    assert answer.status_code == 422 and "background" in answer.json()["detail"]


def test_reject_hides_the_event_from_lists_but_not_from_its_page(writer: TestClient) -> None:
    answer = writer.post(
        "/api/events/m1-1/reject", json={"category": "background", "reason": "2014"}, headers=AUTH
    )
    assert answer.status_code == 200 and answer.json()["review"]["status"] == "rejected"
    assert "m1-1" not in [row["event_id"] for row in writer.get("/api/events").json()["events"]]
    counts = {c["country"]: c for c in writer.get("/api/review/counts").json()["countries"]}
    assert counts["Mali"]["rejected"] == 1
    reopened = writer.post("/api/events/m1-1/reopen", json={}, headers=AUTH)
    assert reopened.json()["review"]["status"] == "pending"
    assert "m1-1" in [row["event_id"] for row in writer.get("/api/events").json()["events"]]


def test_split_and_merge(writer: TestClient) -> None:
    split = writer.post(
        "/api/events/k1-1/split", json={"reports": ["k2-1"], "reason": "two days"}, headers=AUTH
    )
    assert split.json() == {"kept": "k1-1", "new": "k2-1"}
    assert [a["id"] for a in event(writer, "k2-1")["articles"]] == ["k2"]
    merged = writer.post("/api/events/k1-1/merge", json={"with": "k2-1"}, headers=AUTH)
    assert merged.status_code == 200 and sorted(a["id"] for a in merged.json()["articles"]) == ["k1", "k2"]
    actions = [h["action"] for h in writer.get("/api/events/k1-1/history").json()["history"]]
    assert actions == ["split", "merge"]


def test_a_split_of_reports_not_in_the_event_is_422(writer: TestClient) -> None:
    answer = writer.post("/api/events/k1-1/split", json={"reports": ["g1-1"]}, headers=AUTH)
    assert answer.status_code == 422 and "not in event" in answer.json()["detail"]


def test_the_queue_and_taxonomy_are_readable_without_a_token(
    store_path: Path, serve: Callable[..., TestClient]
) -> None:
    reader = serve(store_path)
    queue = reader.get("/api/review/queue").json()
    assert queue["events"][0]["event_id"] == "m1-1" and "low confidence" in queue["events"][0]["reasons"]
    taxonomy = reader.get("/api/review/taxonomy").json()
    assert "Armed clash" in taxonomy["event_types"]["Battles"] and taxonomy["writable"] is False


def test_lists_and_downloads_say_where_the_review_stands(writer: TestClient) -> None:
    writer.post("/api/events/g1-1/approve", json={}, headers=AUTH)
    rows = {row["event_id"]: row for row in writer.get("/api/events").json()["events"]}
    assert (rows["g1-1"]["reviewed"], rows["g1-1"]["reviewed_by"]) == ("approved", "amina")
    assert (rows["k1-1"]["reviewed"], rows["k1-1"]["reviewed_by"]) == ("pending", None)
    lines = writer.get("/api/download.csv").text.splitlines()
    assert lines[0].endswith(",reviewed,reviewed_by")
    assert any(line.startswith("g1-1,") and line.endswith(",approved,amina") for line in lines)


def test_a_reviewer_name_in_any_script_arrives_percent_encoded(writer: TestClient) -> None:
    headers = {**AUTH, "X-Strife-Reviewer": "%D0%90%D0%BB%D1%91%D0%BD%D0%B0"}  # "Алёна"
    answer = writer.post("/api/events/g1-1/approve", json={}, headers=headers)
    assert answer.json()["review"]["reviewed_by"] == "Алёна"
