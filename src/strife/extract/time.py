"""Time expressions in news text, resolved against the article date (CODEBOOK section 5).

`find_times` finds every expression the codebook table names, from exact dates to
"last week", "in the 1980s" and "since August", and resolves each to a window
(date_start .. date_end) with a time precision: 1 day, 2 week, 3 a month or longer
(a year or a decade too, with the whole year's or decade's window). An expression
whose window ends more than 31 days before the article date is background (`is_background`).
Without an article date, relative expressions keep their span and kind but resolve to
no dates; the current date is never used.

A dateline ("PESHAWAR, June 5 (AFP) -") or a page stamp (a line holding only a date,
"Updated June 21, 2021") dates the report, not an event: neither is returned, and a
dateline's date is what the story's "Friday" and "yesterday" count from.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from strife.extract.time_rules import (
    FULL_DATES,
    MONTH_RE,
    MONTHS,
    RECENT_DAYS,
    RULES,
    WEEKDAY_PATTERN,
    Window,
    count,
    day_month,
    safe_date,
)
from strife.mentions import TimeExpr

BACKGROUND_DAYS = 31
# How news dates history, never the day's events: with no date to judge against, a decade is background
# (a bare year is not: short undated reports date their own occurrence by the year)
_HISTORY_KINDS = {"decade"}

_PLACE_WORD = r"[A-Z][\w.'\u2019-]*"
# "PESHAWAR, June 5 (AFP) -", "Beirut, Lebanon, Oct. 3, 2023 --": a place, a date, then an agency or a
# dash, or the end of the line ("Dhaka, October 29" above the first paragraph). A scraped page often
# runs its time stamp into the dateline's line ("2023-10-30 Dhaka, October 29"): that stamp may come first.
_STAMP_LEAD = r"(?:[A-Za-z]+:?[ \t]+)?\d{4}-\d{2}-\d{2}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]+"
_DATELINE = re.compile(
    rf"^[ \t]*(?:{_STAMP_LEAD})?(?!(?:On|In|By|Since|Until|From|Last|This|Early|Late)\b)"
    rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}},"
    rf"(?:[ \t]*{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD})?,)?[ \t]*(?P<month>{MONTH_RE})[ \t]*(?P<day>\d{{1,2}})"
    r"(?:,?[ \t]*(?P<year>(?:19|20)\d{2}))?[ \t]*(?=\(|[-\u2013\u2014:]|[ \t]*$)",
    re.MULTILINE,
)
# What may share a line with the date of a page stamp: "Updated", "Saturday,", "10:42 GMT"
_STAMP_REST = re.compile(
    rf"(?i)[\s,|:\u2013\u2014-]*(?:(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?|{WEEKDAY_PATTERN}|"
    rf"(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|gmt|utc)[\s,|:\u2013\u2014-]*)*"
)
# A date read as page furniture wherever it stands: one run into a clock time ("2023-06-01 14:21:15"),
# or the article's own day written out with its year and no preposition, which is how stamps, bylines
# and photo captions date a page ("..., Pattani province, March 31, 2016."); news dates the day's
# events by weekday, or with "on" ("on March 31, 2016")
_CLOCK_AFTER = re.compile(r"[ \t]+\d{1,2}:\d{2}\b")
_PREP_BEFORE = re.compile(
    r"(?i)\b(?:on|in|since|until|till|by|from|before|after|between|through|of|and|to|at|during|dated)[ \t]+$"
)
# "three days after", "a week before", directly in front of another time expression
_OFFSET = re.compile(
    r"\b(?P<n>\d+|[a-z]+)\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s+(?:the\s+)?$", re.IGNORECASE
)


# "a day after deadly clashes", "two weeks before the raid": the event word that follows is dated by
# the sentence's time moved back (after) or forward (before)
_FROM_OCCURRENCE = re.compile(
    r"\b(?P<n>an?|\d+|[a-z]+)\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s+(?:[\w'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)


def occurrence_offset(before: str) -> int | None:
    """Days from the time of a sentence to an event word named after "a day after" or "two weeks
    before" (`before` is the text up to the event word): "police arrested him on Sunday, a day after
    deadly clashes" puts the clashes a day before Sunday (-1). None when no such phrase leads to it."""
    m = _FROM_OCCURRENCE.search(before[-80:])
    if m is None:
        return None
    number = 1 if m["n"].lower() in ("a", "an") else count(m["n"])
    if number is None:
        return None
    days = number * (7 if m["unit"].lower().startswith("week") else 1)
    return -days if m["dir"].lower() == "after" else days


def default_window(article_date: date | None) -> tuple[date | None, date | None, int]:
    """The window of a current event with no date in the text: article date minus 6 .. article date."""
    if article_date is None:
        return None, None, 2
    return article_date - timedelta(days=RECENT_DAYS), article_date, 2


