"""`strife events` and `strife export` on a small store: the terminal table, hints for names the
store lacks, and what the ACLED CSV leaves out. The store is written directly (no model)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from builders import build_event
from click.testing import CliRunner
from review_stores import review_store

import strife
from strife.cli import main
from strife.dedupe.incremental import update_occurrences
from strife.records import Article, Event, Source
from strife.store import Store


def _article(article_id: str, text: str) -> Article:
    return Article(
        id=article_id, text=text, date=date(2024, 3, 9), url=f"https://www.dawn.com/news/{article_id}"
    )


def _event(event_id: str, article_id: str, **changes: object) -> Event:
    defaults: dict[str, object] = dict(
        event_id=event_id,
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2024, 3, 8),
        date_start=date(2024, 3, 8),
        date_end=date(2024, 3, 8),
        time_precision=1,
        actor1="Military Forces of Pakistan",
        actor1_type=1,
        actor2="Unidentified Armed Group (Pakistan)",
        actor2_type=8,
        interaction=18,
        country="Pakistan",
        admin1="Khyber Pakhtunkhwa",
        location="Bannu",
        fatalities=4,
        sources=(Source(article_id, f"https://www.dawn.com/news/{article_id}", date=date(2024, 3, 9)),),
    )
    return build_event(defaults, **changes)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli-events") / "store.duckdb"
    with Store.open(path) as store:
        store.add(
            _article("p1", "Troops and gunmen clashed near Bannu on Friday, killing four."),
            [_event("p1#1", "p1")],
        )
        store.add(
            _article("p2", "Hundreds of families fled the fighting in Kurram district, officials said."),
            [
                _event(
                    "p2#1", "p2", event_type="Displacement", sub_event_type="Forced to flee",
                    actor1="Civilians (Pakistan)", actor1_type=7, actor2=None, actor2_type=None,
                    interaction=70, location="Parachinar", fatalities=None,
                )
            ],
        )  # fmt: skip
        update_occurrences(store)
    return str(path)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("columns", [80, 120, 200])
def test_table_uses_the_terminal_width(runner: CliRunner, db: str, columns: int) -> None:
    result = runner.invoke(main, ["events", "--db", db], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()[:-1]) <= columns


def test_a_wide_terminal_shows_every_column(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["events", "--db", db], env={"COLUMNS": "240"})
    header = result.stdout.splitlines()[0].split()
    assert header[0] == "id" and "sub-type" in header and "admin1" in header


def test_table_shows_ids_sources_and_a_count(runner: CliRunner, db: str) -> None:
    lines = runner.invoke(main, ["events", "--db", db], env={"COLUMNS": "240"}).stdout.splitlines()
    assert {line.split()[0] for line in lines[2:-1]} == {"p1#1", "p2#1"}
    assert all(line.endswith("1 / 1  pending") for line in lines[2:-1])  # chains / reports; no review
    assert lines[-1] == "2 events"


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [
        ("--country", "Pakistn", "did you mean Pakistan?"),
        ("--country", "Atlantis", "the store has Pakistan"),
        ("--admin1", "Khyber", "did you mean Khyber Pakhtunkhwa?"),
        ("--type", "Battle", "did you mean Battles?"),
    ],
)
def test_unknown_name_gets_a_hint_not_an_empty_table(
    runner: CliRunner, db: str, option: str, value: str, hint: str
) -> None:
    result = runner.invoke(main, ["events", "--db", db, option, value])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith(f"0 events: no stored event has {option} '{value}'")
    assert hint in result.stderr


def test_known_names_that_match_nothing_together(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["events", "--db", db, "--country", "Pakistan", "--type", "Protests"])
    assert "did you mean" not in result.stderr
    assert "Protests" in result.stderr  # the store has no Protests at all: named


def test_export_with_an_unknown_name_hints_too(runner: CliRunner, db: str) -> None:
    result = runner.invoke(main, ["export", "--db", db, "--format", "jsonl", "--country", "Pakistn"])
    assert result.stdout == "" and "did you mean Pakistan?" in result.stderr


def test_acled_csv_says_how_many_events_it_left_out(runner: CliRunner, db: str, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    result = runner.invoke(main, ["export", "--db", db, "--format", "acled-csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 events written" in result.stderr
    assert "1 Displacement events left out: not an ACLED event type" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # header and the battle


@pytest.fixture
def reviewed_store(tmp_path: Path) -> Path:
    """The review tests' store (three merged events), the Kaya clash approved by amina."""
    path = review_store(tmp_path / "reviewed.duckdb")
    with strife.open_store(path) as dataset:
        dataset.review.approve("k1-1", reviewer="amina")
    return path


def test_events_table_shows_the_review_and_the_reviewer(reviewed_store: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(reviewed_store)], env={"COLUMNS": "300"})
    rows = {line.split()[0]: line for line in result.output.splitlines()[2:-1]}
    assert rows["k1-1"].endswith("approved  amina")
    assert rows["m1-1"].endswith("pending")


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_events_formats_carry_the_review(reviewed_store: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(reviewed_store), "--format", fmt])
    rows = (
        list(csv.DictReader(io.StringIO(result.output)))
        if fmt == "csv"
        else [json.loads(line) for line in result.output.splitlines()]
    )
    assert {r["event_id"]: r["reviewed"] for r in rows} == {
        "k1-1": "approved",
        "g1-1": "pending",
        "m1-1": "pending",
    }


def test_export_acled_csv_carries_the_review(reviewed_store: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(reviewed_store), "--format", "acled-csv"])
    rows = {r["strife_event_id"]: r for r in csv.DictReader(io.StringIO(result.output))}
    assert (rows["k1-1"]["reviewed"], rows["k1-1"]["reviewed_by"]) == ("approved", "amina")
    assert rows["k1-1"]["timestamp"] != "" and rows["g1-1"]["timestamp"] == ""
