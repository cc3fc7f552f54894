"""Merging time against store size: source chains and occurrences for 10k, 50k and 100k articles.

    uv run python bench/merging.py                      # 10000, 50000, 100000 articles
    uv run python bench/merging.py --sizes 2000,10000   # quicker

Synthetic articles (generated here, no NLP): each occurrence is reported by one to
three articles: a wire story, sometimes a spun copy of it (words swapped for
synonyms, as article spinners do) and sometimes an independent report with other
wording; `--undated` of the copies and other reports (default 0.1) lost their date, as
scraped pages do, so the widened comparison of undated reports is timed too. Articles and
their events are stored first (not timed), in date order as a news feed arrives; then
`update_occurrences`, the step every `strife ingest` runs, is timed over all of them, in CPU
time of this process (its DuckDB threads included), which a loaded machine disturbs less.
By default every size spans the same two years, so a larger store is also denser (more
reports per week and place to compare); `--per-day N` keeps the density and lets the span
grow, as a monitor's store grows. Near-linear growth means the time per article stays flat:
the ratio column divides each size's time per article by the smallest size's, measured in
the same run (1.00 = linear; all-pairs comparison would grow with the size itself). The
script checks the merging is right, too: each
occurrence's articles must end as one event (`split` counts those that did not: an undated
independent report of random words has nothing to merge on), no event may join two
(`joined`), and spun copies must share a chain.
"""

from __future__ import annotations

import argparse
import gc
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from strife.dedupe.fingerprint import Vocabulary
from strife.dedupe.incremental import update_occurrences
from strife.records import Article, Event, Source
from strife.store import Store

COUNTRIES = [
    ("Sudan", 13.0, 30.0), ("Somalia", 3.0, 45.0), ("Mali", 15.0, -2.0), ("Nigeria", 10.0, 8.0),
    ("Afghanistan", 34.0, 67.0), ("Yemen", 15.5, 47.5), ("Syria", 35.0, 38.0), ("Myanmar", 21.0, 96.0),
    ("Ukraine", 49.0, 32.0), ("Burkina Faso", 12.5, -1.5), ("Colombia", 4.0, -73.0), ("Iraq", 33.0, 44.0),
]  # fmt: skip
TYPES = [
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Riots", "Violent demonstration"),
]


class Generator:
    def __init__(self, seed: int, undated: float = 0.0, per_day: float | None = None) -> None:
        self.random = random.Random(seed)
        self.undated = undated
        self.per_day = per_day
        syllables = ["ka", "lo", "mi", "ran", "te", "su", "vor", "di", "pel", "ash", "ur", "no", "zen", "bri"]
        self.vocabulary = sorted(
            {"".join(self.random.choices(syllables, k=self.random.randint(2, 4))) for _ in range(6000)}
        )
        classes: dict[str, list[str]] = {}
        for word, name in Vocabulary.load().synonyms.items():
            classes.setdefault(name, []).append(word)
        self.swaps = {
            w: [o for o in group if o != w] for group in classes.values() for w in group if len(group) > 1
        }
        self.common = sorted(self.swaps)

    def text(self, words: int = 120) -> list[str]:
        pool = self.vocabulary + self.common * 3
        return self.random.choices(pool, k=words)

    def spun(self, words: list[str]) -> list[str]:
        return [self.random.choice(self.swaps[w]) if w in self.swaps and self.random.random() < 0.8 else w
                for w in words]  # fmt: skip

    def articles(self, n: int) -> tuple[list[tuple[Article, list[Event]]], int]:
        """About n articles reporting n / 1.7 occurrences, in date order; and the occurrence count."""
        reports: list[tuple[date, Article, list[Event]]] = []
        occurrence = 0
        span = 730 if self.per_day is None else max(1, round(n / self.per_day))
        # Spans end in the past: merging leaves out a date after tomorrow (a typo or hostile row).
        start = min(date(2023, 1, 1), date(2025, 1, 1) - timedelta(days=span))
        while len(reports) < n:
            occurrence += 1
            country, lat, lon = self.random.choice(COUNTRIES)
            kind, sub = self.random.choice(TYPES)
            day = start + timedelta(days=self.random.randrange(span))
            place = (lat + self.random.uniform(-4, 4), lon + self.random.uniform(-4, 4))
            wire = self.text()
            versions = [("w", wire)]
            if self.random.random() < 0.4:
                versions.append(("s", self.spun(wire)))
            if self.random.random() < 0.3:
                versions.append(("i", self.text()))
            toll = self.random.randint(0, 30)
            for number, (kind_of_copy, words) in enumerate(versions):
                article_id = f"o{occurrence}-{kind_of_copy}"
                # A copy or another outlet's report may have lost its date (a scraped page).
                dated = number == 0 or self.random.random() >= self.undated
                published = day + timedelta(days=number)
                article = Article(article_id, " ".join(words) + ".", date=published if dated else None)
                when = day if dated else None
                event = Event(
                    event_id=f"{article_id}#1", event_type=kind, sub_event_type=sub, event_date=when,
                    date_start=when, date_end=when, time_precision=1 if dated else None, country=country,
                    admin1=f"{country} {int(place[0] - lat + 4) // 2}-{int(place[1] - lon + 4) // 2}",
                    location=f"Place {occurrence}", latitude=place[0] + self.random.uniform(-0.05, 0.05),
                    longitude=place[1] + self.random.uniform(-0.05, 0.05), geo_precision=1,
                    fatalities=toll, sources=(Source(article_id, date=article.date),),
                )  # fmt: skip
                reports.append((published, article, [event]))
        reports.sort(key=lambda r: (r[0], r[1].id))
        return [(a, e) for _, a, e in reports[:n]], occurrence


