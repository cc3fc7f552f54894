"""The logistic-regression head, on toy data: no encoder needed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from strife.learn.head import Head

LABELS = ("north", "east", "south")


def toy(
    per_label: tuple[int, ...] = (30, 30, 30), spread: float = 0.1
) -> tuple[NDArray[np.float64], list[str]]:
    """Points around three orthogonal unit vectors in 8 dimensions, L2-normalised like embeddings."""
    rng = np.random.default_rng(7)
    rows, targets = [], []
    for i, (label, n) in enumerate(zip(LABELS, per_label, strict=True)):
        centre = np.zeros(8)
        centre[i] = 1.0
        points = centre + spread * rng.standard_normal((n, 8))
        rows.append(points / np.linalg.norm(points, axis=1, keepdims=True))
        targets += [label] * n
    return np.vstack(rows), targets


def test_fits_a_separable_problem() -> None:
    x, y = toy()
    head = Head.fit("toy", x, y, LABELS, l2=1e-3, iterations=500)
    assert head.predict(x) == y
    probs = head.predict_proba(x)
    assert probs.shape == (len(y), len(LABELS))
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    assert head.weights.dtype == np.float32


def test_fitting_is_deterministic() -> None:
    x, y = toy()
    first, second = (Head.fit("toy", x, y, LABELS, iterations=300) for _ in range(2))
    assert np.array_equal(first.weights, second.weights)
    assert np.array_equal(first.bias, second.bias)


def test_a_small_label_still_counts() -> None:
    x, y = toy(per_label=(200, 200, 6), spread=0.6)
    head = Head.fit("toy", x, y, LABELS, l2=1e-2, iterations=500)
    south = [p for p, t in zip(head.predict(x), y, strict=True) if t == "south"]
    assert south.count("south") >= 4


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    x, y = toy()
    head = Head.fit("toy", x, y, LABELS, iterations=200)
    head.save(tmp_path / "a.npz")
    loaded = Head.load(tmp_path / "a.npz")
    assert (loaded.name, loaded.labels, loaded.l2, loaded.iterations) == ("toy", LABELS, head.l2, 200)
    assert np.array_equal(loaded.weights, head.weights)
    assert np.array_equal(loaded.bias, head.bias)
    assert loaded.predict(x) == head.predict(x)


def test_the_same_head_gives_the_same_bytes(tmp_path: Path) -> None:
    x, y = toy()
    head = Head.fit("toy", x, y, LABELS, iterations=100)
    head.save(tmp_path / "a.npz")
    head.save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()


def test_a_target_outside_the_labels_is_an_error() -> None:
    x, y = toy()
    with pytest.raises(ValueError, match="west"):
        Head.fit("toy", x, [*y[:-1], "west"], LABELS)


def test_a_label_without_examples_is_an_error() -> None:
    x, y = toy()
    with pytest.raises(ValueError, match="without examples: up"):
        Head.fit("toy", x, y, (*LABELS, "up"))


def test_vectors_of_another_size_are_an_error() -> None:
    x, y = toy()
    head = Head.fit("toy", x, y, LABELS, iterations=50)
    with pytest.raises(ValueError, match="8-dim vectors, not 4-dim"):
        head.predict(np.ones((2, 4)))
