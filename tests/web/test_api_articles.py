"""GET /api/articles and /api/articles/{id}."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from strife.store import Store


def test_list_newest_first_with_paging(client: TestClient) -> None:
    body = client.get("/api/articles?page=2&page_size=3").json()
    assert body["total"] == 8 and body["page"] == 2 and body["page_size"] == 3
    assert [a["id"] for a in body["articles"]] == ["a5", "a4", "a3"]
    assert set(body["articles"][0]) == {"id", "date", "title", "url", "outlet", "origin", "events"}


def test_article_counts_the_events_coded_from_it(
    tmp_path: Path,
    serve: Callable[..., TestClient],
    make_article: Callable[..., Any],
    make_event: Callable[..., Any],
) -> None:
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        store.add_many(
            [
                (make_article("x1"), [make_event("x1-1", "x1"), make_event("x1-2", "x1")]),
                (make_article("x2", date=date(2020, 1, 1)), []),
            ]
        )
    client = serve(path)
    counts = {a["id"]: a["events"] for a in client.get("/api/articles").json()["articles"]}
    assert counts == {"x1": 2, "x2": 0}
    assert client.get("/api/articles/x1").json()["events"] == 2


def test_one_article_with_its_text(client: TestClient) -> None:
    body = client.get("/api/articles/a3").json()
    assert body == {
        "id": "a3",
        "date": "2021-09-22",
        "title": "Clashes (a3)",
        "url": "https://news.example/a3",
        "outlet": "Example News",
        "origin": None,  # a path on the server: shown only with the token
        "events": 0,
        "text": "Fighting was reported near the river (a3).",
    }


def test_unknown_article_is_404(client: TestClient) -> None:
    response = client.get("/api/articles/nope")
    assert response.status_code == 404 and response.json()["detail"] == "no article with id 'nope'"


@pytest.mark.parametrize("query", ["page=0", "page_size=501", "page=-1", "page_size=ten"])
def test_bad_paging_is_422(client: TestClient, query: str) -> None:
    response = client.get(f"/api/articles?{query}")
    assert response.status_code == 422 and isinstance(response.json()["detail"], str)


def test_origin_is_shown_only_with_the_servers_token(
    sample_store: Path, serve: Callable[..., TestClient]
) -> None:
    writer = serve(sample_store, token="s3cret")
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
        assert {a["origin"] for a in writer.get("/api/articles", headers=headers).json()["articles"]} == {
            None
        }
        assert writer.get("/api/articles/a3", headers=headers).json()["origin"] is None
    shown = writer.get("/api/articles", headers={"Authorization": "Bearer s3cret"}).json()["articles"]
    assert {a["origin"] for a in shown} == {f"inbox/a{n}.txt" for n in range(1, 9)}
    one = writer.get("/api/articles/a3", headers={"Authorization": "Bearer s3cret"}).json()
    assert one["origin"] == "inbox/a3.txt"
