"""A store holding an event dated outside the accepted range (stored by an older release) heals:
merging leaves it out and says how to remove it, the rest merges, and `strife delete` removes it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner
from dedupe_helpers import report

from strife.cli import main
from strife.dedupe.incremental import update_occurrences
from strife.records import Article
from strife.store import Store

DAY = date(9999, 12, 31)


def _store_with_bad_row(path: Path) -> Store:
    store = Store.open(path)
    late = report("y9", event_date=DAY, date_start=date(9999, 12, 27), date_end=DAY)
    store.add(Article("y9", "Gunmen attacked the village of Kaya, killing 12 civilians."), [late])
    store.add(Article("ok", "Troops and RSF fighters clashed in El Obeid on Saturday."), [report("ok")])
    return store


def test_merging_skips_and_reports_an_out_of_range_event(tmp_path: Path) -> None:
    with _store_with_bad_row(tmp_path / "s.duckdb") as store:
        result = update_occurrences(store, clean=lambda text: text)
        assert [event_id for event_id, _ in result.skipped] == ["y9#1"]
        assert "strife delete y9" in result.skipped[0][1]
        assert [e.event_id for e in store.occurrences()] == ["ok#1"]
        # the next round skips it again, without failing
        assert update_occurrences(store, clean=lambda text: text).skipped[0][0] == "y9#1"


def test_delete_removes_the_article_and_everything_derived(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with _store_with_bad_row(path) as store:
        update_occurrences(store, clean=lambda text: text)
    result = CliRunner().invoke(main, ["delete", "y9", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 articles removed" in result.output
    with Store.open(path) as store:
        assert store.article("y9") is None
        assert [e.event_id for e in store.events()] == ["ok#1"]
        assert update_occurrences(store, clean=lambda text: text).skipped == []


def test_delete_re_merges_what_the_removed_event_shared(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(Article("a", "Report A of the clash at El Obeid."), [report("a")])
        store.add(Article("b", "Report B of the clash at El Obeid."), [report("b")])
        update_occurrences(store, clean=lambda text: text)
        (merged,) = store.occurrences()
        assert {s.article_id for s in merged.sources} == {"a", "b"}
        assert store.delete_articles(["a"]) == 1
        update_occurrences(store, clean=lambda text: text)
        (left,) = store.occurrences()
        assert [s.article_id for s in left.sources] == ["b"]


def test_delete_of_an_unknown_id_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    result = CliRunner().invoke(main, ["delete", "nope", "--db", str(path)])
    assert result.exit_code == 2 and "nothing removed" in result.output
