"""The wire agency a story names as its origin ("told AFP", "according to Reuters", "(AFP) -").

The agencies and their spellings are in src/strife/data/agencies.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Agency:
    name: str
    spellings: tuple[str, ...]


def parse(text: str, source: str = "<agencies>") -> list[Agency]:
    agencies: list[Agency] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].strip() or not cells[1].strip():
            raise ValueError(f"{source}:{number}: expected 'name<TAB>spelling|spelling...', got {line!r}")
        spellings = tuple(s.strip() for s in cells[1].split("|") if s.strip())
        agencies.append(Agency(cells[0].strip(), spellings))
    return agencies


@cache
def agencies() -> tuple[Agency, ...]:
    text = resources.files("strife.data").joinpath("agencies.tsv").read_text(encoding="utf-8")
    return tuple(parse(text, "agencies.tsv"))


def spellings() -> frozenset[str]:
    """Every spelling, lower case (how the claim reader recognises an agency as a claimant)."""
    return frozenset(s.casefold() for agency in agencies() for s in agency.spellings)


def _alternation(names: list[str]) -> str:
    parts = []
    for name in sorted(names, key=len, reverse=True):
        escaped = re.escape(name)
        # "AP" or "ANI" in lower case are ordinary words: short capitals match only as written.
        parts.append(escaped if name.isupper() and len(name) <= 5 else f"(?i:{escaped})")
    return "|".join(parts)


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {s: agency.name for agency in agencies() for s in agency.spellings}
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


def agency_of(text: str) -> str | None:
    """The first agency the text names as its origin, by its recorded name; None when none is."""
    pattern, names = _pattern()
    for match in pattern.finditer(text):
        found = next(g for g in match.groups() if g)
        return names.get(found.casefold())
    return None
