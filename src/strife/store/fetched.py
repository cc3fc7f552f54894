"""What `strife watch` remembers between polls: feeds' validators and the pages already fetched.

`known` hands a poll what the store knows (so it asks feeds conditionally and skips pages it
has handled); `record` writes what the poll did, in one transaction. A page whose fetch
failed in a way that may pass (a timeout, a 5xx, a 429) is tried again on later polls, up
to `MAX_ATTEMPTS` fetches in all; then it counts as seen like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from strife.ingest.web import FeedPoll, FetchLog, PageFetch
from strife.store.schema import Connection

MAX_ATTEMPTS = 3


def known(con: Connection) -> FetchLog:
    """A FetchLog holding the feeds' validators and the URLs of the pages not to fetch again."""
    validators = {
        url: (etag, modified)
        for url, etag, modified in con.execute("SELECT url, etag, last_modified FROM feeds").fetchall()
    }
    seen = {
        url
        for (url,) in con.execute(
            "SELECT url FROM fetched WHERE outcome <> 'retry' OR attempts >= ?", [MAX_ATTEMPTS]
        ).fetchall()
    }
    return FetchLog(validators=validators, seen=seen)


_FEED = """
INSERT INTO feeds (url, etag, last_modified, last_polled, status, error, entries)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (url) DO UPDATE SET
    etag = coalesce(excluded.etag, feeds.etag),
    last_modified = coalesce(excluded.last_modified, feeds.last_modified),
    last_polled = excluded.last_polled,
    status = excluded.status,
    error = excluded.error,
    entries = CASE WHEN excluded.status = 200 AND excluded.error IS NULL
                   THEN excluded.entries ELSE feeds.entries END
"""

_PAGE = """
INSERT INTO fetched (url, source, first_seen, last_fetched, status, etag, last_modified, article_id,
                     outcome, reason, attempts)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
ON CONFLICT (url) DO UPDATE SET
    last_fetched = excluded.last_fetched,
    status = excluded.status,
    etag = excluded.etag,
    last_modified = excluded.last_modified,
    article_id = excluded.article_id,
    outcome = excluded.outcome,
    reason = excluded.reason,
    attempts = fetched.attempts + 1
"""


def record(con: Connection, feeds: Sequence[FeedPoll], pages: Sequence[PageFetch], now: datetime) -> None:
    """Note one poll's feeds and pages (call inside a transaction)."""
    if feeds:
        con.executemany(
            _FEED, [[f.url, f.etag, f.last_modified, now, f.status, f.error, f.entries] for f in feeds]
        )
    if pages:
        con.executemany(
            _PAGE,
            [
                [
                    p.url,
                    p.source,
                    now,
                    now,
                    p.status,
                    p.etag,
                    p.last_modified,
                    p.article_id,
                    p.outcome,
                    p.reason,
                ]
                for p in pages
            ],
        )


def counts(con: Connection) -> dict[str, int]:
    """How many sources are polled and how many pages stand at each outcome."""
    found = {"sources": 0, "article": 0, "rejected": 0, "retry": 0}
    row = con.execute("SELECT count(*) FROM feeds").fetchone()
    found["sources"] = int(row[0]) if row else 0
    for outcome, number in con.execute("SELECT outcome, count(*) FROM fetched GROUP BY outcome").fetchall():
        found[str(outcome)] = int(number)
    return found
