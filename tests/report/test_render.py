"""HTML and Markdown briefs: the sections and numbers, inert hostile text, an empty period."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from report_helpers import event, expected_summary

import strife
from strife.records import Event, Evidence, Source
from strife.report import Brief

SECTIONS = ("headline", "map", "trend", "areas-actors", "notable", "contested", "methods")


@pytest.fixture(scope="module")
def sudan(example_store: Path) -> Brief:
    with strife.open_store(example_store, read_only=True) as store:
        return store.report(country="Sudan", since=date(2024, 2, 1), until=date(2024, 2, 29))


def test_html_brief_has_every_section_charts_and_the_headline(sudan: Brief, example_store: Path) -> None:
    page = sudan.render("html").decode()
    assert all(re.search(f'<section id="{name}"[ >]', page) for name in SECTIONS)
    assert len(re.findall(r'<img class="chart [a-z]+" alt="[^"]+" src="data:image/png;base64,', page)) == 2
    assert expected_summary(example_store, "Sudan", date(2024, 2, 1), date(2024, 2, 29)) in page
    assert "North Kordofan" in page and "Military Forces of Sudan" in page
    assert "Not reviewed" in page and "strife events --country" in page


def test_markdown_brief_writes_its_charts_beside_it(sudan: Brief, tmp_path: Path) -> None:
    written = sudan.write(tmp_path / "sudan.md")
    assert [p.name for p in written] == ["sudan.md", "sudan-map.png", "sudan-trend.png"]
    text = written[0].read_text(encoding="utf-8")
    assert "![map of the period's located events](sudan-map.png)" in text
    assert f"| **Events** | {sudan.current.events} | {sudan.previous.events} |" in text
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in written[1:])


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_text_stays_text(made_store: Callable[[Sequence[Event]], Path]) -> None:
    bad = event(
        "bad",
        date(2024, 3, 5),
        location=HOSTILE,
        actor1=f"[click](javascript:alert(1)) {HOSTILE}",
        sources=(Source(article_id="bad", url="javascript:alert(1)", outlet=HOSTILE),),
        evidence=(Evidence("fatalities", "bad", f"Gunmen killed three {HOSTILE} people.", 0, 10),),
    )
    path = made_store([event("old", date(2024, 1, 2)), bad])
    with strife.open_store(path, read_only=True) as store:
        brief = store.report(country="Sudan", since=date(2024, 3, 1), until=date(2024, 3, 31))
    page = brief.render("html").decode()
    assert "<script>" not in page and "<img src=x" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;" in page
    text = brief.render("md").decode()
    assert "<script>" not in text and "<img" not in text
    assert not re.search(r"(?<!\\)\]\(javascript:", text) and "\\[click\\](javascript:" in text


def test_a_period_without_events_says_so_and_draws_nothing(example_store: Path) -> None:
    with strife.open_store(example_store, read_only=True) as store:
        brief = store.report(country="Sudan", since=date(2025, 3, 3), until=date(2025, 3, 9))
    page = brief.render("html").decode()
    assert brief.empty and "No events in this period" in page and "strife holds no events in Sudan" in page
    assert "<img" not in page and 'id="map"' not in page and 'id="methods"' in page
    text = brief.render("md").decode()
    assert "## No events in this period" in text and "![" not in text
