"""The store queries merging reads: evidence sentences, the latest records of a place, chain mates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from strife.records import Article, Event
from strife.store import Store, chains, occurrences

UNDATED = {"event_date": None, "date_start": None, "date_end": None}


@pytest.fixture
def store(
    tmp_path: Path, article_factory: Callable[..., Article], event_factory: Callable[..., Event]
) -> Store:
    make_article, make_event = article_factory, event_factory
    store = Store.open(tmp_path / "store.duckdb")
    copy = replace(make_article("b2", "Undated copy of the valley story."), date=None)
    store.add_many(
        [
            (make_article("a1"), [make_event("a1-1", "a1")]),
            (make_article("a2", "Another report."), [make_event("a2-1", "a2", admin1="Kabul")]),
            (copy, [make_event("b2-1", "b2", **UNDATED)]),
        ]
    )
    con = store.cursor()
    with store.transaction(con):
        occurrences.assign(con, {"a1-1": "a1-1", "a2-1": "a2-1", "b2-1": "b2-1"})
        sig = np.zeros(192, dtype=np.uint32)
        chains.save(con, [("a1", "a1", None, None), ("a2", "a2", None, None), ("b2", "a1", 0.5, None)],
                    [("a1", sig, []), ("a2", sig, []), ("b2", sig, [])])  # fmt: skip
    con.close()
    return store


def test_evidence_sentences_put_the_type_sentence_first(store: Store) -> None:
    with store:
        con = store.cursor()
        assert occurrences.evidence_sentences(con, ["a1-1"]) == {"a1-1": ["Fighting raged.", "Seven died."]}
        assert occurrences.article_sentences(con, "a1") == ["Fighting raged.", "Seven died."]


def test_the_latest_records_of_a_place(store: Store) -> None:
    with store:
        con = store.cursor()
        kinds, place = [("Battles", "Afghanistan")], [("Afghanistan", "admin1", "Panjshir")]
        assert [m.event.event_id for m in occurrences.members_recent(con, kinds, place, 10)] == [
            "a1-1",
            "b2-1",
        ]
        assert [m.event.event_id for m in occurrences.members_recent(con, kinds, place, 1)] == ["b2-1"]
        undated = occurrences.members_recent(con, kinds, place, 10, undated_only=True)
        assert [m.event.event_id for m in undated] == ["b2-1"]
        country = [("Afghanistan", "admin1", None)]
        assert len(occurrences.members_recent(con, kinds, country, 10)) == 3


def test_chain_mates_and_the_date_they_lend(store: Store, article_factory: Callable[..., Article]) -> None:
    with store:
        con = store.cursor()
        assert {m.event.event_id for m in occurrences.members_of_chains(con, ["b2"])} == {"a1-1", "b2-1"}
        assert chains.dated_copies(con, ["a1", "b2"]) == {"b2": ("a1", article_factory("a1").date)}
        assert set(chains.signatures_of(con, ["a1", "zz"])) == {"a1"}
