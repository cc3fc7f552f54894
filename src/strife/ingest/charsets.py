"""Legacy (non-UTF-8) encodings: which one a text that is not UTF-8 was written in.

charset-normalizer ranks candidate encodings by how odd the decoded text looks (chaos) and
how much it reads like a language (coherence). On Western European news it often ranks a
rare code page a hair above cp1252 (cp775 for German: "Café" -> "Cafķ"), and on short
texts it recognises no language at all. So Latin text is settled before its ranking is
followed: see `legacy_encoding` for the order.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes
from charset_normalizer.models import CharsetMatch

# Code pages of other Latin alphabets (Central European, Baltic, Turkish, Vietnamese):
# trusted over cp1252 only where cp1252 visibly garbles the text (see _misplaced_symbols).
_LATIN_PAGES = frozenset(
    {"cp1250", "cp1254", "cp1257", "cp1258", "iso8859_2", "iso8859_9", "iso8859_13", "iso8859_16"}
)
# Code pages of other scripts, and the CJK multi-byte encodings: a confident pick is trusted.
_OTHER_SCRIPTS = frozenset(
    {
        *("cp1251", "cp1253", "cp1255", "cp1256", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8"),
        *("koi8_r", "koi8_u", "cp874", "tis_620"),
    }
)
# Multi-byte encodings of Chinese, Japanese and Korean: bytes that decode in one of them
# without odd characters are no accident, though the detector's coherence for them stays
# near 0 on a short text.
_CJK = frozenset(
    {
        *("cp932", "shift_jis", "shift_jis_2004", "euc_jp", "euc_jis_2004", "iso2022_jp"),
        *("gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950", "euc_kr", "cp949", "johab"),
    }
)
# Among near-equal candidates, the encoding that news text on the web is actually found in.
_COMMON = ("cp1252", "iso8859_1", "iso8859_15", "cp1251", "koi8_r", "cp1256", "gb18030", "shift_jis", "big5")
_MAX_CHAOS = 0.1  # share of odd characters above which a decoding is judged wrong
_MIN_COHERENCE = 0.2  # below this no language was recognised in the decoded text
_NEAR = 0.1
_SAMPLE = 64 * 1024  # of a large input, for the counts below

# C0 controls other than whitespace: text has none, binary data has many.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
# The symbols cp1252 has where other Latin code pages have letters ("£ód" for "Łód",
# "by³a" for "była"), between two letters. Typographic apostrophes (U+2019, U+2018), the
# Catalan middle dot (col·lecció) and the soft hyphen sit between letters in real text.
_SYMBOLS = "".join(
    char
    for char in bytes(range(0x80, 0x100)).decode("cp1252", errors="ignore")
    if not char.isalpha() and char not in "\u2019\u2018\xb7\xad"
)
_MISPLACED = re.compile(f"[^\\W\\d_][{re.escape(_SYMBOLS)}][^\\W\\d_]")


def legacy_encoding(sample: bytes) -> str | None:
    """The encoding of `sample` (bytes that are not UTF-8), or None when none fits with confidence.

    First answer wins:
    1. text that cp1252 decodes into Latin letters (`_latin_text`) is cp1252, unless the
       detector is confident of another script's code page, or of another Latin code page
       and cp1252 visibly garbles the text (Polish "by³a");
    2. a multi-byte CJK encoding the detector ranks first;
    3. the detector's confident pick, preferring a common encoding among near-equal ones.
    """
    candidates = [match for match in from_bytes(sample) if match.chaos <= _MAX_CHAOS]
    confident = [match for match in candidates if match.coherence >= _MIN_COHERENCE]
    pick = str(confident[0].encoding) if confident else None
    if _latin_text(sample) and not (
        pick in _OTHER_SCRIPTS or (pick in _LATIN_PAGES and _misplaced_symbols(sample))
    ):
        return "cp1252"
    if candidates and str(candidates[0].encoding) in _CJK:
        return str(candidates[0].encoding)
    if not confident:
        return None
    for name in _COMMON:
        if _near(confident, name, confident[0]):
            return name
    return pick


def _latin_text(sample: bytes) -> bool:
    """Whether `sample` reads as Latin-script text in cp1252.

    cp1252 must decode it (five bytes, 0x81, 0x8D..., are undefined in it) to text with no
    control characters and some ASCII letters, and at most half its bytes may be non-ASCII:
    an accented letter between plain ones ("Café" 1 in 4, French prose 1 in 10), where
    Cyrillic, Greek, CJK and binary data run to 70% and more.
    """
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    if _CONTROL.search(text) or not _ASCII_LETTER.search(text):
        return False
    head = sample[:_SAMPLE]
    return 2 * len(_NON_ASCII.findall(head)) <= len(head)


def _misplaced_symbols(sample: bytes) -> bool:
    return _MISPLACED.search(sample[:_SAMPLE].decode("cp1252", errors="replace")) is not None


def _near(candidates: list[CharsetMatch], name: str, best: CharsetMatch) -> bool:
    """Whether a candidate decoding as `name` does is within _NEAR of the best one's coherence."""
    return any(
        name in match.could_be_from_charset and match.coherence >= best.coherence - _NEAR
        for match in candidates
    )
