"""Issue 17 in a real browser: the comparison bar, the actor page, the place page, the admin-1
layer and the brief link, over the store of test_browser_dashboard.py (Mali, January to April
2024, and one event in Kabul; every event between the same two actors)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import Page, Server, needs_chromium
from test_browser_dashboard import dashboard_store

pytestmark = needs_chromium


@pytest.fixture
def view(browser: Any, server: Server) -> Iterator[Page]:
    page = Page(browser, server.url)
    yield page
    page.page.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with Server(dashboard_store(tmp_path_factory.mktemp("profiles") / "p.duckdb")) as running:
        yield running


def test_comparison_bar_sets_the_period_against_the_one_before(view: Page, server: Server) -> None:
    page = view.open("?country=Mali&date_from=2024-03-01&date_to=2024-04-30")
    bar = page.locator("#compare")
    bar.wait_for()
    assert "2024-03-01 to 2024-04-30 against the 61 days before" in bar.inner_text()
    # Mali: 03-15 and 04-01 in the period; 01-10, 02-12 and 02-20 in the 61 days before.
    events = bar.locator("[data-measure=events]")
    assert events.locator("strong").inner_text() == "2"
    assert events.locator(".delta.down").inner_text() == "\N{MINUS SIGN}1 (\N{MINUS SIGN}33%)"
    assert bar.locator("[data-measure=fatalities] .delta.up").count() == 1
    brief = bar.locator("#download-brief").get_attribute("href")
    assert brief == "/api/report?country=Mali&from=2024-03-01&to=2024-04-30&compare=previous&format=pdf"
    html = page.request.get(server.url + brief.replace("format=pdf", "format=html"))
    assert html.status == 200 and "Mali" in html.text()
    assert view.errors == []


def test_actor_page_from_the_detail_panel(view: Page) -> None:
    page = view.open("?event=story%231")
    page.locator("#detail-body tr[data-field=actor2] button.profile-link").click()
    page.wait_for_url("**profile=actor**")
    panel = page.locator("#profile")
    panel.locator(".profile-name").wait_for()
    assert panel.locator(".profile-name").inner_text() == "National Resistance Front"
    assert panel.locator(".first-seen").inner_text() == "2024-01-10"
    assert panel.locator(".last-seen").inner_text() == "2024-04-01"
    assert panel.locator(".profile-chart .uplot").count() == 1
    counterpart = panel.locator('button.profile-link[data-profile="actor:Military Forces of Afghanistan"]')
    assert counterpart.count() == 1
    assert "Mopti, Mali" in panel.inner_text() and "Kabul, Afghanistan" in panel.inner_text()
    assert view.errors == []


def test_place_page_lists_actors_and_its_fatalities_trend(view: Page) -> None:
    page = view.open("?profile=actor%3ANational%20Resistance%20Front")
    panel = page.locator("#profile")
    panel.locator('button.profile-link[data-profile="place:Mali|Mopti"]').click()
    page.wait_for_function(
        "() => document.querySelector('#profile .profile-name')?.innerText === 'Mopti, Mali'"
    )
    assert panel.locator(".profile-kind").inner_text().lower() == "admin 1 area"
    assert "5 events · 20,014 fatalities" in panel.locator(".profile-summary").inner_text()
    chart = page.evaluate("() => document.querySelector('#profile .profile-chart').chart.data[2]")
    assert chart == [3, 6, 20000, 5]  # fatalities by month, January to April
    assert (
        panel.locator('button.profile-link[data-profile="actor:Military Forces of Afghanistan"]').count() == 1
    )
    page.go_back()
    page.wait_for_function(
        "() => document.querySelector('#profile .profile-name')?.innerText === 'National Resistance Front'"
    )
    assert view.errors == []


def test_admin1_choropleth_fills_each_admin1_area_and_opens_its_page(view: Page) -> None:
    page = view.open()
    page.locator("#admin1-layer").check()
    areas = page.locator("path.admin1-area")
    areas.first.wait_for()
    # Mopti (found by name) and Kabul (Natural Earth spells it "Kaboul": found where its event is),
    # both filled as Natural Earth draws them (a choropleth), no fallback circle.
    assert page.locator("path.admin1-shape").count() == 2 and areas.count() == 2
    areas.first.dispatch_event("click")
    page.wait_for_url("**profile=place**")
    assert page.locator("#profile .profile-name").inner_text() in ("Mopti, Mali", "Kabul, Afghanistan")
    assert view.errors == []
