"""Reading HTTP answers: Retry-After in both forms, content types with charsets, robots.txt statuses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from strife.ingest.answers import parse_content_type, retry_after, robots_rules, robots_url

NOW = datetime(2024, 5, 7, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        ("Tue, 07 May 2024 10:01:30 GMT", 90.0),
        ("Tue, 07 May 2024 09:00:00 GMT", 0.0),  # a date in the past: no wait
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_reads_seconds_and_dates(value: str | None, seconds: float | None) -> None:
    assert retry_after(value, NOW) == seconds


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("text/html; charset=ISO-8859-1", ("text/html", "ISO-8859-1")),
        ('Application/XHTML+XML; Charset="utf-8"', ("application/xhtml+xml", "utf-8")),
        ("application/rss+xml", ("application/rss+xml", None)),
        ("", ("", None)),
    ],
)
def test_content_types_are_lowered_and_their_charset_kept(value: str, parsed: tuple[str, str | None]) -> None:
    assert parse_content_type(value) == parsed


def test_robots_rules_by_status() -> None:
    url = "http://127.0.0.1:9/news/a?x=1"
    assert robots_url(url) == "http://127.0.0.1:9/robots.txt"
    rules = robots_rules(url, 200, b"User-agent: strife\nDisallow: /news/\n")
    assert not isinstance(rules, str) and not rules.can_fetch("strife", url)
    allowed = robots_rules(url, 404, b"User-agent: *\nDisallow: /\n")  # a 4xx robots.txt has no rules
    assert not isinstance(allowed, str) and allowed.can_fetch("strife", url)
    assert "do not crawl" in str(robots_rules(url, 503, b""))
