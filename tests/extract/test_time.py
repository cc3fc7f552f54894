"""Time expressions resolved against the article date (CODEBOOK section 5)."""

from __future__ import annotations

from datetime import date

import pytest

from strife.extract.time import default_window, find_times, occurrence_offset, reference_date

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
        ("the raid on June 9 of 1994 was", SAT, "1994-06-09", "1994-06-09", 1, True),
        ("on the 9th of June 1994", SAT, "1994-06-09", "1994-06-09", 1, True),
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
        ("struck overnight Monday", SAT, "2022-05-09", "2022-05-09", 1, False),  # Monday's, not last night
        ("three days ago", SAT, "2022-05-11", "2022-05-11", 1, False),
        # weeks and windows
        ("last week", SAT, "2022-05-02", "2022-05-08", 2, False),
        ("last week", WED, "2022-01-31", "2022-02-06", 2, False),
        ("this week", SAT, "2022-05-08", "2022-05-14", 2, False),
        ("earlier this week", WED, "2022-02-07", "2022-02-08", 2, False),  # Monday .. the day before
        ("earlier this week", date(2022, 2, 7), "2022-02-07", "2022-02-07", 2, False),  # written on a Monday
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
        ("earlier this month", SAT, "2022-05-01", "2022-05-13", 3, False),
        ("this month", SAT, "2022-05-01", "2022-05-14", 3, False),
        # parts of a month: ten days each
        ("in early April", SAT, "2022-04-01", "2022-04-10", 2, True),  # ended 34 days before
        ("in mid-April", SAT, "2022-04-11", "2022-04-20", 2, False),
        ("in late April", SAT, "2022-04-21", "2022-04-30", 2, False),
        ("at the end of February", SAT, "2022-02-21", "2022-02-28", 2, True),
        ("at the beginning of May", SAT, "2022-05-01", "2022-05-10", 2, False),
        ("in early May", SAT, "2022-05-01", "2022-05-10", 2, False),
        ("in late May", SAT, "2022-05-21", "2022-05-31", 2, False),  # still to come
        ("since early April", SAT, "2022-04-01", "2022-05-14", 2, True),
        ("in late December 2021", SAT, "2021-12-21", "2021-12-31", 2, True),
        # offsets from a time
        ("three days after May 3", SAT, "2022-05-06", "2022-05-06", 1, False),
        ("a week before Tuesday's raid", SAT, "2022-05-03", "2022-05-03", 1, False),
        ("two weeks after 1 March 2022", SAT, "2022-03-15", "2022-03-15", 1, True),
        ("in August 2021", SAT, "2021-08-01", "2021-08-31", 3, True),
        # years and decades: precision 3 with the whole year's (decade's) window, background
        ("last year", SAT, "2021-01-01", "2021-12-31", 3, True),
        ("last year", JAN, "2022-01-01", "2022-12-31", 3, False),  # ended 10 days before
        ("in 2001", SAT, "2001-01-01", "2001-12-31", 3, True),
        ("in the 1980s", SAT, "1980-01-01", "1989-12-31", 3, True),
        ("the late 1990s", SAT, "1997-01-01", "1999-12-31", 3, True),
        ("the early 2000s", SAT, "2000-01-01", "2003-12-31", 3, True),
        ("founded in the mid-1990s", SAT, "1994-01-01", "1996-12-31", 3, True),
        ("two years ago", SAT, "2020-01-01", "2020-12-31", 3, True),
        ("in 2022", SAT, "2022-01-01", "2022-05-14", 3, False),  # the article's year ends on its date
        ("the 2020s", SAT, "2020-01-01", "2022-05-14", 3, False),
        # running tallies
        ("since 2021", SAT, "2021-01-01", "2022-05-14", 3, True),
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


def test_offset_from_an_occurrence_is_not_a_time() -> None:
    assert find_times("The attack came a week after one on a market.", SAT) == []


def test_offset_is_part_of_the_span() -> None:
    (found,) = find_times("They died three days after May 3.", SAT)
    assert found.text == "three days after May 3"


@pytest.mark.parametrize(
    "text",
    [
        "CAIRO, May 13 (Reuters) - Gunmen attacked a checkpoint.",
        "Beirut, Lebanon, May 13, 2022 -- Gunmen attacked a checkpoint.",
        "KANO, May 13 (AP): Gunmen attacked a checkpoint.",
    ],
)
def test_dateline_dates_no_event(text: str) -> None:
    assert find_times(text, SAT) == []


