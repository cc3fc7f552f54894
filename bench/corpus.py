"""Builds the benchmark corpora: a deterministic stream of conflict and other news articles.

    uv run python bench/corpus.py --n 1000 --seed 7   # -> bench/out/corpus-1000-100-7.jsonl
    uv run python bench/corpus.py --n 2000 --conflict-share 0.1            # mixed news stream

Conflict articles are filled from templates (actors, places, weapons, figures,
dates, some with spun wording and scraped boilerplate) and from our own sample
texts in examples/ with their figures changed. The others are business, sport
(with "battle for the title" metaphors), culture, science and weather pieces
from templates. Each JSONL line has id, date, text and topic (the bench scripts
read the topic; strife ignores it). The same --n, --conflict-share and --seed
always give the same file, so anyone can rebuild the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

PLACES = [
    ("Afghanistan", "Kunduz", "Kunduz"),
    ("Afghanistan", "Panjshir", "Bazarak"),
    ("Somalia", "Lower Shabelle", "Afgooye"),
    ("Nigeria", "Borno", "Maiduguri"),
    ("Nigeria", "Kaduna", "Zaria"),
    ("Mali", "Mopti", "Djenne"),
    ("Burkina Faso", "Sahel", "Djibo"),
    ("Sudan", "North Darfur", "El Fasher"),
    ("Yemen", "Taiz", "Taiz"),
    ("Myanmar", "Shan", "Lashio"),
    ("Mozambique", "Cabo Delgado", "Palma"),
    ("Iraq", "Nineveh", "Mosul"),
    ("Ethiopia", "Amhara", "Gondar"),
    ("Syria", "Idlib", "Idlib"),
    ("Cameroon", "Far North", "Mora"),
    ("Niger", "Tillaberi", "Ayorou"),
    ("Colombia", "Cauca", "Popayan"),
    ("Pakistan", "Khyber Pakhtunkhwa", "Bannu"),
]
ARMED = [
    "militants",
    "gunmen",
    "insurgents",
    "rebels",
    "jihadists",
    "armed bandits",
    "unidentified attackers",
    "fighters of an armed group",
    "suspected Islamist militants",
]
STATE = ["soldiers", "government troops", "security forces", "police officers", "the army", "military units"]
VICTIMS = [
    "civilians",
    "villagers",
    "farmers",
    "worshippers",
    "traders at the market",
    "passengers of a bus",
    "children",
    "residents",
]
WEAPONS = [
    "a roadside bomb",
    "mortar shells",
    "an improvised explosive device",
    "rocket-propelled grenades",
    "a car bomb",
    "machine guns",
    "artillery fire",
    "a drone strike",
    "an air strike",
]
DAYS = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
    "overnight",
    "early on Sunday",
    "late on Friday",
    "last week",
]
SOURCES = [
    "a local official",
    "a police spokesman",
    "residents",
    "a hospital source",
    "the provincial governor",
    "an army statement",
    "a humanitarian agency",
    "witnesses",
]
SAY = ["said", "told reporters", "mentioned", "stated", "instructed AFP"]  # spun "said" included on purpose

CONFLICT_LEADS = [
    "{armed} attacked a village near {town} in {admin1} {day}, killing {n} {victims}, {source} said.",
    "At least {n} {victims} were killed when {armed} stormed {town} in {country}'s {admin1} region {day}.",
    "{State} clashed with {armed} outside {town} {day}, leaving {n} dead on both sides, {source} {say}.",
    "{Weapon} killed {n} {victims} and wounded {m} others in {town}, {admin1} province, {day}.",
    "More than {big} people have fled their homes in {admin1} after {armed} seized {town} {day}.",
    "{armed} abducted {n} {victims} from a village outside {town} {day}, {source} {say}.",
    "Heavy fighting broke out between {state} and {armed} in {admin1} {day}, with at "
    "least {n} people killed.",
    "An air strike hit a market in {town} {day}, killing {n} {victims}, {source} said.",
    "Police fired tear gas at thousands of protesters who marched through {town} {day} demanding the release "
    "of detained opposition leaders; {n} people were arrested.",
    "Combating between {state} and {armed} has displaced about {big} people from {town} since {day2}, "
    "{source} {say}.",
]
CONFLICT_BODY = [
    "The attackers arrived on motorbikes and opened fire on houses before setting "
    "shops ablaze, {source} said.",
    "{State} later regained control of the area and said they had killed {m} of the assailants.",
    "Local hospitals received {m} wounded people, several of them in critical condition.",
    "No group has claimed responsibility, but {armed} are active in the area and have carried out similar "
    "raids this year.",
    "The {armed} have been fighting the government for more than a decade, and attacks on {victims} have "
    "become more frequent since the start of the year.",
    "Aid agencies said families who fled were sheltering in schools and churches in {town2}, and that "
    "food and water were running short.",
    "The United Nations said {big} people had been displaced in {admin1} this year alone.",
    "The army said in a statement that it had launched an offensive to clear the area and pursue the "
    "attackers.",
    "Residents said the shelling lasted several hours and destroyed dozens of homes.",
    "{source} {say} that the death toll could rise as many of the wounded were in serious condition.",
    "A curfew was imposed on {town} and reinforcements were sent from {town2}.",
    "Witnesses described bodies lying in the street after the attack, and said many "
    "families fled into the bush.",
]
BOILERPLATE = [
    "Read more:\n- Aid agencies appeal for funds\n- Parliament debates new budget",
    "For all the latest headlines follow our Google News channel online or via the app.",
    "Subscribe to our newsletter to get the day's top stories in your inbox.",
    "Share this article on Facebook, Twitter and WhatsApp.",
]

TEAMS = [
    "Gor Mahia",
    "Tusker",
    "Rovers",
    "City",
    "United",
    "Athletic",
    "the Lions",
    "the Eagles",
    "Wanderers",
]
COMPANIES = ["Northwind Holdings", "Acme Retail", "Bluewater Energy", "Kestrel Telecom", "Sunfield Foods"]
OTHER = {
    "sport": [
        "{team} moved {n} points clear at the top of the league {day} after a "
        "hard-fought win over {team2}, as "
        "the battle for the title entered its final stretch.",
        "The visitors attacked from the first whistle and took the lead early, but "
        "{team} fought back with two "
        "goals in the second half.",
        '"It was a war out there. Every team wants to beat us, and we have to fight for every point," the '
        "coach said after the match.",
        "{team2} now face a difficult trip away, while {team} host the cup holders in a clash that could "
        "decide the season.",
        "The striker shot wide twice before a late strike from outside the box settled the derby.",
        "The defending champions were stunned at home, their hopes of a third straight title fading fast.",
        "Fans stormed the pitch at the final whistle to celebrate a famous victory.",
        "The veteran goalkeeper, who returns from injury next week, said the squad would "
        "regroup at a training "
        "camp before the run-in.",
    ],
    "business": [
        "Shares in {company} rallied {n} percent {day} after the group returned to profit and raised its "
        "outlook for the year.",
        "{company} struck a deal to buy a smaller rival, a move analysts said would help it capture a bigger "
        "share of the market.",
        "The central bank held interest rates steady, saying inflation had eased but remained above target.",
        "Investors shrugged off weak factory data, and the main index closed {n} points higher.",
        "The chief executive said the company would cut costs and sell its mining division by the end of the "
        "year.",
        "Retail sales rose for a third month, helped by strong demand for electronics and clothing.",
        "Analysts expect explosive growth in the cloud business as more firms move their data online.",
        "The bond market retreated after the finance ministry announced a larger borrowing plan.",
    ],
    "culture": [
        "The festival opened {day} with a sold-out performance by a youth orchestra from {town}.",
        "The novel, the author's third, follows a family of fishermen through three generations on a small "
        "island.",
        "Critics praised the film's photography, though some found its two-and-a-half hours hard going.",
        "The museum will display more than {big} objects, many of them never shown in public before.",
        "The band's new album is a storming return to form after a quiet decade.",
        "Tickets for the exhibition, which runs until the end of the year, go on sale next month.",
        "The playwright said the story was inspired by her grandmother's letters.",
    ],
    "science": [
        "Astronomers have observed the explosion of a distant star in unprecedented "
        "detail, a study published "
        "{day} reports.",
        "Researchers at a university in {town} found that a common soil bacterium can "
        "break down plastic waste.",
        "The probe will launch next year and reach the outer planets in about {n} years.",
        "The team sequenced the genomes of {big} plants to trace how wheat was domesticated.",
        "A new battery design could store twice as much energy at half the cost, engineers say.",
        "The results still need to be confirmed by other groups, the authors cautioned.",
    ],
    "weather": [
        "A quiet week of sunshine is forecast for most of the country, with light winds and mild afternoons.",
        "Temperatures will climb to {n} degrees by Thursday before a band of light rain "
        "arrives from the west.",
        "Forecasters said the dry spell was good news for farmers bringing in the harvest.",
        "Morning fog is expected in low-lying areas, clearing by midday.",
        "The weekend looks settled, with clear skies and cool nights.",
    ],
}
# A sentence per topic that uses conflict words in another sense; about one article in
# HARD_SHARE carries one, so the filter's false positives are measured, not assumed away.
HARD = {
    "sport": "Police closed the roads around the stadium two hours before kick-off, "
    "and the battle for seats began.",
    "business": "Defence shares rallied after a contractor won an order for "
    "air-defence missiles from the military.",
    "culture": "The film follows two soldiers returning from a forgotten war, and "
    "the battle scenes are unflinching.",
    "science": "Another team modelled how flooding on river deltas will destroy farmland as sea levels rise.",
    "weather": "Forecasters warned that a storm could bring flooding to coastal "
    "towns and may force evacuations.",
}
HARD_SHARE = 0.1
TOPICS = list(OTHER)


def _fill(template: str, rng: random.Random, slots: dict[str, str]) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def _slots(rng: random.Random) -> dict[str, str]:
    country, admin1, town = rng.choice(PLACES)
    armed, state, weapon = rng.choice(ARMED), rng.choice(STATE), rng.choice(WEAPONS)
    team, team2 = rng.sample(TEAMS, 2)
    return {
        "country": country,
        "admin1": admin1,
        "town": town,
        "town2": rng.choice(PLACES)[2],
        "armed": armed,
        "state": state,
        "State": state[0].upper() + state[1:],
        "weapon": weapon,
        "Weapon": weapon[0].upper() + weapon[1:],
        "victims": rng.choice(VICTIMS),
        "day": rng.choice(DAYS),
        "day2": rng.choice(["January", "March", "last month", "the start of the year"]),
        "source": rng.choice(SOURCES),
        "say": rng.choice(SAY),
        "n": str(rng.randint(2, 60)),
        "m": str(rng.randint(2, 30)),
        "big": f"{rng.randint(2, 90) * 1000:,}",
        "team": team,
        "team2": team2,
        "company": rng.choice(COMPANIES),
    }


def _date(rng: random.Random) -> date:
    return date(2022, 1, 1) + timedelta(days=rng.randint(0, 1000))


def _example_texts() -> list[str]:
    """Our own sample conflict articles (the sport negative left out), date line removed."""
    texts = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        if "sport" in path.name:
            continue
        text = path.read_text(encoding="utf-8")
        texts.append(re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", text))
    return texts


def conflict_article(rng: random.Random, examples: list[str]) -> str:
    slots = _slots(rng)
    if examples and rng.random() < 0.2:
        # a sample text with its figures changed, so repeated copies are distinct articles
        return re.sub(r"\b\d{1,3}\b", lambda _: str(rng.randint(2, 90)), rng.choice(examples))
    paragraphs = [_fill(rng.choice(CONFLICT_LEADS), rng, slots)]
    paragraphs += [_fill(t, rng, slots) for t in rng.sample(CONFLICT_BODY, rng.randint(3, 7))]
    if rng.random() < 0.4:
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(BOILERPLATE))
    return "\n\n".join(paragraphs)


def other_article(rng: random.Random, topic: str) -> str:
    slots = _slots(rng)
    templates = OTHER[topic]
    chosen = rng.sample(templates, min(len(templates), rng.randint(4, 7)))
    paragraphs = [_fill(t, rng, slots) for t in chosen]
    if rng.random() < HARD_SHARE:
        paragraphs.insert(rng.randint(1, len(paragraphs)), HARD[topic])
    if rng.random() < 0.4:
        paragraphs.append(rng.choice(BOILERPLATE))
    return "\n\n".join(paragraphs)


def articles(n: int, conflict_share: float, seed: int) -> Iterator[dict[str, str]]:
    """n article rows (id, date, text, topic), about conflict_share of them about conflict."""
    rng = random.Random(seed)
    examples = _example_texts()
    for i in range(n):
        if rng.random() < conflict_share:
            topic, text = "conflict", conflict_article(rng, examples)
        else:
            topic = rng.choice(TOPICS)
            text = other_article(rng, topic)
        yield {"id": f"bench-{seed}-{i:06d}", "date": _date(rng).isoformat(), "text": text, "topic": topic}


def build(n: int, conflict_share: float = 1.0, seed: int = 7) -> Path:
    """Writes (or reuses) bench/out/corpus-N-SHARE-SEED.jsonl and returns its path."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"corpus-{n}-{round(conflict_share * 100)}-{seed}.jsonl"
    if not path.exists():
        partial = path.with_suffix(".part")
        with partial.open("w", encoding="utf-8") as handle:
            for row in articles(n, conflict_share, seed):
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        partial.replace(path)
    return path


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--conflict-share", type=float, default=1.0, help="share of conflict articles (0..1)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    path = build(args.n, args.conflict_share, args.seed)
    rows = read(path)
    words = sum(len(r["text"].split()) for r in rows)
    share = sum(r["topic"] == "conflict" for r in rows) / max(1, len(rows))
    print(f"{path}: {len(rows)} articles, {words} words, conflict share {share:.2f}")


if __name__ == "__main__":
    main()
