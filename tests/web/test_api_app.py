"""The app as a whole: health, an empty store, hostile article text, headers, the page, create_app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import strife.web.app as web_app
from strife.records import Evidence, Source
from strife.store import StoreError
from strife.store.schema import current_version
from strife.web import create_app
from strife.web.app import PAGE_CSP

HOSTILE_TEXT = (
    "Gunmen attacked the village. "
    '<script>alert("x")</script> <img src=x onerror="alert(1)"> '
    "Residents said <b>seven</b> people were killed, see javascript:alert(document.cookie)."
)
HOSTILE_URL = "javascript:alert(1)"
SCRIPT = '<script>alert("x")</script>'


def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json() == {
        "status": "ok",
        "events": 8,
        "articles": 8,
        "schema_version": current_version(),
        "writable": False,
    }


def test_health_says_writable_with_a_token(empty_store: Path, serve: Callable[..., TestClient]) -> None:
    assert serve(empty_store, token="t0ken").get("/api/health").json()["writable"] is True


EMPTY = {
    "/api/health": {
        "status": "ok",
        "events": 0,
        "articles": 0,
        "schema_version": current_version(),
        "writable": False,
    },
    "/api/events": {"total": 0, "page": 1, "page_size": 50, "events": [], "next": None},
    "/api/events?page=3&country=Mali&bbox=0,0,1,1&q=x": {
        "total": 0,
        "page": 3,
        "page_size": 50,
        "events": [],
        "next": None,
    },
    "/api/articles": {"total": 0, "page": 1, "page_size": 50, "articles": []},
    "/api/map": {"mode": "points", "total": 0, "points": []},
    "/api/timeline": {"interval": "week", "series": []},
    "/api/counts?by=actor1": {"by": "actor1", "counts": []},
    "/api/download.geojson": {"type": "FeatureCollection", "features": []},
}


@pytest.mark.parametrize(("url", "expected"), EMPTY.items())
def test_empty_store_gives_empty_results(empty_client: TestClient, url: str, expected: Any) -> None:
    response = empty_client.get(url)
    assert response.status_code == 200 and response.json() == expected


def test_empty_store_csv_is_a_header(empty_client: TestClient) -> None:
    assert empty_client.get("/api/download.csv").text.startswith("event_id,event_date,")


@pytest.fixture
def hostile(
    tmp_path: Path,
    serve: Callable[..., TestClient],
    make_article: Callable[..., Any],
    make_event: Callable[..., Any],
    build_store: Callable[..., Path],
) -> TestClient:
    """An article whose text, url, title and evidence carry script, onerror and a javascript: url."""
    article = make_article(
        "evil", HOSTILE_TEXT, url=HOSTILE_URL, title='<img src=x onerror="alert(1)">', outlet="<script>"
    )
    start = HOSTILE_TEXT.index(SCRIPT)
    event = make_event(
        "evil-1",
        "evil",
        notes='<script>alert("notes")</script>',
        location='<img src=x onerror="alert(2)">',
        sources=(Source(article_id="evil", url=HOSTILE_URL, outlet="<script>"),),
        evidence=(Evidence("event_type", "evil", HOSTILE_TEXT[start:].strip(), start, start + len(SCRIPT)),),
    )
    return serve(build_store(tmp_path / "hostile.duckdb", [article], [event]))


def test_hostile_article_comes_back_unchanged_as_json(hostile: TestClient) -> None:
    response = hostile.get("/api/articles/evil")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    body = response.json()
    assert body["text"] == HOSTILE_TEXT and body["url"] == HOSTILE_URL
    assert body["title"] == '<img src=x onerror="alert(1)">'


def test_hostile_event_comes_back_unchanged_as_json(hostile: TestClient) -> None:
    response = hostile.get("/api/events/evil-1")
    assert response.headers["content-type"] == "application/json"
    record = response.json()
    assert record["notes"] == '<script>alert("notes")</script>'
    assert record["location"] == '<img src=x onerror="alert(2)">'
    [evidence] = record["evidence"]
    sentence = evidence["sentence"]
    assert sentence[evidence["highlight_start"] : evidence["highlight_end"]] == SCRIPT
    assert record["articles"][0]["url"] == HOSTILE_URL and record["sources"][0]["outlet"] == "<script>"
    listed = hostile.get("/api/events").json()["events"][0]
    assert listed["location"] == '<img src=x onerror="alert(2)">'


def test_page_is_served_with_csp_and_nosniff(hostile: TestClient) -> None:
    response = hostile.get("/")
    assert response.headers["content-security-policy"] == PAGE_CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in PAGE_CSP
    assert "unsafe-inline" not in PAGE_CSP and "unsafe-eval" not in PAGE_CSP


def test_page_when_installed(client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>strife</title>", encoding="utf-8")
    monkeypatch.setattr(web_app, "STATIC", tmp_path)
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "<title>strife</title>" in response.text


def test_page_missing_is_a_plain_503(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_app, "STATIC", tmp_path / "absent")
    response = client.get("/")
    assert response.status_code == 503 and response.headers["content-type"].startswith("text/plain")
    assert "index.html is missing" in response.text


def test_app_without_a_static_folder_still_serves_the_api(
    sample_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_app, "STATIC", tmp_path / "absent")
    with TestClient(create_app(sample_store)) as client:
        assert client.get("/").status_code == 503
        assert client.get("/static/app.js").status_code == 404
        assert client.get("/api/health").status_code == 200


def test_openapi_and_docs_are_on(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/health", "/api/events", "/api/events/{event_id}", "/api/map", "/api/timeline"):
        assert path in paths
    assert "post" in paths["/api/articles"] and "get" in paths["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "frame-ancestors 'none'" in docs.headers["content-security-policy"]


def test_unknown_api_path_is_404_json(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and "detail" in response.json()


def test_allowed_hosts_refuse_other_host_names(sample_store: Path) -> None:
    app = create_app(sample_store, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/health").status_code == 200
    with TestClient(app, base_url="http://attacker.example") as client:
        assert client.get("/api/health").status_code == 400


def test_missing_store_is_a_store_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"nope\.duckdb"):
        create_app(tmp_path / "nope.duckdb")


def test_empty_token_is_refused(empty_store: Path) -> None:
    with pytest.raises(ValueError, match="token is empty"):
        create_app(empty_store, token="  ")
