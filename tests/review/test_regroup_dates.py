"""A group a reviewer pinned is combined as the merger combines one: an undated copy of a dated
story takes the date its source chain lends it, noted as derived (CODEBOOK section 9)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from review_stores import report

from strife.dedupe.decide import lent_window
from strife.dedupe.incremental import update_occurrences
from strife.records import Article, Event
from strife.review import Review, reapply
from strife.store import Store

# Our own wire story, long enough for the copy to share its source chain.
STORY = (
    "Soldiers fought a column of armed men on the road east of the town for most of the morning, "
    "a local official said. Residents of the outlying districts stayed indoors as the shooting went "
    "on, and the market did not open. The army said its troops had pushed the attackers back and "
    "seized motorbikes and weapons, which could not be confirmed. Aid groups said dozens of families "
    "had left the area in the past week alone."
)
WIRE_DAY = date(2024, 3, 5)
UNDATED = {"event_date": None, "date_start": None, "date_end": None, "time_precision": None}


def _merge(store: Store, reports: list[tuple[Article, list[Event]]]) -> None:
    store.add_many(reports)
    update_occurrences(store, clean=lambda text: text)
    reapply(store)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A dated wire story and its undated copy, merged into one occurrence by the real merger."""
    with Store.open(tmp_path / "regroup.duckdb") as opened:
        _merge(
            opened,
            [
                (Article("wire", "KAYA - " + STORY, date=WIRE_DAY), [report("wire")]),
                (Article("copy", "Burkina Faso: " + STORY), [report("copy", **UNDATED)]),
            ],
        )
        yield opened


def occurrences(store: Store) -> dict[str, Event]:
    return {e.event_id: e for e in store.occurrences()}


def test_the_merger_made_one_occurrence_of_the_copies(store: Store) -> None:
    assert [sorted(s.article_id for s in e.sources) for e in occurrences(store).values()] == [
        ["copy", "wire"]
    ]


def test_a_copy_split_off_alone_keeps_the_date_its_chain_lends(store: Store) -> None:
    (joined,) = occurrences(store)
    Review(store).split(joined, ["copy-1"], reviewer="amina", reason="two clashes")
    alone = occurrences(store)["copy-1"]
    start, end = lent_window(WIRE_DAY)
    assert (alone.event_date, alone.date_start, alone.date_end, alone.time_precision) == (end, start, end, 2)
    assert alone.notes is not None and "dates lent by copy wire" in alone.notes


def test_a_merge_of_the_lone_copy_with_an_undated_report_keeps_the_lent_date(store: Store) -> None:
    (joined,) = occurrences(store)
    review = Review(store)
    review.split(joined, ["copy-1"], reviewer="amina")
    far = {"location": "Ouagadougou", "admin1": "Centre", "latitude": 12.37, "longitude": -1.52}
    _merge(
        store, [(Article("other", "Shooting was heard in the capital."), [report("other", **UNDATED, **far)])]
    )
    assert occurrences(store)["other-1"].event_date is None  # no copy lends it a date
    review.merge("copy-1", "other-1", reviewer="amina", reason="one clash")
    merged = occurrences(store)["copy-1"]
    start, end = lent_window(WIRE_DAY)
    assert (merged.date_start, merged.date_end, merged.time_precision) == (start, end, 2)
    assert sorted(s.article_id for s in merged.sources) == ["copy", "other"]
