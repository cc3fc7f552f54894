"""The wire agency a story names as its origin ("told AFP", "according to Reuters", "(AFP) -").

The agencies and their spellings are in src/strife/data/agencies.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from strife.tables import Row, parse_table, read_table

COLUMNS = ("name", "spellings")


@dataclass(frozen=True)
class Agency:
    name: str
    spellings: tuple[str, ...]


def parse(text: str, source: str = "<agencies>") -> list[Agency]:
    """The agencies of a table `name<TAB>spellings` (spellings separated by |)."""
    return [_agency(row) for row in parse_table(text, source, COLUMNS)]


def _agency(row: Row) -> Agency:
    name = row["name"].strip()
    spellings = tuple(s.strip() for s in row["spellings"].split("|") if s.strip())
    if not name or not spellings:
        raise row.error("expected 'name<TAB>spelling|spelling...' with a name and a spelling")
    return Agency(name, spellings)


class Agencies:
    """The wire agencies and a pattern that finds one named as a story's origin."""

    def __init__(self, agencies: tuple[Agency, ...]) -> None:
        self.agencies = agencies
        # Every spelling, lower case (how the claim reader recognises an agency as a claimant).
        self.spellings = frozenset(s.casefold() for agency in agencies for s in agency.spellings)
        self._pattern, self._names = _pattern(agencies)

    @classmethod
    def load(cls, path: Path | None = None) -> Agencies:
        """The agencies of data/agencies.tsv (or of `path`)."""
        return cls(tuple(_agency(row) for row in read_table(path or "agencies.tsv", COLUMNS)))

    def agency_of(self, text: str) -> str | None:
        """The first agency the text names as its origin, by its recorded name; None when none is."""
        for match in self._pattern.finditer(text):
            found = next(g for g in match.groups() if g)
            return self._names.get(found.casefold())
        return None


def _alternation(names: list[str]) -> str:
    parts = []
    for name in sorted(names, key=len, reverse=True):
        escaped = re.escape(name)
        # "AP" or "ANI" in lower case are ordinary words: short capitals match only as written.
        parts.append(escaped if name.isupper() and len(name) <= 5 else f"(?i:{escaped})")
    return "|".join(parts)


def _pattern(agencies: tuple[Agency, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    names = {s: agency.name for agency in agencies for s in agency.spellings}
    name = f"({_alternation(list(names))})"
    before = (
        r"(?i:told|tells|telling|instructed|informed|according\s+to|quoted\s+by|said\s+to|speaking\s+to|to)"
    )
    after = r"(?i:reported|reports|said|says|learned|understands|news\s+agency)"
    pattern = re.compile(
        rf"\b{before}\s+{name}\b|\b{name}\s+{after}\b|\({name}\)|^\s*{name}\s*[-\u2013\u2014:]",
        re.MULTILINE,
    )
    return pattern, {s.casefold(): n for s, n in names.items()}
