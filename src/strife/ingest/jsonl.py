"""JSONL collections: one JSON object per line, read one line at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from strife.ingest.decode import iter_lines
from strife.ingest.rows import article_from_row
from strife.records import Article, Rejection


def read_jsonl(
    stream: BinaryIO,
    encoding: str,
    *,
    name: str,
    stem: str,
    max_bytes: int,
    columns: Mapping[str, str],
) -> Iterator[Article | Rejection]:
    """Each non-blank line of `stream` as an Article or, when broken, a Rejection (origin `name:line`).

    Keys other than our fields (a gold file's events, labels) are ignored.
    """
    for line in iter_lines(stream, encoding, max_bytes):
        origin = f"{name}:{line.number}"
        if line.text is None:
            yield Rejection(origin, line.stage, line.problem or "unreadable line")
            continue
        if not line.text.strip():
            continue
        try:
            value = json.loads(line.text)
        except json.JSONDecodeError as exc:
            reason = f"broken JSON line ({exc.msg}, column {exc.colno}); fix or remove the line"
            yield Rejection(origin, "read", reason)
            continue
        if not isinstance(value, dict):
            kind = type(value).__name__
            yield Rejection(
                origin, "read", f"JSON line holds a {kind}, not an object; give one object per line"
            )
            continue
        yield article_from_row(value, origin=origin, fallback_id=f"{stem}-{line.number}", columns=columns)
