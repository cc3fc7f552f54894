"""Time expressions in news text, resolved against the article date (CODEBOOK section 5).

`find_times` finds every expression the codebook table names, from exact dates to
"last week", "in the 1980s" and "since August", and resolves each to a window
(date_start .. date_end) with a time precision: 1 day, 2 week, 3 month; None for
a year or longer. An expression whose window ends more than 31 days before the
article date is background. Without an article date, relative expressions keep
their span and kind but resolve to no dates; the current date is never used.

A dateline ("PESHAWAR, June 5 (AFP) -") or a page stamp (a line holding only a date,
"Updated June 21, 2021") dates the report, not an event: neither is returned, and a
dateline's date is what the story's "Friday" and "yesterday" count from.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from strife.extract.quantities import load_number_words

BACKGROUND_DAYS = 31
RECENT_DAYS = 6  # "in recent days", "this week", and the default window: article date minus 6
NO_DATE = "article date unknown"

MONTHS = {
    name: number
    for number, full in enumerate(calendar.month_name)
    if number
    for name in {full, full[:3], "Sept" if number == 9 else full[:3]}
}
WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}

_MONTH_FULL = "|".join(calendar.month_name[1:])
_MONTH_ANY = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "|".join(calendar.day_name)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})"
_PREP = r"(?:in|on|during|until|till|by|from|before|after|between|through|throughout|of|and|to)"
_PART = r"early|mid-|mid|late|the end of|the start of|the beginning of"
_MONTH_PARTS = {
    "early": (1, 10),
    "start of": (1, 10),
    "beginning of": (1, 10),
    "mid": (11, 20),
    "late": (21, 31),
    "end of": (21, 31),
}
_PLACE_WORD = r"[A-Z][\w.'\u2019-]*"
# "PESHAWAR, June 5 (AFP) -", "Beirut, Lebanon, Oct. 3, 2023 --": a place, a date, then an agency or a dash
_DATELINE = re.compile(
    r"^[ \t]*(?!(?:On|In|By|Since|Until|From|Last|This|Early|Late)\b)"
    rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}},"
    rf"(?:[ \t]*{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD})?,)?[ \t]*(?P<month>{_MONTH_ANY})[ \t]*(?P<day>\d{{1,2}})"
    r"(?:,?[ \t]*(?P<year>(?:19|20)\d{2}))?[ \t]*(?=\(|[-\u2013\u2014:])",
    re.MULTILINE,
)
# What may share a line with the date of a page stamp: "Updated", "Saturday,", "10:42 GMT"
_STAMP_REST = re.compile(
    rf"(?i)[\s,|:\u2013\u2014-]*(?:(?:(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?|{_WEEKDAY}|"
    rf"(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|gmt|utc)[\s,|:\u2013\u2014-]*)*"
)
# "three days after", "a week before", directly in front of another time expression
_OFFSET = re.compile(
    r"\b(?P<n>\d+|[a-z]+)\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)\s+(?:the\s+)?$", re.IGNORECASE
)


@dataclass(frozen=True)
class TimeExpr:
    """A time expression: its span in the text and the window it resolves to."""

    start: int
    end: int
    text: str
    date_start: date | None
    date_end: date | None
    precision: int | None
    kind: str
    background: bool
    note: str | None = None


@dataclass(frozen=True)
class _Window:
    start: date | None
    end: date | None
    precision: int | None
    kind: str
    note: str | None = None


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
    Background is always judged against the article date.
    """
    report = _report_dates(text, article_date)
    reference = anchor or _reference(report, article_date)
    found: list[tuple[re.Match[str], _Window]] = []
    for pattern, resolve in _RULES:
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
        chosen.append(_expr(text, start, match.end(), window, article_date))
    return sorted(chosen, key=lambda t: t.start)