def test_relative_day_counts_from_the_dateline() -> None:
    text = "GOMA, May 12 (AFP) - Rebels shelled the town on Thursday and again yesterday."
    found = find_times(text, SAT)  # printed two days after it was filed
    assert [(t.text, t.date_end) for t in found] == [
        ("on Thursday", date(2022, 5, 12)),
        ("yesterday", date(2022, 5, 11)),
    ]


def test_dateline_after_the_article_date_is_not_a_reference() -> None:
    text = "GOMA, May 20 (AFP) - Rebels shelled the town yesterday."
    assert [t.date_end for t in find_times(text, SAT)] == [date(2022, 5, 13)]


def test_sentence_opening_with_a_weekday_is_not_a_dateline() -> None:
    found = find_times("On Monday, May 9 (local time) rebels shelled the town.", SAT)
    assert [t.text for t in found] == ["On Monday", "May 9"]


@pytest.mark.parametrize(
    "stamp", ["Saturday, 14 May 2022", "Updated May 14, 2022", "Published on 2022-05-14 10:42 GMT"]
)
def test_page_stamp_dates_no_event(stamp: str) -> None:
    found = find_times(f"Troops clash in the north\n{stamp}\nTroops and rebels clashed on Friday.", SAT)
    assert [t.text for t in found] == ["on Friday"]


def test_date_in_a_sentence_is_not_a_stamp() -> None:
    assert [t.text for t in find_times("Rebels attacked on 3 May 2022.", SAT)] == ["3 May 2022"]


@pytest.mark.parametrize(
    ("text", "article", "expected"),
    [
        ("GOMA, May 12 (AFP) - Rebels shelled the town.", SAT, date(2022, 5, 12)),
        ("Rebels shelled the town.", SAT, SAT),
        ("Updated May 12, 2022\nRebels shelled the town.", None, date(2022, 5, 12)),
        ("Updated May 12, 2022\nRebels shelled the town.", SAT, SAT),  # the article date comes first
        ("Rebels shelled the town.", None, None),
    ],
)
def test_reference_date(text: str, article: date | None, expected: date | None) -> None:
    assert reference_date(text, article) == expected


def test_anchor_overrides_the_article_date() -> None:
    (found,) = find_times("Rebels shelled the town yesterday.", SAT, anchor=date(2022, 5, 12))
    assert (found.date_end, found.background) == (date(2022, 5, 11), False)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("The movement was born in the mid-1990s in the hills.", True),
        ("Its fighters held the valley through the 2000s.", True),
        ("Floods displaced 4,000 families in 2009.", False),  # a short report dates its occurrence by year
        ("Troops shelled the camp on Saturday.", False),  # a relative day: no date to judge it by
        ("Troops shelled the camp on 4 June 2009.", False),  # a full date: no year to judge it by
    ],
)
def test_without_any_date_a_decade_is_background(text: str, background: bool) -> None:
    (found,) = find_times(text, None)
    assert found.background is background


def test_without_article_date_the_dateline_judges_background() -> None:
    text = "KANO, June 5, 2019 (Reuters) - The militia, formed in 2011, grew in 2019 as it spread south."
    assert [(t.text, t.background) for t in find_times(text, None)] == [("in 2011", True), ("in 2019", False)]


@pytest.mark.parametrize(
    "text",
    [
        "Mombasa, May 13\nPolice arrested two men on Friday.",
        "posted 2022-05-14 Mombasa, May 13\nPolice arrested two men on Friday.",
        "Posted 2022-05-14 08:31:02 Police arrested two men on Friday.",
        "Officers guard the port in Mombasa county, May 14, 2022.\nPolice arrested two men on Friday.",
    ],
)
def test_datelines_timestamps_and_captions_date_no_event(text: str) -> None:
    assert [t.text for t in find_times(text, SAT)] == ["on Friday"]


def test_a_capitalised_today_after_a_name_is_an_outlet() -> None:
    assert [t.text for t in find_times("Read more on Harbour Today. Rebels attacked on Friday.", SAT)] == [
        "on Friday"
    ]


@pytest.mark.parametrize(
    ("before", "days"),
    [
        ("Police detained him on Friday, a day after deadly ", -1),
        ("The army withdrew on Monday, two weeks before the ", 14),
        ("Police detained him on Friday after ", None),
    ],
)
def test_offset_from_an_occurrence(before: str, days: int | None) -> None:
    assert occurrence_offset(before) == days