def check(store: Store) -> tuple[int, int, int, int]:
    """(occurrences, occurrences joining reports of two generated ones, generated occurrences split
    over several, spun copies not chained to their wire story). Ids are o<occurrence>-<w wire, s
    spun copy, i independent report>.

    Generated occurrences of one type, country and week can lie within 50 km of each other:
    the codebook's rule then joins them, so a few joined ones are expected. An undated
    independent report (random words, no chain) has no evidence to merge with: it stays apart."""
    wrong = 0
    count = 0
    unchained = 0
    events_of: dict[str, int] = {}
    for event in store.occurrences():
        count += 1
        origins = {s.article_id.split("-")[0] for s in event.sources}
        wrong += len(origins) != 1
        chains = {s.article_id: s.chain for s in event.sources}
        for origin in origins:
            events_of[origin] = events_of.get(origin, 0) + 1
            wire, copy = chains.get(f"{origin}-w"), chains.get(f"{origin}-s")
            unchained += wire is not None and copy is not None and wire != copy
    split = sum(1 for n in events_of.values() if n > 1)
    return count, wrong, split, unchained


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--undated", type=float, default=0.1, help="share of copies and other reports without a date"
    )
    parser.add_argument(
        "--per-day",
        type=float,
        help="articles per day, so that a larger store spans more days, as a monitor's does "
        "(default: every size spans the same two years, so the larger stores are denser)",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    generator = Generator(args.seed, args.undated, args.per_day)
    baseline: float | None = None
    header = f"{'articles':>9} {'merge s':>9} {'ms/article':>11} {'ratio':>6}"
    print(f"{header}  occurrences  joined  split  unchained")
    for n in sizes:
        reports, expected = generator.articles(n)
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.duckdb") as store:
            for i in range(0, len(reports), 1000):
                store.add_many(reports[i : i + 1000])
            # Held through the timing, the generated corpus would make each of Python's full garbage
            # collections walk its n articles: a cost of this script, not of merging.
            del reports
            gc.collect()
            started = time.process_time()
            update_occurrences(store)
            seconds = time.process_time() - started
            occurrences, wrong, split, unchained = check(store)
        per_article = seconds / n * 1000
        baseline = baseline or per_article
        print(
            f"{n:>9} {seconds:>9.1f} {per_article:>11.3f} {per_article / baseline:>6.2f}  "
            f"{occurrences:>11} {wrong:>7} {split:>6} {unchained:>9}   (generated: about {expected})"
        )


if __name__ == "__main__":
    main()
