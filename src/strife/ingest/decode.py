"""Bytes to text: the binary test, UTF-8 first, then a charset that charset-normalizer is sure of.

Collections are decoded line by line (see `iter_lines`) so that a huge JSONL or CSV file
streams in constant memory and one bad line costs one row, not the file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from charset_normalizer import from_bytes

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
# charset-normalizer often ranks a rare code page (cp775) a hair above the one the text
# was written in (cp1252) when both decode it; among near-equal candidates we take the
# encoding that news text on the web is actually found in.
_COMMON = ("cp1252", "iso8859_1", "iso8859_15", "cp1251", "koi8_r", "cp1256", "gb18030", "shift_jis", "big5")
_MAX_CHAOS = 0.1  # share of odd characters above which a decoding is judged wrong
_MIN_COHERENCE = 0.2  # below this no language was recognised in the decoded text
_NEAR = 0.1


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we can name; `reason` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def choose_encoding(sample: bytes) -> str:
    """Name the encoding of `sample` (the start of a file, maybe cut mid-character).

    Bytes that hold valid UTF-8 characters beside invalid ones are damaged UTF-8, not
    another encoding: "utf-8" is returned and the damaged part fails to decode, so that
    only it is rejected (a line of a collection) instead of the whole file being misread.
    Raises DecodeError for binary data and for bytes no encoding fits with confidence.
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        raise DecodeError(BINARY)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if any(ord(char) > 127 and char != "\ufffd" for char in sample.decode("utf-8", errors="replace")):
        return "utf-8"
    return _detected(sample)


def _detected(sample: bytes) -> str:
    candidates = [
        match
        for match in from_bytes(sample)
        if match.chaos <= _MAX_CHAOS and match.coherence >= _MIN_COHERENCE
    ]
    if not candidates:
        raise DecodeError(UNDECODABLE)
    best = candidates[0]
    for name in _COMMON:
        for match in candidates:
            if match.encoding == name and match.coherence >= best.coherence - _NEAR:
                return name
    return str(best.encoding)


def decode_document(data: bytes) -> str:
    """All of one article file as text. Raises DecodeError when it is not text."""
    encoding = choose_encoding(data)
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
