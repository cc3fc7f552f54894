from __future__ import annotations

import itertools
import random

import pytest

from strife.evaluate.assignment import best_pairing


def brute_force(weights: list[list[float | None]]) -> float:
    rows, cols = len(weights), len(weights[0]) if weights else 0
    best = 0.0
    for perm in itertools.permutations(range(max(rows, cols)), rows):
        total = sum(
            weights[i][j] or 0.0 for i, j in enumerate(perm) if j < cols and weights[i][j] is not None
        )
        best = max(best, total)
    return best


def total(weights: list[list[float | None]], pairs: list[tuple[int, int]]) -> float:
    return sum(weights[i][j] or 0.0 for i, j in pairs)


@pytest.mark.parametrize("seed", range(30))
def test_best_pairing_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 4), rng.randint(1, 4)
    weights: list[list[float | None]] = [
        [None if rng.random() < 0.3 else rng.choice([1000.0, 1010.0, 1021.5]) for _ in range(cols)]
        for _ in range(rows)
    ]
    pairs = best_pairing(weights)
    assert total(weights, pairs) == pytest.approx(brute_force(weights))
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(weights[i][j] is not None for i, j in pairs)


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ([], []),
        ([[None, None]], []),
        ([[5.0, 1.0], [4.5, None]], [(0, 1), (1, 0)]),  # greatest total, not greatest single pair
        ([[1.0], [2.0]], [(1, 0)]),
    ],
)
def test_best_pairing_cases(weights: list[list[float | None]], expected: list[tuple[int, int]]) -> None:
    assert best_pairing(weights) == expected
