"""The dashboard's map, timeline, detail panel, address and downloads in a real browser (issue 13).

Skipped where /usr/bin/chromium is absent, as test_browser.py (whose server and page helpers
these tests use).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browsing import Page, Server, needs_chromium
from web_stores import build_store, make_article, make_event

from strife.records import Claim, Evidence, Source

pytestmark = needs_chromium

STORY = (
    "Gunmen killed five villagers near Mopti on Sunday, witnesses said.\nIn other news, the market reopened."
)
CLAIM = Claim(claimant="a local official", statement="five villagers were killed", figure=5)


def dashboard_store(path: Path) -> Path:
    """Mali events over four months (one month with an absurd 20,000 deaths), one in Kabul, and
    a story carried by two outlets: one chain, its claim twice, its evidence run into the next
    paragraph, its admin1 with no span of its own."""
    articles = [
        make_article("s1", text=STORY, date=date(2024, 4, 2)),
        make_article("s2", text=STORY, date=date(2024, 4, 2), outlet="Other Daily"),
    ]
    start = STORY.index("killed")
    story = make_event(
        "story#1",
        "s1",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        event_date=date(2024, 4, 1),
        country="Mali",
        admin1="Mopti",
        location="Mopti",
        latitude=14.5,
        longitude=-4.2,
        fatalities=5,
        claims=(CLAIM, CLAIM),
        sources=(
            Source(article_id="s1", outlet="Example", chain="c1"),
            Source(article_id="s2", outlet="Other Daily", chain="c1"),
        ),
        evidence=(Evidence("event_type", "s1", STORY, start, start + len("killed")),),
    )
    events = [story]
    for n, (day, deaths, lat, lon) in enumerate(
        [
            (date(2024, 1, 10), 3, 14.4, -4.0),
            (date(2024, 2, 12), 4, 14.6, -4.4),
            (date(2024, 2, 20), 2, 14.3, -3.9),
            (date(2024, 3, 15), 20000, 14.2, -4.1),
        ],
        start=1,
    ):
        articles.append(make_article(f"m{n}", date=day))
        events.append(
            make_event(
                f"m{n}#1",
                f"m{n}",
                country="Mali",
                admin1="Mopti",
                location="Mopti",
                event_date=day,
                fatalities=deaths,
                latitude=lat,
                longitude=lon,
            )
        )
    articles.append(make_article("k1", date=date(2024, 3, 1)))
    events.append(
        make_event(
            "k1#1",
            "k1",
            event_date=date(2024, 3, 1),
            latitude=34.5,
            longitude=69.2,
            admin1="Kabul",
            location="Kabul",
            fatalities=0,
        )
    )
    return build_store(path, articles, events)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with Server(dashboard_store(tmp_path_factory.mktemp("dashboard") / "d.duckdb")) as running:
        yield running


def test_zoomed_in_map_names_admin1_areas_and_places_loaded_only_then(server: Server, open_page: Any) -> None:
    view: Page = open_page(server.url)
    bundles: list[str] = []
    view.page.on("request", lambda r: bundles.append(r.url) if "/static/maps/" in r.url else None)
    page = view.open()
    assert bundles == [] and page.locator(".place-label").count() == 0  # the world view: not loaded
    for _ in range(3):
        page.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(350)
    page.locator(".place-label").first.wait_for()
    assert page.locator(".admin1-label").count() > 0
    assert sorted(url.rsplit("/", 1)[1] for url in bundles) == [
        "natural-earth-admin1.json",
        "natural-earth-places.json",
    ]  # each fetched once
    assert view.errors == []


def test_legend_is_off_the_map_and_clusters_take_its_colours(server: Server, open_page: Any) -> None:
    view: Page = open_page(server.url)
    page = view.open()
    assert page.locator("#map .map-legend, #map .legend").count() == 0
    legend, box = page.locator("#map-legend").bounding_box(), page.locator("#map").bounding_box()
    assert legend and box and legend["y"] >= box["y"] + box["height"]  # under the map, over no marker
    # Four Mali battles and one attack: the cluster is a battles cluster, in the legend's red. One
    # evaluation in the page: the map may still redraw its clusters while it settles.
    page.wait_for_function(
        """() => {
          const disc = document.querySelector('.typed-cluster div');
          const swatch = document.querySelector('#map-legend .legend-item[data-type="Battles"] .swatch');
          return disc && swatch && disc.dataset.type === 'Battles'
            && getComputedStyle(disc).backgroundColor === getComputedStyle(swatch).backgroundColor;
        }"""
    )


AXIS = """(id) => {
  const u = document.getElementById(id).chart, axis = u.axes[1];
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  const widest = Math.max(...axis._values.map(v => ctx.measureText(String(v)).width));
  return { splits: axis._splits, values: axis._values, size: axis._size, widest, max: u.scales.y.max };
}"""


def test_timeline_counts_whole_ticks_caps_an_absurd_month_and_fits_its_labels(
    server: Server, open_page: Any
) -> None:
    view: Page = open_page(server.url)
    page = view.open()
    events = page.evaluate(AXIS, "chart-events")
    assert events["splits"] and all(float(s).is_integer() for s in events["splits"])
    note = page.locator("#timeline-cap")
    assert "20,000" in note.inner_text()
    capped = page.evaluate(AXIS, "chart-fatalities")
    assert capped["max"] < 100
    page.locator("#timeline-scale").click()
    page.wait_for_function("() => document.getElementById('chart-fatalities').chart.scales.y.max >= 20000")
    full = page.evaluate(AXIS, "chart-fatalities")
    assert "20,000" in full["values"]
    assert full["size"] >= full["widest"] + 10  # the longest label and the ticks fit: no "0,000"
    assert view.errors == []


def test_detail_panel_at_400_px_is_one_readable_column(server: Server, browser: Any) -> None:
    view = Page(browser, server.url)
    try:
        view.page.set_viewport_size({"width": 400, "height": 900})
        page = view.open("?event=story%231")
        page.locator("#detail-body tr[data-field=event_type] mark").wait_for()
        cell = page.locator("#detail-body tr[data-field=event_type] td.evidence-cell").bounding_box()
        name = page.locator("#detail-body tr[data-field=event_type] th").bounding_box()
        assert cell and name and cell["width"] > 300 and abs(cell["x"] - name["x"]) < 2
        sentence = page.locator("#detail-body tr[data-field=event_type] .sentence").inner_text()
        assert sentence.startswith("Gunmen killed") and "market" not in sentence
        assert "derived from location" in page.locator("#detail-body tr[data-field=admin1]").inner_text()
        claims = page.locator("#detail-body ul.claims li")
        assert claims.count() == 1 and "2 copies" in claims.inner_text()
        assert view.errors == []
    finally:
        view.page.close()


def test_malformed_address_values_fall_back_with_a_notice(server: Server, open_page: Any) -> None:
    view: Page = open_page(server.url)
    page = view.open("?date_from=garbage&sort=nonsense&country=Mali")
    notice = page.locator("#notice")
    assert (
        notice.is_visible()
        and "date_from=garbage" in notice.inner_text()
        and "sort=nonsense" in notice.inner_text()
    )
    assert page.locator("#error").is_hidden()
    assert page.locator("#events tbody tr").count() == 5
    assert "garbage" not in page.url and "country=Mali" in page.url
    assert view.errors == []


def test_header_count_and_downloads_follow_the_filter(server: Server, open_page: Any) -> None:
    view: Page = open_page(server.url)
    page = view.open()
    assert page.locator("#store-summary").inner_text() == "6 events from 6 articles"
    page.select_option("select[name=country]", "Afghanistan")
    page.wait_for_function("() => document.getElementById('store-summary').innerText.startsWith('1 of')")
    assert page.locator("#store-summary").inner_text() == "1 of 6 events from 6 articles match the filters"
    formats = page.locator(".downloads a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert formats == [
        f"/api/export?format={f}&country=Afghanistan"
        for f in ("csv", "acled-csv", "geojson", "parquet", "xlsx")
    ]
    answer = page.request.get(server.url + formats[-1])
    assert answer.status == 200 and answer.body()[:2] == b"PK"  # a zip: the xlsx workbook
    assert view.errors == []
