"""Which reader reads which input: paths, directories, standard input and URLs, by type and content.

The cascade for one file:
1. look at it with stat(): only a regular file is opened (a FIFO, socket or device, a
   dangling or looping symlink is a rejection), and one over the byte limit is refused
   by its size before it is read;
2. open it and look at its first 64 KiB (nothing more is read yet);
3. choose the reader by suffix (.jsonl/.ndjson, .csv, .tsv, .html/.htm, .warc/.warc.gz), else by content
   (`{` opens JSONL, markup opens HTML, anything else is a scraped-text article);
4. a collection streams row by row; a single article is read whole, decoded (UTF-8, else
   cp1252 for Latin text, else a charset detected with confidence), counted against the
   character limit, and only then parsed.
Every failure becomes a Rejection naming the input, the cause and the fix; an unexpected
error while reading one input (a bug, an I/O error mid-file) is that input's rejection,
and the inputs after it go on. Origins and ids made from file names are valid UTF-8 text
(see text.path_text), so a name in a legacy encoding cannot break the store.
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
from strife.ingest.fetch import Fetcher, FetchSettings
from strife.ingest.html import parse_html
from strife.ingest.jsonl import read_jsonl
from strife.ingest.language import LanguageCheck
from strife.ingest.limits import MAX_BYTES, MAX_CHARS, too_many_chars
from strife.ingest.scraped import parse_scraped
from strife.ingest.text import one_line, path_text
from strife.ingest.walk import DIRECTORY_SUFFIXES, SUFFIX_KINDS, open_regular, walk
from strife.ingest.warc import is_warc, read_warc
from strife.ingest.web import FetchLog, is_url, read_urls
from strife.records import Article, Rejection

__all__ = ["DEFAULT_OPTIONS", "DIRECTORY_SUFFIXES", "STDIN", "ReadOptions", "read_inputs"]

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
SNIFF_BYTES = 64 * 1024
# How the reason of an input that broke a reader begins: fuzz tests look for it.
UNEXPECTED = "reading stopped by an unexpected error"
_LARGEST = 2**40  # bytes or characters: past this a limit is a typo (and overflows C sizes)

_HTML_START = re.compile(
    rb"\s*(<!doctype\s+html|<html[\s>]|<\?xml)|.{0,4096}?<(html|head|body)[\s>]", re.I | re.S
)


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read.

    max_bytes: the largest single article file (a .txt or .html file) or collection row,
        in bytes; a larger one is refused before it is read (`--max-bytes`).
    max_chars: the longest article text, in characters, counted after decoding and
        before parsing (see limits.py for why it is below spaCy's 1,000,000).
    columns: our field names (id, text, date, url, title, outlet) to a collection's own
        column names, e.g. {"text": "body", "date": "published"}.
    fetch: how URLs are fetched (rate, concurrency, timeout, user agent contact, byte limit).
    english_only: articles detected as written in another language are rejections
        (language.py); False reads every article as English.
    """

    max_bytes: int = MAX_BYTES
    columns: Mapping[str, str] = field(default_factory=dict)
    max_chars: int = MAX_CHARS
    fetch: FetchSettings = field(default_factory=FetchSettings)
    english_only: bool = True

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_chars"):
            value = getattr(self, name)
            if not 1 <= value <= _LARGEST:
                raise ValueError(f"{name} is {value}; give a size from 1 to {_LARGEST}")


DEFAULT_OPTIONS = ReadOptions()


def read_inputs(
    paths: Iterable[str | Path],
    options: ReadOptions = DEFAULT_OPTIONS,
    *,
    fetcher: Fetcher | None = None,
    log: FetchLog | None = None,
) -> Iterator[Article | Rejection]:
    """Articles and Rejections from files, directories (recursively, sorted) and `-` (stdin).

    Lazy: a large collection is read one row at a time as the caller iterates. Never
    raises for bad input: each bad file, row, date or folder entry is yielded as a Rejection.
    http(s) URLs (pages or feeds) are fetched together, where the first of them is named, by
    `fetcher` (one made from `options.fetch` when not given); `log` is what earlier runs
    fetched (web.FetchLog, for `strife watch`). Every article passes the language check.
    """
    check = LanguageCheck() if options.english_only else None
    items = list(paths)
    urls = [str(item) for item in items if is_url(str(item))]
    for item in items:
        if is_url(str(item)):
            if urls:
                yield from _read_urls(urls, options, check, fetcher, log)
                urls = []
            continue
        for read in _read_item(item, options):
            yield check(read) if check is not None and isinstance(read, Article) else read


