"""How alike two reports' evidence sentences are: one of the factors of a merge decision.

Two reports of one occurrence tell it in sentences that mean the same ("at least 12 troops
were killed in an attack on a military detachment" / "twelve soldiers killed in the attack on
a military post"), in words that often differ. The sentence encoder of the learned stage
(`strife.learn.encoder`, all-MiniLM-L6-v2) measures that as the cosine of the two sentences'
vectors; sentences are encoded once per run, and only for the pairs whose decision needs them
(an undated report, two codings of one occurrence), never for every record.

With the learned stage off (`STRIFE_ENCODER=off`), `LexicalSimilarity` stands in: the
Jaccard overlap of the two sentences' content words, read as fingerprints read them (stopwords
dropped, synonyms folded). It misses paraphrases, so its thresholds are stricter
(`Similarity.strong`), and merging decides fewer undated reports on text alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from strife.dedupe.fingerprint import Vocabulary, tokens


class Similarity(Protocol):
    """Scores two evidence sentences in -1..1 (1: the same statement)."""

    name: str
    # At or above `strong`, the two sentences tell one occurrence; at or above `related`,
    # the same kind of occurrence in like words (not enough on its own).
    strong: float
    related: float

    def __call__(self, a: str, b: str) -> float: ...


@dataclass
class EncoderSimilarity:
    """Cosine of the sentence encoder's vectors, each sentence encoded once."""

    name: str = "sentence encoder"
    strong: float = 0.75
    related: float = 0.6
    _vectors: dict[str, NDArray[np.float32]] = field(default_factory=dict)
    _encoder: object | None = None

    def prepare(self, sentences: Sequence[str]) -> None:
        """Encode these sentences in one batch (cheaper than one call per pair)."""
        missing = sorted({s for s in sentences if s not in self._vectors})
        if missing:
            for sentence, vector in zip(missing, self._encode(missing), strict=True):
                self._vectors[sentence] = vector

    def __call__(self, a: str, b: str) -> float:
        self.prepare([a, b])
        return float(self._vectors[a] @ self._vectors[b])

    def _encode(self, sentences: list[str]) -> NDArray[np.float32]:
        from strife.learn.encoder import SentenceEncoder

        if self._encoder is None:
            self._encoder = SentenceEncoder.load()
        assert isinstance(self._encoder, SentenceEncoder)
        return self._encoder.encode(sentences)


@dataclass
class LexicalSimilarity:
    """Jaccard overlap of content words: the weaker measure used with the encoder off."""

    name: str = "word overlap"
    strong: float = 0.5
    related: float = 0.35
    vocabulary: Vocabulary = field(default_factory=Vocabulary.load)

    def prepare(self, sentences: Sequence[str]) -> None:
        """Nothing to prepare: words are read per pair."""

    def __call__(self, a: str, b: str) -> float:
        first = {t for t in tokens(a, self.vocabulary) if t != "#"}
        second = {t for t in tokens(b, self.vocabulary) if t != "#"}
        if not first or not second:
            return 0.0
        return len(first & second) / len(first | second)


def encoder_enabled() -> bool:
    """The STRIFE_ENCODER setting (README, "Settings"): 'off', '0' or 'no' turns the encoder off."""
    return os.environ.get("STRIFE_ENCODER", "on").strip().lower() not in {"off", "0", "no"}


def default_similarity() -> EncoderSimilarity | LexicalSimilarity:
    """The encoder's cosine, or word overlap when the learned stage is off."""
    return EncoderSimilarity() if encoder_enabled() else LexicalSimilarity()
