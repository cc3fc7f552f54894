"""Helpers the bench scripts share: articles from a corpus file, timing, peak memory, printing."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from strife.records import Article


def load_articles(path: Path) -> tuple[list[Article], list[str]]:
    """Articles of a bench corpus file and the topic of each (same order)."""
    import corpus

    rows = corpus.read(path)
    articles = [Article(id=r["id"], text=r["text"], date=date.fromisoformat(r["date"])) for r in rows]
    return articles, [r["topic"] for r in rows]


@dataclass(frozen=True)
class Timing:
    name: str
    seconds: float
    articles: int
    tokens: int

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds

    def line(self, baseline: Timing | None = None) -> str:
        text = (
            f"{self.name:<34} {self.seconds:8.2f} s {self.articles_per_s:9.1f} articles/s "
            f"{self.tokens_per_s:10.0f} tokens/s"
        )
        if baseline is not None:
            text += f"   ratio {baseline.seconds / self.seconds:5.2f} (vs {baseline.name})"
        return text


def timed(
    name: str, run: Callable[[], Any], articles: int, tokens: int, repeat: int = 1
) -> tuple[Timing, Any]:
    """Best of `repeat` runs: on a shared machine the fastest run is the least disturbed one."""
    best, result = float("inf"), None
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return Timing(name, best, articles, tokens), result


def race(
    runs: list[tuple[str, Callable[[], Any]]],
    articles: int,
    tokens: int,
    repeat: int = 3,
    clock: Callable[[], float] = time.process_time,
) -> list[tuple[Timing, Any]]:
    """Time several single-process runs in turn, `repeat` rounds, keeping each one's best.

    Interleaving puts a baseline and its rival under the same load, and the default clock is
    this process's CPU time: on a shared virtual machine, wall time also counts the time other
    tenants take the core, which changed our ratios by 30% from one run to the next."""
    best = [float("inf")] * len(runs)
    results: list[Any] = [None] * len(runs)
    for _ in range(max(1, repeat)):
        for index, (_, run) in enumerate(runs):
            started = clock()
            results[index] = run()
            best[index] = min(best[index], clock() - started)
    return [(Timing(name, best[i], articles, tokens), results[i]) for i, (name, _) in enumerate(runs)]


def bare_model(model: str) -> Any:
    """The baseline of "parsing everything": the spaCy model as spaCy loads it, with the components
    strife loads (no entity recogniser), and spaCy's own attribute ruler (strife's finds the same
    matches by lookup: strife.pipeline.attributes)."""
    import spacy

    return spacy.load(model, exclude=["ner"])


def count_tokens(nlp: Any, texts: Iterable[str]) -> int:
    """Tokens as spaCy's tokenizer counts them (the tokenizer alone: fast)."""
    return sum(len(nlp.tokenizer(text)) for text in texts)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def verdict(value: float, target: float, higher_is_better: bool = True) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "meets target" if ok else "MISSES target"
