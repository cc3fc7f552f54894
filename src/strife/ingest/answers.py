"""Reading HTTP answers for the fetcher: URLs and hosts, content types, Retry-After, robots.txt.

Small pure functions, kept apart from fetch.py's client so each can be tested on its own.
"""

from __future__ import annotations

import email.utils
import urllib.robotparser
from datetime import UTC, datetime

import httpx

from strife.ingest.text import one_line

ROBOTS_BYTES = 512 * 1024  # Google reads the first 500 KiB of a robots.txt


def host_key(url: str) -> str:
    parsed = httpx.URL(url)
    return f"{parsed.scheme}://{parsed.host}:{parsed.port or ''}"


def scheme_problem(url: str) -> str | None:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        return f"not a valid URL ({one_line(str(exc))})"
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return "not an http(s) URL; strife fetches http:// and https:// only"
    return None


def parse_content_type(value: str) -> tuple[str, str | None]:
    kind, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, found = param.partition("=")
        if name.strip().lower() == "charset" and found.strip():
            charset = found.strip().strip("\"'")
    return kind.strip().lower(), charset


def retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def reason_phrase(status: int) -> str:
    try:
        return httpx.codes.get_reason_phrase(status)
    except ValueError:
        return ""


def robots_url(url: str) -> str:
    return str(httpx.URL(url).copy_with(path="/robots.txt", query=None, fragment=None))


def robots_rules(url: str, status: int, body: bytes) -> urllib.robotparser.RobotFileParser | str:
    """The rules of a robots.txt answer (RFC 9309): a 4xx allows everything; a 5xx forbids the host
    for now, and is returned as the reason."""
    if status >= 500:
        return f"robots.txt answered HTTP {status}, which means 'do not crawl'; try again later"
    parser = urllib.robotparser.RobotFileParser(robots_url(url))
    lines = body[:ROBOTS_BYTES].decode("utf-8", "replace").splitlines() if status == 200 else []
    parser.parse(lines)  # a 3xx/4xx robots.txt: no rules, everything allowed
    return parser
