"""Time expressions resolved against the article date (CODEBOOK section 5)."""

from __future__ import annotations

from datetime import date

import pytest

from strife.extract.time import default_window, find_times

SAT = date(2022, 5, 14)  # a Saturday
WED = date(2022, 2, 9)  # a Wednesday
JAN = date(2023, 1, 10)


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("text", "article", "start", "end", "precision", "background"),
    [
        # exact dates
        ("fighting on May 3", SAT, "2022-05-03", "2022-05-03", 1, False),
        ("on 3 May 2022 rebels", SAT, "2022-05-03", "2022-05-03", 1, False),
        ("on May 3, 2022 rebels", SAT, "2022-05-03", "2022-05-03", 1, False),
        ("dated 2022-05-03 here", SAT, "2022-05-03", "2022-05-03", 1, False),
        ("on December 28", JAN, "2022-12-28", "2022-12-28", 1, False),  # a later day: the year before
        ("between December 6-16 in", WED, "2021-12-06", "2021-12-16", 2, True),
        # weekdays
        ("residents said Saturday", SAT, "2022-05-14", "2022-05-14", 1, False),
        ("on Saturday", WED, "2022-02-05", "2022-02-05", 1, False),
        ("Monday night", SAT, "2022-05-09", "2022-05-09", 1, False),
        ("on Wednesday", WED, "2022-02-09", "2022-02-09", 1, False),
        ("last Saturday", SAT, "2022-05-07", "2022-05-07", 1, False),
        ("early Tuesday", WED, "2022-02-08", "2022-02-08", 1, False),
        # days
        ("yesterday", SAT, "2022-05-13", "2022-05-13", 1, False),
        ("today", SAT, "2022-05-14", "2022-05-14", 1, False),
        ("last night", SAT, "2022-05-13", "2022-05-13", 1, False),
        ("struck overnight", SAT, "2022-05-13", "2022-05-14", 1, False),
        ("three days ago", SAT, "2022-05-11", "2022-05-11", 1, False),
        # weeks and windows
        ("last week", SAT, "2022-05-02", "2022-05-08", 2, False),
        ("last week", WED, "2022-01-31", "2022-02-06", 2, False),
        ("this week", SAT, "2022-05-08", "2022-05-14", 2, False),
        ("earlier this week", WED, "2022-02-03", "2022-02-09", 2, False),
        ("in recent days", SAT, "2022-05-08", "2022-05-14", 2, False),
        ("over the past four days", SAT, "2022-05-11", "2022-05-14", 2, False),
        ("in the past 24 hours", SAT, "2022-05-13", "2022-05-14", 2, False),
        ("over the past two weeks", SAT, "2022-05-01", "2022-05-14", 2, False),
        ("over the last three days", WED, "2022-02-07", "2022-02-09", 2, False),
        ("over the weekend", WED, "2022-02-05", "2022-02-06", 2, False),
        # months
        ("last month", SAT, "2022-04-01", "2022-04-30", 3, False),
        ("last month", JAN, "2022-12-01", "2022-12-31", 3, False),
        ("in May", SAT, "2022-05-01", "2022-05-14", 3, False),
        ("in April", SAT, "2022-04-01", "2022-04-30", 3, False),
        ("in March", SAT, "2022-03-01", "2022-03-31", 3, True),
        ("in June", SAT, "2021-06-01", "2021-06-30", 3, True),  # after the article's month: the year before
        ("earlier this month", SAT, "2022-05-01", "2022-05-14", 3, False),
        ("in August 2021", SAT, "2021-08-01", "2021-08-31", 3, True),
        # years and decades: background
        ("last year", SAT, "2021-01-01", "2021-12-31", None, True),
        ("last year", JAN, "2022-01-01", "2022-12-31", None, False),  # ended 10 days before
        ("in 2001", SAT, "2001-01-01", "2001-12-31", None, True),
        ("in the 1980s", SAT, "1980-01-01", "1989-12-31", None, True),
        ("the late 1990s", SAT, "1997-01-01", "1999-12-31", None, True),
        ("the early 2000s", SAT, "2000-01-01", "2003-12-31", None, True),
        # running tallies
        ("since 2021", SAT, "2021-01-01", "2022-05-14", None, True),
        ("since August", SAT, "2021-08-01", "2022-05-14", 3, True),
        ("since Saturday", WED, "2022-02-05", "2022-02-09", 2, False),
    ],
)
def test_expression_resolves_to_window(
    text: str, article: date, start: str, end: str, precision: int | None, background: bool
) -> None:
    (found,) = find_times(text, article)
    assert (found.date_start, found.date_end, found.precision, found.background) == (
        d(start),
        d(end),
        precision,
        background,
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("since 2021", "since"),
        ("since August", "since"),
        ("on Saturday", "weekday"),
        ("last week", "week"),
        ("in recent days", "recent"),
        ("in the 1980s", "decade"),
        ("in 2001", "year"),
        ("on May 3", "date"),
    ],
)
def test_expression_kind(text: str, kind: str) -> None:
    assert find_times(text, SAT)[0].kind == kind


@pytest.mark.parametrize(
    "text",
    ["May God protect them.", "They may leave soon.", "He said the march was peaceful.", "a four-day truce"],
)
def test_no_time_expression(text: str) -> None:
    assert find_times(text, SAT) == []


def test_span_points_into_the_text() -> None:
    text = "Rebels attacked the town on Saturday, residents said."
    (found,) = find_times(text, SAT)
    assert text[found.start : found.end] == found.text == "on Saturday"


def test_expressions_come_in_text_order_without_overlap() -> None:
    found = find_times("Clashes last week followed a raid on May 3 and strikes in the 1990s.", SAT)
    assert [t.text for t in found] == ["last week", "May 3", "the 1990s"]


@pytest.mark.parametrize(
    "text", ["on Saturday", "last week", "in recent days", "yesterday", "in May", "last year"]
)
def test_unknown_article_date_gives_no_dates(text: str) -> None:
    (found,) = find_times(text, None)
    assert (found.date_start, found.date_end, found.note) == (None, None, "article date unknown")


def test_absolute_date_resolves_without_article_date() -> None:
    (found,) = find_times("on 3 May 2022", None)
    assert found.date_start == date(2022, 5, 3)


def test_next_weekday_is_in_the_future() -> None:
    (found,) = find_times("talks next Monday", SAT)
    assert (found.date_start, found.note) == (date(2022, 5, 16), "future")


@pytest.mark.parametrize(
    ("article", "expected"),
    [(SAT, (date(2022, 5, 8), SAT, 2)), (None, (None, None, 2))],
)
def test_default_window(article: date | None, expected: tuple[date | None, date | None, int]) -> None:
    assert default_window(article) == expected
