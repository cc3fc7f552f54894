"""The limits: a query past its time is a 503, a client past its rate a 429, cached answers follow writes."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from strife.store import Store, occurrences
from strife.web.api.limits import RATE_BURST, Answers, QueryTimeout, Watchdog


def test_a_client_past_its_burst_gets_429_with_retry_after(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the bucket's clock stands still, so a slow machine cannot refill it between requests
    monkeypatch.setattr("strife.web.api.limits.bucket_clock", lambda: 1000.0)
    codes = []
    while 429 not in codes and len(codes) < 500:
        codes.append(client.get("/api/health").status_code)
    assert codes[:RATE_BURST] == [200] * RATE_BURST and codes[-1] == 429
    limited = client.get("/api/health")
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert "too many requests" in limited.json()["detail"]


def test_loopback_clients_are_not_rate_limited(sample_store: Path) -> None:
    from strife.web import create_app

    with TestClient(create_app(sample_store), client=("127.0.0.1", 5000)) as local:
        assert {local.get("/api/health").status_code for _ in range(RATE_BURST + 5)} == {200}


def test_a_query_past_its_time_is_503_with_retry_after(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = client.app.state.strife  # type: ignore[attr-defined]
    monkeypatch.setattr(state, "watchdog", Watchdog(seconds=0.2))
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="ran past"), state.reading() as con:
        # a slow query (a large cross join) under the same watchdog
        con.execute("SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = 7")
    assert time.monotonic() - started < 5


def test_timeout_answers_503(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from strife.web.api import limits

    def slow(*args: Any) -> None:
        raise limits.QueryTimeout("a query ran past 5 s and was stopped")

    monkeypatch.setattr("strife.store.aggregates.map_items", slow)
    response = client.get("/api/map")
    assert response.status_code == 503 and response.headers["retry-after"] == str(limits.BUSY_RETRY_SECONDS)
    assert "ran past" in response.json()["detail"]


def test_answers_are_dropped_when_the_store_changes() -> None:
    answers = Answers(size=2)
    answers.put(1, "a", b"1")
    assert answers.get(1, "a") == b"1" and answers.get(2, "a") is None
    answers.put(2, "b", b"2")
    assert answers.get(2, "a") is None
    answers.put(2, "c", b"3")
    answers.put(2, "d", b"4")
    assert answers.get(2, "b") is None and answers.get(2, "d") == b"4"


def test_cached_lists_follow_a_write(
    tmp_path: Path,
    serve: Callable[..., TestClient],
    make_article: Callable[..., Any],
    make_event: Callable[..., Any],
) -> None:
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        store.add_many([(make_article("x1"), [])])
    writer = serve(path, token="t")
    assert writer.get("/api/events").json()["total"] == 0
    store = writer.app.state.strife.store  # type: ignore[attr-defined]
    with store.transaction() as con:
        occurrences.write(con, [make_event("x1-1", "x1")])
    assert writer.get("/api/events").json()["total"] == 1
    assert writer.get("/api/map").json()["total"] == 1
