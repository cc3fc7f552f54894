"""The date a page prints at its top, for an article whose header, field or metadata gives none.

Scraped pages often lose their date field but keep the line the site printed under the headline:
"2011-04-11 20:37", "April 15, 2010", "Last updated: 10 Sep 2014 15:36", "Thursday 31 March 2016".
Such a line, alone on one of the first lines of the text, is the page's publication date: strife
reads it (the article's `date_note` says from which line) rather than leave the article undated,
which would leave its relative dates ("on Sunday") unresolved, its background unrecognised and
its copies unmergeable by date. A date inside a sentence ("On February 3, a convoy...") is an
event's, not the page's, and a line with no year ("April 11") is no publication date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from strife.records import date_range_reason

# How far down the text the printed date may stand: the headline, a byline, a photo credit.
_FIRST_LINES = 8
_FIRST_CHARS = 800

# Month and weekday names as the calendar spells them, as extract/time_rules reads them too.
_MONTHS = {
    name.lower(): number
    for number, full in enumerate(calendar.month_name)
    if number
    for name in {full, full[:3], "Sept" if number == 9 else full[:3]}
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(n for day in calendar.day_name for n in (day, day[:3])) + r"),?"
_LEAD = r"(?:(?:last\s+)?updated|published|posted(?:\s+on)?|first\s+published|date)\s*:?"
_ZONE = r"(?:[a-z]{2,5}|[+-]\d{2}:?\d{2})"  # "GMT", "+03:00"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*" + _ZONE + r"?)?"
_FORMS = [
    r"(?P<year>\d{4})[-./](?P<number>\d{1,2})[-./](?P<day>\d{1,2})",
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})",
]
_LINES = [re.compile(rf"(?:{_LEAD}\s*)?(?:{_WEEKDAY}\s*)?{form}{_TIME}\s*", re.IGNORECASE) for form in _FORMS]


def printed_date(text: str) -> tuple[date, str] | None:
    """The publication date a line near the top of the text prints alone, and that line; None
    when no such line is there or its day is outside strife's range."""
    lines = [line.strip() for line in text[:_FIRST_CHARS].splitlines() if line.strip()]
    for line in lines[:_FIRST_LINES]:
        for pattern in _LINES:
            match = pattern.fullmatch(line)
            if match is None:
                continue
            day = _day(match)
            if day is not None and date_range_reason(day) is None:
                return day, line
    return None


def _day(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    month = int(parts["number"]) if parts.get("number") else _MONTHS[parts["month"].lower()]
    try:
        return date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:  # 2024-02-30
        return None


def dated_from_print(text: str, note: str) -> tuple[date | None, str]:
    """(date, date_note) of an article that came with no date: the printed date and the line it
    was read from, else no date and `note`, why there is none."""
    found = printed_date(text)
    if found is None:
        return None, note
    day, line = found
    return day, f"{note}; date read from the text's line {line!r}"
