"""The date a page prints at its top stands in for the date field it lost."""

from __future__ import annotations

from datetime import date

import pytest

from strife.ingest.byline import printed_date
from strife.ingest.scraped import NO_DATE_LINE, parse_scraped
from strife.records import Article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting kills 27\n\n2011-04-11 20:37\n\nLIBREVILLE - Weekend fighting", date(2011, 4, 11)),
        (
            "Flurry of attacks\n\nStaff reporter\n2016.03.31\nPattani\nTwo civilians were killed.",
            date(2016, 3, 31),
        ),
        ("Militants arrested\n\nApril 15, 2010\n\nISLAMABAD: Security forces", date(2010, 4, 15)),
        ("Rebels name a leader\n\nLast updated: 10 Sep 2014 15:36\nEmail Article", date(2014, 9, 10)),
        ("Headline\nThursday 31 March 2016\nText", date(2016, 3, 31)),
        ("Headline\nMonday, April 11, 2011 at 3:45 p.m. EDT\nText", date(2011, 4, 11)),
    ],
)
def test_a_line_printing_a_date_alone_near_the_top_dates_the_page(text: str, expected: date) -> None:
    found = printed_date(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "On February 3, 2010, a convoy was attacked near Dir.",  # an event's date, inside a sentence
        "Headline\nApril 11\nText",  # no year
        "Headline\n2024-02-30\nText",  # no such day
        "Headline\n2999-01-01\nText",  # outside strife's range
        "\n".join(["Line"] * 9 + ["2011-04-11"]),  # too far down: in the story, not under its headline
    ],
)
def test_no_printed_date(text: str) -> None:
    assert printed_date(text) is None


def test_a_scraped_page_without_a_date_line_takes_its_printed_date_and_says_so() -> None:
    article = parse_scraped(
        "Militants arrested\n\nApril 15, 2010\n\nSecurity forces arrested 150.",
        article_id="a",
        origin="a.txt",
    )
    assert isinstance(article, Article) and article.date == date(2010, 4, 15)
    assert article.date_note == f"{NO_DATE_LINE}; date read from the text's line 'April 15, 2010'"
    undated = parse_scraped("Security forces arrested 150 people.", article_id="b", origin="b.txt")
    assert isinstance(undated, Article) and undated.date is None and undated.date_note == NO_DATE_LINE
