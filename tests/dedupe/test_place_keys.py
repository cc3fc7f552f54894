"""Place keys: a record looks only where the records its place may agree with are indexed, and the
store reads the same keys as merging computes."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from pathlib import Path

from dedupe_helpers import report

from strife.dedupe.decide import Report
from strife.dedupe.grouping import default_decider
from strife.dedupe.place_keys import (
    ANYWHERE,
    CELL_DEGREES,
    TOWN_DEGREES,
    TOWN_FAMILIES,
    cell,
    cells_near,
    fold,
    index_keys,
    lookup_keys,
)
from strife.geo import haversine_km
from strife.records import Article, Event, Source
from strife.store import Store, occurrences

TOWNS = ["El Obeid", "Bara", "Um Rawaba", "Er Rahad", "Kadugli"]
ADMIN1 = ["North Kordofan", "South Kordofan", None]


def test_the_cells_near_a_point_hold_every_point_that_near() -> None:
    rng = random.Random(3)
    for _ in range(3000):
        lat, lon = rng.uniform(-75, 75), rng.uniform(-179, 179)
        size, km = rng.choice([(CELL_DEGREES, 50.0), (TOWN_DEGREES, 15.0)])
        bearing, distance = rng.uniform(0, 2 * math.pi), rng.uniform(0, km)
        other_lat = lat + distance / 111.2 * math.cos(bearing)
        other_lon = lon + distance / (111.2 * math.cos(math.radians(lat))) * math.sin(bearing)
        if haversine_km(lat, lon, other_lat, other_lon) <= km:
            assert cell(other_lat, other_lon, size) in cells_near(lat, lon, size, km)


def _random_record(rng: random.Random, number: int) -> Event:
    day = date(2024, 2, 1) + timedelta(days=rng.randrange(4))
    dated = rng.random() < 0.7
    placed = rng.random() < 0.8
    town = rng.choice(TOWNS)
    return report(
        f"a{number}",
        event_date=day if dated else None,
        time_precision=rng.choice([1, 2]) if dated else None,
        admin1=rng.choice(ADMIN1),
        admin2=rng.choice([None, "Sheikan", "Bara"]),
        location=rng.choice([town, "Sheikan", "North Kordofan", None]),
        latitude=13.0 + rng.uniform(-0.8, 0.8) if placed else None,
        longitude=30.0 + rng.uniform(-0.8, 0.8) if placed else None,
        geo_precision=rng.choice([1, 1, 2, 3]),
        fatalities=rng.choice([None, 4, 4, 9]),
        actor2=rng.choice(["Rapid Support Forces", "Unidentified Armed Group (Sudan)"]),
    )


def test_every_pair_merging_could_join_shares_a_key() -> None:
    """A record looking under its keys finds every record whose place may agree with its own: each
    pair the decider merges or leaves uncertain (copies aside, found through their chain) shares
    a key, among the records of a few places near each other, coded every way."""
    rng = random.Random(7)
    decider = default_decider()
    sentences = ("Fighters attacked El Obeid and Bara at dawn, killing four.",)
    joined = 0
    for number in range(4000):
        a, b = _random_record(rng, 2 * number), _random_record(rng, 2 * number + 1)
        first = Report(a, a.sources[0].article_id, sentences=lambda: sentences)
        second = Report(b, b.sources[0].article_id, sentences=lambda: sentences)
        if decider.decide(first, second) is None:
            continue
        joined += 1
        town = not (first.dated and second.dated)
        assert not town or {family for family, _ in lookup_keys(b, town=True)} <= TOWN_FAMILIES
        assert set(lookup_keys(b, town=town)) & set(index_keys(a)), (a, b)
        assert set(lookup_keys(a, town=town)) & set(index_keys(b)), (a, b)
    assert joined > 300


def test_the_store_reads_the_keys_merging_computes(tmp_path: Path) -> None:
    rng = random.Random(5)
    names = ["Ma'rib", "Marib", "Ségou", "Dar-es-Salaam", "Kidal"]
    events = []
    with Store.open(tmp_path / "store.duckdb") as store:
        for number in range(60):
            placed = rng.random() < 0.7
            event = Event(
                event_id=f"e{number}", event_type="Battles", sub_event_type="Armed clash",
                country="Mali", admin1=rng.choice(["Gao", "Mopti", None]), location=rng.choice(names),
                latitude=rng.uniform(-40, 40) if placed else None,
                longitude=rng.uniform(-170, 170) if placed else None,
                geo_precision=rng.choice([1, 2, 3]), sources=(Source(f"a{number}"),),
            )  # fmt: skip
            store.add_many([(Article(f"a{number}", f"Report {number}.", date=date(2024, 1, 1)), [event])])
            events.append(event)
        con = store.cursor()
        with store.transaction(con):
            occurrences.assign(con, {e.event_id: e.event_id for e in events})
        for event in events:
            for family, key in index_keys(event):
                if family not in TOWN_FAMILIES:
                    continue
                wanted = [("Mali", family, None if key == ANYWHERE else key)]
                kinds = [("Battles", "Mali")]
                found = occurrences.members_recent(con, kinds, wanted, 100, cell_degrees=TOWN_DEGREES)
                assert event.event_id in {m.event.event_id for m in found}, (family, key)
        con.close()
    assert fold("Ma'rib") == fold("Marib") and fold("Dar-es-Salaam") == "dar es salaam"
