"""The command line on a store another process holds, or cannot use: reads go on beside a
reader, and everything else is one line saying what to do, never a traceback.

The holders are real processes with real DuckDB connections: `strife serve` holds its store
read-only (read-write with --token), a running `strife ingest` holds it read-write.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner, Result

import strife
from strife.cli import main

HOLD = (
    "import duckdb, sys, time; con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); "
    "print('ready', flush=True); time.sleep(60)"
)
READS = [["events"], ["events", "--format", "jsonl"], ["export", "--format", "csv"], ["merges"]]


@contextmanager
def held(db: Path, mode: str) -> Iterator[int]:
    """A child process holding `db` open ('ro' like `strife serve`, 'rw' like an ingest); its pid."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), mode], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else line
        yield child.pid
    finally:
        child.kill()
        child.wait(timeout=10)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with strife.open_store(path) as store:
        store.store.add(strife.article("Gunmen attacked a village.", "2024-03-09", id="a1"), [])
    return path


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("date 2024-03-09 Gunmen killed five villagers in Kiziba.\n", encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def one_line_error(result: Result, *needles: str, code: int = 1) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == code, result.output
    assert len(lines) == 1 and lines[0].startswith("strife: error: "), result.stderr
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("command", READS, ids=" ".join)
def test_reading_commands_work_while_a_reader_holds_the_store(db: Path, command: list[str]) -> None:
    with held(db, "ro"):
        result = run(*command, "--db", str(db))
    assert result.exit_code == 0, result.output
    # An empty store's answer may carry its one-line note ("0 events: ..."), never an error.
    assert result.stderr in ("", "0 events: no stored events match these filters\n"), result.stderr


def test_two_readers_and_a_server_read_at_once(db: Path) -> None:
    with held(db, "ro"), held(db, "ro"), strife.open_store(db, read_only=True) as store:
        assert store.store.counts()["articles"] == 1


@pytest.mark.parametrize("holder", ["ro", "rw"])
def test_ingest_into_a_held_store_is_one_line(db: Path, article_file: Path, holder: str) -> None:
    with held(db, holder) as pid:
        result = run("ingest", str(article_file), "--db", str(db))
    one_line_error(result, str(db), f"process {pid}", "POST /api/articles")


@pytest.mark.parametrize("holder", ["ro", "rw"])
def test_delete_from_a_held_store_is_one_line(db: Path, holder: str) -> None:
    with held(db, holder) as pid:
        result = run("delete", "a1", "--db", str(db))
    one_line_error(result, str(db), f"process {pid}", "stop it")


@pytest.mark.parametrize("command", READS, ids=" ".join)
def test_reading_a_store_being_written_is_one_line(db: Path, command: list[str]) -> None:
    with held(db, "rw") as pid:
        result = run(*command, "--db", str(db))
    one_line_error(result, str(db), f"process {pid}", "being written")


@pytest.mark.parametrize(("holder", "token"), [("rw", []), ("ro", ["--token", "s3cret"])])
def test_serve_on_a_held_store_is_one_line(db: Path, holder: str, token: list[str]) -> None:
    with held(db, holder) as pid:
        result = run("serve", "--db", str(db), "--port", "8999", *token)
    one_line_error(result, str(db), f"process {pid}")
    assert "serving" not in result.output  # nothing claims to listen


def test_an_older_store_is_migrated_by_a_read_or_told_what_to_do(tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    duckdb.connect(str(old)).close()  # schema version 0
    with held(old, "ro"):
        one_line_error(run("events", "--db", str(old)), str(old), "needs migrating", "without read-only")
    assert run("events", "--db", str(old)).exit_code == 0


def test_read_only_open_of_an_older_store_says_what_to_do(tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    duckdb.connect(str(old)).close()
    with pytest.raises(strife.api.StoreNeedsMigration, match="open it once without read-only"):
        strife.open_store(old, read_only=True)


def test_a_read_only_file_is_read(db: Path) -> None:
    db.chmod(0o444)
    assert run("events", "--db", str(db)).exit_code == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes a 0o444 file, so the refusal cannot be seen")
@pytest.mark.parametrize("command", [["ingest", "{article}"], ["delete", "a1"]], ids=" ".join)
def test_writing_a_read_only_file_is_one_line(db: Path, article_file: Path, command: list[str]) -> None:
    db.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        args = [a.format(article=article_file) for a in command]
        one_line_error(run(*args, "--db", str(db)), str(db), "permission denied")
    finally:
        db.parent.chmod(0o755)


WRITES = [["ingest", "{article}"], ["delete", "a1"]]


@pytest.mark.parametrize("command", [*READS, *WRITES, ["serve"]], ids=" ".join)
def test_a_file_that_is_not_a_store_is_one_line(
    tmp_path: Path, article_file: Path, command: list[str]
) -> None:
    fake = tmp_path / "notes.duckdb"
    fake.write_text("not a database\n", encoding="utf-8")
    args = [a.format(article=article_file) for a in command]
    one_line_error(run(*args, "--db", str(fake)), str(fake), "not a strife store")


@pytest.mark.parametrize("command", WRITES, ids=" ".join)
def test_a_store_in_a_missing_folder_is_one_line(
    tmp_path: Path, article_file: Path, command: list[str]
) -> None:
    missing = tmp_path / "no" / "such" / "s.duckdb"
    args = [a.format(article=article_file) for a in command]
    one_line_error(run(*args, "--db", str(missing)), str(missing), "mkdir -p")


@pytest.mark.parametrize("command", [*READS, ["serve"]], ids=" ".join)
def test_reading_a_store_in_a_missing_folder_is_one_line(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "no" / "such" / "s.duckdb"
    one_line_error(run(*command, "--db", str(missing)), str(missing), "does not exist", code=2)


@pytest.mark.parametrize("command", [*READS, *WRITES], ids=" ".join)
def test_a_folder_given_as_the_store_is_one_line(
    tmp_path: Path, article_file: Path, command: list[str]
) -> None:
    args = [a.format(article=article_file) for a in command]
    one_line_error(run(*args, "--db", str(tmp_path)), "is a folder")
