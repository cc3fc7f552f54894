"""A classification head over sentence embeddings: multinomial logistic regression in numpy.

The head is small on purpose: a weight matrix (k labels x d dimensions) and a bias, fitted
to the sentence encoder's unit-length vectors. Fitting is deterministic, so retraining on
the same corpus reproduces the committed file:

- the objective is the class-balanced mean cross-entropy plus `l2 / 2 * |W|^2` (the bias is
  not penalised); each example weighs `n / (k * n_label)`, so a label with 30 examples counts
  as much as one with 1,000;
- it is strictly convex, so it has one minimum, reached by Nesterov's accelerated gradient
  with the fixed step `1 / L` (L from the largest eigenvalue of the weighted data matrix),
  the momentum of a strongly convex problem, zero initial weights and a fixed number of
  iterations: no random state, no tolerance that a rounding difference could cross;
- training runs in float64; the stored weights are float32.

The file is an `.npz` (no pickle) with `labels`, `weights`, `bias` and the settings it was
fitted with; its zip entries carry a fixed date, so the same weights give the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits

FORMAT_VERSION = 1
# The defaults of `Head.fit`; `strife.learn.train.SETTINGS` sets each head's own, chosen by
# cross-validation. At 1e-4, 1,500 iterations move the weights by less than 1e-6 from the optimum.
DEFAULT_L2 = 1e-4
DEFAULT_ITERATIONS = 1500
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Head:
    """A fitted head: `labels[i]` is scored by `weights[i] @ x + bias[i]`."""

    name: str
    labels: tuple[str, ...]
    weights: NDArray[np.float32]
    bias: NDArray[np.float32]
    l2: float = DEFAULT_L2
    iterations: int = DEFAULT_ITERATIONS

    @property
    def dimension(self) -> int:
        return int(self.weights.shape[1])

    def predict_proba(self, vectors: NDArray[np.floating]) -> NDArray[np.float64]:
        """Label probabilities, shape (n, len(labels)); columns follow `labels`."""
        x = np.atleast_2d(np.asarray(vectors, dtype=np.float64))
        if x.shape[1] != self.dimension:
            raise ValueError(f"head {self.name!r} takes {self.dimension}-dim vectors, not {x.shape[1]}-dim")
        return _softmax(x @ self.weights.astype(np.float64).T + self.bias.astype(np.float64))

    def predict(self, vectors: NDArray[np.floating]) -> list[str]:
        """The most probable label of each row."""
        return [self.labels[i] for i in np.argmax(self.predict_proba(vectors), axis=1)]

    @classmethod
    def fit(
        cls,
        name: str,
        vectors: NDArray[np.floating],
        targets: Sequence[str],
        labels: Sequence[str],
        *,
        l2: float = DEFAULT_L2,
        iterations: int = DEFAULT_ITERATIONS,
    ) -> Head:
        """Fit on `vectors` (n x d) labelled `targets`; every label needs at least one example."""
        x = np.asarray(vectors, dtype=np.float64)
        if x.ndim != 2 or x.shape[0] != len(targets):
            raise ValueError(f"{x.shape[0]} vectors for {len(targets)} targets")
        index = {label: i for i, label in enumerate(labels)}
        unknown = sorted({t for t in targets if t not in index})
        if unknown:
            raise ValueError(f"targets not among the labels of {name!r}: {', '.join(unknown)}")
        y = np.array([index[t] for t in targets], dtype=np.int64)
        counts = np.bincount(y, minlength=len(labels))
        if (counts == 0).any():
            empty = [label for label, c in zip(labels, counts, strict=True) if c == 0]
            raise ValueError(f"labels of {name!r} without examples: {', '.join(empty)}")
        # One BLAS thread: the same rounding on every machine, and no oversubscription when
        # several workers train at once.
        with threadpool_limits(limits=1, user_api="blas"):
            weights, bias = _fit(x, y, counts, l2, iterations)
        return cls(name, tuple(labels), weights.astype(np.float32), bias.astype(np.float32), l2, iterations)

    def save(self, path: Path) -> None:
        arrays = {
            "format": np.array(FORMAT_VERSION),
            "name": np.array(self.name),
            "labels": np.array(self.labels),
            "weights": self.weights.astype(np.float32),
            "bias": self.bias.astype(np.float32),
            "l2": np.array(self.l2),
            "iterations": np.array(self.iterations),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for key, array in arrays.items():
                info = zipfile.ZipInfo(f"{key}.npy", date_time=_ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(info, "w") as stream:
                    np.lib.format.write_array(stream, array, allow_pickle=False)

    @classmethod
    def load(cls, path: Path) -> Head:
        with np.load(path, allow_pickle=False) as data:
            version = int(data["format"])
            if version != FORMAT_VERSION:
                raise ValueError(f"{path}: head format {version}, this strife reads {FORMAT_VERSION}")
            return cls(
                name=str(data["name"]),
                labels=tuple(str(label) for label in data["labels"]),
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                l2=float(data["l2"]),
                iterations=int(data["iterations"]),
            )


def _softmax(scores: NDArray[np.float64]) -> NDArray[np.float64]:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    out: NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
    return out


def _fit(
    x: NDArray[np.float64], y: NDArray[np.int64], counts: NDArray[np.int64], l2: float, iterations: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Accelerated gradient descent on the balanced, L2-penalised cross-entropy."""
    n, d = x.shape
    k = len(counts)
    sample = (n / (k * counts))[y]
    sample /= sample.sum()  # weights of the mean loss, summing to 1
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    # Centred data: sentence embeddings share a large mean direction, which alone would set
    # L and slow every other direction down; the unpenalised bias absorbs the shift.
    mean = sample @ x
    xb = np.hstack([x - mean, np.ones((n, 1))])  # the bias as a last column
    # The softmax Hessian is at most 1/2 per sample, so L bounds the gradient's Lipschitz constant.
    lipschitz = 0.5 * float(np.linalg.eigvalsh(xb.T @ (xb * sample[:, None]))[-1]) + l2
    step = 1.0 / lipschitz
    root = np.sqrt(lipschitz / l2)
    momentum = (root - 1.0) / (root + 1.0)
    penalty = np.ones(d + 1)
    penalty[-1] = 0.0  # no penalty on the bias
    theta = np.zeros((d + 1, k))
    previous = theta
    for _ in range(iterations):
        look = theta + momentum * (theta - previous)
        probs = _softmax(xb @ look)
        gradient = xb.T @ ((probs - onehot) * sample[:, None]) + l2 * penalty[:, None] * look
        previous, theta = theta, look - step * gradient
    weights = theta[:-1].T.copy()
    return weights, theta[-1] - weights @ mean
