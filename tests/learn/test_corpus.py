"""The training corpus of the learned heads: its reader, its splits and its size per label."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from strife.learn.corpus import (
    EVENT,
    TRAINING_DIR,
    CorpusError,
    Example,
    head_examples,
    load_corpus,
    read_examples,
    read_labels,
    read_table,
    split_for,
    split_key,
)

AUTHORED = "strife-authors"
MIN_AUTHORED = 40


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "examples.tsv"
    path.write_text(text, encoding="utf-8")
    return path


HEADER = "label\ttext\tsource\tsplit\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# a comment\n" + HEADER + "Arrests\tPolice arrested him.\tx\n", 3, "3 fields, the header names 4"),
        ("label\ttext\tsource\tsplit\tnote\n", 1, "unknown column 'note'"),
        ("label\ttext\tsource\n", 1, "missing column 'split'"),
        (HEADER + "\nArrests\tPolice arrested him.\tx\tlater\n", 3, "split 'later' is not one of"),
        (HEADER + "Arrests\t\tx\ttrain\n", 2, "empty text"),
        ("# only a comment\n", 1, "no header line"),
    ],
)
def test_reader_errors_name_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CorpusError, match=rf"^{re.escape(str(path))}:{line}: ") as error:
        read_examples(path, read_labels())
    assert message in str(error.value)


def test_unknown_label_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "Arrest\tPolice arrested him.\tx\ttrain\n")
    with pytest.raises(CorpusError, match=rf"^{re.escape(str(path))}:2: unknown label 'Arrest'"):
        read_examples(path, read_labels())


def test_reader_reads_columns_in_any_order(tmp_path: Path) -> None:
    path = write(tmp_path, "split\tsource\ttext\tlabel\ntrain\tx\tPolice arrested him.\tArrests\n")
    assert read_examples(path, read_labels()) == [Example("Arrests", "Police arrested him.", "x", "train")]


def test_split_is_a_function_of_the_key() -> None:
    keys = [f"sentence {i}" for i in range(400)]
    assert [split_for(k) for k in keys] == [split_for(k) for k in keys]
    assert 0.15 < sum(split_for(k) == "heldout" for k in keys) / len(keys) < 0.35


def test_every_row_carries_the_split_of_its_key() -> None:
    wrong = [e for e in load_corpus().examples if e.split != split_for(split_key(e))]
    assert wrong == [], "run `uv run python scripts/build_training_corpus.py resplit`"


def test_sentences_of_one_document_share_a_split() -> None:
    key = "news_dev.jsonl#news-a-004"
    a = Example("Armed clash", "one sentence", key, split_for(key))
    b = Example("Forced to flee", "another sentence", key, split_for(key))
    assert split_key(a) == split_key(b) == key


def test_about_a_quarter_of_the_corpus_is_held_out() -> None:
    examples = load_corpus().examples
    assert 0.18 < sum(e.split == "heldout" for e in examples) / len(examples) < 0.32


def test_every_label_has_enough_authored_examples() -> None:
    corpus = load_corpus()
    counts = Counter(e.label for e in corpus.examples if e.source == AUTHORED)
    labels = [label for head in corpus.labels.by_head.values() for label in head if label != EVENT]
    short = {label: counts[label] for label in labels if counts[label] < MIN_AUTHORED}
    assert short == {}


def test_every_label_has_train_and_heldout_examples() -> None:
    corpus = load_corpus()
    for head in ("subtype", "eventhood"):
        seen = head_examples(corpus.examples, corpus.labels, head)
        for split in ("train", "heldout"):
            assert set(corpus.labels.of(head)) == {e.label for e in seen if e.split == split}


def test_no_sentence_carries_two_labels() -> None:
    labels: dict[str, set[str]] = {}
    for e in load_corpus().examples:
        labels.setdefault(e.text, set()).add(e.label)
    assert {text: found for text, found in labels.items() if len(found) > 1} == {}


def test_subtype_examples_are_event_examples_except_wikievents() -> None:
    corpus = load_corpus()
    examples = [
        Example("Arrests", "Police arrested a journalist.", AUTHORED, "train"),
        Example("Arrests", "Dzhokhar was arrested a day later.", "wikievents#doc", "train"),
        Example("denial", "The army denied the arrest.", AUTHORED, "train"),
    ]
    assert [(e.label, e.text) for e in head_examples(examples, corpus.labels, "eventhood")] == [
        (EVENT, "Police arrested a journalist."),
        ("denial", "The army denied the arrest."),
    ]


def test_labels_match_the_codebook() -> None:
    codebook = (Path(__file__).resolve().parents[2] / "CODEBOOK.md").read_text(encoding="utf-8")
    labels = read_labels()
    for label in labels.of("subtype"):
        assert f"| {labels.group[label]} | {label} |" in codebook


def test_wikievents_map_reads_and_says_why() -> None:
    labels = read_labels()
    columns = ("type", "triggers", "needs", "bars", "label", "why")
    rows = read_table(TRAINING_DIR / "wikievents_map.tsv", columns)
    assert rows
    for row in rows:
        assert labels.head_of(row.cells["label"]) == "subtype"
        assert row.cells["why"]
