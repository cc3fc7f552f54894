from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from strife.records import Article
from strife.store import MIGRATIONS, Migration, Store, StoreError, StoreVersionError, migrate
from strife.store.schema import Connection, current_version, stored_version


def _build(path: Path, steps: tuple[Migration, ...]) -> None:
    with duckdb.connect(str(path)) as con:
        migrate(con, steps)


def _add_column(con: Connection) -> None:
    con.execute("ALTER TABLE events ADD COLUMN reviewed_by VARCHAR")


NEXT = (
    *MIGRATIONS,
    Migration(
        len(MIGRATIONS) + 1, "an index for the test", "CREATE INDEX events_country ON events (country)"
    ),
    Migration(len(MIGRATIONS) + 2, "a column for the test", _add_column),
)


def test_store_built_by_the_migration_list_reopens(tmp_path: Path) -> None:
    _build(tmp_path / "s.duckdb", MIGRATIONS)
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == current_version()


def test_each_step_is_recorded_in_meta(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "s.duckdb")) as con:
        migrate(con, NEXT)
        versions = [row[0] for row in con.execute("SELECT version FROM meta ORDER BY version").fetchall()]
    assert versions == list(range(1, len(NEXT) + 1))


def test_empty_database_is_migrated_on_open(tmp_path: Path) -> None:
    duckdb.connect(str(tmp_path / "s.duckdb")).close()
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == current_version()


def test_older_store_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        store.add(Article(id="a1", text="some text"), [])
    with duckdb.connect(str(path)) as con:
        assert migrate(con, NEXT) == len(NEXT)
        assert con.execute("SELECT id, reviewed_by FROM articles JOIN events ON true").fetchall() == []
        assert con.execute("SELECT id FROM articles").fetchall() == [("a1",)]
        assert stored_version(con) == len(NEXT)


def test_newer_store_is_refused_with_the_fix(tmp_path: Path) -> None:
    _build(tmp_path / "s.duckdb", NEXT)
    with pytest.raises(StoreVersionError, match=r"s\.duckdb.*newer.*upgrade strife"):
        Store.open(tmp_path / "s.duckdb")


def test_failed_step_leaves_the_last_whole_version(tmp_path: Path) -> None:
    def half_then_fail(con: Connection) -> None:
        con.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("step failed")

    steps = (*MIGRATIONS, Migration(len(MIGRATIONS) + 1, "fails", half_then_fail))
    with duckdb.connect(str(tmp_path / "s.duckdb")) as con:
        with pytest.raises(RuntimeError, match="step failed"):
            migrate(con, steps)
        assert stored_version(con) == len(MIGRATIONS)
        tables = {
            row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    assert "half_done" not in tables


@pytest.mark.parametrize("versions", [(2,), (1, 1), (1, 3)])
def test_steps_must_be_numbered_in_order(versions: tuple[int, ...]) -> None:
    steps = [Migration(v, "step", "SELECT 1") for v in versions]
    with duckdb.connect() as con, pytest.raises(ValueError, match="in order"):
        migrate(con, steps)


def test_read_only_open_of_an_older_store_says_to_migrate(tmp_path: Path) -> None:
    duckdb.connect(str(tmp_path / "s.duckdb")).close()
    with pytest.raises(StoreError, match="without read-only"):
        Store.open(tmp_path / "s.duckdb", read_only=True)


def test_a_store_of_version_4_loses_the_unused_band_index(tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    _build(path, MIGRATIONS[:4])
    with Store.open(path) as store:
        assert store.schema_version() == current_version()
        indexes = store.cursor().execute("SELECT index_name FROM duckdb_indexes()").fetchall()
    assert ("article_bands_hash",) not in indexes and ("events_date",) in indexes