def find_times(text: str, article_date: date | None, anchor: date | None = None) -> list[TimeExpr]:
    """Every time expression in `text`, in order, without overlaps (the longest match wins).

    1. Datelines and page stamps are found first: they date the report, so they are not
       returned, and no other rule may read a date inside them.
    2. Relative expressions resolve against `anchor` when given (`reference_date` of the
       whole article), else as `reference_date` of `text` itself: a dateline's date, else
       the article date, else a page stamp's date.
    3. "three days after August 15" shifts the window of the time it qualifies; an offset
       from an occurrence ("a week after the attack") is left alone, its date is unknown.
    Background is judged against the article date, else the date the report gives itself
    (dateline, page stamp); see `is_background`.
    """
    report = _report_dates(text, article_date)
    reference = anchor or _reference(report, article_date)
    found: list[tuple[re.Match[str], Window]] = []
    for pattern, resolve in RULES:
        for match in pattern.finditer(text):
            window = resolve(match, reference)
            if window is not None:
                found.append((match, window))
    found.sort(key=lambda item: (-(item[0].end() - item[0].start()), item[0].start()))
    taken = [(start, end) for _, start, end, _ in report]
    chosen: list[TimeExpr] = []
    for match, window in found:
        if any(match.start() < e and s < match.end() for s, e in taken):
            continue
        taken.append((match.start(), match.end()))
        start, window = _offset(text, match.start(), window)
        chosen.append(_expr(text, start, match.end(), window, article_date or _reference(report, None)))
    return sorted(chosen, key=lambda t: t.start)


def reference_date(text: str, article_date: date | None) -> date | None:
    """The date an article's relative expressions count from: the dateline's date, else the
    article date, else (article date unknown) a page stamp's date. A wire story filed
    "PESHAWAR, June 5" and printed on June 6 means June 5 by "Friday" and "yesterday"."""
    return _reference(_report_dates(text, article_date), article_date)


def lead_end(text: str) -> int:
    """Where the headline and the first paragraph end: after the second block of text that blank
    lines separate (a story with no blank lines: after its first two lines)."""
    blocks = list(re.finditer(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", text))
    if len(blocks) >= 2 and "\n\n" in text:
        return blocks[1].end()
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text))
    return lines[min(1, len(lines) - 1)].end() if lines else 0


def same_occurrence(time: TimeExpr, other: TimeExpr) -> bool:
    """Whether two dated mentions can be of one occurrence: their windows overlap."""
    if None in (time.date_start, time.date_end, other.date_start, other.date_end):
        return False
    return time.date_start <= other.date_end and other.date_start <= time.date_end  # type: ignore[operator]


def _reference(report: list[tuple[str, int, int, date | None]], article_date: date | None) -> date | None:
    dateline = next((day for kind, _, _, day in report if kind == "dateline" and day), None)
    stamp = next((day for kind, _, _, day in report if kind == "stamp" and day), None)
    return dateline or article_date or stamp


def _report_dates(text: str, article_date: date | None) -> list[tuple[str, int, int, date | None]]:
    """Datelines and page stamps: kind, span, and the date they give (None when it is unusable)."""
    found: list[tuple[str, int, int, date | None]] = []
    for m in _DATELINE.finditer(text):
        if m["year"]:
            day = safe_date(int(m["year"]), MONTHS[m["month"].rstrip(".")], int(m["day"]))
        else:
            window = day_month(m, article_date)
            day = window.start if window is not None else None
        # a story is printed within a week of being filed; any other date is a slip
        if day is not None and article_date is not None and not 0 <= (article_date - day).days <= 7:
            day = None
        found.append(("dateline", m.start("month"), m.end("day"), day))
    for line in re.finditer(r"[^\n]+", text):
        dates = [(m, resolve(m, None)) for pattern, resolve in FULL_DATES for m in pattern.finditer(line[0])]
        if len(dates) != 1 or dates[0][1] is None:
            continue
        match, window = dates[0]
        rest = line[0][: match.start()] + " " + line[0][match.end() :]
        if _STAMP_REST.fullmatch(rest):
            found.append(("stamp", line.start(), line.end(), window.start if window else None))
    for pattern, resolve in FULL_DATES:
        for m in pattern.finditer(text):
            window = resolve(m, None)
            if window is None or any(s <= m.start() < e for _, s, e, _ in found):
                continue
            clocked = _CLOCK_AFTER.match(text, m.end()) is not None
            own_day = article_date is not None and window.start == article_date
            if clocked or (own_day and not _PREP_BEFORE.search(text, max(0, m.start() - 12), m.start())):
                found.append(("stamp", m.start(), m.end(), window.start))
    return found


def _offset(text: str, start: int, window: Window) -> tuple[int, Window]:
    """ "two days after August 15": the window moved by the offset, and the span grown to hold it."""
    offset = _OFFSET.search(text, max(0, start - 40), start)
    if offset is None or window.start is None or window.end is None:
        return start, window
    number = count(offset["n"])
    if number is None:
        return start, window
    days = number * (7 if offset["unit"].lower().startswith("week") else 1)
    shift = timedelta(days=days if offset["dir"].lower() == "after" else -days)
    moved = Window(window.start + shift, window.end + shift, window.precision, window.kind, window.note)
    return offset.start(), moved


def is_background(window: Window, reported: date | None) -> bool:
    """Whether a time lies before the reporting window (CODEBOOK section 2): its window ends more than
    `BACKGROUND_DAYS` before `reported` (the article date, else the report's own date). A running tally
    ("since 2021") is judged by where it starts. With no date at all, a decade ("in the mid-1990s") is
    background: no story dates the day's events by a decade. Whether the article is itself about an
    old occurrence is detection's call."""
    if reported is None:
        return window.kind in _HISTORY_KINDS
    edge = window.start if window.kind == "since" else window.end
    return edge is not None and (reported - edge).days > BACKGROUND_DAYS


def _expr(text: str, start: int, end: int, window: Window, reported: date | None) -> TimeExpr:
    background = is_background(window, reported)
    return TimeExpr(
        start=start,
        end=end,
        text=text[start:end],
        date_start=window.start,
        date_end=window.end,
        precision=window.precision,
        kind=window.kind,
        background=background,
        note=window.note,
    )


# --- calendar helpers -------------------------------------------------------
