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


STORY = (
    "Fighters of the Rapid Support Forces attacked army positions on the edge of the city at dawn, "
    "residents said. The fighting lasted several hours and shells fell on two markets and a school, "
    "a doctor at the main hospital told reporters. Thousands of families fled towards the villages "
    "south of the city, carrying what they could. The army said it had repelled the assault and "
    "inflicted heavy losses on the attackers, a claim that could not be verified independently."
)
UNDATED = {"event_date": None, "date_start": None, "date_end": None, "time_precision": None}


def _merge(store: Store, *reports: tuple[Article, list[Event]]) -> None:
    from strife.dedupe.incremental import update_occurrences

    store.add_many(list(reports))
    update_occurrences(store, clean=lambda text: text)


def test_an_undated_copy_borrows_the_date_of_its_chain(tmp_path: Path) -> None:
    # The copy's record is coded elsewhere (Nyala) and has no date: the chain lends one, and the
    # record of the copy alone carries it, noted as derived.
    day = date(2024, 2, 10)
    wire = (Article("wire", "EL OBEID - " + STORY, date=day), [report("wire", event_date=day)])
    far = {"location": "Nyala", "admin1": "South Darfur", "latitude": 12.05, "longitude": 24.88}
    copy = (Article("copy", "Sudan: " + STORY), [report("copy", event_type="Riots", **far, **UNDATED)])
    with Store.open(tmp_path / "store.duckdb") as store:
        _merge(store, wire, copy)
        lone = next(e for e in store.occurrences() if e.event_type == "Riots")
        assert (lone.date_start, lone.date_end, lone.time_precision) == (date(2024, 2, 4), day, 2)
        assert lone.notes and "lent by copy wire" in lone.notes


def test_undated_reports_of_one_town_stay_apart_without_other_evidence(tmp_path: Path) -> None:
    dated = (
        Article("dated", "A clash in the town, residents said.", date=date(2024, 2, 10)),
        [report("dated")],
    )
    undated = (
        Article("undated", "Another clash in the town, officials said."),
        [report("undated", **UNDATED)],
    )
    again = (Article("again", "A third clash in the town was reported."), [report("again", **UNDATED)])
    with Store.open(tmp_path / "store.duckdb") as store:
        _merge(store, dated, undated, again)
        assert len(list(store.occurrences())) == 3


def test_an_uncertain_pair_is_logged_and_left_apart(tmp_path: Path) -> None:
    from strife.store import occurrences

    province = {"location": "North Kordofan", "geo_precision": 3, "actor1": None, "actor2": None}
    first = (Article("first", "Four killed, officials said.", date=date(2024, 2, 10)),
             [report("first", fatalities=4, **province)])  # fmt: skip
    second = (Article("second", "Twenty-one killed, officials said.", date=date(2024, 2, 10)),
              [report("second", fatalities=21, **province)])  # fmt: skip
    with Store.open(tmp_path / "store.duckdb") as store:
        _merge(store, first, second)
        assert len(list(store.occurrences())) == 2
        con = store.cursor()
        (doubt,) = occurrences.uncertain(con)
        con.close()
        assert (doubt.occurrence_id, doubt.event_id) == ("first#1", "second#1")
        assert doubt.reason.startswith("uncertain, not merged: score")
