"""Throughput of strife's extraction against the bare spaCy parse of the same texts, same run.

    uv run python bench/throughput.py                 # 300 conflict articles, 1 and 2 workers
    uv run python bench/throughput.py --n 1000 --no-workers

Baseline: `nlp.pipe` of the model strife parses with (same components), as spaCy
loads it (strife's attribute ruler finds the same matches by lookup,
strife.pipeline.attributes), over the article texts. The parse is the floor of strife's cost, so the ratio
baseline_time / strife_time says what extraction adds: target >= 0.8 (extraction
adds at most 25%). With --workers 2 the pool is compared with one worker:
target >= 1.7x on 2 cores (timings include each worker loading its model, as a
real run does).
"""

from __future__ import annotations

import argparse
import os
import time

import corpus
from common import bare_model, count_tokens, load_articles, race, verdict

from strife.pipeline import Resources
from strife.pipeline.runner import run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=300, help="articles in the corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-workers", action="store_true", help="skip the --workers 2 measurement")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is kept")
    parser.add_argument("--no-cache", action="store_true", help="the encoder remembers no sentence")
    args = parser.parse_args()

    path = corpus.build(args.n, 1.0, args.seed)
    articles, _ = load_articles(path)
    texts = [a.text for a in articles]
    resources = Resources()
    if resources.learned and args.no_cache:
        resources.judge.encoder.cache_size = 0
    nlp = bare_model(resources.model)  # the baseline; strife parses with resources.nlp
    tokens = count_tokens(nlp, texts)
    print(
        f"corpus {path.name}: {len(texts)} articles, {tokens} tokens; model {resources.model}; "
        f"{os.cpu_count()} CPUs; learned stage {learned_stage(resources)}"
    )

    # warm up both paths on a few texts so one-off loading (lexicons, gazetteer) is not timed
    list(nlp.pipe(texts[:8]))
    list(run(articles[:8], resources))

    (parse, _), (strife1, outcomes) = race(
        [
            ("bare parse (nlp.pipe, 1 process)", lambda: list(nlp.pipe(texts, batch_size=16))),
            ("strife extract, 1 worker", lambda: list(run(articles, cold(resources)))),
        ],
        len(texts),
        tokens,
        args.repeat,
    )
    events = sum(len(o.events) for o in outcomes)
    rejected = sum(o.rejection is not None for o in outcomes)
    print(parse.line())
    print(strife1.line(parse))
    ratio = parse.seconds / strife1.seconds
    print(
        f"  extraction over parse: ratio {ratio:.2f}, target >= 0.80: {verdict(ratio, 0.8)} "
        f"({events} events, {rejected} rejected)"
    )
    if args.no_workers:
        return
    # Workers run in other processes: this comparison has to be wall time, for both sides.
    (wall1, _), (strife2, _) = race(
        [
            ("strife extract, 1 worker (wall)", lambda: list(run(articles, cold(resources)))),
            ("strife extract, 2 workers (wall)", lambda: list(run(articles, cold(resources), workers=2))),
        ],
        len(texts),
        tokens,
        args.repeat,
        clock=time.perf_counter,
    )
    print(wall1.line())
    print(strife2.line(wall1))
    speedup = wall1.seconds / strife2.seconds
    print(f"  2 workers over 1: {speedup:.2f}x, target >= 1.70 on 2 cores: {verdict(speedup, 1.7)}")


def cold(resources: Resources) -> Resources:
    """The resources with the encoder's cache emptied: each timed round starts as a fresh process
    would (sentences repeated within the corpus still hit the cache, as in any real run)."""
    if resources.learned:
        resources.judge.encoder.forget()
    return resources


def learned_stage(resources: Resources) -> str:
    if not resources.learned:
        return "off"
    return "on" if resources.judge.encoder.cache_size else "on, no cache"


if __name__ == "__main__":
    main()
