"""Scoring strife's output against gold files (FORMAT.md news gold, IDMC and WikiEvents label sets).

gold = load_gold(Path("news_dev.jsonl"))        # kind told from the rows
report = score(gold, {"news-1": [event.to_dict(), ...]})
print(report.format(errors=True))
reports = evaluate([path, ...], extract)         # extract: Article -> events
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from strife.evaluate.gold import GoldSet, load_gold
from strife.evaluate.labels import load_label_maps, score_idmc, score_wikievents
from strife.evaluate.news import score_news
from strife.evaluate.report import Report
from strife.records import Article, Event

__all__ = ["GoldSet", "Report", "evaluate", "load_gold", "score"]


def score(
    gold: GoldSet,
    predictions: Mapping[str, Sequence[dict[str, Any]]],
    same: Callable[[str, str], bool] | None = None,
) -> Report:
    """Scores predictions (article id -> `Event.to_dict()` dicts) against one gold set.

    An article missing from `predictions` has no predicted events. `same(a, b)`,
    strife's verdict on whether two articles report one occurrence, is scored
    against the gold clusters when given.
    """
    if gold.kind == "news":
        return score_news(gold, predictions, same)
    if gold.kind == "idmc":
        return score_idmc(gold, predictions, load_label_maps())
    if gold.kind == "wikievents":
        return score_wikievents(gold, predictions, load_label_maps())
    raise ValueError(f"{gold.path}: no scorer for gold kind {gold.kind!r}; known: news, idmc, wikievents")


def evaluate(paths: Sequence[Path], extract: Callable[[Article], Sequence[Event]]) -> list[Report]:
    """Loads each gold file, runs `extract` on each of its articles, and scores the result.

    An article whose extraction raises is scored as having no events, and the failure is
    named in the report's notes and errors, so one bad article does not end the run.
    """
    reports = []
    for path in paths:
        gold = load_gold(Path(path))
        predictions: dict[str, list[dict[str, Any]]] = {}
        reports_of: list[tuple[Article, Sequence[Event]]] = []
        failures: list[str] = []
        for article in gold.articles():
            try:
                events = extract(article)
            except Exception as error:  # one article's failure is reported, not fatal
                failures.append(f"{article.id} extraction failed: {type(error).__name__}: {error}")
                events = ()
            predictions[article.id] = [event.to_dict() for event in events]
            reports_of.append((article, events))
        report = score(gold, predictions, _same_occurrence(reports_of))
        if failures:
            notes = (*report.notes, f"{len(failures)} articles failed to extract")
            report = dataclasses.replace(report, notes=notes, errors=(*failures, *report.errors))
        reports.append(report)
    return reports


def _same_occurrence(reports: Sequence[tuple[Article, Sequence[Event]]]) -> Callable[[str, str], bool]:
    from strife.clean import Cleaner
    from strife.dedupe.groups import article_groups, same_occurrence

    cleaner = Cleaner.default()
    groups = article_groups(reports, lambda text: cleaner(text).text)
    return lambda a, b: same_occurrence(groups, a, b)
