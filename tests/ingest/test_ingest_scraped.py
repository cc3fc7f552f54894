"""The scraped-article format: ` date YYYY-MM-DD <text>`."""

from __future__ import annotations

from datetime import date

import pytest

from strife.ingest import parse_scraped
from strife.ingest.scraped import NO_DATE_LINE, parse_iso_date, split_date_header
from strife.records import Article, Rejection


@pytest.mark.parametrize(
    ("text", "expected_date", "expected_text"),
    [
        (" date 2024-03-09 Fighting broke out near Sake.", date(2024, 3, 9), "Fighting broke out near Sake."),
        (
            "date 2023-11-14\n\nA roadside bomb hit a convoy.",
            date(2023, 11, 14),
            "A roadside bomb hit a convoy.",
        ),
        ("\n  date 2022-01-31   Two people died.\n", date(2022, 1, 31), "Two people died."),
        ("date: 2021-07-04 Troops withdrew.", date(2021, 7, 4), "Troops withdrew."),
        ("date 2020-05-06T08:30:00Z Shelling resumed.", date(2020, 5, 6), "Shelling resumed."),
    ],
)
def test_date_header_gives_date_and_text_after_it(text: str, expected_date: date, expected_text: str) -> None:
    article = parse_scraped(text, article_id="a1", origin="a1.txt")
    assert isinstance(article, Article)
    assert (article.date, article.text, article.id, article.origin) == (
        expected_date,
        expected_text,
        "a1",
        "a1.txt",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Rebels took the town on Monday.",
        "date 5 people were hurt when the roof fell.",  # `date` then a number is not a header
        "Date palms burned in the village.",
    ],
)
def test_text_without_header_has_no_date_and_says_why(text: str) -> None:
    article = parse_scraped(text, article_id="a2", origin="a2.txt")
    assert isinstance(article, Article)
    assert (article.date, article.date_note, article.text) == (None, NO_DATE_LINE, text)


@pytest.mark.parametrize("raw", ["2024-13-01", "2024-02-30", "09/03/2024", "2024-3-9"])
def test_header_with_unparseable_date_is_rejected_naming_the_value(raw: str) -> None:
    rejection = parse_scraped(f" date {raw} Clashes in the north.", article_id="a3", origin="a3.txt")
    assert isinstance(rejection, Rejection)
    assert (rejection.stage, rejection.origin, rejection.article_id) == ("read", "a3.txt", "a3")
    assert raw in rejection.reason and "YYYY-MM-DD" in rejection.reason


@pytest.mark.parametrize("text", ["", "   \n\t ", " date 2024-03-09   "])
def test_no_article_text_is_rejected(text: str) -> None:
    assert isinstance(parse_scraped(text, article_id="a4", origin="a4.txt"), Rejection)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-09", date(2024, 3, 9)),
        (" 2024-03-09 ", date(2024, 3, 9)),
        ("2024-03-09 10:15", date(2024, 3, 9)),
        ("2024-03-09T10:15:00+03:00", date(2024, 3, 9)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2023-02-29", None),
        ("20240309", None),
        ("March 9, 2024", None),
        ("", None),
    ],
)
def test_parse_iso_date(value: str, expected: date | None) -> None:
    assert parse_iso_date(value) == expected


def test_split_date_header_returns_raw_token_and_rest() -> None:
    assert split_date_header("  date 2024-99-99 Body text") == ("2024-99-99", "Body text")
