"""Training the heads with the real encoder: the committed head files are what the corpus gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from strife.learn.corpus import HEADS, Corpus, load_corpus
from strife.learn.encoder import SentenceEncoder
from strife.learn.head import Head
from strife.learn.train import (
    HEADS_DIR,
    SETTINGS,
    cross_validate,
    evaluate_heads,
    fit_heads,
    load_heads,
    train_heads,
)

TOLERANCE = 1e-4


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder.load()


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def small(corpus: Corpus) -> Corpus:
    """Two train and one held-out example of every sub-type and not-event label."""
    picked = []
    for label in corpus.labels.group:
        mine = [e for e in corpus.examples if e.label == label]
        picked += [e for e in mine if e.split == "train"][:2] + [e for e in mine if e.split == "heldout"][:1]
    return Corpus(corpus.labels, tuple(picked))


def test_retraining_reproduces_the_committed_heads(encoder: SentenceEncoder, corpus: Corpus) -> None:
    fitted, _ = fit_heads(encoder, corpus)
    for name in HEADS:
        committed = Head.load(HEADS_DIR / f"{name}.npz")
        assert fitted[name].labels == committed.labels == corpus.labels.of(name)
        assert np.abs(fitted[name].weights - committed.weights).max() < TOLERANCE, (
            f"{name}.npz is stale: run `uv run python -m strife.learn.train`"
        )
        assert np.abs(fitted[name].bias - committed.bias).max() < TOLERANCE


def test_train_heads_writes_both_heads_and_scores_every_label(
    encoder: SentenceEncoder, corpus: Corpus, tmp_path: Path
) -> None:
    report = train_heads(encoder, tmp_path, corpus=small(corpus))
    assert set(load_heads(tmp_path)) == set(HEADS)
    by_head = {score.head: score for score in report.scores}
    for name in HEADS:
        labels = [row.label for row in by_head[name].labels]
        assert labels == list(corpus.labels.of(name))
        assert all(row.trained >= 1 for row in by_head[name].labels)
    table = report.table()
    assert "subtype head on held-out split" in table
    assert "Non-state actor overtakes territory" in table


def test_evaluate_heads_scores_the_committed_heads(encoder: SentenceEncoder, corpus: Corpus) -> None:
    report = evaluate_heads(encoder, examples=small(corpus).examples, on="sample", corpus=corpus)
    subtype = next(score for score in report.scores if score.head == "subtype")
    assert subtype.count == 3 * len(corpus.labels.of("subtype"))
    assert subtype.accuracy is not None and subtype.accuracy > 0.8


def test_each_committed_head_carries_its_own_settings() -> None:
    for name, head in load_heads().items():
        assert (head.l2, head.iterations) == (SETTINGS[name].l2, SETTINGS[name].iterations)


def test_cross_validation_scores_the_train_split(encoder: SentenceEncoder, corpus: Corpus) -> None:
    picked = []
    for label in corpus.labels.of("subtype"):
        picked += [e for e in corpus.examples if e.label == label and e.split == "train"][:8]
    heldout = [e for e in corpus.examples if e.split == "heldout"][:1]
    few = Corpus(corpus.labels, tuple(picked + heldout))
    accuracy = cross_validate(encoder, few, "subtype", 1e-4)
    assert 0.5 < accuracy <= 1.0
