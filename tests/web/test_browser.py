"""The dashboard in a real headless browser (Debian's chromium driven by playwright).

Each test serves a real store with `strife.web.create_app` under uvicorn on a free
loopback port, loads the page and reads what a person would see. Skipped where
/usr/bin/chromium is absent (CI installs it with apt).

The main test saves a screenshot of the page; STRIFE_UPDATE_SCREENSHOT=1 copies it to
docs/dashboard.png (see docs/web.md).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browsing import Server, needs_chromium
from click.testing import CliRunner

from strife.cli import main as cli
from strife.records import Article, Claim, Event, Evidence, Source
from strife.store import Store, occurrences

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "dashboard.png"
pytestmark = needs_chromium


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples, ingested by the command line as a user would."""
    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(ROOT / "examples"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:
        merged = store.cursor().execute("SELECT count(*) FROM occurrences").fetchone()
    assert merged and merged[0] > 0, (
        "strife ingest stored no merged events (occurrences): the page shows those"
    )
    return db


@pytest.fixture(scope="module")
def examples_server(examples_store: Path) -> Iterator[Server]:
    with Server(examples_store) as server:
        yield server


def test_dashboard_shows_filters_and_explains_an_event(
    examples_server: Server, open_page: Any, tmp_path: Path
) -> None:
    view = open_page(examples_server.url)
    page = view.open()
    markers = page.locator(".marker-cluster, path.event-marker, .server-cluster")
    assert markers.count() > 0
    everything = view.table_types()
    assert "Battles" in everything and set(everything) != {"Battles"}

    page.select_option("select[name=event_type]", "Battles")
    page.wait_for_url("**event_type=Battles**")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#events tbody tr td:nth-child(2)')]"
        ".every(td => td.innerText.trim() === 'Battles')"
    )
    battles = view.table_types()
    assert 0 < len(battles) < len(everything)
    link = page.locator("#download-csv").get_attribute("href")
    assert link == "/api/export?format=csv&event_type=Battles"
    rows = list(csv.reader(io.StringIO(page.request.get(examples_server.url + link).text())))
    assert len(rows) == len(battles) + 1  # a header and the battles

    page.locator("#events tbody tr").first.locator("button.open").click()
    page.wait_for_url("**event=**")
    event_id = page.locator("#events tbody tr").first.get_attribute("data-event-id")
    assert event_id
    record = page.request.get(f"{examples_server.url}/api/events/{quote(event_id, safe='')}").json()
    spans = [
        e["sentence"][e["highlight_start"] : e["highlight_end"]]
        for e in record["evidence"]
        if e["field"] == "event_type"
    ]
    marked = page.locator("#detail-body tr[data-field=event_type] mark")
    marked.first.wait_for()
    assert spans and marked.first.inner_text() == spans[0]
    sentence = page.locator("#detail-body tr[data-field=event_type] .sentence").first.inner_text()
    assert sentence == next(e["sentence"] for e in record["evidence"] if e["field"] == "event_type")

    shot = save_screenshot(page, tmp_path / "dashboard.png")
    assert shot.stat().st_size < 400_000

    page.go_back()  # closes the event; the filter stays
    page.locator("#detail").wait_for(state="hidden")
    assert page.url.endswith("?event_type=Battles")
    assert view.errors == []


