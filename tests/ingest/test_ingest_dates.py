"""Article dates: ASCII `YYYY-MM-DD` only, within strife's range, in every reader alike."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from strife.ingest import parse_html, parse_scraped, read_inputs
from strife.ingest.dates import article_date, parse_iso_date
from strife.records import Article, Rejection

TODAY = date(2026, 12, 1)
BODY = "Gunmen attacked the village of Kaya on Tuesday, killing 12 civilians, officials said."


@pytest.mark.parametrize(
    "raw",
    [
        "२०२४-०३-०९",  # Devanagari
        "٢٠٢٤-٠٣-٠٩",  # Arabic-Indic
        "\uff12\uff10\uff12\uff14-\uff10\uff13-\uff10\uff19",  # fullwidth digits
        "2024-0३-09",  # one foreign digit is enough
        "2024-03-09T1\u0660:00",  # an Arabic-Indic zero in the time
    ],
)
def test_dates_in_other_scripts_digits_do_not_parse(raw: str) -> None:
    assert parse_iso_date(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1900-01-01", date(1900, 1, 1)),
        ("2026-12-01", TODAY),
        ("2026-12-02", TODAY + timedelta(days=1)),  # tomorrow: a time zone ahead
        ("2024-03-09T23:59:59+14:00", date(2024, 3, 9)),
    ],
)
def test_dates_in_range_are_accepted(raw: str, expected: date) -> None:
    assert article_date(raw, "column 'date'", today=TODAY) == expected


@pytest.mark.parametrize("raw", ["0001-01-01", "1899-12-31", "2026-12-03", "9999-12-31", "9999-12-27"])
def test_dates_out_of_range_have_a_one_line_reason_naming_the_range(raw: str) -> None:
    reason = article_date(raw, "column 'date'", today=TODAY)
    assert isinstance(reason, str)
    assert reason.startswith("column 'date': date ") and "1900-01-01..2026-12-02" in reason
    assert len(reason.splitlines()) == 1


@pytest.mark.parametrize("raw", ["0000-01-01", "2024-02-30", "२०२४-०३-०९", "x" * 5000])
def test_unparseable_dates_have_a_short_one_line_reason(raw: str) -> None:
    reason = article_date(raw, "the date line", today=TODAY)
    assert isinstance(reason, str) and "YYYY-MM-DD" in reason
    assert len(reason.splitlines()) == 1 and len(reason) < 200


@pytest.mark.parametrize("year", ["0001", "9999", "1899"])
def test_scraped_header_out_of_range_is_rejected(year: str) -> None:
    rejection = parse_scraped(f" date {year}-12-31 {BODY}", article_id="a", origin="a.txt")
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith(f"the date line: date {year}-12-31 is outside 1900-01-01..")


def test_scraped_header_in_devanagari_digits_is_rejected_not_kept_as_text() -> None:
    rejection = parse_scraped(f"date २०२४-०३-०९ {BODY}", article_id="a", origin="a.txt")
    assert isinstance(rejection, Rejection) and "'२०२४-०३-०९'" in rejection.reason


@pytest.mark.parametrize(
    ("row", "reason_start"),
    [
        ({"id": "y9", "date": "9999-12-31", "text": BODY}, "column 'date': date 9999-12-31 is outside"),
        ({"id": "y1", "date": "0001-01-01", "text": BODY}, "column 'date': date 0001-01-01 is outside"),
        ({"id": "dv", "date": "२०२४-०३-०९", "text": BODY}, "column 'date' holds '२०२४-०३-०९'"),
        ({"id": "hd", "text": f" date 9999-01-01 {BODY}"}, "the date line opening the text: date 9999"),
    ],
)
def test_jsonl_row_with_a_date_out_of_range_is_rejected(
    tmp_path: Path, row: dict[str, str], reason_start: str
) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    (rejection,) = read_inputs([path])
    assert isinstance(rejection, Rejection) and rejection.article_id == row["id"]
    assert rejection.reason.startswith(reason_start)


def test_csv_row_with_year_9999_is_rejected_and_the_file_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f"id,date,text\na,9999-12-31,{BODY}\nb,2024-03-09,{BODY}\n", encoding="utf-8")
    items = list(read_inputs([path]))
    assert [type(item).__name__ for item in items] == ["Rejection", "Article"]


def test_html_page_dated_9999_gets_no_such_date() -> None:
    markup = (
        '<html><head><meta name="date" content="9999-12-31"><title>Kaya</title></head>'
        f"<body><article><p>{BODY * 3}</p></article></body></html>"
    )
    outcome = parse_html(markup, article_id="p", origin="p.html")
    assert isinstance(outcome, Rejection) or outcome.date is None or outcome.date.year < 9999


def test_html_page_date_in_range_is_kept() -> None:
    markup = (
        '<html><head><meta name="date" content="1999-04-05"><title>Kaya</title></head>'
        f"<body><article><p>{BODY * 3}</p></article></body></html>"
    )
    article = parse_html(markup, article_id="p", origin="p.html")
    assert isinstance(article, Article) and article.date == date(1999, 4, 5)
