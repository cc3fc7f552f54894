from __future__ import annotations

from pathlib import Path

import pytest
from evaluate_helpers import news_row, write_jsonl

from strife.evaluate import evaluate, load_gold, score
from strife.records import Article, Event

DEV_FILES = [
    ("seed/seed_gold.jsonl", "news"),
    ("eval/dev/news_dev.jsonl", "news"),
    ("eval/dev/idmc_labelled.jsonl", "idmc"),
    ("eval/dev/wikievents_dev.jsonl", "wikievents"),
]


@pytest.mark.parametrize(("name", "kind"), DEV_FILES)
def test_real_gold_files_load_and_score_empty_predictions(shared: Path, name: str, kind: str) -> None:
    path = shared / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared")
    gold = load_gold(path)
    assert gold.kind == kind
    assert len(list(gold.articles())) == len(gold.rows)
    report = score(gold, {})
    assert report.format(errors=True)
    assert report.to_dict()["kind"] == kind


def test_evaluate_runs_extract_on_each_article(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "g.jsonl", [news_row("a1", []), news_row("a2", [])])

    def extract(article: Article) -> list[Event]:
        if article.id == "a2":
            raise RuntimeError("parser broke")
        return [Event(event_id="e1", event_type="Riots", sub_event_type="Mob violence")]

    (report,) = evaluate([path], extract)
    assert (report.tp, report.fp, report.fn) == (0, 1, 0)
    assert "1 articles failed to extract" in report.notes
    assert any("a2 extraction failed: RuntimeError: parser broke" in e for e in report.errors)
