"""The words read around a death figure (data/figure_cues.tsv), by kind; CODEBOOK section 7."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from strife.extract.word_kinds import read_word_kinds

FIGURE_CUE_KINDS = ("preliminary", "update", "other_event", "motive", "collective", "companion", "increment",
                    "conflict", "grievance", "duration", "sequel")  # fmt: skip


@dataclass(frozen=True)
class FigureCues:
    """The word lists of data/figure_cues.tsv, by kind."""

    words: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: Path | None = None) -> FigureCues:
        return cls(read_word_kinds("figure_cues.tsv", path, FIGURE_CUE_KINDS))

    def of(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())
