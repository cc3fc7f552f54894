"""Train the learned heads on the corpus and score them on its held-out split.

    uv run python -m strife.learn.train                 # retrain data/heads/*.npz, print the report
    uv run python -m strife.learn.train --evaluate      # score the committed heads only
    uv run python -m strife.learn.train --dev FILE      # also score on every example of FILE
    uv run python -m strife.learn.train --extra FILE    # train with FILE's train split too
    uv run python -m strife.learn.train --cv 1e-4,3e-5  # cross-validate penalties on the train split

`train_heads` runs the steps in order:

1. read the corpus (`strife.learn.corpus`) and add the `extra` examples;
2. encode every distinct sentence once;
3. fit each head (`HEADS`) on its train split: the sub-type head on sub-type examples, the
   event-hood head on its own examples plus every sub-type example as `event`;
4. write `<head>.npz` into `out_dir`;
5. score both heads on the held-out split, per label, and return the report.

The committed heads are trained on the committed corpus only (no `extra`), so that
`python -m strife.learn.train` reproduces them from a fresh clone.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from strife.learn.corpus import (
    HEADS,
    Corpus,
    Example,
    HeadName,
    head_examples,
    load_corpus,
    read_examples,
    split_key,
)
from strife.learn.head import Head

HEADS_DIR = Path(__file__).resolve().parents[1] / "data" / "heads"


@dataclass(frozen=True)
class Settings:
    """How one head is fitted: its L2 penalty and the iterations that reach the optimum."""

    l2: float
    iterations: int


# Chosen by 4-fold cross-validation on the train split (`cross_validate`, `--cv`; never the
# held-out split), 2026-12-06: sub-type 3e-4 0.874, 1e-4 0.882, 3e-5 0.883 (a tie: the stronger
# penalty kept); event-hood 3e-4 0.904, 1e-4 0.927, 3e-5 0.934 (1e-5 scored higher on an earlier
# corpus but is far from its optimum after 2,500 iterations). At 3e-5 the event-hood head needs
# about 2,500 iterations to come within 1e-6 of its optimum, at 1e-4 the sub-type head 1,500.
SETTINGS: dict[HeadName, Settings] = {
    "subtype": Settings(l2=1e-4, iterations=1500),
    "eventhood": Settings(l2=3e-5, iterations=2500),
}


class Encoder(Protocol):
    """What training needs of a sentence encoder (`strife.learn.encoder.SentenceEncoder`)."""

    def encode(self, sentences: Sequence[str]) -> NDArray[np.float32]: ...


@dataclass(frozen=True)
class LabelScore:
    label: str
    trained: int
    count: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.count if self.count else None


@dataclass(frozen=True)
class HeadScore:
    """One head scored on one set of examples."""

    head: str
    on: str
    labels: tuple[LabelScore, ...]

    @property
    def count(self) -> int:
        return sum(s.count for s in self.labels)

    @property
    def correct(self) -> int:
        return sum(s.correct for s in self.labels)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.count if self.count else None

    def table(self) -> str:
        width = max([len("label"), *(len(s.label) for s in self.labels)])
        lines = [
            f"{self.head} head on {self.on}: {self.correct}/{self.count} = {_fraction(self.accuracy)}",
            f"  {'label':<{width}}  {'train':>5}  {'n':>4}  {'correct':>7}  accuracy",
        ]
        lines += [
            f"  {s.label:<{width}}  {s.trained:>5}  {s.count:>4}  {s.correct:>7}  {_fraction(s.accuracy)}"
            for s in self.labels
        ]
        return "\n".join(lines)


@dataclass(frozen=True)
class TrainReport:
    scores: tuple[HeadScore, ...]

    def table(self) -> str:
        return "\n\n".join(score.table() for score in self.scores)

    def __str__(self) -> str:
        return self.table()


def _fraction(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


class _Vectors:
    """Embeddings of the sentences of one run, each sentence encoded once."""

    def __init__(self, encoder: Encoder, texts: Iterable[str]) -> None:
        unique = list(dict.fromkeys(texts))
        matrix = encoder.encode(unique) if unique else np.zeros((0, 0), dtype=np.float32)
        self._row = {text: i for i, text in enumerate(unique)}
        self._matrix = matrix

    def of(self, examples: Sequence[Example]) -> NDArray[np.float32]:
        return self._matrix[[self._row[e.text] for e in examples]]


def fit_heads(
    encoder: Encoder, corpus: Corpus, extra: Sequence[Example] = ()
) -> tuple[dict[HeadName, Head], _Vectors]:
    """Both heads fitted on the train split of `corpus` and `extra`, with the vectors used."""
    examples = [*corpus.examples, *extra]
    vectors = _Vectors(encoder, (e.text for e in examples if e.split == "train"))
    heads: dict[HeadName, Head] = {}
    for name in HEADS:
        train = [e for e in head_examples(examples, corpus.labels, name) if e.split == "train"]
        settings = SETTINGS[name]
        heads[name] = Head.fit(
            name,
            vectors.of(train),
            [e.label for e in train],
            corpus.labels.of(name),
            l2=settings.l2,
            iterations=settings.iterations,
        )
    return heads, vectors


def train_heads(
    encoder: Encoder,
    out_dir: Path = HEADS_DIR,
    *,
    extra: Sequence[Example] = (),
    corpus: Corpus | None = None,
) -> TrainReport:
    """Fit both heads on the train split, write them to `out_dir`, score them on the held-out split."""
    corpus = corpus or load_corpus()
    heads, _ = fit_heads(encoder, corpus, extra)
    for name, head in heads.items():
        head.save(out_dir / f"{name}.npz")
    examples = [*corpus.examples, *extra]
    held_out = [e for e in examples if e.split == "heldout"]
    vectors = _Vectors(encoder, (e.text for e in held_out))
    return _score(list(heads.values()), corpus, examples, held_out, vectors, "held-out split")


def cross_validate(encoder: Encoder, corpus: Corpus, name: HeadName, l2: float, folds: int = 4) -> float:
    """Accuracy of head `name` at penalty `l2`, by `folds`-fold cross-validation on the train split.

    A fold is chosen by a hash of the example's split key (its document, or its text), so the
    sentences of one article stay in one fold, as they stay on one side of the held-out split.
    """
    train = [e for e in head_examples(corpus.examples, corpus.labels, name) if e.split == "train"]
    vectors = _Vectors(encoder, (e.text for e in train))
    fold = np.array([_fold(split_key(e), folds) for e in train])
    correct = 0
    for k in range(folds):
        fitted = [e for e, f in zip(train, fold, strict=True) if f != k]
        scored = [e for e, f in zip(train, fold, strict=True) if f == k]
        head = Head.fit(
            name,
            vectors.of(fitted),
            [e.label for e in fitted],
            corpus.labels.of(name),
            l2=l2,
            iterations=SETTINGS[name].iterations,
        )
        predicted = head.predict(vectors.of(scored)) if scored else []
        correct += sum(p == e.label for p, e in zip(predicted, scored, strict=True))
    return correct / len(train) if train else 0.0


def _fold(key: str, folds: int) -> int:
    return int.from_bytes(hashlib.sha256(f"fold:{key}".encode()).digest()[:8], "big") % folds


def load_heads(heads_dir: Path = HEADS_DIR) -> dict[HeadName, Head]:
    return {name: Head.load(heads_dir / f"{name}.npz") for name in HEADS}


def evaluate_heads(
    encoder: Encoder,
    heads_dir: Path = HEADS_DIR,
    *,
    examples: Sequence[Example] | None = None,
    on: str = "held-out split",
    corpus: Corpus | None = None,
) -> TrainReport:
    """Score the heads of `heads_dir` on `examples` (default: the corpus' held-out split)."""
    corpus = corpus or load_corpus()
    chosen = list(examples) if examples is not None else [e for e in corpus.examples if e.split == "heldout"]
    vectors = _Vectors(encoder, (e.text for e in chosen))
    return _score(list(load_heads(heads_dir).values()), corpus, list(corpus.examples), chosen, vectors, on)


def _score(
    heads: Sequence[Head],
    corpus: Corpus,
    trained_on: Sequence[Example],
    scored: Sequence[Example],
    vectors: _Vectors,
    on: str,
) -> TrainReport:
    scores = []
    for head in heads:
        name: HeadName = "subtype" if head.name == "subtype" else "eventhood"
        trained = [e.label for e in head_examples(trained_on, corpus.labels, name) if e.split == "train"]
        cases = head_examples(scored, corpus.labels, name)
        predicted = head.predict(vectors.of(cases)) if cases else []
        rows = []
        for label in head.labels:
            mine = [p for e, p in zip(cases, predicted, strict=True) if e.label == label]
            rows.append(LabelScore(label, trained.count(label), len(mine), sum(p == label for p in mine)))
        scores.append(HeadScore(head.name, on, tuple(rows)))
    return TrainReport(tuple(scores))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m strife.learn.train", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HEADS_DIR, help="folder of the head files")
    parser.add_argument("--evaluate", action="store_true", help="score the existing heads, do not train")
    parser.add_argument("--dev", type=Path, help="also score on every example of this TSV")
    parser.add_argument("--extra", type=Path, help="train with this TSV's train split as well")
    parser.add_argument(
        "--cv", metavar="L2,...", help="cross-validate each head on the train split at these penalties"
    )
    args = parser.parse_args(argv)

    from strife.learn.encoder import SentenceEncoder

    encoder = SentenceEncoder.load()
    corpus = load_corpus()
    extra = read_examples(args.extra, corpus.labels) if args.extra else []
    if args.cv:
        for name in HEADS:
            for l2 in (float(value) for value in args.cv.split(",")):
                accuracy = cross_validate(encoder, corpus, name, l2)
                print(f"{name} l2={l2:g}: cross-validated accuracy {accuracy:.3f}")
        return
    if args.evaluate:
        report = evaluate_heads(encoder, args.out, corpus=corpus)
    else:
        report = train_heads(encoder, args.out, extra=extra, corpus=corpus)
    print(report.table())
    if args.dev:
        dev = read_examples(args.dev, corpus.labels)
        print()
        print(evaluate_heads(encoder, args.out, examples=dev, on=args.dev.name, corpus=corpus).table())


if __name__ == "__main__":
    main()
