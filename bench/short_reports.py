"""Short event reports, one to three sentences each: how often strife codes an event, and its sub-type.

    uv run python bench/short_reports.py                          # the authored reports only
    uv run python bench/short_reports.py ../shared/eval/dev/news_dev.jsonl ../shared/eval/dev/news_dev_2.jsonl

A local stand-in for CASE-2021 task 2 (short reports labelled with one of ACLED's 25
sub-event types), which strife is measured on but does not hold. Two sets:
- `bench/short_reports.tsv`: reports the strife authors wrote, two per ACLED sub-type,
  never used for training;
- the evidence sentence of every gold event of the given gold files (`strife eval` format),
  each coded alone as a one-sentence article of the gold article's date. Displacement
  events are left out (CASE-2021 has none);
- for precision, briefs that report no event: the first two sentences of each business,
  sport, culture, science and weather article of the bench corpus (`bench/corpus.py`,
  "battle for the title" metaphors included). Every event coded there is a false one.

Per set it prints the detection rate (reports with any event coded) and the sub-type
weighted F1 as CASE-2021 scores it: one label per report, the sub-type of the first event
coded (a gold event may accept several), "none" when nothing is coded, F1 per gold label
weighted by its count. With `--misses` it lists the reports coded wrong.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from strife.pipeline import Resources
from strife.pipeline.runner import run
from strife.records import Article
from strife.tables import read_table

AUTHORED = Path(__file__).resolve().parent / "short_reports.tsv"
NONE = "none"


@dataclass(frozen=True)
class Report:
    text: str
    day: date | None
    accepted: tuple[str, ...]  # the first is the report's label


def authored() -> list[Report]:
    rows = read_table(AUTHORED, ["sub_event_type", "date", "text"])
    return [Report(r["text"], date.fromisoformat(r["date"]), (r["sub_event_type"],)) for r in rows]


def evidence_sentences(path: Path) -> list[Report]:
    reports = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        day = date.fromisoformat(row["date"]) if row.get("date") else None
        for event in row["events"]:
            if event["event_type"] != "Displacement" and event.get("evidence"):
                reports.append(
                    Report(" ".join(event["evidence"].split()), day, tuple(event["sub_event_type"]))
                )
    return reports


def briefs(n: int = 300) -> list[Article]:
    """Short non-conflict briefs from the bench corpus' other topics (first two sentences)."""
    import corpus

    rows = [r for r in corpus.read(corpus.build(n, 0.0, 11)) if r["topic"] != "conflict"]
    articles = []
    for row in rows:
        sentences = re.split(r"(?<=[.!?])\s+", " ".join(row["text"].split()))
        articles.append(
            Article(id=row["id"], text=" ".join(sentences[:2]), date=date.fromisoformat(row["date"]))
        )
    return articles


def score(name: str, reports: list[Report], resources: Resources, misses: bool) -> None:
    articles = [Article(id=f"r{i}", text=r.text, date=r.day) for i, r in enumerate(reports)]
    predicted = []
    learned = 0
    for outcome in run(articles, resources):
        first = outcome.events[0] if outcome.events else None
        predicted.append(first.sub_event_type if first is not None else NONE)
        learned += first is not None and "learned heads" in (first.notes or "")
    gold = [r.accepted[0] for r in reports]
    # a prediction among a report's accepted sub-types counts as its label
    chosen = [g if p in r.accepted else p for g, p, r in zip(gold, predicted, reports, strict=True)]
    found = sum(p != NONE for p in predicted)
    print(
        f"{name}: {len(reports)} reports; an event coded for {found} ({found / len(reports):.2f}), "
        f"{learned} of them founded by the learned heads; "
        f"sub-type weighted F1 {weighted_f1(gold, chosen):.2f}, "
        f"accuracy {sum(g == c for g, c in zip(gold, chosen, strict=True)) / len(reports):.2f}"
    )
    if misses:
        for report, label in zip(reports, chosen, strict=True):
            if label != report.accepted[0]:
                print(f"  {report.accepted[0]} <- {label}: {report.text[:110]}")


def weighted_f1(gold: list[str], predicted: list[str]) -> float:
    """F1 of each gold label, weighted by its count (scikit-learn's `average='weighted'`)."""
    support = Counter(gold)
    total = 0.0
    for label, count in support.items():
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        claimed = sum(p == label for p in predicted)
        precision = tp / claimed if claimed else 0.0
        recall = tp / count
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total += f1 * count
    return total / len(gold)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", nargs="*", type=Path, help="gold files whose evidence sentences to code")
    parser.add_argument("--misses", action="store_true", help="list the reports coded wrong")
    args = parser.parse_args()
    resources = Resources()
    score("authored short reports", authored(), resources, args.misses)
    for path in args.gold:
        score(f"{path.name} evidence sentences", evidence_sentences(path), resources, args.misses)
    others = briefs()
    coded = [(a, o) for a, o in zip(others, run(others, resources), strict=True) if o.events]
    learned = sum("learned heads" in (e.notes or "") for _, o in coded for e in o.events)
    print(
        f"non-conflict briefs: {len(others)}; events coded in {len(coded)} "
        f"({sum(len(o.events) for _, o in coded)} events, {learned} founded by the learned heads)"
    )
    if args.misses:
        for article, outcome in coded:
            print(f"  {outcome.events[0].sub_event_type}: {article.text[:110]}")


if __name__ == "__main__":
    main()
