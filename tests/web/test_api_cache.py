"""Kept answers: served by URL with no query, with an ETag and 304, warmed at start and after a write,
and the same bytes a fresh query gives."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from review_stores import review_store

from strife.store import aggregates
from strife.store.browse import DEFAULT_SORT, OccurrenceFilter, Sort
from strife.web.api.cache import WARM_AT_START, Answer
from strife.web.api.events import page_of_events
from strife.web.api.limits import Answers
from strife.web.api.params import Page
from strife.web.api.schemas import EventPage, MapPoints
from strife.web.api.state import ServerState

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "somalia-lower-shabelle-roadside-bomb.txt"
TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Strife-Reviewer": "amina"}


def _state(client: TestClient) -> ServerState:
    state: ServerState = client.app.state.strife  # type: ignore[attr-defined]
    return state


def _kept(state: ServerState, url: str, seconds: float = 30.0) -> Answer:
    """The answer kept for `url` under the store's current version, waiting for a warming to finish."""
    path, _, query = url.partition("?")
    deadline = time.monotonic() + seconds
    while (found := state.answers.get(state.store.version, ("url", path, query.encode()))) is None:
        assert time.monotonic() < deadline, f"no answer kept for {url} after {seconds} s"
        time.sleep(0.02)
    return found


def _fresh_first_page(state: ServerState, where: OccurrenceFilter) -> bytes:
    data = page_of_events(state, where, Sort.parse(DEFAULT_SORT), Page(1, 50), None)
    return EventPage.model_validate(data).model_dump_json().encode()


def _no_queries(state: ServerState, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(timed: bool = True) -> None:
        raise AssertionError("a kept answer ran a query")

    monkeypatch.setattr(state, "reading", refuse)


@pytest.mark.parametrize("url", WARM_AT_START)
def test_the_first_requests_are_answered_at_start_without_a_query(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    state = _state(client)
    kept = _kept(state, url)
    _no_queries(state, monkeypatch)
    answer = client.get(url)
    assert answer.status_code == 200 and answer.content == kept.body
    assert answer.headers["etag"] == kept.etag and answer.headers["content-type"] == "application/json"


def test_a_kept_answer_keeps_the_security_headers(client: TestClient) -> None:
    _kept(_state(client), "/api/events")
    answer = client.get("/api/events")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in answer.headers["content-security-policy"]


def test_an_etag_sent_back_gets_304_without_the_body(client: TestClient) -> None:
    first = client.get("/api/events?country=Mali")
    tag = first.headers["etag"]
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    again = client.get("/api/events?country=Mali", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    # the same answer under another URL goes through the route: its 304 too
    routed = client.get("/api/events?country=mali&page=1", headers={"If-None-Match": f'W/{tag}, "x"'})
    assert routed.status_code == 304
    stale = client.get("/api/events?country=Mali", headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200 and stale.content == first.content


def test_an_ingest_warms_the_map_and_the_first_page(
    empty_store: Path, serve: Callable[..., TestClient]
) -> None:
    writer = serve(empty_store, token=TOKEN)
    state = _state(writer)
    assert writer.get("/api/map").json()["total"] == 0
    text = EXAMPLE.read_text(encoding="utf-8")
    posted = writer.post("/api/articles", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert posted.status_code == 201 and posted.json()["events"] >= 1
    # No GET since the ingest: what is kept was warmed, and equals a fresh query's answer.
    first_page = _kept(state, "/api/events")
    assert first_page.body == _fresh_first_page(state, OccurrenceFilter())
    assert EventPage.model_validate_json(first_page.body).total >= 1
    with state.reading() as con:
        fresh_map = aggregates.map_items(con, OccurrenceFilter(), 2000)
    assert _kept(state, "/api/map").body == MapPoints.model_validate(fresh_map).model_dump_json().encode()


def test_an_event_record_is_kept_and_follows_a_review(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, serve: Callable[..., TestClient]
) -> None:
    template = review_store(tmp_path_factory.mktemp("record") / "review.duckdb")
    writer = serve(Path(shutil.copy(template, tmp_path / "review.duckdb")), token=TOKEN)
    target = writer.get("/api/events").json()["events"][0]["event_id"]
    first = writer.get(f"/api/events/{target}")
    assert first.json()["review"]["status"] == "pending"
    with pytest.MonkeyPatch.context() as patch:
        _no_queries(_state(writer), patch)
        assert writer.get(f"/api/events/{target}").content == first.content
    assert writer.post(f"/api/events/{target}/approve", json={}, headers=AUTH).status_code == 200
    assert writer.get(f"/api/events/{target}").json()["review"]["status"] == "approved"
    assert writer.get("/api/events/no-such-event").status_code == 404


def test_an_error_is_not_kept(client: TestClient) -> None:
    state = _state(client)
    assert client.get("/api/events?sort=nonsense").status_code == 422
    assert client.get("/api/events?sort=nonsense").status_code == 422
    assert state.answers.get(state.store.version, ("url", "/api/events", b"sort=nonsense")) is None


def test_a_write_warms_the_answers_asked_for_before_it(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, serve: Callable[..., TestClient]
) -> None:
    template = review_store(tmp_path_factory.mktemp("cache") / "review.duckdb")
    writer = serve(Path(shutil.copy(template, tmp_path / "review.duckdb")), token=TOKEN)
    state = _state(writer)
    before = writer.get("/api/events?page_size=50").json()
    assert {row["reviewed"] for row in before["events"]} == {"pending"}
    target = before["events"][0]["event_id"]
    version = state.store.version
    assert writer.post(f"/api/events/{target}/approve", json={}, headers=AUTH).status_code == 200
    assert state.store.version > version
    # No GET since the write: what is kept now was warmed, and equals a fresh query's answer.
    warmed = _kept(state, "/api/events?page_size=50")
    assert warmed.body == _fresh_first_page(state, OccurrenceFilter())
    rows = EventPage.model_validate_json(warmed.body).events
    assert next(row for row in rows if row.event_id == target).reviewed == "approved"
    assert _kept(state, "/api/events").body == warmed.body


def test_answers_drop_a_put_under_an_older_version_and_list_the_recent_first() -> None:
    answers: Answers[bytes] = Answers(size=4)
    answers.put(2, "a", b"2")
    answers.put(1, "b", b"1")  # computed before the write that made version 2: stale
    assert answers.get(2, "b") is None and answers.get(1, "b") is None
    answers.put(2, "c", b"3")
    answers.get(2, "a")
    assert answers.recent() == ["a", "c"]
