"""The comparison periods and the trend window of a brief."""

from __future__ import annotations

from datetime import date

import pytest

from strife.report import Period


@pytest.mark.parametrize(
    ("start", "end", "how", "expected"),
    [
        (date(2024, 3, 4), date(2024, 3, 10), "previous", (date(2024, 2, 26), date(2024, 3, 3))),
        (date(2024, 3, 1), date(2024, 3, 31), "previous", (date(2024, 1, 30), date(2024, 2, 29))),
        (date(2024, 3, 4), date(2024, 3, 10), "same-last-year", (date(2023, 3, 4), date(2023, 3, 10))),
        (date(2024, 2, 29), date(2024, 2, 29), "same-last-year", (date(2023, 2, 28), date(2023, 2, 28))),
    ],
)
def test_comparison_period(start: date, end: date, how: str, expected: tuple[date, date]) -> None:
    compared = Period(start, end).compared(how)
    assert (compared.start, compared.end) == expected
    if how == "previous":
        assert compared.days == Period(start, end).days


def test_trend_covers_three_months_from_a_monday() -> None:
    week = Period(date(2024, 3, 6), date(2024, 3, 12))
    trend = week.trend()
    assert trend.end == week.end and trend.start.weekday() == 0 and 91 <= trend.days < 98
    year = Period(date(2023, 1, 1), date(2023, 12, 31))
    assert year.trend().start == date(2022, 12, 26)  # the Monday of the period's first week


def test_bad_periods_say_what_to_do() -> None:
    with pytest.raises(ValueError, match="swap --from and --to"):
        Period(date(2024, 3, 10), date(2024, 3, 4))
    with pytest.raises(ValueError, match="choose one of previous, same-last-year"):
        Period(date(2024, 3, 4), date(2024, 3, 10)).compared("last-week")
