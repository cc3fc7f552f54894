"""Which reader reads which input: paths, directories and standard input, by file type and content.

The cascade for one file:
1. open it and look at its first 64 KiB (nothing more is read yet);
2. choose the reader by suffix (.jsonl/.ndjson, .csv, .tsv, .html/.htm), else by content
   (`{` opens JSONL, markup opens HTML, anything else is a scraped-text article);
3. a collection streams row by row; a single article is size-checked before it is read,
   then decoded (UTF-8, else a charset detected with confidence) and parsed.
Every failure becomes a Rejection naming the input, the cause and the fix.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

from strife.ingest.csv import read_csv
from strife.ingest.decode import DecodeError, choose_encoding, decode_document
from strife.ingest.html import parse_html
from strife.ingest.jsonl import read_jsonl
from strife.ingest.scraped import parse_scraped
from strife.records import Article, Rejection

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
SNIFF_BYTES = 64 * 1024

_SUFFIX_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
# In a directory only these are taken as inputs: a README.md or a photo beside the
# articles is not one. A file named on its own is always read, whatever its suffix.
DIRECTORY_SUFFIXES = frozenset({*_SUFFIX_KINDS, ".txt", ".text", ""})
_HTML_START = re.compile(
    rb"\s*(<!doctype\s+html|<html[\s>]|<\?xml)|.{0,4096}?<(html|head|body)[\s>]", re.I | re.S
)


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read.

    max_bytes: the largest single article (a .txt or .html file, or one collection row).
    columns: our field names (id, text, date, url, title, outlet) to a collection's own
        column names, e.g. {"text": "body", "date": "published"}.
    """

    max_bytes: int = 10 * 1024 * 1024
    columns: Mapping[str, str] = field(default_factory=dict)


DEFAULT_OPTIONS = ReadOptions()


def read_inputs(
    paths: Iterable[str | Path], options: ReadOptions = DEFAULT_OPTIONS
) -> Iterator[Article | Rejection]:
    """Articles and Rejections from files, directories (recursively, sorted) and `-` (stdin).

    Lazy: a large collection is read one row at a time as the caller iterates. Never
    raises for bad input: each bad file, row or date is yielded as a Rejection.
    """
    for item in paths:
        if str(item) == STDIN:
            yield from _read_stream(
                _stdin(), name=STDIN_ORIGIN, stem="stdin", kind=None, size=None, options=options
            )
            continue
        path = Path(item)
        if path.is_dir():
            for entry in _walk(path):
                if isinstance(entry, Rejection):
                    yield entry
                else:
                    yield from _read_path(entry, options)
        else:
            yield from _read_path(path, options)


def _walk(directory: Path) -> Iterator[Path | Rejection]:
    """The input files under `directory`, sorted, hidden names and symlinked folders skipped."""
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        yield Rejection(
            str(directory), "read", f"cannot list the folder ({exc.strerror}); check its permissions"
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():  # a link back up the tree would loop forever
                yield from _walk(entry)
        elif entry.suffix.lower() in DIRECTORY_SUFFIXES and entry.is_file():
            yield entry


def _stdin() -> BinaryIO:
    stream = sys.stdin.buffer
    # Sniffing needs peek(); a replaced sys.stdin (tests, embedding) may lack it.
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(cast(io.RawIOBase, stream))
    return cast(BinaryIO, stream)


def _read_path(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb", buffering=SNIFF_BYTES) as stream:
            kind = _SUFFIX_KINDS.get(path.suffix.lower())
            yield from _read_stream(stream, name=name, stem=path.stem, kind=kind, size=size, options=options)
    except FileNotFoundError:
        yield Rejection(name, "read", "no such file; check the path", path.stem)
    except IsADirectoryError:
        yield Rejection(name, "read", "a folder that cannot be listed; check the path", path.stem)
    except OSError as exc:
        reason = f"cannot read the file ({exc.strerror or exc}); check that it exists and is readable"
        yield Rejection(name, "read", reason, path.stem)


def _read_stream(
    stream: BinaryIO, *, name: str, stem: str, kind: str | None, size: int | None, options: ReadOptions
) -> Iterator[Article | Rejection]:
    """One input, from a binary stream that has not been read yet (files and stdin alike)."""
    head = cast(io.BufferedReader, stream).peek(SNIFF_BYTES)[:SNIFF_BYTES]
    kind = kind or _sniff(head)
    if kind in ("jsonl", "csv", "tsv"):
        yield from _read_collection(stream, head, kind=kind, name=name, stem=stem, options=options)
    else:
        yield _read_document(stream, kind=kind, name=name, stem=stem, size=size, options=options)


def _sniff(head: bytes) -> str:
    """The reader for content without a telling suffix: jsonl, html or text."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"{"):
        return "jsonl"
    if _HTML_START.match(start):
        return "html"
    return "text"


def _read_collection(
    stream: BinaryIO, head: bytes, *, kind: str, name: str, stem: str, options: ReadOptions
) -> Iterator[Article | Rejection]:
    if not head.strip():
        yield Rejection(name, "read", "empty file (no rows); remove it or add rows")
        return
    try:
        encoding = choose_encoding(head)
    except DecodeError as exc:
        yield Rejection(name, "decode", exc.reason)
        return
    if encoding.startswith(("utf-16", "utf-32")):
        yield Rejection(name, "decode", f"{encoding} text in a collection; re-save the file as UTF-8")
        return
    if kind == "jsonl":
        rows = read_jsonl(
            stream, encoding, name=name, stem=stem, max_bytes=options.max_bytes, columns=options.columns
        )
    else:
        delimiter = "\t" if kind == "tsv" else ","
        rows = read_csv(
            stream,
            encoding,
            name=name,
            stem=stem,
            delimiter=delimiter,
            max_bytes=options.max_bytes,
            columns=options.columns,
        )
    empty = True
    for row in rows:
        empty = False
        yield row
    if empty:
        yield Rejection(name, "read", "no rows in the file (blank lines or a header only); add rows")


def _read_document(
    stream: BinaryIO, *, kind: str, name: str, stem: str, size: int | None, options: ReadOptions
) -> Article | Rejection:
    """One article file: size-checked first, then read whole, decoded and parsed."""
    limit = options.max_bytes
    too_big = f"over the {limit}-byte limit for one article; split it, or raise ReadOptions.max_bytes"
    if size is not None and size > limit:
        return Rejection(name, "read", f"file is {size} bytes, {too_big}", stem)
    data = stream.read(limit + 1)  # stdin and pipes have no size to check beforehand
    if len(data) > limit:
        return Rejection(name, "read", f"input is {too_big}", stem)
    if not data:
        return Rejection(name, "read", "empty file (0 bytes); remove it or add the article text", stem)
    try:
        text = decode_document(data)
    except DecodeError as exc:
        return Rejection(name, "decode", exc.reason, stem)
    if not text.strip():
        return Rejection(name, "read", "file holds only whitespace; remove it or add the article text", stem)
    if kind == "html":
        return parse_html(text, article_id=stem, origin=name)
    return parse_scraped(text, article_id=stem, origin=name)
