"""Bytes to text: the binary test, UTF-8 first, then cp1252 for Latin text, then a detected charset.

Collections are decoded line by line (see `iter_lines`) so that a huge JSONL or CSV file
streams in constant memory and one bad line costs one row, not the file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from charset_normalizer import from_bytes
from charset_normalizer.models import CharsetMatch

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
# Among near-equal candidates of the detector we take the encoding that news text on the
# web is actually found in.
_COMMON = ("cp1252", "iso8859_1", "iso8859_15", "cp1251", "koi8_r", "cp1256", "gb18030", "shift_jis", "big5")
# Encodings whose pick by the detector is trusted over cp1252 even for text that cp1252
# decodes into Latin letters: the Windows and ISO code pages of living languages, and the
# CJK multi-byte ones. Any other pick (cp775, cp850, mac_*, iso8859_3...) is a rare code
# page that charset-normalizer often ranks a hair above cp1252 for German or French text
# ("Café" -> "Cafķ").
_TRUSTED = frozenset(
    {
        *("cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258"),
        *("iso8859_2", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_13"),
        *("koi8_r", "koi8_u", "cp874", "tis_620", "cp932", "shift_jis", "euc_jp", "iso2022_jp"),
        *("gb2312", "gbk", "gb18030", "big5", "big5hkscs", "euc_kr", "cp949", "johab"),
    }
)
# Multi-byte encodings of Chinese, Japanese and Korean: bytes that decode in one of them
# without odd characters are no accident, though the detector's language coherence for
# them stays near 0 on a short text.
_CJK = frozenset(
    {
        *("cp932", "shift_jis", "shift_jis_2004", "euc_jp", "euc_jis_2004", "iso2022_jp"),
        *("gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950", "euc_kr", "cp949", "johab"),
    }
)
_MAX_CHAOS = 0.1  # share of odd characters above which a decoding is judged wrong
_MIN_COHERENCE = 0.2  # below this no language was recognised in the decoded text
_NEAR = 0.1
_SAMPLE = 64 * 1024  # of a large document, for the byte counts of the tests below
# C0 controls other than whitespace: text has none, binary data has many.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")


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
    5. text that cp1252 decodes into Latin letters (no control characters, mostly ASCII
       letters) is cp1252, unless the detector clearly prefers a trusted code page (cp1250
       for Polish): Latin-1/cp1252 is what such text is found in, and the detector's rare
       picks (cp775) garble it;
    6. else charset-normalizer's best candidate: a multi-byte CJK encoding that decodes
       without odd characters, or a confident one, preferring a common encoding among
       near-equal ones; DecodeError when none is confident (binary blobs, noise).
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
    return _detected(sample)


def _damaged_utf8(sample: bytes) -> bool:
    text = sample.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for char in text if ord(char) > 127) - invalid
    return valid > 0 and valid >= invalid


def _latin_text(sample: bytes) -> bool:
    """Whether `sample` reads as Latin-script text in cp1252.

    cp1252 must decode it (five bytes, 0x81, 0x8D..., are undefined in it) to text with no
    control characters, and at most half its bytes may be non-ASCII: an accented letter
    between plain ones ("Café" 1 in 4, French prose 1 in 10), where Cyrillic, Greek, CJK
    and binary data run to 70% and more.
    """
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    if _CONTROL.search(text) or not _ASCII_LETTER.search(text):
        return False
    head = sample[:_SAMPLE]
    return 2 * len(_NON_ASCII.findall(head)) <= len(head)


def _detected(sample: bytes) -> str:
    candidates = [match for match in from_bytes(sample) if match.chaos <= _MAX_CHAOS]
    confident = [match for match in candidates if match.coherence >= _MIN_COHERENCE]
    if _latin_text(sample):
        if not confident or str(confident[0].encoding) not in _TRUSTED:
            return "cp1252"
        if _near(candidates, "cp1252", confident[0]):
            return "cp1252"
    if candidates and str(candidates[0].encoding) in _CJK:
        return str(candidates[0].encoding)
    if not confident:
        raise DecodeError(UNDECODABLE)
    best = confident[0]
    for name in _COMMON:
        if _near(confident, name, best):
            return name
    return str(best.encoding)


def _near(candidates: list[CharsetMatch], name: str, best: CharsetMatch) -> bool:
    """Whether a candidate decoding as `name` does is within _NEAR of the best one's coherence."""
    return any(
        name in match.could_be_from_charset and match.coherence >= best.coherence - _NEAR
        for match in candidates
    )


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
