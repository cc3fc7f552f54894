"""strife.store.browse, aggregates and reading: the SQL behind the web routes, run on a small store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from strife.records import Article, Event
from strife.store import EventFilter, Store, aggregates, browse, occurrences, reading
from strife.store.browse import BBox, Cursor, OccurrenceFilter, Sort
from strife.store.schema import Connection

# (id, country, fatalities, event_date, latitude, longitude)
ROWS = [
    ("e1", "Mali", 3, date(2021, 1, 1), 14.5, -4.2),
    ("e2", "Mali", None, date(2021, 1, 2), 14.6, -4.1),
    ("e3", "Niger", 3, date(2021, 1, 3), 13.5, 2.1),
    ("e4", "Niger", 9, None, None, None),
    ("e5", "Fiji", 1, date(2021, 2, 1), -17.8, 178.0),
]


@pytest.fixture
def con(
    tmp_path: Path, article_factory: Callable[..., Article], event_factory: Callable[..., Event]
) -> Iterator[Connection]:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add_many([(article_factory(f"a{i}"), []) for i in range(1, 4)])
        events = [
            event_factory(i, "a1", country=c, fatalities=f, event_date=d, latitude=lat, longitude=lon)
            for i, c, f, d, lat, lon in ROWS
        ]
        with store.transaction() as write:
            occurrences.write(write, events)
        cursor = store.cursor()
        yield cursor
        cursor.close()


def _ids(rows: list[dict[str, object]]) -> list[str]:
    return [str(row["event_id"]) for row in rows]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (OccurrenceFilter(), ["e1", "e2", "e3", "e4", "e5"]),
        (OccurrenceFilter(EventFilter(country="mali")), ["e1", "e2"]),
        (OccurrenceFilter(bbox=BBox(-5, 10, 5, 20)), ["e1", "e2", "e3"]),
        (OccurrenceFilter(bbox=BBox(170, -20, -170, 0)), ["e5"]),  # across the antimeridian
        (OccurrenceFilter(q="DISTRICT CENTRE"), ["e1", "e2", "e3", "e4", "e5"]),
        (OccurrenceFilter(q="' OR 1=1 --"), []),
    ],
)
def test_filters(con: Connection, where: OccurrenceFilter, expected: list[str]) -> None:
    assert sorted(_ids(browse.summaries(con, where, Sort("event_date"), 50))) == expected
    assert browse.count(con, where) == len(expected)


def test_empty_filter_writes_no_where() -> None:
    assert OccurrenceFilter().where() == ("", [])


@pytest.mark.parametrize("text", ["notes", "-", "event_date; DROP TABLE occurrences"])
def test_sort_takes_only_allow_listed_columns(text: str) -> None:
    with pytest.raises(ValueError, match="unknown sort"):
        Sort.parse(text)


@pytest.mark.parametrize("sort", ["fatalities", "-fatalities", "event_date", "-event_date", "country"])
def test_keyset_pages_walk_the_same_order_as_offset_pages(con: Connection, sort: str) -> None:
    order = Sort.parse(sort)
    everything = _ids(browse.summaries(con, OccurrenceFilter(), order, 50))
    walked: list[str] = []
    after: Cursor | None = None
    for page in range(1, 4):
        rows = browse.page_after(con, OccurrenceFilter(), order, 2, after)
        walked += _ids(rows)
        if rows:
            after = Cursor.parse(browse.next_cursor(order, rows, page).token(), order)
            assert after.page == page + 1
    assert walked == everything


@pytest.mark.parametrize("token", ["", "nope", "W10", "WyJ4Il0"])
def test_cursor_refuses_what_it_did_not_make(token: str) -> None:
    with pytest.raises(ValueError, match="not a cursor"):
        Cursor.parse(token, Sort("country"))


def test_cursor_of_another_sort_is_refused() -> None:
    token = Cursor(Sort("country"), "Mali", "e1", 2).token()
    with pytest.raises(ValueError, match="belongs to sort 'country'"):
        Cursor.parse(token, Sort("country", descending=True))


def test_map_points_then_clusters(con: Connection) -> None:
    points = aggregates.map_items(con, OccurrenceFilter(), 10)
    assert points["mode"] == "points" and points["total"] == 4
    clusters = aggregates.map_items(con, OccurrenceFilter(), 2)
    assert clusters["mode"] == "clusters" and len(clusters["clusters"]) <= 2
    assert sum(c["count"] for c in clusters["clusters"]) == 4


def test_timeline_and_counts(con: Connection) -> None:
    months = aggregates.timeline(con, OccurrenceFilter(), "month")
    assert [(m["period"], m["events"]) for m in months] == [("2021-01-01", 3), ("2021-02-01", 1)]
    by_country = aggregates.counts(con, OccurrenceFilter(), "country", 2)
    found = [(c["key"], c["events"], c["fatalities"]) for c in by_country]
    assert found == [("Mali", 2, 3), ("Niger", 2, 12)]
    with pytest.raises(ValueError, match="unknown count field"):
        aggregates.counts(con, OccurrenceFilter(), "notes", 2)


def test_totals_and_articles(con: Connection) -> None:
    assert browse.totals(con) == (5, 3)
    total, page = reading.article_page(con, 2, 1)
    assert total == 3 and len(page) == 2 and set(page[0]) == set(reading.ARTICLE_FIELDS)
    article = reading.article_with_text(con, "a2")
    assert article is not None and article["text"].endswith("(a2).") and article["events"] == 0
    assert reading.article_with_text(con, "nope") is None
    assert set(reading.articles_by_id(con, ["a1", "zz"])) == {"a1"}


def test_occurrence_record_by_its_id_or_a_member_id(con: Connection) -> None:
    record = reading.occurrence_record(con, "e3")
    assert record is not None and record["country"] == "Niger"
    assert reading.occurrence_record(con, "nope") is None