def save_screenshot(page: Any, path: Path) -> Path:
    """A full-page screenshot; copied into docs/ only when asked, so test runs leave the tree clean."""
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("STRIFE_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(path, SCREENSHOT)
    return path


def test_filter_in_the_url_is_applied_on_load(examples_server: Server, open_page: Any) -> None:
    view = open_page(examples_server.url)
    page = view.open("?event_type=Battles")
    assert page.locator("select[name=event_type]").input_value() == "Battles"
    types = view.table_types()
    assert types and set(types) == {"Battles"}
    assert view.errors == []


def test_a_column_heading_sorts_the_table_on_the_server(examples_server: Server, open_page: Any) -> None:
    view = open_page(examples_server.url)
    page = view.open()
    page.locator("button.sort[data-sort=fatalities]").click()
    page.wait_for_url("**sort=-fatalities**")
    page.wait_for_selector("th[aria-sort=descending] button[data-sort=fatalities]")
    cells = page.locator("#events tbody tr td:nth-child(9)").all_inner_texts()
    figures = [int(c.split()[0].replace(",", "")) for c in cells if c.split()[0] != "\N{EN DASH}"]
    assert figures and figures == sorted(figures, reverse=True)


# --- a hostile article -----------------------------------------------------------------

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
JS_URL = "javascript:window.__pwned=1"


def hostile_store(path: Path) -> Path:
    """An article and its merged event carrying markup and a javascript: URL in every text field."""
    # The emoji is one code point in Python's offsets but two UTF-16 units in JavaScript's.
    text = f"Gunmen attacked the village. {SCRIPT} \N{FIRE} {IMG} Residents said seven people were killed."
    sentence = text[text.index(SCRIPT) :]
    article = Article(
        id="evil", text=text, date=date(2024, 5, 2), url=JS_URL, title=IMG, outlet=SCRIPT, origin="evil.txt"
    )
    event = Event(
        event_id="evil#1",
        event_type="Battles",
        sub_event_type=IMG,
        event_date=date(2024, 5, 1),
        actor1=SCRIPT,
        actor2=IMG,
        country="Mali",
        admin1=SCRIPT,
        location=IMG,
        latitude=14.5,
        longitude=-4.2,
        geo_precision=1,
        fatalities=7,
        reported_by=SCRIPT,
        claims=(Claim(claimant=IMG, statement=SCRIPT, figure=7),),
        sources=(Source(article_id="evil", url=JS_URL, outlet=SCRIPT, originating_agency=IMG),),
        evidence=(
            Evidence("event_type", "evil", sentence, text.index(SCRIPT), text.index(SCRIPT) + len(SCRIPT)),
            Evidence(IMG, "evil", sentence, text.index(IMG), text.index(IMG) + len(IMG)),
        ),
        notes=f"{SCRIPT} {IMG}",
        confidence=0.7,
    )
    with Store.open(path) as store:
        store.add_many([(article, [])])
        cursor = store.cursor()
        try:
            occurrences.write(cursor, [event])
        finally:
            cursor.close()
    return path


def test_a_hostile_article_renders_as_inert_text(tmp_path: Path, open_page: Any) -> None:
    with Server(hostile_store(tmp_path / "hostile.duckdb")) as server:
        view = open_page(server.url)
        page = view.open("?event=evil%231")
        body = page.locator("#detail-body")
        body.locator("tr[data-field=event_type] mark").wait_for()
        page.locator("path.event-marker").first.hover()  # the map tooltip shows data too
        page.wait_for_timeout(200)

        assert page.evaluate("() => window.__pwned") is None
        scripts = page.evaluate("() => [...document.scripts].map(s => s.getAttribute('src'))")
        assert all(src and src.startswith("/static/") for src in scripts)
        assert page.locator("img").count() == 0
        assert page.locator("[onerror]").count() == 0
        assert page.locator('a[href^="javascript:"]').count() == 0

        text = body.inner_text()
        for literal in (SCRIPT, IMG, JS_URL):
            assert literal in text
        assert page.locator("#detail-body mark").all_inner_texts() == [SCRIPT, IMG]
        assert page.locator("#detail-body .sources .inert-url").inner_text() == JS_URL
        assert SCRIPT in page.locator("#events tbody").inner_text()
        assert view.errors == []


def test_an_empty_store_says_how_to_fill_it(tmp_path: Path, open_page: Any) -> None:
    db = tmp_path / "empty.duckdb"
    Store.open(db).close()
    with Server(db) as server:
        page = open_page(server.url).page
        page.goto(server.url)
        empty = page.locator("#empty")
        empty.wait_for()
        assert "strife ingest" in empty.inner_text()
        assert page.locator("#dashboard").is_hidden()


def test_api_docs_render_offline_under_the_strict_policy(examples_server: Server, open_page: Any) -> None:
    view = open_page(examples_server.url)
    requested: list[str] = []
    view.page.on("request", lambda r: requested.append(r.url))
    view.page.goto(f"{examples_server.url}/docs")
    view.page.wait_for_selector(".opblock-summary-path")
    paths = view.page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/events" in paths and "/api/events/{event_id}" in paths
    assert all(url.startswith(examples_server.url) for url in requested), requested
    assert view.errors == []
