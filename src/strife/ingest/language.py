"""Which language an article is written in, and whether strife can code it (English only, for now).

strife's triggers, actors and parser are English, so a French report would be read word by
word as noise and give "no event word". Instead the reader detects its language offline
(py3langid, a naive Bayes model over byte n-grams shipped in the wheel) and turns it into a
rejection naming the language, which the ingest summary counts and the store keeps.

A detector is unsure on short texts: a one-line English sentence full of names may score as
Pidgin or Latin. So only a confident verdict on enough text rejects: at least `MIN_LETTERS`
letters and `MIN_CONFIDENCE` probability; anything less is read as English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from strife.records import Article, Rejection
from strife.tables import read_table

MIN_LETTERS = 40
MIN_CONFIDENCE = 0.9
_SAMPLE_CHARS = 3000  # enough for a verdict; detection time grows with the text


def not_supported(code: str) -> str:
    return f"language {code} not supported (English only)"


@dataclass(frozen=True)
class Languages:
    """The languages table (data/languages.tsv): what is coded and what is read as English."""

    coded: frozenset[str]
    english: frozenset[str]

    @classmethod
    def load(cls) -> Languages:
        rows = read_table("languages.tsv", ("code", "kind", "name"), kinds=("coded", "english"))
        return cls(
            frozenset(r["code"] for r in rows if r["kind"] == "coded"),
            frozenset(r["code"] for r in rows if r["kind"] == "english"),
        )

    def accepts(self, code: str) -> bool:
        return code in self.coded or code in self.english


@cache
def _identifier() -> Any:
    """The detector, loaded on first use (about 0.6 s) and shared by every check in the process.

    Unlike a cache of results, sharing it cannot make an answer depend on what ran before: the
    model is read-only data, the same in every process; only the loading is saved (every
    `read_inputs` call makes its own check, and tests call it thousands of times).
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@dataclass
class LanguageCheck:
    """Articles in a supported language pass; others become a "language" Rejection."""

    languages: Languages = field(default_factory=Languages.load)

    def detect(self, text: str) -> tuple[str, float] | None:
        """(language code, probability) of `text`, or None when it is too short to tell."""
        sample = text[:_SAMPLE_CHARS]
        if sum(char.isalpha() for char in sample) < MIN_LETTERS:
            return None
        code, probability = _identifier().classify(sample)
        return str(code), float(probability)

    def __call__(self, article: Article) -> Article | Rejection:
        found = self.detect(article.text)
        if found is None:
            return article
        code, probability = found
        if probability < MIN_CONFIDENCE or self.languages.accepts(code):
            return article
        return Rejection(article.origin or article.id, "language", not_supported(code), article.id)
