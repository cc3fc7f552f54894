from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from strife.records import Article, Event, Rejection
from strife.store import AddResult, EventFilter, Store, StoreError
from strife.store.schema import current_version

ArticleFactory = Callable[..., Article]
EventFactory = Callable[..., Event]


@pytest.fixture
def store() -> Iterator[Store]:
    # In memory: the same engine and schema, without a file per test (tests below cover files).
    with Store.open(":memory:") as opened:
        yield opened


def test_constructor_does_no_io(tmp_path: Path) -> None:
    Store(tmp_path / "s.duckdb")
    assert not (tmp_path / "s.duckdb").exists()


def test_unopened_store_says_how_to_open(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"Store\.open"):
        Store(tmp_path / "s.duckdb").counts()


def test_context_manager_opens_and_closes(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    with store as opened:
        assert opened.schema_version() == current_version()
    with pytest.raises(StoreError):
        store.counts()


def test_new_store_is_at_current_schema_version(store: Store) -> None:
    assert store.schema_version() == current_version()


def test_events_table_has_a_column_for_every_scalar_event_field(store: Store) -> None:
    # Fails when records.Event gains a field and no migration adds its column.
    nested = {"claims", "sources", "evidence"}
    scalars = {f.name for f in dataclasses.fields(Event)} - nested
    con = store._connection()
    columns = {row[0] for row in con.execute("SELECT column_name FROM (DESCRIBE events)").fetchall()}
    assert columns == scalars | {"article_id"}


def test_full_events_round_trip(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    events = [event_factory("a1-1"), event_factory("a1-2", assoc_actor2="Civilians (Afghanistan)")]
    assert store.add(article_factory("a1"), events) is AddResult.STORED
    assert list(store.events()) == events


def test_event_without_optional_parts_round_trips(store: Store, article_factory: ArticleFactory) -> None:
    bare = Event(event_id="a1-1", event_type="Protests", sub_event_type="Peaceful protest")
    store.add(article_factory("a1"), [bare])
    assert list(store.events()) == [bare]


def test_events_survive_reopening(
    tmp_path: Path, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(article_factory("a1"), [event_factory("a1-1")])
    with Store.open(tmp_path / "s.duckdb") as store:
        assert [e.event_id for e in store.events()] == ["a1-1"]


def test_article_round_trips(store: Store, article_factory: ArticleFactory) -> None:
    article = article_factory("a1")
    store.add(article, [])
    assert store.article("a1") == article


def test_readding_the_same_article_is_a_duplicate(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    store.add(article_factory("a1"), [event_factory("a1-1")])
    before = store.counts()
    assert store.add(article_factory("a1"), [event_factory("a1-1")]) is AddResult.DUPLICATE
    assert store.counts() == before


def test_same_text_under_another_id_is_a_duplicate(store: Store, article_factory: ArticleFactory) -> None:
    store.add(article_factory("a1", text="Shelling hit the town.\n"), [])
    assert store.add(article_factory("b7", text="  shelling  HIT the town. "), []) is AddResult.DUPLICATE
    assert store.counts()["articles"] == 1


def test_id_taken_by_another_text_is_a_conflict(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    store.add(article_factory("a1", text="first text"), [event_factory("a1-1")])
    before = store.counts()
    result = store.add(article_factory("a1", text="second text"), [event_factory("a1-2")])
    assert result is AddResult.ID_CONFLICT
    assert store.counts() == before


def test_event_id_stored_for_another_article_raises(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    store.add(article_factory("a1"), [event_factory("a1-1")])
    before = store.counts()
    with pytest.raises(ValueError, match=r"a1-1 \(stored for article a1, given for a2\)"):
        store.add(article_factory("a2"), [event_factory("a2-1"), event_factory("a1-1")])
    assert store.counts() == before


def test_event_id_repeated_within_one_article_raises(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    with pytest.raises(ValueError, match="repeated"):
        store.add(article_factory("a1"), [event_factory("a1-1"), event_factory("a1-1")])
    assert store.counts()["articles"] == 0


def test_has_article_by_hash(store: Store, article_factory: ArticleFactory) -> None:
    article = article_factory("a1")
    assert not store.has_article(article.hash)
    store.add(article, [])
    assert store.has_article(article.hash)


def test_counts_every_table(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    store.add(article_factory("a1"), [event_factory("a1-1"), event_factory("a1-2")])
    store.add_rejection(Rejection(origin="in.txt", stage="read", reason="empty"))
    assert store.counts() == {
        "articles": 1,
        "events": 2,
        "claims": 4,
        "evidence": 4,
        "sources": 2,
        "rejections": 1,
    }


def test_rejections_round_trip(store: Store) -> None:
    rejection = Rejection(origin="in.txt:3", stage="decode", reason="not UTF-8", article_id="a3")
    store.add_rejection(rejection)
    assert list(store.rejections()) == [rejection]


def test_rejection_is_stored_once(store: Store) -> None:
    rejection = Rejection(origin="in.txt", stage="read", reason="empty file")
    store.add_rejection(rejection)
    store.add_rejection(rejection)
    assert store.counts()["rejections"] == 1


def test_rejections_differing_in_reason_are_both_stored(store: Store) -> None:
    store.add_rejection(Rejection(origin="in.txt", stage="read", reason="empty file"))
    store.add_rejection(Rejection(origin="in.txt", stage="read", reason="no date line"))
    assert store.counts()["rejections"] == 2


def test_events_sorted_by_date_then_id(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    store.add(
        article_factory("a1"),
        [
            event_factory("e3", event_date=date(2021, 9, 1)),
            event_factory("e2", event_date=date(2021, 9, 2)),
            event_factory("e1", event_date=date(2021, 9, 2)),
        ],
    )
    assert [e.event_id for e in store.events()] == ["e3", "e1", "e2"]


@pytest.fixture
def filled(store: Store, article_factory: ArticleFactory, event_factory: EventFactory) -> Store:
    store.add(
        article_factory("a1"),
        [
            event_factory("kabul", admin1="Kabul", event_date=date(2021, 8, 20)),
            event_factory(
                "herat",
                admin1="Herat",
                event_type="Protests",
                actor1="Protesters (Afghanistan)",
                actor2=None,
                assoc_actor1="Women (Afghanistan)",
                event_date=date(2021, 9, 1),
            ),
            event_factory("baghdad", country="Iraq", admin1="Baghdad", event_date=date(2021, 9, 10)),
        ],
    )
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), ["kabul", "herat", "baghdad"]),
        (EventFilter(country="afghanistan"), ["kabul", "herat"]),
        (EventFilter(country="Afghan"), []),
        (EventFilter(admin1="HERAT"), ["herat"]),
        (EventFilter(event_type="protests"), ["herat"]),
        (EventFilter(date_from=date(2021, 9, 1)), ["herat", "baghdad"]),
        (EventFilter(date_to=date(2021, 9, 1)), ["kabul", "herat"]),
        (EventFilter(date_from=date(2021, 9, 2), date_to=date(2021, 9, 9)), []),
        (EventFilter(actor="resistance"), ["kabul", "baghdad"]),
        (EventFilter(actor="WOMEN"), ["herat"]),
        (EventFilter(actor="police forces"), ["kabul", "baghdad"]),
        (EventFilter(country="Afghanistan", actor="protesters"), ["herat"]),
    ],
)
def test_event_filters(filled: Store, filters: EventFilter, expected: list[str]) -> None:
    assert [e.event_id for e in filled.events(filters)] == expected


def test_events_are_rebuilt_across_batches(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    # More events than one read batch (1000): children must follow their own event.
    events = [event_factory(f"e{i:05d}", fatalities=i) for i in range(1100)]
    store.add(article_factory("a1"), events)
    assert list(store.events()) == events


def test_read_only_store_reads(
    tmp_path: Path, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(article_factory("a1"), [event_factory("a1-1")])
    with Store.open(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.counts()["events"] == 1


def test_unopenable_path_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "s.duckdb"
    with pytest.raises(StoreError, match="cannot open the store"):
        Store.open(missing)


def test_store_file_is_plain_duckdb(tmp_path: Path, article_factory: ArticleFactory) -> None:
    # Analysts can query the store with any DuckDB client.
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(article_factory("a1"), [])
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as con:
        assert con.execute("SELECT id FROM articles").fetchall() == [("a1",)]


def test_add_many_returns_a_result_per_article_in_order(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    store.add(article_factory("a0", text="already stored"), [])
    results = store.add_many(
        [
            (article_factory("a1", text="one"), [event_factory("a1-1")]),
            (article_factory("a2", text="already stored"), []),
            (article_factory("a1", text="another text, same id"), []),
            (article_factory("a3", text="ONE"), []),
            (article_factory("a4", text="four"), [event_factory("a4-1")]),
        ]
    )
    assert results == [
        AddResult.STORED,
        AddResult.DUPLICATE,
        AddResult.ID_CONFLICT,
        AddResult.DUPLICATE,
        AddResult.STORED,
    ]
    assert [e.event_id for e in store.events()] == ["a1-1", "a4-1"]


def test_add_many_stores_none_of_a_batch_with_a_taken_event_id(
    store: Store, article_factory: ArticleFactory, event_factory: EventFactory
) -> None:
    store.add(article_factory("a1"), [event_factory("a1-1")])
    before = store.counts()
    with pytest.raises(ValueError, match="already stored"):
        store.add_many(
            [
                (article_factory("a2"), [event_factory("a2-1")]),
                (article_factory("a3"), [event_factory("a1-1")]),
            ]
        )
    assert store.counts() == before


def test_add_many_of_nothing_stores_nothing(store: Store) -> None:
    assert store.add_many([]) == []


def test_add_many_names_the_stored_article_each_duplicate_repeats(
    store: Store, article_factory: ArticleFactory
) -> None:
    store.add(article_factory("a0", text="Troops shelled the town overnight."), [])
    results = store.add_many(
        [
            (article_factory("b1", text="Troops shelled the town overnight."), []),  # copies a stored one
            (article_factory("b2", text="Protesters marched to the ministry."), []),
            (article_factory("b3", text="Protesters marched to the ministry."), []),  # copies b2, same batch
        ]
    )
    assert results == [AddResult.DUPLICATE, AddResult.STORED, AddResult.DUPLICATE]
    assert results.duplicate_of == {0: "a0", 2: "b2"}
