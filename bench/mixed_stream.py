"""A mixed news stream (about 1 article in 10 on conflict): the relevance filter against parsing everything.

    uv run python bench/mixed_stream.py               # 600 articles, 10% conflict
    uv run python bench/mixed_stream.py --n 2000 --conflict-share 0.1

Measured in one run over the same articles:
- baseline: the bare spaCy parse (`nlp.pipe` of the model as spaCy loads it) of every article
  ("parsing everything");
- strife with no filter: clean -> parse -> extract on every article;
- strife with the filter after clean: clean -> relevance -> parse -> extract (reads cleaned text);
- strife with the filter first: relevance -> clean -> parse -> extract (reads the raw text; the
  cleaner is not cheap, so this is the order that pays off when it keeps the conflict articles).
Targets: filtered strife >= 5x faster than parsing everything, and >= 98% of the
conflict articles pass the filter. Also printed: the filter's pass rate on the
other topics, and the events strife without the filter finds in articles the
filter drops (what the speed costs).
"""

from __future__ import annotations

import argparse
from collections import Counter

import corpus
from common import bare_model, count_tokens, load_articles, race, timed, verdict
from throughput import cold, learned_stage

from strife.pipeline import Outcome, Pipeline, Resources, Work
from strife.pipeline.stages import Assemble, Clean, Extract, Parse, Relevant, Resolve, default_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--conflict-share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing; the best is kept")
    parser.add_argument("--no-cache", action="store_true", help="the encoder remembers no sentence")
    args = parser.parse_args()

    path = corpus.build(args.n, args.conflict_share, args.seed)
    articles, topics = load_articles(path)
    texts = [a.text for a in articles]
    resources = Resources()
    if resources.learned and args.no_cache:
        resources.judge.encoder.cache_size = 0
    nlp = bare_model(resources.model)  # the baseline; strife parses with resources.nlp
    tokens = count_tokens(nlp, texts)
    conflict = Counter(topics)["conflict"]
    print(
        f"corpus {path.name}: {len(texts)} articles ({conflict} on conflict), {tokens} tokens; "
        f"learned stage {learned_stage(resources)}"
    )

    clean, relevance = Clean(resources), Relevant(resources)
    coding = [Parse(resources), Resolve(resources), Extract(resources), Assemble(resources)]
    everything = Pipeline([clean, *coding])
    filtered = Pipeline([clean, relevance, *coding])
    first = default_pipeline(resources)  # what strife runs: filter first, event paragraphs parsed
    resources.warm()  # the model, lexicons, gazetteer, cleaner tables and (when on) the encoder
    list(filtered.run(articles[:8]))

    # which articles pass: the filter alone, over cleaned text as in the pipeline
    def screen() -> list[bool]:
        return [relevance(clean(Work(a))).skip is None for a in articles]

    filter_only, passed = timed("clean + relevance filter only", screen, len(texts), tokens)
    raw_only, passed_raw = timed(
        "relevance filter only (raw text)",
        lambda: [resources.relevance.reason(t) is None for t in texts],
        len(texts),
        tokens,
    )
    strife_all, outcomes_all = timed(
        "strife, no filter", lambda: list(everything.run(articles)), len(texts), tokens
    )
    strife_filtered, _ = timed(
        "strife, filter after clean", lambda: list(filtered.run(articles)), len(texts), tokens
    )

    def default_run() -> list[Outcome]:
        cold(resources)
        return list(first.run(articles))

    (parse_all, _), (strife_first, _) = race(
        [
            ("bare parse of everything", lambda: list(nlp.pipe(texts, batch_size=16))),
            ("strife default (filter first)", default_run),
        ],
        len(texts),
        tokens,
        args.repeat,
    )

    print(parse_all.line())
    print(strife_all.line(parse_all))
    print(strife_filtered.line(parse_all))
    print(strife_first.line(parse_all))
    print(filter_only.line(parse_all))
    print(raw_only.line(parse_all))
    for name, timing in (("after clean", strife_filtered), ("first", strife_first)):
        speedup = parse_all.seconds / timing.seconds
        print(
            f"  strife, filter {name}, vs parsing everything: {speedup:.2f}x, target >= 5: "
            f"{verdict(speedup, 5.0)}; vs strife with no filter: {strife_all.seconds / timing.seconds:.2f}x"
        )

    kept, total = Counter(), Counter()
    for topic, ok in zip(topics, passed, strict=True):
        total[topic] += 1
        kept[topic] += ok
    recall = kept["conflict"] / max(1, total["conflict"])
    print(
        f"  conflict articles passing the filter (after clean): {kept['conflict']}/{total['conflict']} = "
        f"{recall:.3f}, target >= 0.98: {verdict(recall, 0.98)}"
    )
    raw_kept = sum(ok for topic, ok in zip(topics, passed_raw, strict=True) if topic == "conflict")
    raw_recall = raw_kept / max(1, total["conflict"])
    print(
        f"  conflict articles passing the filter (raw text): {raw_kept}/{total['conflict']} = "
        f"{raw_recall:.3f}, target >= 0.98: {verdict(raw_recall, 0.98)}"
    )
    for topic in sorted(t for t in total if t != "conflict"):
        print(f"  {topic} articles passing the filter: {kept[topic]}/{total[topic]}")
    for label, wanted in (("conflict", True), ("other", False)):
        rows = [
            (o, ok)
            for o, ok, t in zip(outcomes_all, passed, topics, strict=True)
            if (t == "conflict") == wanted
        ]
        lost = sum(len(o.events) for o, ok in rows if not ok)
        found = sum(len(o.events) for o, _ in rows)
        print(
            f"  events strife without the filter finds in {label} articles: {found}"
            f", of them in articles the filter drops: {lost}"
        )


if __name__ == "__main__":
    main()