def reference_date(text: str, article_date: date | None) -> date | None:
    """The date an article's relative expressions count from: the dateline's date, else the
    article date, else (article date unknown) a page stamp's date. A wire story filed
    "PESHAWAR, June 5" and printed on June 6 means June 5 by "Friday" and "yesterday"."""
    return _reference(_report_dates(text, article_date), article_date)


def _reference(report: list[tuple[str, int, int, date | None]], article_date: date | None) -> date | None:
    dateline = next((day for kind, _, _, day in report if kind == "dateline" and day), None)
    stamp = next((day for kind, _, _, day in report if kind == "stamp" and day), None)
    return dateline or article_date or stamp


def _report_dates(text: str, article_date: date | None) -> list[tuple[str, int, int, date | None]]:
    """Datelines and page stamps: kind, span, and the date they give (None when it is unusable)."""
    found: list[tuple[str, int, int, date | None]] = []
    for m in _DATELINE.finditer(text):
        if m["year"]:
            day = _safe_date(int(m["year"]), MONTHS[m["month"].rstrip(".")], int(m["day"]))
        else:
            window = _day_month(m, article_date)
            day = window.start if window is not None else None
        # a story is printed within a week of being filed; any other date is a slip
        if day is not None and article_date is not None and not 0 <= (article_date - day).days <= 7:
            day = None
        found.append(("dateline", m.start("month"), m.end("day"), day))
    for line in re.finditer(r"[^\n]+", text):
        dates = [(m, resolve(m, None)) for pattern, resolve in _FULL_DATES for m in pattern.finditer(line[0])]
        if len(dates) != 1 or dates[0][1] is None:
            continue
        match, window = dates[0]
        rest = line[0][: match.start()] + " " + line[0][match.end() :]
        if _STAMP_REST.fullmatch(rest):
            found.append(("stamp", line.start(), line.end(), window.start if window else None))
    return found


def _offset(text: str, start: int, window: _Window) -> tuple[int, _Window]:
    """ "two days after August 15": the window moved by the offset, and the span grown to hold it."""
    offset = _OFFSET.search(text, max(0, start - 40), start)
    if offset is None or window.start is None or window.end is None:
        return start, window
    number = _count(offset["n"])
    if number is None:
        return start, window
    days = number * (7 if offset["unit"].lower().startswith("week") else 1)
    shift = timedelta(days=days if offset["dir"].lower() == "after" else -days)
    moved = _Window(window.start + shift, window.end + shift, window.precision, window.kind, window.note)
    return offset.start(), moved


