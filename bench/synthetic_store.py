"""A synthetic store of merged events (occurrences) and their articles, for the serving benchmarks.

    uv run python bench/synthetic_store.py                  # 100,000 -> bench/out/store-100000-7.duckdb
    uv run python bench/synthetic_store.py --n 20000 --seed 3

Seeded random, so the same --n and --seed always give the same store. Places are
bench/corpus.py's (country, admin1, town), each given a fixed spot and every
event a scatter around it; types, actors, dates (2018-2024), fatalities and
displacement figures vary. About one article per 30 events (at most 5,000) is
stored, and each occurrence cites one to three of them, with an evidence span
that points at a real sentence of the first. Written through the store's own
bulk inserts (`Store.add_many`, `occurrences.write`), in batches.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from corpus import OUT, PLACES

from strife.records import Article, Claim, Event, Evidence, Source, interaction
from strife.store import Store, occurrences

TYPES: tuple[tuple[str, str, float], ...] = (
    # event_type, sub_event_type, weight
    ("Battles", "Armed clash", 30),
    ("Battles", "Government regains territory", 3),
    ("Battles", "Non-state actor overtakes territory", 3),
    ("Explosions/Remote violence", "Air/drone strike", 8),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 10),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 6),
    ("Violence against civilians", "Attack", 15),
    ("Violence against civilians", "Abduction/forced disappearance", 4),
    ("Protests", "Peaceful protest", 8),
    ("Protests", "Protest with intervention", 3),
    ("Riots", "Violent demonstration", 4),
    ("Strategic developments", "Arrests", 2),
    ("Displacement", "Forced to flee", 3),
    ("Displacement", "Displaced", 2),
)
START, DAYS = date(2018, 1, 1), 7 * 365
BATCH = 20_000


@dataclass(frozen=True)
class Place:
    country: str
    admin1: str
    town: str
    lat: float
    lon: float


def _places(rng: random.Random) -> list[Place]:
    return [
        Place(country, admin1, town, rng.uniform(-30, 45), rng.uniform(-80, 110))
        for country, admin1, town in PLACES
    ]


Actors = tuple[str | None, int | None, str | None, int | None]  # actor1, its type, actor2, its type


def _actors(kind: str, place: Place, rng: random.Random) -> Actors:
    state = f"Military Forces of {place.country}"
    rebels = rng.choice(
        (f"{place.admin1} Liberation Front", f"Armed Group ({place.country})", "Unidentified")
    )
    civilians = f"Civilians ({place.country})"
    if kind == "Battles":
        return state, 1, rebels, 2
    if kind == "Violence against civilians":
        return rebels, 2, civilians, 7
    if kind == "Protests":
        return f"Protesters ({place.country})", 6, None, None
    if kind == "Riots":
        return f"Rioters ({place.country})", 5, None, None
    if kind == "Displacement":
        return None, None, None, None
    return rng.choice(((state, 1, rebels, 2), (rebels, 2, state, 1)))


def _article(number: int, place: Place, rng: random.Random) -> Article:
    sentences = [
        f"Fighting was reported near {place.town} in {place.admin1} on Monday.",
        f"Residents said {rng.randint(2, 40)} people were killed and many houses burned.",
        f"Officials in {place.country} said the security situation remained tense.",
        f"Thousands of families fled towards {place.town}, aid groups said.",
    ]
    rng.shuffle(sentences)
    return Article(
        id=f"art-{number:05d}",
        text=" ".join(sentences),
        date=START + timedelta(days=rng.randrange(DAYS)),
        url=f"https://news.example/{number}",
        title=f"Violence near {place.town}",
        outlet=rng.choice(("Example News", "Daily Example", "Wire Example", "Radio Example")),
        origin=f"synthetic/{number}",
    )


def _evidence(article: Article) -> Evidence:
    sentence = article.text.split(". ")[0].rstrip(".") + "."
    word = sentence.split()[0]
    return Evidence("event_type", article.id, sentence, 0, len(word))


def _event(
    number: int, rng: random.Random, places: list[Place], articles: list[tuple[Article, Place]]
) -> Event:
    kind, sub = rng.choices([(t, s) for t, s, _ in TYPES], weights=[w for _, _, w in TYPES])[0]
    first, place = articles[rng.randrange(len(articles))]
    if rng.random() < 0.3:
        place = rng.choice(places)
    cited = [first, *(articles[rng.randrange(len(articles))][0] for _ in range(rng.choice((0, 0, 1, 2))))]
    actor1, type1, actor2, type2 = _actors(kind, place, rng)
    day = START + timedelta(days=rng.randrange(DAYS))
    unknown = kind == "Displacement" or rng.random() < 0.1
    deaths = None if unknown else min(int(rng.paretovariate(1.2)) - 1, 500)  # mostly few, some many
    displaced = rng.randrange(50, 20_000, 50) if kind == "Displacement" else None
    located = rng.random() > 0.03
    return Event(
        event_id=f"occ-{number:06d}",
        event_type=kind,
        sub_event_type=sub,
        event_date=day,
        date_start=day,
        date_end=day,
        time_precision=rng.choice((1, 1, 1, 2)),
        actor1=actor1,
        actor1_type=type1,
        actor2=actor2,
        actor2_type=type2,
        interaction=interaction(type1, type2),
        country=place.country,
        admin1=place.admin1,
        location=place.town,
        latitude=round(place.lat + rng.gauss(0, 0.6), 4) if located else None,
        longitude=round(place.lon + rng.gauss(0, 0.6), 4) if located else None,
        geo_precision=rng.choice((1, 2, 3)) if located else None,
        fatalities=deaths,
        fatalities_low=deaths,
        fatalities_high=deaths,
        displaced_figure=displaced,
        displaced_unit="people" if displaced else None,
        displaced_people=displaced,
        claims=(Claim(claimant="officials", statement="casualties reported", figure=deaths),),
        sources=tuple(Source(a.id, a.url, a.outlet, a.date) for a in cited),
        evidence=(_evidence(first),),
        notes=f"Synthetic event {number} near {place.town}.",
        confidence=round(rng.uniform(0.3, 1.0), 2),
        corroboration=len(cited),
    )


def build(n: int = 100_000, seed: int = 7, path: Path | None = None) -> Path:
    """Write the store (replacing any file at `path`) and return its path."""
    path = path or OUT / f"store-{n}-{seed}.duckdb"
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    rng = random.Random(seed)
    places = _places(rng)
    articles = [
        (_article(i, place, rng), place)
        for i, place in enumerate((rng.choice(places) for _ in range(max(1, min(5000, n // 30)))), 1)
    ]
    with Store.open(path) as store:
        store.add_many([(article, []) for article, _ in articles])
        cursor = store.cursor()
        try:
            for first in range(0, n, BATCH):
                batch = [_event(i, rng, places, articles) for i in range(first, min(n, first + BATCH))]
                occurrences.write(cursor, batch)
        finally:
            cursor.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="occurrences")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None, help="store file (default under bench/out/)")
    args = parser.parse_args()
    started = time.perf_counter()
    path = build(args.n, args.seed, args.out)
    print(f"{args.n} occurrences written to {path} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
