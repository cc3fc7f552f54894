"""Maximum-weight one-to-one pairing (the Hungarian method), for pairing events per article."""

from __future__ import annotations

from collections.abc import Sequence

INF = float("inf")


def best_pairing(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """The pairs (row, column) of greatest total weight, each row and column used at most once.

    `weights[i][j]` is None where row i may not pair with column j. Only allowed pairs are
    returned. Every allowed weight should be positive: a pairing then never leaves out
    a pair it could add.
    """
    rows = len(weights)
    cols = max((len(r) for r in weights), default=0)
    size = max(rows, cols)
    if not size:
        return []
    # Minimising cost = -weight on a square matrix; disallowed and padding cells cost 0,
    # so choosing them is the same as leaving the row unpaired.
    cost = [[0.0] * size for _ in range(size)]
    for i, row in enumerate(weights):
        for j, weight in enumerate(row):
            if weight is not None:
                cost[i][j] = -float(weight)
    # e-maxx formulation with potentials u, v; 1-based, column 0 is a sentinel.
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    match = [0] * (size + 1)  # match[column] = row
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        match[0] = i
        j0 = 0
        minv = [INF] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], INF, 0
            for j in range(1, size + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = []
    for j in range(1, size + 1):
        i = match[j]
        if i and i <= rows and j <= len(weights[i - 1]) and weights[i - 1][j - 1] is not None:
            pairs.append((i - 1, j - 1))
    return sorted(pairs)
