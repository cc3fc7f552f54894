"""Article dates as the readers accept them: `YYYY-MM-DD` in ASCII digits, within strife's range.

Two steps, each with its own reason when it fails: the text must be an ISO date (a
trailing ISO time is allowed and dropped), and the day must lie in the range records.py
accepts (1900-01-01 .. tomorrow), since a year 9999 or 0001 overflows date arithmetic
downstream. Digits are ASCII only: Python's `\\d` and `int()` also take Devanagari or
Arabic-Indic digits, which no ISO date is written in.
"""

from __future__ import annotations

import re
from datetime import date

from strife.ingest.text import quoted
from strife.records import date_range_reason

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9:.+\-Z ]*)?")


def parse_iso_date(value: str) -> date | None:
    """A `YYYY-MM-DD` date (a trailing ISO time is allowed and dropped), or None.

    Any year 0001..9999 parses; whether strife accepts the day is `article_date`'s question.
    """
    match = _ISO_DATE.fullmatch(value.strip())
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:  # 2024-02-30 matches the pattern but is no day
        return None


def bad_date_reason(raw: str, where: str) -> str:
    """The one-line reason for a date that does not parse."""
    return f"{where} holds {quoted(raw)}, not a date in YYYY-MM-DD form; correct it or remove it"


def article_date(raw: str, where: str, today: date | None = None) -> date | str:
    """The accepted date written in `raw`, or the one-line reason it is not one.

    `where` names the place the date was read from ("column 'date'", "the date line") for
    the reason; `today` is for tests (the range ends tomorrow).
    """
    day = parse_iso_date(raw)
    if day is None:
        return bad_date_reason(raw, where)
    out_of_range = date_range_reason(day, today)
    if out_of_range is not None:
        return f"{where}: {out_of_range}"
    return day
