"""Text that is safe to store and print: valid UTF-8, one line, bounded length.

Everything a reader puts on an Article or a Rejection passes through here when it comes
from outside strife: file names (which on POSIX are bytes, not text), JSON strings (which
may hold lone surrogates, `"\\ud800"`) and values quoted in a reason. DuckDB refuses a
string it cannot encode as UTF-8, and a newline in an origin or a reason would split the
one-line rejection report.
"""

from __future__ import annotations

import os
import re

_SURROGATES = re.compile("[\ud800-\udfff]")
# Characters that break a line or a terminal: C0 and C1 controls, DEL, and the Unicode
# line and paragraph separators (str.splitlines splits on all of them but DEL).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_QUOTE_CHARS = 60  # of a value quoted in a reason: enough to recognise it
_LINE_CHARS = 300  # of an exception message in a reason


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def valid_text(text: str) -> str:
    """`text` with lone surrogates (not encodable as UTF-8) replaced by U+FFFD."""
    if text.isascii():
        return text
    return _SURROGATES.sub("\ufffd", text)


def path_text(path: str | os.PathLike[str]) -> str:
    """A file name as printable UTF-8 text, for an origin or an id.

    Bytes of the name that are not UTF-8 (decoded by Python to surrogates) are shown as
    `\\xNN` escapes, so the raw name stays readable, and control characters (a newline in
    a name) as `\\n`-style escapes.
    """
    try:
        raw = os.fsencode(path)
    except UnicodeError:  # a surrogate that is no escaped byte, only possible in a str
        raw = os.fspath(path).encode("utf-8", "surrogatepass")
    return _CONTROLS.sub(_escaped, raw.decode("utf-8", "backslashreplace"))


def one_line(text: str) -> str:
    """`text` (an exception message) as one printable line of valid UTF-8, cut to a length."""
    line = _CONTROLS.sub(" ", valid_text(text)).strip()
    return line if len(line) <= _LINE_CHARS else line[:_LINE_CHARS] + "..."


def quoted(value: str) -> str:
    """A value from the input, quoted for a reason: repr (escapes controls), cut to a length."""
    if len(value) > _QUOTE_CHARS:
        value = value[:_QUOTE_CHARS] + "..."
    return repr(valid_text(value))
