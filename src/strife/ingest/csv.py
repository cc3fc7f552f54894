"""CSV and TSV collections with a header row, read one row at a time."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from strife.ingest.decode import Line, iter_lines
from strife.ingest.limits import MAX_CHARS
from strife.ingest.rows import article_from_row
from strife.ingest.text import one_line, quoted
from strife.records import Article, Rejection


def read_csv(
    stream: BinaryIO,
    encoding: str,
    *,
    name: str,
    stem: str,
    delimiter: str,
    max_bytes: int,
    columns: Mapping[str, str],
    max_chars: int = MAX_CHARS,
) -> Iterator[Article | Rejection]:
    """Each row of `stream` as an Article or a Rejection (origin `name:line`, the row's first line).

    A row may span lines (a quoted text with newlines); a row touching an undecodable or
    oversized line is rejected whole, and the rows after it go on.
    """
    # The csv module refuses fields over 128 KiB by default, a process-wide limit; we only
    # ever raise it, to the article size we accept, so no other reader is made stricter.
    # The limit is a C long: a huge max_bytes is clamped to it.
    csv.field_size_limit(max(csv.field_size_limit(), min(max_bytes, sys.maxsize)))
    problems: dict[int, Line] = {}

    def texts() -> Iterator[str]:
        for line in iter_lines(stream, encoding, max_bytes):
            if line.text is None:
                problems[line.number] = line
                yield "\n"  # keeps csv's line count in step; the row is rejected below
            else:
                yield line.text

    reader = csv.reader(texts(), delimiter=delimiter)
    header = _header(reader, name, columns)
    if isinstance(header, Rejection):
        yield header
        return
    last = reader.line_num
    while True:
        first = last + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            last = reader.line_num
            yield Rejection(
                f"{name}:{first}",
                "read",
                f"broken CSV row ({one_line(str(exc))}); fix its quoting or remove it",
            )
            continue
        last = reader.line_num
        origin = f"{name}:{first}"
        bad = [problems.pop(n) for n in range(first, last + 1) if n in problems]
        if bad:
            yield Rejection(origin, bad[0].stage, bad[0].problem or "unreadable row")
        elif any(cell.strip() for cell in row):
            values = dict(zip(header, row, strict=False))
            fallback_id = f"{stem}-{first}"
            yield article_from_row(
                values, origin=origin, fallback_id=fallback_id, columns=columns, max_chars=max_chars
            )


def _header(reader: Iterator[list[str]], name: str, columns: Mapping[str, str]) -> list[str] | Rejection:
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        return Rejection(name, "read", "empty CSV file (no header row); add a header and rows")
    except csv.Error as exc:
        return Rejection(name, "read", f"broken CSV header ({one_line(str(exc))}); fix the first line")
    text_column = columns.get("text", "text")
    if text_column not in header:
        shown = ", ".join(quoted(cell) for cell in header[:10])
        reason = (
            f"CSV header has no {quoted(text_column)} column (it has: {shown}); "
            "rename one or map it with ReadOptions.columns (e.g. {'text': 'body'})"
        )
        return Rejection(name, "read", reason)
    return header