def _read_urls(
    urls: list[str],
    options: ReadOptions,
    check: LanguageCheck | None,
    fetcher: Fetcher | None,
    log: FetchLog | None,
) -> Iterator[Article | Rejection]:
    if fetcher is not None:
        yield from read_urls(urls, fetcher, log, check=check, max_chars=options.max_chars)
        return
    with Fetcher(options.fetch) as own:
        yield from read_urls(urls, own, log, check=check, max_chars=options.max_chars)


def _read_item(item: str | Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    if str(item) == STDIN:
        stream = _read_stream(
            _stdin(), name=STDIN_ORIGIN, stem="stdin", kind=None, size=None, options=options
        )
        yield from _guarded(STDIN_ORIGIN, "stdin", stream)
        return
    path = Path(item)
    if path.is_dir():
        for entry in walk(path):
            if isinstance(entry, Rejection):
                yield entry
            else:
                yield from _guarded(path_text(entry), path_text(entry.stem), _read_path(entry, options))
    else:
        yield from _guarded(path_text(path), path_text(path.stem), _read_path(path, options))


def _guarded(
    origin: str, article_id: str, items: Iterator[Article | Rejection]
) -> Iterator[Article | Rejection]:
    """`items` (the outcomes of one input), with an error escaping its reader as one last Rejection."""
    try:
        yield from items
    except OSError as exc:  # an I/O error mid-file: a disk, a network share
        cause = exc.strerror or one_line(str(exc)) or type(exc).__name__
        reason = f"reading stopped ({cause}); check the file and read it again"
        yield Rejection(origin, "read", reason, article_id)
    except Exception as exc:  # a bug in a reader: the input is still accounted for, the run goes on
        detail = f"{type(exc).__name__}: {one_line(str(exc))}".rstrip(": ")
        reason = f"{UNEXPECTED} ({detail}); report it with this input"
        yield Rejection(origin, "read", reason, article_id)


def _stdin() -> BinaryIO:
    stream = sys.stdin.buffer
    # Sniffing needs peek(); a replaced sys.stdin (tests, embedding) may lack it.
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(cast(io.RawIOBase, stream))
    return cast(BinaryIO, stream)


def _read_path(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    name, stem = path_text(path), path_text(path.stem)
    try:
        opened = open_regular(path)
    except OSError as exc:
        cause = exc.strerror or type(exc).__name__
        reason = f"cannot read the file ({cause}); check that it exists and is readable"
        yield Rejection(name, "read", reason, stem)
        return
    if isinstance(opened, str):
        yield Rejection(name, "read", opened, stem)
        return
    stream, size = opened
    with stream:
        if is_warc(path.name):
            yield from read_warc(stream, name=name, max_bytes=options.max_bytes, max_chars=options.max_chars)
            return
        kind = SUFFIX_KINDS.get(path.suffix.lower())
        yield from _read_stream(stream, name=name, stem=stem, kind=kind, size=size, options=options)


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
            stream,
            encoding,
            name=name,
            stem=stem,
            max_bytes=options.max_bytes,
            columns=options.columns,
            max_chars=options.max_chars,
        )
    else:
        rows = read_csv(
            stream,
            encoding,
            name=name,
            stem=stem,
            delimiter="\t" if kind == "tsv" else ",",
            max_bytes=options.max_bytes,
            columns=options.columns,
            max_chars=options.max_chars,
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
    """One article file: size-checked first, then read whole, decoded, length-checked and parsed."""
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
        return parse_html(text, article_id=stem, origin=name, max_chars=options.max_chars)
    too_long = too_many_chars(len(text), options.max_chars)  # before any parsing
    if too_long is not None:
        return Rejection(name, "read", too_long, stem)
    return parse_scraped(text, article_id=stem, origin=name, max_chars=options.max_chars)
