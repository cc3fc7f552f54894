"""Store and geocoder rates: events stored per second, toponyms found per second.

    uv run python bench/store.py              # 300 conflict articles
    uv run python bench/store.py --n 1000

The events are those strife extracts from a bench corpus (extraction is not timed).
Baselines in the same run: for the store, writing the same events as JSON lines to a
file (the cheapest durable write); for the geocoder, a plain capitalised-word regex
over the same texts (the cheapest toponym candidate pass). bench/geocoder.py has the
geocoder's own, fuller figures (index build, load time, memory).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

import corpus
from common import load_articles

from strife.pipeline import Resources
from strife.pipeline.runner import run
from strife.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    articles, _ = load_articles(corpus.build(args.n, 1.0, args.seed))
    resources = Resources()
    outcomes = [o for o in run(articles, resources) if o.article is not None and o.rejection is None]
    events = sum(len(o.events) for o in outcomes)
    print(f"{len(outcomes)} articles, {events} events extracted (not timed)")

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with (Path(tmp) / "events.jsonl").open("w", encoding="utf-8") as handle:
            for outcome in outcomes:
                for event in outcome.events:
                    handle.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        jsonl_s = time.perf_counter() - started
        for name, batch in (("one article per add", 1), ("add_many, 64 articles", 64)):
            with Store.open(Path(tmp) / f"store-{batch}.duckdb") as store:
                started = time.perf_counter()
                for i in range(0, len(outcomes), batch):
                    store.add_many([(o.article, o.events) for o in outcomes[i : i + batch] if o.article])
                store_s = time.perf_counter() - started
            print(
                f"store, {name:<22} {events / store_s:9.0f} events/s "
                f"{len(outcomes) / store_s:8.0f} articles/s"
                f"   ratio {jsonl_s / store_s:.3f} of JSONL writing ({events / jsonl_s:.0f} events/s)"
            )

    texts = [a.text for a in articles]
    geocoder = resources.geocoder
    geocoder.mentions(texts[0])  # warm-up: gazetteer opened, patterns compiled
    started = time.perf_counter()
    toponyms = sum(len(geocoder.mentions(text)) for text in texts)
    geo_s = time.perf_counter() - started
    started = time.perf_counter()
    candidates = sum(len(re.findall(r"\b[A-Z][a-z]+\b", text)) for text in texts)
    regex_s = time.perf_counter() - started
    print(
        f"geocoder: {toponyms / geo_s:9.0f} toponyms/s, {len(texts) / geo_s:.0f} articles/s "
        f"({toponyms} toponyms); regex baseline {candidates / regex_s:.0f} candidates/s, "
        f"ratio {regex_s / geo_s:.3f}"
    )


if __name__ == "__main__":
    main()
