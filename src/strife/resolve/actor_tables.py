"""The actor dictionary's three data files read into typed rows (CODEBOOK section 4).

- ``data/actors.tsv``: named actors, one row per actor and period, with the aliases that match
  anywhere and the local aliases that match only in articles about the given countries.
- ``data/generic_actors.tsv``: common nouns that name an actor once a country is known.
- ``data/actor_demonyms.tsv``: demonyms and country names, and ethnic or communal groups with
  the name of their militia.
- ``data/admin_units.tsv``: the words beside "government" that make it the name of an
  administrative unit ("Igabi Local Government Area"), a place and not the state.

Each reader error names the file, the line and the fix (strife.tables.read_table).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from strife.resolve._actor_match import fold
from strife.tables import DataFileError, Row, read_table


@dataclass(frozen=True)
class Entry:
    """One row of actors.tsv."""

    name: str
    type: int
    country: str | None
    local_in: frozenset[str]
    valid_from: date | None
    valid_to: date | None
    assoc: str | None

    def valid_on(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True)
class Generic:
    """One row of generic_actors.tsv."""

    template: str
    type: int
    after_name: bool

    @property
    def needs_group(self) -> bool:
        """A "{militia} (...)" template, filled only from an ethnic or communal group word before it."""
        return "{militia}" in self.template


@dataclass(frozen=True)
class Demonym:
    """One row of actor_demonyms.tsv: a country's demonym, or a group with its militia name."""

    country: str
    militia: str | None = None  # "Murle Ethnic Militia": the row names a group, not a country


@dataclass(frozen=True)
class Sense:
    entry: Entry
    local: bool


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _date(cell: str | None, where: str) -> date | None:
    if not (cell or "").strip():
        return None
    try:
        return date.fromisoformat((cell or "").strip())
    except ValueError:
        raise DataFileError(
            f"{where}: date {cell!r} is not ISO (YYYY-MM-DD); fix the cell or leave it empty"
        ) from None


def _type(cell: str | None, where: str) -> int:
    if (cell or "").strip() not in {str(code) for code in range(1, 9)}:
        raise DataFileError(
            f"{where}: type {cell!r} is not a code 1-8 (CODEBOOK section 4); fix the type column"
        )
    return int(cell or 0)


# The columns of the three actor tables, as their header lines name them (notes and militia may be left off).
ACTOR_COLUMNS = (
    "name", "type", "country", "aliases", "local_aliases", "local_in",
    "valid_from", "valid_to", "assoc", "notes",
)  # fmt: skip
GENERIC_COLUMNS = ("template", "type", "after_name", "aliases", "notes")
DEMONYM_COLUMNS = ("aliases", "country", "militia")
ADMIN_UNIT_COLUMNS = ("word", "position", "notes")


@dataclass(frozen=True)
class AdminUnits:
    """Words beside a government noun that make it part of an administrative unit's name."""

    before: frozenset[str] = frozenset()  # "Local" in "Igabi Local Government" (capitalised noun only)
    after: frozenset[str] = frozenset()  # "Area" in "Igabi Local Government Area"

    @classmethod
    def load(cls, path: Path | None = None) -> AdminUnits:
        rows = read_table(path or "admin_units.tsv", ADMIN_UNIT_COLUMNS, ("before", "after"),
                          optional=("notes",), kind_column="position")  # fmt: skip
        words = {pos: frozenset(r["word"].strip().lower() for r in rows if r["position"] == pos)
                 for pos in ("before", "after")}  # fmt: skip
        return cls(words["before"], words["after"])


def _rows(path: Path | None, default: str, columns: tuple[str, ...], optional: tuple[str, ...]) -> list[Row]:
    """The rows of an actor table (strife.tables.read_table: errors at file:line)."""
    return read_table(path or default, columns, optional=optional)


class Tables(NamedTuple):
    """The three tables as the dictionary takes them: rows, and each alias with what it names."""

    entries: list[Entry]
    aliases: list[tuple[str, Sense]]
    generics: list[tuple[str, Generic]]
    demonyms: list[tuple[str, Demonym]]
    admin_units: AdminUnits


def read_tables(
    path: Path | None = None,
    generic_path: Path | None = None,
    demonym_path: Path | None = None,
    admin_path: Path | None = None,
) -> Tables:
    """Read the four data files (the packaged ones by default); errors name the file, line and fix."""
    entries: list[Entry] = []
    aliases: list[tuple[str, Sense]] = []
    for row in _rows(path, "actors.tsv", ACTOR_COLUMNS, ("notes",)):
        where = row.where
        if not row["name"].strip():
            raise row.error("empty name; every row needs a canonical name")
        country = row["country"].strip() or None
        entry = Entry(
            name=row["name"].strip(),
            type=_type(row["type"], where),
            country=country,
            local_in=frozenset(_split(row["local_in"]) or ([country] if country else [])),
            valid_from=_date(row["valid_from"], where),
            valid_to=_date(row["valid_to"], where),
            assoc=row["assoc"].strip() or None,
        )
        if entry.valid_from and entry.valid_to and entry.valid_from > entry.valid_to:
            raise row.error("valid_from is after valid_to; swap or fix the dates")
        entries.append(entry)
        local = _split(row["local_aliases"])
        # The canonical name matches anywhere, unless the row lists it as a local alias: a
        # name as plain as "National Liberation Army" means the ELN only in Colombia.
        named = [] if fold(entry.name) in {fold(a.lstrip("=")) for a in local} else [entry.name]
        aliases += [(a, Sense(entry, False)) for a in [*named, *_split(row["aliases"])]]
        aliases += [(a, Sense(entry, True)) for a in local]
    generics = []
    for row in _rows(generic_path, "generic_actors.tsv", GENERIC_COLUMNS, ("notes",)):
        generic = Generic(row["template"].strip(), _type(row["type"], row.where), row["after_name"] == "yes")
        generics += [(a, generic) for a in _split(row["aliases"])]
    demonyms = [
        (alias, Demonym(row["country"].strip(), row["militia"].strip() or None))
        for row in _rows(demonym_path, "actor_demonyms.tsv", DEMONYM_COLUMNS, ("militia",))
        for alias in _split(row["aliases"])
    ]
    return Tables(entries, aliases, generics, demonyms, AdminUnits.load(admin_path))
