"""JSONL collections: one JSON object per line, read one line at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import BinaryIO, NamedTuple

from strife.ingest.decode import iter_lines
from strife.ingest.limits import MAX_CHARS
from strife.ingest.rows import article_from_row, json_kind
from strife.ingest.text import one_line
from strife.records import Article, Rejection


def read_jsonl(
    stream: BinaryIO,
    encoding: str,
    *,
    name: str,
    stem: str,
    max_bytes: int,
    columns: Mapping[str, str],
    max_chars: int = MAX_CHARS,
) -> Iterator[Article | Rejection]:
    """Each non-blank line of `stream` as an Article or, when broken, a Rejection (origin `name:line`).

    Keys other than our fields (a gold file's events, labels) are ignored. Any error while
    decoding one line (broken JSON, nesting too deep for the parser, an integer too long to
    convert) is that line's rejection; the lines after it go on.
    """
    for line in iter_lines(stream, encoding, max_bytes):
        origin = f"{name}:{line.number}"
        if line.text is None:
            yield Rejection(origin, line.stage, line.problem or "unreadable line")
            continue
        if not line.text.strip():
            continue
        value = _decode(line.text)
        if isinstance(value, _Broken):
            yield Rejection(origin, "read", value.reason)
            continue
        if not isinstance(value, dict):
            reason = f"JSON line holds {json_kind(value)}, not an object; give one object per line"
            yield Rejection(origin, "read", reason)
            continue
        fallback_id = f"{stem}-{line.number}"
        yield article_from_row(
            value, origin=origin, fallback_id=fallback_id, columns=columns, max_chars=max_chars
        )


class _Broken(NamedTuple):
    """A line that holds no JSON value, and the one-line reason."""

    reason: str


def _decode(text: str) -> object:
    """The JSON value on one line, or _Broken saying why there is none."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"broken JSON line ({exc.msg}, column {exc.colno}); fix or remove the line"
    except RecursionError:
        reason = "JSON line nested too deep to read (about 1000 levels or more); flatten or remove the line"
    except Exception as exc:  # e.g. ValueError for an integer of over 4300 digits
        reason = (
            f"JSON line cannot be read ({type(exc).__name__}: {one_line(str(exc))}); fix or remove the line"
        )
    return _Broken(reason)
