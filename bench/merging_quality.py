"""How well merging finds the same occurrence across outlets: article-pair precision and recall.

    uv run python bench/merging_quality.py              # bench/data/merging.jsonl
    uv run python bench/merging_quality.py --explain    # and the merge log of each pair

The articles of `bench/data/merging.jsonl` were written for this benchmark (none is copied
from a real article): clusters of reports of one occurrence as different outlets tell it (an
undated copy, a district named where the other names the town, "gunmen" where the other
names the group, an air strike where the other says attack, an agency story whose copy has
a rewritten lede, a copy of a story on a page that lost its date), and hard negatives: the
same type at the same town or province on other dates, undated reports of other occurrences
beside dated ones. Each row has `id`, `date` (null: undated), `cluster` (null: no other
report of it) and `note`.

The articles are coded once with the full pipeline, stored in file order in a store held in
memory, and merged by `update_occurrences` as `strife ingest` does; two articles are counted
as merged when both are sources of one merged event (`strife events`), which is what a user
sees. Merging runs twice on the same coded articles: with the sentence encoder, and with
STRIFE_ENCODER=off (the weaker word-overlap rule).
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from datetime import date
from itertools import combinations
from pathlib import Path

import strife
from strife.dedupe.incremental import update_occurrences
from strife.records import Article, Event
from strife.store import Store

DATA = Path(__file__).parent / "data" / "merging.jsonl"


def load(path: Path) -> tuple[list[Article], dict[str, str | None]]:
    articles, clusters = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        day = date.fromisoformat(row["date"]) if row["date"] else None
        articles.append(Article(row["id"], row["text"], date=day))
        clusters[row["id"]] = row["cluster"]
    return articles, clusters


def merged_pairs(
    reports: Sequence[tuple[Article, Sequence[Event]]], explain: bool
) -> tuple[set[frozenset[str]], list[str]]:
    """Article pairs that share a merged event, and the merge log lines between articles."""
    from strife.clean import Cleaner

    cleaner = Cleaner.default()
    with Store.open(":memory:") as store:
        store.add_many(reports)
        update_occurrences(store, lambda text: cleaner(text).text)
        pairs = set()
        for event in store.occurrences():
            ids = sorted({s.article_id for s in event.sources})
            pairs |= {frozenset(p) for p in combinations(ids, 2)}
        _, decisions = store.merge_log()
    lines = [
        f"  {d.event_id} -> {d.matched}: {d.reason}"
        for d in decisions
        if explain and d.event_id.split("#")[0] != d.matched.split("#")[0]
    ]
    return pairs, lines


def score(clusters: dict[str, str | None], found: set[frozenset[str]]) -> tuple[int, int, int, list[str]]:
    tp = fp = fn = 0
    wrong = []
    for a, b in combinations(sorted(clusters), 2):
        truth = clusters[a] is not None and clusters[a] == clusters[b]
        guess = frozenset((a, b)) in found
        tp += truth and guess
        fp += guess and not truth
        fn += truth and not guess
        if truth != guess:
            wrong.append(f"  {'missed' if truth else 'false merge'}: {a} {b}")
    return tp, fp, fn, wrong


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--explain", action="store_true", help="print the merge log between articles")
    args = parser.parse_args()
    articles, clusters = load(args.data)
    coder = strife.Coder()
    reports = [(a, list(o.events)) for a, o in zip(articles, coder.extract_many(articles), strict=True)]
    gold = sum(1 for a, b in combinations(sorted(clusters), 2) if clusters[a] and clusters[a] == clusters[b])
    print(f"{len(articles)} articles, {gold} same-occurrence pairs")
    setting = os.environ.get("STRIFE_ENCODER")
    for label, value in (("sentence encoder", "on"), ("STRIFE_ENCODER=off", "off")):
        os.environ["STRIFE_ENCODER"] = value
        found, lines = merged_pairs(reports, args.explain)
        tp, fp, fn, wrong = score(clusters, found)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{label:>20}: pairs P {precision:.2f} R {recall:.2f} (tp {tp}, fp {fp}, fn {fn})")
        for line in (*wrong, *lines):
            print(line)
    if setting is None:
        os.environ.pop("STRIFE_ENCODER", None)
    else:
        os.environ["STRIFE_ENCODER"] = setting


if __name__ == "__main__":
    main()
