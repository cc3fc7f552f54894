"""Property tests of the date parser: any text is an accepted date in range or a one-line reason."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from strife.ingest.dates import article_date, parse_iso_date
from strife.records import date_in_range

FUZZ = settings(max_examples=300, deadline=None, database=None)
TODAY = date(2026, 12, 1)
# Text that looks like a date often enough to reach every branch: digits of any script,
# separators, a time part, and random characters.
DATEISH = st.text(
    alphabet=st.one_of(
        st.sampled_from("0123456789-T:+Z. "),
        st.characters(categories=["Nd"]),
        st.characters(),
    ),
    max_size=40,
)


@FUZZ
@given(st.one_of(DATEISH, st.text()))
def test_any_text_is_a_date_in_range_or_a_one_line_reason(raw: str) -> None:
    outcome = article_date(raw, "column 'date'", today=TODAY)
    if isinstance(outcome, date):
        assert date_in_range(outcome, TODAY)
    else:
        assert len(outcome.splitlines()) == 1 and len(outcome) < 300


@FUZZ
@given(DATEISH)
def test_a_parsed_date_was_written_in_ascii_digits(raw: str) -> None:
    if parse_iso_date(raw) is not None:
        assert re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw.strip(), re.ASCII)


@FUZZ
@given(st.dates())
def test_every_iso_day_is_accepted_exactly_when_in_range(day: date) -> None:
    outcome = article_date(f"{day.year:04d}-{day.month:02d}-{day.day:02d}", "the date line", today=TODAY)
    if date_in_range(day, TODAY):
        assert outcome == day
    else:
        assert isinstance(outcome, str) and "outside 1900-01-01..2026-12-02" in outcome
