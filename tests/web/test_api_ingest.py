"""POST /api/articles: off without a token, the token checked, the body checked, then ingested."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from strife.web.api.ingest import WRITES_DISABLED
from strife.web.api.schemas import MAX_TEXT_CHARS

TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "somalia-lower-shabelle-roadside-bomb.txt"


@pytest.fixture
def writer(empty_store: Path, serve: Callable[..., TestClient]) -> TestClient:
    return serve(empty_store, token=TOKEN)


def test_writes_are_off_without_a_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "Gunmen attacked a village.", "date": None})
    assert response.status_code == 403 and response.json() == {"detail": WRITES_DISABLED}
    assert client.get("/api/health").json()["writable"] is False


def test_writes_off_even_with_a_token_sent(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "x"}, headers=AUTH)
    assert response.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
        {"Authorization": "Bearer "},
    ],
)
def test_missing_or_wrong_token_is_401(writer: TestClient, headers: dict[str, str]) -> None:
    response = writer.post("/api/articles", json={"text": "Gunmen attacked a village."}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "Authorization: Bearer" in response.json()["detail"]


def test_token_is_checked_before_the_body(writer: TestClient) -> None:
    response = writer.post(
        "/api/articles", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": 5}, "text"),
        ({"text": "x", "date": "2021-13-01"}, "date"),
        ({"text": "x", "date": "last week"}, "date"),
        ({"text": "x", "date": 20210901}, "date"),
        ({"text": "x", "colour": "red"}, "colour"),
        ({"text": "x", "id": ""}, "id"),
        (["text"], "body"),
    ],
)
def test_bad_body_is_422_naming_the_field(writer: TestClient, body: object, field: str) -> None:
    response = writer.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and field in detail


def test_malformed_json_is_422(writer: TestClient) -> None:
    response = writer.post(
        "/api/articles", content=b'{"text": "x"', headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422 and "JSON" in response.json()["detail"]


def test_body_must_be_json(writer: TestClient) -> None:
    response = writer.post("/api/articles", content=b"text=x", headers={**AUTH, "Content-Type": "text/plain"})
    assert response.status_code == 415


@pytest.mark.parametrize("size", [MAX_TEXT_CHARS + 1, 30 * MAX_TEXT_CHARS])
def test_text_over_the_character_limit_is_413(writer: TestClient, size: int) -> None:
    response = writer.post("/api/articles", json={"text": "a" * size}, headers=AUTH)
    assert response.status_code == 413 and f"{MAX_TEXT_CHARS} characters" in response.json()["detail"]


def test_multibyte_text_is_measured_in_characters(writer: TestClient) -> None:
    text = "é" * (MAX_TEXT_CHARS // 2 + 1)  # more bytes than characters, fewer characters than the limit
    response = writer.post("/api/articles", json={"text": text}, headers=AUTH)
    assert response.status_code != 413


def test_article_is_ingested_with_the_token(writer: TestClient) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    response = writer.post("/api/articles", json={"text": text, "title": "Roadside bomb"}, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] == 1 and body["duplicates"] == 0 and body["events"] >= 1 and body["rejected"] == []
    article = writer.get(f"/api/articles/{body['article_id']}").json()
    assert (
        article["title"] == "Roadside bomb" and article["date"] == "2023-11-14"
    )  # from the text's date line
    assert writer.get("/api/health").json()["events"] >= 1
    again = writer.post("/api/articles", json={"text": text}, headers=AUTH).json()
    assert again["stored"] == 0 and again["duplicates"] == 1


FRENCH = (
    "Des hommes armés ont attaqué mardi un village près de la frontière, tuant au moins douze civils, "
    "selon des responsables locaux qui ont demandé l'anonymat. L'armée a envoyé des renforts dans la zone."
)


def test_a_non_english_article_is_rejected_as_the_file_readers_do(writer: TestClient) -> None:
    response = writer.post("/api/articles", json={"text": FRENCH}, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] == 0 and body["events"] == 0
    assert body["rejected"] == ["language fr not supported (English only)"]
    assert writer.get("/api/health").json()["events"] == 0
