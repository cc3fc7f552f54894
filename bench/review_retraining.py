"""What retraining the learned heads on reviewed events does to held-out reviewed sentences.

    uv run python bench/review_retraining.py [--gold ../shared/eval/dev/news_dev.jsonl ...]

An analyst's review is simulated from the development gold (not part of the project): every
article is ingested, then each merged event is reviewed as an analyst holding the gold would:
paired with a gold event of one of its articles (same country, overlapping dates, the most
agreeing fields; the type may differ, the reviewer corrects it), its type and sub-type set to the
gold's (or approved when they agree); an event with no gold counterpart is rejected ("other").
`strife review export --format training` then gives labelled sentences, split by article; the
heads are retrained on the committed corpus plus the train split (into a temporary folder: the
committed heads never see dev text) and both are scored on the held-out split.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

import strife
from strife.evaluate.gold import load_gold
from strife.evaluate.news import agreement, field_outcomes, window, windows_overlap
from strife.learn.corpus import load_corpus
from strife.learn.encoder import SentenceEncoder
from strife.learn.train import HEADS_DIR, evaluate_heads, train_heads
from strife.review import ReviewError
from strife.review.teach import training_examples

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"
REVIEWER = "gold (simulated)"


def best_gold(record: dict[str, Any], gold: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The gold event an analyst would take this record for: same country, overlapping dates."""
    fits = []
    for event in gold:
        if event.get("country") and event["country"] != record.get("country"):
            continue
        if not windows_overlap(window(event), window(record)):
            continue
        as_if = {**record, "event_type": event["event_type"]}
        fits.append(
            (agreement(field_outcomes(event, as_if)), event["event_type"] == record["event_type"], event)
        )
    return max(fits, key=lambda f: (f[0], f[1]))[2] if fits else None


def review_from_gold(dataset: strife.Dataset, rows: dict[str, dict[str, Any]]) -> tuple[int, int, int]:
    approved = corrected = rejected = 0
    for event in list(dataset.events()):
        record = event.to_dict()
        gold = [g for s in record["sources"] for g in rows.get(s["article_id"], {}).get("events", [])]
        match = best_gold(record, gold)
        if match is None:
            dataset.review.reject(
                event.event_id, "other", reviewer=REVIEWER, reason="no such event in the gold"
            )
            rejected += 1
            continue
        subs = match["sub_event_type"]
        sub = subs if isinstance(subs, str) else subs[0]
        if (record["event_type"], record["sub_event_type"]) == (match["event_type"], sub) or (
            record["sub_event_type"] in subs
        ):
            dataset.review.approve(event.event_id, reviewer=REVIEWER)
            approved += 1
            continue
        try:
            dataset.review.correct(
                event.event_id, {"event_type": match["event_type"], "sub_event_type": sub}, reviewer=REVIEWER
            )
            corrected += 1
        except ReviewError:
            dataset.review.approve(event.event_id, reviewer=REVIEWER)
            approved += 1
    return approved, corrected, rejected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--gold", type=Path, nargs="+", default=[DEV / "news_dev.jsonl", DEV / "news_dev_2.jsonl"]
    )
    args = parser.parse_args()
    rows = {str(r["id"]): r for path in args.gold for r in load_gold(path).rows}
    articles = [a for path in args.gold for a in load_gold(path).articles()]
    with tempfile.TemporaryDirectory() as folder, strife.open_store(Path(folder) / "dev.duckdb") as dataset:
        dataset.ingest(articles)
        approved, corrected, rejected = review_from_gold(dataset, rows)
        examples = training_examples(dataset.store)
    train = [e for e in examples if e.split == "train"]
    held_out = [e for e in examples if e.split == "heldout"]
    print(f"{len(articles)} articles; events approved {approved}, corrected {corrected}, rejected {rejected}")
    print(f"review sentences: {len(train)} train, {len(held_out)} held out")
    encoder, corpus = SentenceEncoder.load(), load_corpus()
    print("\n== committed heads, corpus held out ==")
    print(evaluate_heads(encoder, HEADS_DIR, corpus=corpus).table())
    print("\n== committed heads, held-out reviewed sentences ==")
    print(evaluate_heads(encoder, HEADS_DIR, examples=held_out, on="reviews held out", corpus=corpus).table())
    with tempfile.TemporaryDirectory() as out:
        report = train_heads(encoder, Path(out), extra=train, corpus=corpus)
        print("\n== retrained with the train split of the reviews, corpus held out ==")
        print(report.table())
        print("\n== retrained heads, held-out reviewed sentences ==")
        print(
            evaluate_heads(
                encoder, Path(out), examples=held_out, on="reviews held out", corpus=corpus
            ).table()
        )


if __name__ == "__main__":
    main()
