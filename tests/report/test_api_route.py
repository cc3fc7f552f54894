"""GET /api/report: the dashboard's download of the same brief."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from report_helpers import expected_summary

from strife.web import create_app


@pytest.fixture(scope="module")
def client(example_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(example_store)) as client:
        yield client


QUERY = "/api/report?country=Sudan&from=2024-02-01&to=2024-02-29"


def test_html_brief_is_a_download_with_the_same_numbers(client: TestClient, example_store: Path) -> None:
    answer = client.get(QUERY)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/html")
    assert 'filename="strife-brief-sudan-2024-02-01-2024-02-29.html"' in answer.headers["content-disposition"]
    assert expected_summary(example_store, "Sudan", date(2024, 2, 1), date(2024, 2, 29)) in answer.text


def test_markdown_brief_has_its_charts_inline(client: TestClient) -> None:
    answer = client.get(QUERY + "&format=md&admin1=North%20Kordofan")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/markdown")
    assert "# North Kordofan, Sudan" in answer.text and "](data:image/png;base64," in answer.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("/api/report?country=Sudan&from=2024-02-29&to=2024-02-01", "before it starts"),
        ("/api/report?country=Sudan&from=2024-02-30&to=2024-03-01", "is not a date"),
        ("/api/report?country=Sudan&from=2024-02-01", "to"),
        (QUERY + "&format=docx", "format"),
        (QUERY + "&compare=last-week", "compare"),
    ],
)
def test_bad_requests_are_422(client: TestClient, query: str, message: str) -> None:
    answer = client.get(query)
    assert answer.status_code == 422 and message in answer.text
