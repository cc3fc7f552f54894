"""Stores to serve in the web tests (a small varied one, an empty one) and the builders of others.

Each is a real DuckDB file in tmp_path, written through the store's own functions
(articles with `Store.add_many`, merged events with `occurrences.write`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_stores import build_store, make_article, make_event

from strife.records import Article, Event
from strife.web import create_app

# (event_type, sub_event_type, country, admin1, actor1, lat, lon, fatalities)
_ROWS = (
    ("Battles", "Armed clash", "Afghanistan", "Panjshir", "Military Forces of Afghanistan", 35.3, 69.5, 7),
    ("Battles", "Armed clash", "Afghanistan", "Kabul", "Taliban", 34.5, 69.2, 2),
    ("Protests", "Peaceful protest", "Afghanistan", "Kabul", "Protesters (Afghanistan)", 34.52, 69.18, 0),
    ("Violence against civilians", "Attack", "Mali", "Mopti", "JNIM", 14.5, -4.2, 12),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Mali",
        "Gao",
        "Military Forces of Mali",
        16.3,
        -0.04,
        3,
    ),
    ("Displacement", "Forced to flee", "Mozambique", "Cabo Delgado", None, -12.97, 40.5, None),
    ("Riots", "Violent demonstration", "Bolivia", "La Paz", "Rioters (Bolivia)", -16.5, -68.15, 1),
    ("Battles", "Armed clash", "Mali", "Mopti", "JNIM", None, None, 5),
)


def sample_events() -> tuple[list[Article], list[Event]]:
    """Eight merged events over four countries and two months, each from its own article."""
    articles, events = [], []
    for n, (kind, sub, country, admin1, actor1, lat, lon, deaths) in enumerate(_ROWS, start=1):
        article_id = f"a{n}"
        articles.append(make_article(article_id, date=date(2021, 9, 1) + timedelta(days=7 * n)))
        events.append(
            make_event(
                f"{article_id}-1",
                article_id,
                event_type=kind,
                sub_event_type=sub,
                event_date=date(2021, 9, 1) + timedelta(days=6 * n),
                country=country,
                admin1=admin1,
                location=admin1,
                actor1=actor1,
                actor2="Civilians (Mali)" if country == "Mali" else None,
                latitude=lat,
                longitude=lon,
                fatalities=deaths,
                displaced_people=3000 if kind == "Displacement" else None,
                notes=f"Report number {n} from {admin1}.",
                corroboration=n % 3,
            )
        )
    return articles, events


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The eight sample events; shared by a module's tests, which only read it."""
    articles, events = sample_events()
    return build_store(tmp_path_factory.mktemp("web") / "sample.duckdb", articles, events)


@pytest.fixture
def empty_store(tmp_path: Path) -> Path:
    return build_store(tmp_path / "empty.duckdb", [], [])


Client = Callable[..., TestClient]


@pytest.fixture(name="make_article")
def make_article_fixture() -> Callable[..., Article]:
    """make_article(id, text=None, **fields) -> an Article."""
    return make_article


@pytest.fixture(name="make_event")
def make_event_fixture() -> Callable[..., Event]:
    """make_event(event_id, article_id, **fields) -> a merged Event with every scalar set."""
    return make_event


@pytest.fixture(name="build_store")
def build_store_fixture() -> Callable[..., Path]:
    """build_store(path, articles, events) -> path of a store holding them."""
    return build_store


@pytest.fixture
def serve() -> Iterator[Client]:
    """serve(path, token=None) -> a TestClient on create_app(path, token=token); all closed after the test."""
    opened: list[TestClient] = []

    def open_client(path: Path, token: str | None = None) -> TestClient:
        client = TestClient(create_app(path, token=token))
        client.__enter__()  # runs the app's lifespan: the store closes when the client does
        opened.append(client)
        return client

    yield open_client
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(sample_store: Path, serve: Client) -> TestClient:
    return serve(sample_store)


@pytest.fixture
def empty_client(empty_store: Path, serve: Client) -> TestClient:
    return serve(empty_store)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless chromium per browser test module (browsing.py)."""
    from browsing import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[[str], Any]]:
    """Opens `browsing.Page`s on a base URL; closes them after the test."""
    from browsing import Page

    pages: list[Page] = []

    def opener(base: str) -> Page:
        pages.append(Page(browser, base))
        return pages[-1]

    yield opener
    for page in pages:
        page.page.close()
