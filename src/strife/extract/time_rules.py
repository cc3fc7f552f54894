"""The time expressions `find_times` knows (CODEBOOK section 5): one pattern and one resolver each.

A resolver turns a match into a window (start .. end, precision, kind) against the
date relative words count from; `RULES` lists them, most specific first.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from strife.extract.quantities import load_number_words

RECENT_DAYS = 6  # "in recent days", "this week", and the default window: article date minus 6
# A year or a decade has no finer code than the month's: ACLED's precision 3 is "a month or longer"
YEAR_PRECISION = 3
NO_DATE = "article date unknown"

MONTHS = {
    name: number
    for number, full in enumerate(calendar.month_name)
    if number
    for name in {full, full[:3], "Sept" if number == 9 else full[:3]}
}
WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}

_MONTH_FULL = "|".join(calendar.month_name[1:])
MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_PATTERN = "|".join(calendar.day_name)
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


@dataclass(frozen=True)
class Window:
    start: date | None
    end: date | None
    precision: int | None
    kind: str
    note: str | None = None


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_before(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("few", "several"):
        return 3 if word == "few" else 7
    return load_number_words().get(word)


def _unknown(kind: str, precision: int | None) -> Window:
    return Window(None, None, precision, kind, NO_DATE)


# --- resolvers: one per kind of expression ----------------------------------

Resolver = Callable[[re.Match[str], date | None], Window | None]


def _iso(m: re.Match[str], _: date | None) -> Window | None:
    day = safe_date(int(m[1]), int(m[2]), int(m[3]))
    return Window(day, day, 1, "date") if day else None


def _day_month_year(m: re.Match[str], _: date | None) -> Window | None:
    day = safe_date(int(m["year"]), MONTHS[m["month"].rstrip(".")], int(m["day"]))
    return Window(day, day, 1, "date") if day else None


def day_month(m: re.Match[str], article: date | None) -> Window | None:
    month, day_number = MONTHS[m["month"].rstrip(".")], int(m["day"])
    if article is None:
        return _unknown("date", 1) if 1 <= day_number <= 31 else None
    day = safe_date(article.year, month, day_number)
    if day is not None and day > article:  # a day after the article date was last year's
        day = safe_date(article.year - 1, month, day_number)
    return Window(day, day, 1, "date") if day else None


def _day_range(m: re.Match[str], article: date | None) -> Window | None:
    first = day_month(m, article)
    if first is None or first.start is None:
        return first
    last = safe_date(first.start.year, first.start.month, int(m["last"]))
    if last is None or last < first.start:
        return None
    return Window(first.start, last, 2, "date")


def _month_year(m: re.Match[str], _: date | None) -> Window:
    start, end = _month_part(int(m["year"]), MONTHS[m["month"].rstrip(".")], m["part"])
    return Window(start, end, 2 if m["part"] else 3, "month")


def _month(m: re.Match[str], article: date | None) -> Window:
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
        return Window(start, article, precision, kind)
    return Window(start, min(end, article) if start <= article else end, precision, kind)


def _month_part(year: int, month: int, part: str | None) -> tuple[date, date]:
    """A calendar month, or its first, middle or last ten days ("early May", "the end of May")."""
    start, end = _month_window(year, month)
    if not part:
        return start, end
    first, last = _MONTH_PARTS[re.sub(r"^the |-$", "", part.lower().strip())]
    return start.replace(day=first), end.replace(day=min(last, end.day))


def _year(m: re.Match[str], article: date | None) -> Window:
    year = int(m["year"])
    if m["prep"].lower() == "since":
        end = article if article is not None else None
        return Window(date(year, 1, 1), end, YEAR_PRECISION, "since")
    return Window(date(year, 1, 1), _until(date(year, 12, 31), article), YEAR_PRECISION, "year")


def _until(end: date, article: date | None) -> date:
    """A window that holds the article date ends on it: "in 2024" written in May 2024 is not in December."""
    return article if article is not None and article.year == end.year and article < end else end


def _decade(m: re.Match[str], article: date | None) -> Window:
    first = int(m["decade"])
    part = (m["part"] or "").lower()
    low, high = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
    start, end = date(first + low, 1, 1), date(first + high, 12, 31)
    if article is not None and start <= article < end:
        end = article
    return Window(start, end, YEAR_PRECISION, "decade")


def _weekday(m: re.Match[str], article: date | None) -> Window:
    if article is None:
        return _unknown("weekday", 1)
    back = (article.weekday() - WEEKDAYS[m["day"]]) % 7
    modifier = (m["mod"] or "").lower()
    if modifier == "last" and back == 0:
        back = 7
    if modifier == "next":
        ahead = (WEEKDAYS[m["day"]] - article.weekday()) % 7 or 7
        day = article + timedelta(days=ahead)
        return Window(day, day, 1, "weekday", "future")
    day = article - timedelta(days=back)
    if modifier == "since":
        return Window(day, article, 2, "since")
    return Window(day, day, 1, "weekday")


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


def _relative_day(m: re.Match[str], article: date | None) -> Window | None:
    if m[0][0].isupper() and re.search(r"[A-Z][\w.&'\u2019-]*[ \t]+$", m.string[: m.start()]):
        return None  # "Pakistan Today", "USA Today": a name, not the day
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    phrase = re.sub(r"^(?:yesterday|today) (?:morning|afternoon|evening)$", phrase.split()[0], phrase)
    back_start, back_end = _DAY_OFFSETS.get(phrase, (0, 0))
    if article is None:
        return _unknown("day", 1)
    return Window(article - timedelta(days=back_start), article - timedelta(days=back_end), 1, "day")


def _week(m: re.Match[str], article: date | None) -> Window:
    phrase = m.group(0).lower()
    if article is None:
        return _unknown("week", 2)
    monday = article - timedelta(days=article.weekday())
    if "last weekend" in phrase:
        return Window(monday - timedelta(days=2), monday - timedelta(days=1), 2, "week")
    if "last week" in phrase:
        return Window(monday - timedelta(days=7), monday - timedelta(days=1), 2, "week")
    if phrase.startswith("earlier this week"):  # before the day of writing, since Monday
        return Window(monday, max(monday, article - timedelta(days=1)), 2, "week")
    if "weekend" in phrase:  # the most recent weekend, up to the article date
        saturday = article - timedelta(days=(article.weekday() - 5) % 7)
        return Window(saturday, min(saturday + timedelta(days=1), article), 2, "week")
    return Window(article - timedelta(days=RECENT_DAYS), article, 2, "week")


def _past(m: re.Match[str], article: date | None) -> Window | None:
    unit = m["unit"].lower().rstrip("s")
    number = count(m["n"]) if m["n"] else 1
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
    return Window(article - timedelta(days=days - 1), article, precision, "recent")


def _recent(m: re.Match[str], article: date | None) -> Window:
    unit = m["unit"].lower()
    days = {"days": RECENT_DAYS + 1, "weeks": 28, "months": 90}[unit]
    precision = {"days": 2, "weeks": 2, "months": 3}[unit]
    if article is None:
        return _unknown("recent", precision)
    return Window(article - timedelta(days=days - 1), article, precision, "recent")


def _ago(m: re.Match[str], article: date | None) -> Window | None:
    number = count(m["n"])
    unit = m["unit"].lower().rstrip("s")
    if number is None:
        return None
    if article is None:
        return _unknown("ago", {"day": 1, "week": 2, "month": 3, "year": YEAR_PRECISION}[unit])
    if unit == "day":
        day = article - timedelta(days=number)
        return Window(day, day, 1, "ago")
    if unit == "week":
        centre = article - timedelta(days=7 * number)
        return Window(centre - timedelta(days=3), centre + timedelta(days=3), 2, "ago")
    if unit == "month":
        year, month = article.year, article.month
        for _ in range(number):
            year, month = _month_before(year, month)
        return Window(*_month_window(year, month), 3, "ago")
    year = article.year - number
    return Window(date(year, 1, 1), date(year, 12, 31), YEAR_PRECISION, "ago")


def _month_relative(m: re.Match[str], article: date | None) -> Window:
    phrase = m.group(0).lower()
    if article is None:
        return _unknown("month", 3)
    if "last month" in phrase:
        return Window(*_month_window(*_month_before(article.year, article.month)), 3, "month")
    first = article.replace(day=1)
    if phrase.startswith("earlier"):  # before the day of writing, since the first
        return Window(first, max(first, article - timedelta(days=1)), 3, "month")
    return Window(first, article, 3, "month")


def _year_relative(m: re.Match[str], article: date | None) -> Window:
    phrase = m.group(0).lower()
    if article is None:
        return _unknown("year", YEAR_PRECISION)
    if "last year" in phrase:
        return Window(date(article.year - 1, 1, 1), date(article.year - 1, 12, 31), YEAR_PRECISION, "year")
    return Window(date(article.year, 1, 1), article, YEAR_PRECISION, "year")


def _rule(pattern: str, resolve: Resolver, flags: int = 0) -> tuple[re.Pattern[str], Resolver]:
    return re.compile(pattern, flags), resolve


_I = re.IGNORECASE
FULL_DATES: list[tuple[re.Pattern[str], Resolver]] = [
    _rule(r"\b(\d{4})-(\d{2})-(\d{2})\b", _iso),
    _rule(
        rf"\b{_DAY.replace('(', '(?P<day>', 1)} (?:of )?(?P<month>{MONTH_RE}),? (?P<year>(?:19|20)\d{{2}})\b",
        _day_month_year,
    ),
    _rule(  # "May 4, 2024", "March 16 of 1968"
        rf"\b(?P<month>{MONTH_RE}) {_DAY.replace('(', '(?P<day>', 1)},? (?:of )?(?P<year>(?:19|20)\d{{2}})\b",
        _day_month_year,
    ),
]
RULES: list[tuple[re.Pattern[str], Resolver]] = [
    *FULL_DATES,
    _rule(rf"\b(?P<month>{MONTH_RE}) (?P<day>\d{{1,2}})\s*[-\u2013]\s*(?P<last>\d{{1,2}})\b", _day_range),
    _rule(
        rf"\b(?P<month>{MONTH_RE}) {_DAY.replace('(', '(?P<day>', 1)}\b(?!:|\d| ?(?:am|pm|a\.m|p\.m)\b)",
        day_month,
    ),
    _rule(rf"\b{_DAY.replace('(', '(?P<day>', 1)} (?:of )?(?P<month>{MONTH_RE})(?![\w])", day_month),
    _rule(
        rf"\b(?:(?i:(?P<part>{_PART})\s*))?(?P<month>{MONTH_RE}),? (?P<year>(?:19|20)\d{{2}})\b",
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
        rf"(?P<day>{WEEKDAY_PATTERN})(?:['\u2019]s)?(?:\s+(?:morning|afternoon|evening|night))?\b",
        _weekday,
    ),
    _rule(
        r"\b(?:the day before yesterday|(?:yesterday|today)(?:\s+(?:morning|afternoon|evening))?|tonight|"
        r"this (?:morning|afternoon|evening)|earlier today|last night|"
        # "overnight Thursday and Friday" is dated by its weekdays, not as last night
        rf"overnight(?!\s+(?:(?i:on|from|between)\s+)?(?:{WEEKDAY_PATTERN})))\b",
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