def _expr(text: str, start: int, end: int, window: _Window, article_date: date | None) -> TimeExpr:
    background = False
    if article_date is not None:
        # A running tally ("since 2021") is background by where it starts; anything else by where it ends.
        edge = window.start if window.kind == "since" else window.end
        background = edge is not None and (article_date - edge).days > BACKGROUND_DAYS
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


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_before(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("few", "several"):
        return 3 if word == "few" else 7
    return load_number_words().get(word)


def _unknown(kind: str, precision: int | None) -> _Window:
    return _Window(None, None, precision, kind, NO_DATE)


# --- resolvers: one per kind of expression ----------------------------------

Resolver = Callable[[re.Match[str], date | None], _Window | None]


def _iso(m: re.Match[str], _: date | None) -> _Window | None:
    day = _safe_date(int(m[1]), int(m[2]), int(m[3]))
    return _Window(day, day, 1, "date") if day else None


def _day_month_year(m: re.Match[str], _: date | None) -> _Window | None:
    day = _safe_date(int(m["year"]), MONTHS[m["month"].rstrip(".")], int(m["day"]))
    return _Window(day, day, 1, "date") if day else None


def _day_month(m: re.Match[str], article: date | None) -> _Window | None:
    month, day_number = MONTHS[m["month"].rstrip(".")], int(m["day"])
    if article is None:
        return _unknown("date", 1) if 1 <= day_number <= 31 else None
    day = _safe_date(article.year, month, day_number)
    if day is not None and day > article:  # a day after the article date was last year's
        day = _safe_date(article.year - 1, month, day_number)
    return _Window(day, day, 1, "date") if day else None


def _day_range(m: re.Match[str], article: date | None) -> _Window | None:
    first = _day_month(m, article)
    if first is None or first.start is None:
        return first
    last = _safe_date(first.start.year, first.start.month, int(m["last"]))
    if last is None or last < first.start:
        return None
    return _Window(first.start, last, 2, "date")


def _month_year(m: re.Match[str], _: date | None) -> _Window:
    start, end = _month_part(int(m["year"]), MONTHS[m["month"].rstrip(".")], m["part"])
    return _Window(start, end, 2 if m["part"] else 3, "month")


def _month(m: re.Match[str], article: date | None) -> _Window:
    kind = "since" if m["prep"].lower() == "since" else "month"
    precision = 2 if m["part"] else 3
    if article is None:
        return _unknown(kind, precision)
    month = MONTHS[m["month"]]
    year = article.year if month <= article.month else article.year - 1
    if m["prep"].lower() == "last" and month == article.month:
        year -= 1
    start, end = _month_part(year, month, m["part"])
    if kind == "since":
        return _Window(start, article, precision, kind)
    return _Window(start, min(end, article) if start <= article else end, precision, kind)


def _month_part(year: int, month: int, part: str | None) -> tuple[date, date]:
    """A calendar month, or its first, middle or last ten days ("early May", "the end of May")."""
    start, end = _month_window(year, month)
    if not part:
        return start, end
    first, last = _MONTH_PARTS[re.sub(r"^the |-$", "", part.lower().strip())]
    return start.replace(day=first), end.replace(day=min(last, end.day))


def _year(m: re.Match[str], article: date | None) -> _Window:
    year = int(m["year"])
    if m["prep"].lower() == "since":
        end = article if article is not None else None
        return _Window(date(year, 1, 1), end, None, "since")
    return _Window(date(year, 1, 1), date(year, 12, 31), None, "year")


def _decade(m: re.Match[str], _: date | None) -> _Window:
    first = int(m["decade"])
    part = (m["part"] or "").lower()
    low, high = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
    return _Window(date(first + low, 1, 1), date(first + high, 12, 31), None, "decade")


def _weekday(m: re.Match[str], article: date | None) -> _Window:
    if article is None:
        return _unknown("weekday", 1)
    back = (article.weekday() - WEEKDAYS[m["day"]]) % 7
    modifier = (m["mod"] or "").lower()
    if modifier == "last" and back == 0:
        back = 7
    if modifier == "next":
        ahead = (WEEKDAYS[m["day"]] - article.weekday()) % 7 or 7
        day = article + timedelta(days=ahead)
        return _Window(day, day, 1, "weekday", "future")
    day = article - timedelta(days=back)
    if modifier == "since":
        return _Window(day, article, 2, "since")
    return _Window(day, day, 1, "weekday")


_DAY_OFFSETS = {
    "today": (0, 0),
    "tonight": (0, 0),
    "this morning": (0, 0),
    "this afternoon": (0, 0),
    "this evening": (0, 0),
    "earlier today": (0, 0),
    "yesterday": (1, 1),
    "last night": (1, 1),
    "overnight": (1, 0),
    "the day before yesterday": (2, 2),
}


def _relative_day(m: re.Match[str], article: date | None) -> _Window:
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    phrase = re.sub(r"^(?:yesterday|today) (?:morning|afternoon|evening)$", phrase.split()[0], phrase)
    back_start, back_end = _DAY_OFFSETS.get(phrase, (0, 0))
    if article is None:
        return _unknown("day", 1)
    return _Window(article - timedelta(days=back_start), article - timedelta(days=back_end), 1, "day")


def _week(m: re.Match[str], article: date | None) -> _Window:
    phrase = m.group(0).lower()
    if article is None:
        return _unknown("week", 2)
    monday = article - timedelta(days=article.weekday())
    if "last weekend" in phrase:
        return _Window(monday - timedelta(days=2), monday - timedelta(days=1), 2, "week")
    if "last week" in phrase:
        return _Window(monday - timedelta(days=7), monday - timedelta(days=1), 2, "week")
    if phrase.startswith("earlier this week"):  # before the day of writing, since Monday
        return _Window(monday, max(monday, article - timedelta(days=1)), 2, "week")
    if "weekend" in phrase:  # the most recent weekend, up to the article date
        saturday = article - timedelta(days=(article.weekday() - 5) % 7)
        return _Window(saturday, min(saturday + timedelta(days=1), article), 2, "week")
    return _Window(article - timedelta(days=RECENT_DAYS), article, 2, "week")


def _past(m: re.Match[str], article: date | None) -> _Window | None:
    unit = m["unit"].lower().rstrip("s")
    number = _count(m["n"]) if m["n"] else 1
    if number is None:
        return None
    if unit == "day" and m["n"] and m["n"].lower() in ("few", "several"):
        number = RECENT_DAYS + 1  # "the past few days" reads like "in recent days"
    days = {"hour": -(-number // 24), "day": number, "week": 7 * number, "month": 30 * number}[unit]
    if unit == "hour":
        days += 1  # "the past 24 hours" reaches into the day before the article date
    precision = 3 if unit == "month" else 2
    if article is None:
        return _unknown("recent", precision)
    return _Window(article - timedelta(days=days - 1), article, precision, "recent")


def _recent(m: re.Match[str], article: date | None) -> _Window:
    unit = m["unit"].lower()
    days = {"days": RECENT_DAYS + 1, "weeks": 28, "months": 90}[unit]
    precision = {"days": 2, "weeks": 2, "months": 3}[unit]
    if article is None:
        return _unknown("recent", precision)
    return _Window(article - timedelta(days=days - 1), article, precision, "recent")


def _ago(m: re.Match[str], article: date | None) -> _Window | None:
    number = _count(m["n"])
    unit = m["unit"].lower().rstrip("s")
    if number is None:
        return None
    if article is None:
        return _unknown("ago", {"day": 1, "week": 2, "month": 3, "year": None}[unit])
    if unit == "day":
        day = article - timedelta(days=number)
        return _Window(day, day, 1, "ago")
    if unit == "week":
        centre = article - timedelta(days=7 * number)
        return _Window(centre - timedelta(days=3), centre + timedelta(days=3), 2, "ago")
    if unit == "month":
        year, month = article.year, article.month
        for _ in range(number):
            year, month = _month_before(year, month)
        return _Window(*_month_window(year, month), 3, "ago")
    return _Window(date(article.year - number, 1, 1), date(article.year - number, 12, 31), None, "ago")


def _month_relative(m: re.Match[str], article: date | None) -> _Window:
    phrase = m.group(0).lower()
    if article is None:
        return _unknown("month", 3)
    if "last month" in phrase:
        return _Window(*_month_window(*_month_before(article.year, article.month)), 3, "month")
    first = article.replace(day=1)
    if phrase.startswith("earlier"):  # before the day of writing, since the first
        return _Window(first, max(first, article - timedelta(days=1)), 3, "month")
    return _Window(first, article, 3, "month")


def _year_relative(m: re.Match[str], article: date | None) -> _Window:
    phrase = m.group(0).lower()
    if article is None:
        return _unknown("year", None)
    if "last year" in phrase:
        return _Window(date(article.year - 1, 1, 1), date(article.year - 1, 12, 31), None, "year")
    return _Window(date(article.year, 1, 1), article, None, "year")


def _rule(pattern: str, resolve: Resolver, flags: int = 0) -> tuple[re.Pattern[str], Resolver]:
    return re.compile(pattern, flags), resolve


_I = re.IGNORECASE
_FULL_DATES: list[tuple[re.Pattern[str], Resolver]] = [
    _rule(r"\b(\d{4})-(\d{2})-(\d{2})\b", _iso),
    _rule(
        rf"\b{_DAY.replace('(', '(?P<day>', 1)} (?P<month>{_MONTH_ANY}),? (?P<year>(?:19|20)\d{{2}})\b",
        _day_month_year,
    ),
    _rule(
        rf"\b(?P<month>{_MONTH_ANY}) {_DAY.replace('(', '(?P<day>', 1)},? (?P<year>(?:19|20)\d{{2}})\b",
        _day_month_year,
    ),
]
_RULES: list[tuple[re.Pattern[str], Resolver]] = [
    *_FULL_DATES,
    _rule(rf"\b(?P<month>{_MONTH_ANY}) (?P<day>\d{{1,2}})\s*[-\u2013]\s*(?P<last>\d{{1,2}})\b", _day_range),
    _rule(
        rf"\b(?P<month>{_MONTH_ANY}) {_DAY.replace('(', '(?P<day>', 1)}\b(?!:|\d| ?(?:am|pm|a\.m|p\.m)\b)",
        _day_month,
    ),
    _rule(rf"\b{_DAY.replace('(', '(?P<day>', 1)} (?:of )?(?P<month>{_MONTH_ANY})(?![\w])", _day_month),
    _rule(
        rf"\b(?:(?i:(?P<part>{_PART})\s*))?(?P<month>{_MONTH_ANY}),? (?P<year>(?:19|20)\d{{2}})\b",
        _month_year,
    ),
    _rule(
        rf"\b(?P<prep>(?i:since|last|this|at|{_PREP}))"
        rf"\s+(?i:(?P<part>{_PART})\s*)?"
        rf"(?P<month>{_MONTH_FULL})\b(?!\s+\d)",
        _month,
        0,
    ),
    _rule(
        rf"\b(?P<prep>since|{_PREP})\s+(?:(?:early|mid-?|late)\s*)?(?P<year>(?:19|20)\d{{2}})\b(?![-\u2013/.]\d)",
        _year,
        _I,
    ),
    _rule(
        r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[- ])?(?P<decade>(?:19|20)\d0)['\u2019]?s\b", _decade, _I
    ),
    _rule(
        rf"\b(?:(?P<mod>(?i:on|last|this|next|early|late|since|until|by))\s+)?(?i:(?:early|late)\s+(?:on\s+)?)?"
        rf"(?P<day>{_WEEKDAY})(?:['\u2019]s)?(?:\s+(?:morning|afternoon|evening|night))?\b",
        _weekday,
    ),
    _rule(
        r"\b(?:the day before yesterday|(?:yesterday|today)(?:\s+(?:morning|afternoon|evening))?|tonight|"
        r"this (?:morning|afternoon|evening)|earlier today|last night|overnight)\b",
        _relative_day,
        _I,
    ),
    _rule(r"\b(?:earlier |later )?(?:last|this|over the|at the|the) week(?:end)?\b|\blast week\b", _week, _I),
    _rule(
        r"\b(?:(?:in|over|during|for|within)\s+)?the\s+(?:past|last|previous)\s+(?P<n>\d+|[a-z]+)?\s*(?P<unit>hours?|days?|weeks?|months?)\b",
        _past,
        _I,
    ),
    _rule(r"\b(?:(?:in|over|during)\s+)?(?:the\s+)?recent\s+(?P<unit>days|weeks|months)\b", _recent, _I),
    _rule(r"\b(?P<n>\d+|[a-z]+)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _ago, _I),
    _rule(r"\b(?:earlier |later )?(?:last|this) month\b", _month_relative, _I),
    _rule(r"\b(?:earlier |later )?(?:last|this) year\b", _year_relative, _I),
]
