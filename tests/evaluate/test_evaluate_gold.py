from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from evaluate_helpers import gold_event, news_row, write_jsonl

from strife.evaluate import load_gold

IDMC_ROW = {
    "id": "i1",
    "source": "idmc",
    "date": None,
    "text": "Floods forced 300 families from their homes.",
    "labels": {"tag": "Disasters", "figure": 300, "term": "Displaced", "unit": "households"},
}
WIKI_ROW = {
    "id": "w1",
    "source": "wikievents",
    "date": "2019-02-03",
    "text": "A bomb exploded at the market.",
    "labels": {"events": [{"event_type": "Conflict.Attack.DetonateExplode", "trigger": "exploded"}]},
}


@pytest.mark.parametrize(
    ("row", "kind"),
    [
        (news_row("n1", [gold_event()]), "news"),
        (news_row("n2", []), "news"),
        (IDMC_ROW, "idmc"),
        (WIKI_ROW, "wikievents"),
    ],
)
def test_load_gold_detects_the_kind(tmp_path: Path, row: dict[str, Any], kind: str) -> None:
    assert load_gold(write_jsonl(tmp_path / "g.jsonl", [row])).kind == kind


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([{"id": "x", "text": "t", "answer": 1}], "unknown gold shape"),
        ([{"text": "t", "events": []}], "'id' and a 'text'"),
        ([IDMC_ROW, WIKI_ROW], "several kinds"),
        ([], "no gold rows"),
    ],
)
def test_load_gold_rejects_bad_files_clearly(tmp_path: Path, lines: list[Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_gold(write_jsonl(tmp_path / "g.jsonl", lines))


def test_load_gold_names_the_line_of_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "text": "t", "events": []}\n{broken\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.jsonl:2: not valid JSON"):
        load_gold(path)


def test_articles_keep_id_text_date_and_url(tmp_path: Path) -> None:
    row = news_row("n1", []) | {
        "url": "https://example.org/n1",
        "text": "  date 2023-03-07 Text\n kept as is ",
    }
    undated = news_row("n2", []) | {"date": None}
    gold = load_gold(write_jsonl(tmp_path / "g.jsonl", [row, undated]))
    first, second = list(gold.articles())
    assert (first.id, first.text, first.date, first.url) == ("n1", row["text"], date(2023, 3, 7), row["url"])
    assert (second.date, second.url) == (None, None)
