"""Words that are never places: demonyms, religions, languages, groups, "-backed" compounds.

The gazetteer holds a village for nearly every word ("Taliban", "Christian", "English"), and a
pattern word makes an unknown name look like a place ("Cameroon's Anglophone region"). These
words name people, beliefs, tongues or armed groups, so a town or an unknown name spelled so
is dropped. A country or province of the same name still resolves ("Amhara region"): the
check is made by the detector, which keeps those kinds (CODEBOOK section 6).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

from strife.resolve.places.names import fold, read_table

# The actor types whose names are groups, never places: rebels, political and identity militias.
GROUP_TYPES = frozenset({"2", "3", "4"})
SUFFIX_CLASS = "compound suffix"


@dataclass(frozen=True)
class NotPlaces:
    """Folded words and phrases that are not places, and word endings that make a qualifier."""

    words: frozenset[str]
    suffixes: tuple[str, ...]

    @classmethod
    def load(cls, name: str = "not_places.tsv") -> NotPlaces:
        words: set[str] = set()
        suffixes: list[str] = []
        rows = read_table(name)
        for row in rows[1:] if rows and rows[0][:2] == ["word", "class"] else rows:
            if not row or not row[0]:
                continue
            if len(row) > 1 and row[1].startswith(SUFFIX_CLASS):
                suffixes.append(row[0].lower())
            else:
                words.add(fold(row[0]))
        words.update(_group_names())
        return cls(frozenset(words), tuple(suffixes))

    def word(self, token: str) -> bool:
        """Whether one word is never a place: listed (or its plural is), or a qualifier compound."""
        lowered = token.lower()
        if any(lowered.endswith(suffix) and len(lowered) > len(suffix) for suffix in self.suffixes):
            return True  # "Iranian-backed", "English-speaking", "army-led"
        key = fold(token)
        if key in self.words:
            return True
        # "Kurds", "Christians", "Druzes"
        return any(key.endswith(end) and key[: -len(end)] in self.words for end in ("es", "s"))

    def __contains__(self, name: object) -> bool:
        """Whether a name is never a place: the whole name is listed, or each of its words is."""
        if not isinstance(name, str) or not name.strip():
            return False
        if fold(name) in self.words:
            return True
        return all(self.word(word) for word in name.split())


def _group_names() -> set[str]:
    """The names and aliases of the groups in data/actors.tsv: "Hezbollah" is a group, not a place."""
    text = resources.files("strife").joinpath("data", "actors.tsv").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    names: set[str] = set()
    for row in csv.DictReader(lines, delimiter="\t"):
        if (row.get("type") or "").strip() not in GROUP_TYPES:
            continue
        spellings = [row.get("name") or "", *(row.get("aliases") or "").split("|")]
        names.update(fold(s.lstrip("=")) for s in spellings if s.strip())
    names.discard("")
    return names
