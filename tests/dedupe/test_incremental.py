"""The issue's demonstration: a wire story, its spun copy and an independent report of one clash,
ingested in any order, in one run or across runs, give one battle with three sources."""

from datetime import date
from itertools import permutations
from pathlib import Path

import pytest
from dedupe_helpers import report

from strife.ingest import ReadOptions, read_inputs
from strife.pipeline import Resources
from strife.pipeline.storing import ingest
from strife.records import Article, Event
from strife.store import Store

REPORTS = Path(__file__).parents[2] / "examples"
# One clash, three reports: a wire story, a spun copy of it, and an independent report.
WIRE, SPUN, MONITOR = "sudan-el-obeid-wire", "sudan-el-obeid-spun-copy", "sudan-el-obeid-monitor"
NAMES = (WIRE, SPUN, MONITOR)


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def ingest_runs(tmp_path: Path, runs: list[list[str]], resources: Resources) -> Store:
    store = Store.open(tmp_path / "store.duckdb")
    for names in runs:
        paths = tuple(str(REPORTS / f"{name}.txt") for name in names)
        ingest(store, read_inputs(paths, ReadOptions()), resources)
    return store


def battles(store: Store) -> list[Event]:
    return [e for e in store.occurrences() if e.event_type == "Battles"]


def check_one_battle(store: Store) -> None:
    (battle,) = battles(store)
    assert sorted(s.article_id for s in battle.sources) == sorted(NAMES)
    chains = {s.article_id: s.chain for s in battle.sources}
    assert chains[WIRE] == chains[SPUN] != chains[MONITOR]
    assert battle.corroboration == 2
    agencies = {s.article_id: s.originating_agency for s in battle.sources}
    assert agencies[WIRE] == agencies[SPUN] == "AFP"
    assert {e.article_id for e in battle.evidence} == set(NAMES)


@pytest.mark.parametrize("order", list(permutations(NAMES)), ids="-".join)
def test_one_run_in_any_order(tmp_path: Path, resources: Resources, order: tuple[str, ...]) -> None:
    with ingest_runs(tmp_path, [list(order)], resources) as store:
        check_one_battle(store)


@pytest.mark.parametrize("order", list(permutations(NAMES)), ids="-".join)
def test_across_runs_in_any_order(tmp_path: Path, resources: Resources, order: tuple[str, ...]) -> None:
    with ingest_runs(tmp_path, [[name] for name in order], resources) as store:
        check_one_battle(store)


def test_rerunning_changes_nothing(tmp_path: Path, resources: Resources) -> None:
    with ingest_runs(tmp_path, [list(NAMES)], resources) as store:
        before = [e.to_dict() for e in store.occurrences()]
        members, decisions = store.merge_log()
        paths = tuple(str(REPORTS / f"{name}.txt") for name in NAMES)
        again = ingest(store, read_inputs(paths, ReadOptions()), resources)
        assert (again.stored, again.duplicates, again.occurrences) == (0, 3, 0)
        assert [e.to_dict() for e in store.occurrences()] == before
        assert store.merge_log() == (members, decisions)


def test_merge_log_says_why(tmp_path: Path, resources: Resources) -> None:
    with ingest_runs(tmp_path, [[WIRE], [SPUN], [MONITOR]], resources) as store:
        (battle,) = battles(store)
        members, decisions = store.merge_log(battle.event_id)
        assert set(members.values()) == set(NAMES)
        reasons = {d.event_id: d.reason for d in decisions}
        assert "copies of one story" in reasons[f"{SPUN}#1"]
        assert "same place (El Obeid)" in reasons[f"{MONITOR}#1"]


def test_a_store_from_before_merging_is_caught_up(tmp_path: Path, resources: Resources) -> None:
    with ingest_runs(tmp_path, [list(NAMES)], resources) as store:
        con = store.cursor()
        for table in ("occurrences", "event_occurrence", "merge_log", "chains", "article_bands",
                      "article_signatures"):  # fmt: skip
            con.execute(f"DELETE FROM {table}")
        con.close()
        assert battles(store) == []
        from strife.dedupe.incremental import update_occurrences

        update_occurrences(store)
        check_one_battle(store)


def _report(article: str, day: date, start: date | None = None) -> tuple[Article, list[Event]]:
    text = f"Report {article}: fighting in the town, residents said."
    return Article(article, text, date=day), [
        report(article, event_date=day, date_start=start or day, date_end=day)
    ]


def test_a_later_report_keeps_the_members_outside_its_dates(tmp_path: Path) -> None:
    # "this month" (Feb 1-20) joins both a Feb 3 and a Feb 20 report; a later Feb 3 report must not
    # drop the Feb 20 one from the merged record, though only reports near Feb 3 are compared.
    from strife.dedupe.incremental import update_occurrences

    with Store.open(tmp_path / "store.duckdb") as store:
        store.add_many(
            [_report("month", date(2024, 2, 20), date(2024, 2, 1)), _report("late", date(2024, 2, 20))]
        )
        update_occurrences(store, clean=lambda text: text)
        store.add_many([_report("early", date(2024, 2, 3))])
        update_occurrences(store, clean=lambda text: text)
        (merged,) = store.occurrences()
        assert sorted(s.article_id for s in merged.sources) == ["early", "late", "month"]
        members, _ = store.merge_log(merged.event_id)
        assert sorted(members.values()) == ["early", "late", "month"]
