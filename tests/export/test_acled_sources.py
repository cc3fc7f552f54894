"""ACLED's source and source_scale (data/acled/outlets.tsv, data/acled/generic_tlds.tsv)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from acled_helpers import acled_rows

from strife.export.acled.sources import Outlets
from strife.records import Event, Source
from strife.tables import read_table

EventFactory = Callable[..., Event]


@pytest.fixture(scope="module")
def outlets() -> Outlets:
    return Outlets.load()


def test_every_agency_strife_records_has_a_scale(outlets: Outlets) -> None:
    agencies = [row["name"] for row in read_table("agencies.tsv", ("name", "spellings"))]
    assert [name for name in agencies if outlets.of_name(name).scale is None] == []


@pytest.mark.parametrize(
    ("host", "name"),
    [
        ("www.aljazeera.com", "Al Jazeera"),
        ("edition.cnn.com", "CNN"),  # a subdomain of a known domain
        ("www.bbc.co.uk", "BBC"),
        ("m.dawn.com", "Dawn"),
        ("www.valley-courier.example", "valley-courier.example"),  # unknown: the host, without www.
    ],
)
def test_outlet_of_host(outlets: Outlets, host: str, name: str) -> None:
    assert outlets.of_host(host).name == name


@pytest.mark.parametrize(
    ("host", "scale", "country"),
    [
        ("lagos-herald.com.ng", "National", "NG"),  # a country's code names a national outlet
        ("kabul-daily.af", "National", "AF"),
        ("conflict-watch.tv", None, None),  # .tv is bought for its letters
        ("conflict-watch.com", None, None),
    ],
)
def test_scale_of_an_unknown_host(
    outlets: Outlets, host: str, scale: str | None, country: str | None
) -> None:
    outlet = outlets.of_host(host)
    assert (outlet.scale, outlet.country) == (scale, country)


def test_source_names_outlets_from_urls_and_the_agency(tmp_path: Path, event_factory: EventFactory) -> None:
    sources = (
        Source("s1", url="https://www.aljazeera.com/news/2024/1/1/clashes", originating_agency="AFP"),
        Source("s2", url="https://valley-courier.example/clashes"),
        Source("s3", url="https://aljazeera.com/other"),
    )
    row = acled_rows(tmp_path, [event_factory(sources=sources)])[0]
    assert row["source"] == "Al Jazeera; AFP; valley-courier.example"


def test_recorded_outlet_wins_over_the_url(tmp_path: Path, event_factory: EventFactory) -> None:
    sources = (Source("s1", url="https://valley-courier.example/a", outlet="Valley Courier"),)
    assert acled_rows(tmp_path, [event_factory(sources=sources)])[0]["source"] == "Valley Courier"


def test_malformed_url_names_no_outlet(tmp_path: Path, event_factory: EventFactory) -> None:
    sources = (Source("s1", url="http://[::1"),)
    assert acled_rows(tmp_path, [event_factory(sources=sources)])[0]["source"] == ""


@pytest.mark.parametrize(
    ("sources", "country", "scale"),
    [
        ((Source("s1", outlet="Reuters"),), "Afghanistan", "International"),
        ((Source("s1", url="https://www.dawn.com/news/1"),), "Pakistan", "National"),
        ((Source("s1", url="https://www.dawn.com/news/1"),), "Afghanistan", "International"),  # abroad
        ((Source("s1", url="https://www.dawn.com/n/1", originating_agency="AFP"),), "Pakistan",
         "National-International"),
        ((Source("s1", url="https://kabul-daily.af/1"),), "Afghanistan", "National"),
        ((Source("s1", url="https://conflict-watch.com/1"),), "Afghanistan", ""),  # unknown
    ],
)  # fmt: skip
def test_source_scale(
    tmp_path: Path, event_factory: EventFactory, sources: tuple[Source, ...], country: str, scale: str
) -> None:
    row = acled_rows(tmp_path, [event_factory(sources=sources, country=country, admin1=None)])[0]
    assert row["source_scale"] == scale
