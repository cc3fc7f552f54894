"""Bytes to text: the binary test, UTF-8 first, then cp1252 for Latin text, then a detected charset.

Collections are decoded line by line (see `iter_lines`) so that a huge JSONL or CSV file
streams in constant memory and one bad line costs one row, not the file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from strife.ingest.charsets import legacy_encoding

BINARY = "binary file (it holds NUL bytes), not text; give a .txt, .jsonl, .csv or .html file"
UNDECODABLE = (
    "not valid UTF-8, and no other text encoding was detected with confidence; re-save the file as UTF-8"
)

# Byte-order marks, longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 64 * 1024  # of a large document, for the damaged-UTF-8 count


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we can name; `reason` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def choose_encoding(sample: bytes, *, complete: bool = False) -> str:
    """Name the encoding of `sample`: a whole input (`complete`), or its start, maybe cut mid-character.

    The cascade, first answer wins:
    1. a byte-order mark names its encoding;
    2. NUL bytes mean binary data (DecodeError);
    3. valid UTF-8 is UTF-8 (strict: nothing is ever guessed for UTF-8 text);
    4. bytes holding at least as many valid UTF-8 characters as invalid bytes are damaged
       UTF-8, not another encoding: "utf-8" is returned and the damaged part fails to
       decode, so that only it is rejected (a line of a collection) instead of the whole
       file being misread;
    5. else a legacy encoding (charsets.legacy_encoding): cp1252 for Latin text over the
       detector's rare code pages, else what charset-normalizer is confident of;
       DecodeError when nothing fits (binary blobs, noise).
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        raise DecodeError(BINARY)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _damaged_utf8(sample[:_SAMPLE]):
        return "utf-8"
    encoding = legacy_encoding(sample)
    if encoding is None:
        raise DecodeError(UNDECODABLE)
    return encoding


def _damaged_utf8(sample: bytes) -> bool:
    """At least as many valid multi-byte UTF-8 characters as invalid stretches.

    Text in a legacy encoding forms a valid UTF-8 sequence only by chance (KOI8-R "оё" is
    bytes CF A3, a valid Coptic letter), far less often than an invalid one.
    """
    text = sample.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for char in text if ord(char) > 127) - invalid
    return valid > 0 and valid >= invalid


def decode_document(data: bytes) -> str:
    """All of one article file as text. Raises DecodeError when it is not text."""
    encoding = choose_encoding(data, complete=True)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {encoding} at byte {exc.start}; re-save the file as UTF-8") from exc


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a collection: its text, or why it has none (`stage` and `problem`)."""

    number: int
    text: str | None
    stage: str = "read"
    problem: str | None = None


def iter_lines(stream: BinaryIO, encoding: str, max_bytes: int) -> Iterator[Line]:
    """The lines of `stream` decoded one at a time, newlines kept.

    A line longer than `max_bytes` is never held in memory whole: it is skipped in
    chunks and reported as a problem line, and the lines after it go on.
    """
    number = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            _skip_rest_of_line(stream)
            problem = f"row is over the {max_bytes}-byte limit; split it or raise max_bytes"
            yield Line(number, None, "read", problem)
            continue
        try:
            yield Line(number, raw.decode(encoding))
        except UnicodeDecodeError as exc:
            problem = f"line is not valid {encoding} (byte {exc.start}); re-save the file as UTF-8"
            yield Line(number, None, "decode", problem)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(64 * 1024)
        if not chunk or chunk.endswith(b"\n"):
            return
