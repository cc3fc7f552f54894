"""The command line end to end, on our own sample articles and on bad input."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from strife.cli import main

SCRAPED = (
    " date 2024-03-09 Gunmen killed five villagers in an attack on Kiziba village in North Kivu "
    "province on Friday, residents told AFP.\n\nRead more:\n\nOther headline about markets\n"
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(SCRAPED, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (tmp_path / "damaged.txt").write_bytes(
        "date 2024-03-09 Caf\u00e9 r\u00e9sum\u00e9 ".encode() + b"\xff\xfe\x81"
    )
    lines = [
        json.dumps({"id": "j1", "date": "2024-03-08", "text": "Troops clashed with rebels near Goma."}),
        "{broken",
    ]
    (tmp_path / "rows.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_extract_prints_one_line_per_article(runner: CliRunner, mixed_dir: Path) -> None:
    result = runner.invoke(main, ["extract", str(mixed_dir / "good.txt")])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.strip())
    assert line["id"] == "good"
    event = line["events"][0]
    assert event["event_type"] == "Violence against civilians"
    assert event["fatalities"] == 5
    assert all(e["sentence"] for e in event["evidence"])


def test_extract_explain_gives_a_reason_per_sentence(runner: CliRunner, mixed_dir: Path) -> None:
    result = runner.invoke(main, ["extract", "--explain", str(mixed_dir / "good.txt")])
    explain = json.loads(result.stdout.strip())["explain"]
    assert explain and all(x["verdict"] in {"coded", "skipped"} and x["reasons"] for x in explain)


def test_missing_input_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_only_bad_input_exits_non_zero(runner: CliRunner, mixed_dir: Path) -> None:
    result = runner.invoke(main, ["extract", str(mixed_dir / "empty.txt")])
    assert result.exit_code == 1
    assert "rejected" in result.stderr


def test_ingest_keeps_good_lists_bad_and_is_idempotent(
    runner: CliRunner, mixed_dir: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "store.duckdb")
    first = runner.invoke(main, ["ingest", str(mixed_dir), "--db", db])
    assert first.exit_code == 0, first.output
    assert "articles read 2, stored 2, duplicates skipped 0, rejected 4" in first.stdout
    for bad in ("empty.txt", "blob.txt", "damaged.txt", "rows.jsonl:2"):
        assert bad in first.stderr
    second = runner.invoke(main, ["ingest", str(mixed_dir), "--db", db])
    assert "stored 0, duplicates skipped 2" in second.stdout
    from strife.store import Store

    with Store.open(db) as store:
        counts = store.counts()
    assert counts["articles"] == 2 and counts["rejections"] == 4


def test_events_and_export(runner: CliRunner, mixed_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "store.duckdb")
    runner.invoke(main, ["ingest", str(mixed_dir / "good.txt"), "--db", db])
    table = runner.invoke(main, ["events", "--db", db])
    assert table.exit_code == 0 and "Attack" in table.stdout and "Kiziba" in table.stdout
    rows = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", "--type", "Battles"])
    assert rows.stdout.strip() == ""
    out = tmp_path / "events.geojson"
    exported = runner.invoke(main, ["export", "--db", db, "--format", "geojson", "-o", str(out)])
    assert exported.exit_code == 0
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


def test_events_on_missing_store_fails_with_fix(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "strife ingest" in result.stderr


def test_version_credits_geonames(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and "GeoNames" in result.stdout


def test_seed_article_codes_its_two_events(runner: CliRunner, shared: Path) -> None:
    result = runner.invoke(main, ["extract", str(shared / "seed" / "000_518db94e6369721b.txt")])
    events = json.loads(result.stdout.strip())["events"]
    kinds = {(e["event_type"], e["admin1"], e["location"]) for e in events}
    assert ("Battles", "Panjshir", "Bazarak") in kinds
    assert ("Displacement", "Panjshir", "Bazarak") in kinds
    displacement = next(e for e in events if e["event_type"] == "Displacement")
    assert displacement["displacement_destination"] == "Kabul"


def test_merge_joins_two_articles_about_one_occurrence(runner: CliRunner, tmp_path: Path) -> None:
    story = "Gunmen killed five villagers in an attack on Kiziba village in North Kivu province on Friday."
    retold = "Five villagers were killed by gunmen in Kiziba, North Kivu province, on Friday, residents said."
    (tmp_path / "one.txt").write_text(f"date 2024-03-09 {story}", encoding="utf-8")
    (tmp_path / "two.txt").write_text(f"date 2024-03-09 {retold}", encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    runner.invoke(main, ["ingest", str(tmp_path), "--db", db])
    plain = runner.invoke(
        main, ["events", "--db", db, "--format", "jsonl", "--per-report"]
    ).stdout.splitlines()
    merged = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    assert len(plain) == 2 and len(merged) == 1
    assert {s["article_id"] for s in json.loads(merged[0])["sources"]} == {"one", "two"}
    log = runner.invoke(main, ["merges", "--db", db, json.loads(plain[1])["event_id"]])
    assert log.exit_code == 0 and "2 reports:" in log.stdout and "same place (Kiziba)" in log.stdout


def test_merges_names_an_unknown_event(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(
        "date 2024-03-09 Gunmen killed five villagers in Kiziba.", encoding="utf-8"
    )
    db = str(tmp_path / "store.duckdb")
    runner.invoke(main, ["ingest", str(tmp_path), "--db", db])
    result = runner.invoke(main, ["merges", "--db", db, "nope"])
    assert result.exit_code == 2 and "no stored event 'nope'" in result.stderr


def test_train_takes_reviews_under_with_reviews(runner: CliRunner, tmp_path: Path) -> None:
    # The option is --extra's other name: a missing file is refused before any training starts.
    result = runner.invoke(main, ["train", "--with-reviews", str(tmp_path / "reviews.tsv")])
    assert result.exit_code == 2 and "reviews.tsv" in result.output and "does not exist" in result.output
