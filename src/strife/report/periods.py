"""The periods a brief compares: the one asked for, the one before it or the same one a year
earlier, and the weeks its trend charts cover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

COMPARISONS: tuple[str, ...] = ("previous", "same-last-year")
# The trend charts show at least this many days ending with the period (about three months), so
# that a weekly brief shows its week against the weeks before it.
TREND_DAYS = 91


@dataclass(frozen=True)
class Period:
    """Days `start` to `end`, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(
                f"the period ends ({self.end}) before it starts ({self.start}); swap --from and --to"
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    def compared(self, how: str) -> Period:
        """The period to compare with: `previous` (as many days, just before) or `same-last-year`."""
        if how == "previous":
            return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))
        if how == "same-last-year":
            return Period(_year_before(self.start), _year_before(self.end))
        raise ValueError(f"unknown comparison {how!r}; choose one of {', '.join(COMPARISONS)}")

    def trend(self) -> Period:
        """The weeks the trend charts cover: from the Monday of the week holding the earlier of the
        period's start and TREND_DAYS before its end, to its end (the timeline's weeks start Monday)."""
        first = min(self.start, self.end - timedelta(days=TREND_DAYS - 1))
        return Period(first - timedelta(days=first.weekday()), self.end)


def _year_before(day: date) -> date:
    # 29 February has no day a year earlier: the 28th stands in for it.
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)
