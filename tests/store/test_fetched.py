"""What watch remembers between polls: validators, pages seen, transient failures retried a few times."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from strife.ingest.web import FeedPoll, PageFetch
from strife.store import Store
from strife.store.fetched import MAX_ATTEMPTS, counts, known, record

NOW = datetime(2024, 5, 7, 10, 0)
FEED = "http://127.0.0.1:9/feed.xml"


def poll(store: Store, feeds: list[FeedPoll], pages: list[PageFetch]) -> None:
    with store.transaction() as con:
        record(con, feeds, pages, NOW)


def test_a_poll_is_remembered_across_opens(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Store.open(db) as store:
        poll(
            store,
            [FeedPoll(FEED, 200, '"v1"', "Tue, 07 May 2024 09:00:00 GMT", entries=3)],
            [
                PageFetch("http://127.0.0.1:9/a", FEED, 200, "article", article_id="web-1"),
                PageFetch(
                    "http://127.0.0.1:9/fr", FEED, 200, "rejected", "language fr not supported (English only)"
                ),
                PageFetch("http://127.0.0.1:9/slow", FEED, None, "retry", "timed out after 20 s"),
            ],
        )
    with Store.open(db) as store:
        log = known(store.cursor())
        assert counts(store.cursor()) == {"sources": 1, "article": 1, "rejected": 1, "retry": 1}
    assert log.validators == {FEED: ('"v1"', "Tue, 07 May 2024 09:00:00 GMT")}
    assert log.seen == {"http://127.0.0.1:9/a", "http://127.0.0.1:9/fr"}


def test_a_304_keeps_the_validators_and_the_entry_count(tmp_path: Path) -> None:
    with Store.open(tmp_path / "w.duckdb") as store:
        poll(store, [FeedPoll(FEED, 200, '"v1"', None, entries=3)], [])
        poll(store, [FeedPoll(FEED, 304, None, None)], [])
        poll(store, [FeedPoll(FEED, None, None, None, error="timed out after 20 s")], [])
        row = store.cursor().execute("SELECT etag, status, error, entries FROM feeds").fetchone()
    assert row == ('"v1"', None, "timed out after 20 s", 3)


def test_a_transient_failure_is_retried_until_the_attempts_run_out(tmp_path: Path) -> None:
    slow = PageFetch("http://127.0.0.1:9/slow", FEED, None, "retry", "timed out after 20 s")
    with Store.open(tmp_path / "w.duckdb") as store:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            assert slow.url not in known(store.cursor()).seen, attempt
            poll(store, [], [slow])
        assert slow.url in known(store.cursor()).seen
