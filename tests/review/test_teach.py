"""Reviews exported to teach the coder: a gold file `strife eval` scores, training examples
`strife train --extra` reads."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from strife.cli import main as cli
from strife.evaluate.gold import load_gold
from strife.learn.corpus import read_examples, read_labels
from strife.review import Review
from strife.store import Store


@pytest.fixture
def reviewed(store: Store) -> Store:
    review = Review(store)
    review.correct("k1-1", {"fatalities": 14, "location": "Kaya town"}, reviewer="amina", reason="hospital")
    review.reject("m1-1", "background", reviewer="amina", reason="a 2019 attack recalled")
    return store


def test_the_gold_file_holds_the_reviewed_values_and_the_rejections(reviewed: Store, tmp_path: Path) -> None:
    from strife.review.teach import write_gold

    path = tmp_path / "gold.jsonl"
    with path.open("w", encoding="utf-8") as out:
        assert write_gold(reviewed, out) == 3  # k1, k2 (the Kaya event's reports) and m1
    gold = load_gold(path)
    assert gold.kind == "news"
    rows = {row["id"]: row for row in gold.rows}
    [kaya] = rows["k2"]["events"]
    assert (kaya["fatalities"], kaya["location"], kaya["optional"]) == ([14, 14], ["Kaya town"], False)
    assert kaya["evidence"].startswith("Fighting between the army")
    assert rows["m1"]["events"] == [] and "background" in rows["m1"]["not_events"][0]
    assert rows["k1"]["text"].startswith("Soldiers and militants")


def test_unreviewed_events_of_a_reviewed_article_are_optional(store: Store, tmp_path: Path) -> None:
    from strife.review.teach import gold_rows

    Review(store).split("k1-1", ["k2-1"], reviewer="amina")
    Review(store).approve("k1-1", reviewer="amina")
    rows = {row["id"]: row for row in gold_rows(store)}
    assert [e["optional"] for e in rows["k1"]["events"]] == [False]
    assert "k2" not in rows  # the split-off report's event is not reviewed: its article is not gold


def test_the_training_examples_read_back_with_their_labels(reviewed: Store, tmp_path: Path) -> None:
    from strife.review.teach import write_training

    path = tmp_path / "reviews.tsv"
    assert write_training(reviewed, path) == 3
    examples = read_examples(path, read_labels())
    labels = sorted((e.label, e.source) for e in examples)
    assert labels == [("Armed clash", "review#k1"), ("Armed clash", "review#k2"), ("background", "review#m1")]
    assert {e.split for e in examples} <= {"train", "heldout"}


def test_the_command_writes_gold_and_refuses_training_without_a_file(reviewed: Store, tmp_path: Path) -> None:
    db = str(reviewed.path)
    reviewed.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["review", "export", "--format", "gold", "--db", db])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["k1", "k2", "m1"]
    refused = runner.invoke(cli, ["review", "export", "--format", "training", "--db", db])
    assert refused.exit_code != 0 and "--output" in refused.output
    history = runner.invoke(cli, ["review", "history", "k2-1", "--db", db])
    assert "amina  edit fatalities: 12 -> 14  (hospital)" in history.output
    queue = runner.invoke(cli, ["review", "queue", "--db", db])
    assert queue.exit_code == 0 and queue.output.startswith("g1-1")


def test_strife_eval_scores_the_coder_against_the_gold_of_the_reviews(
    reviewed: Store, tmp_path: Path
) -> None:
    from strife.review.teach import write_gold

    path = tmp_path / "gold.jsonl"
    with path.open("w", encoding="utf-8") as out:
        write_gold(reviewed, out)
    result = CliRunner().invoke(cli, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert "precision" in result.output


def test_corrected_actors_become_data_file_suggestions(store: Store) -> None:
    from strife.review.teach import suggestions, write_suggestions

    Review(store).correct(
        "g1-1", {"actor1": "Military Forces of Mali"}, reviewer="amina", reason="Malian drone"
    )
    [row] = suggestions(store)
    assert (row["file"], row["field"], row["words"], row["machine"], row["reviewer"]) == (
        "actors.tsv", "actor1", "A", "Military Forces of Burkina Faso", "Military Forces of Mali",
    )  # fmt: skip
    out = io.StringIO()
    assert write_suggestions(store, out) == 1
    assert out.getvalue().splitlines()[0].startswith("file\tfield\twords")
