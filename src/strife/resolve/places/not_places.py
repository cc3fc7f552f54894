"""Words that are never places: demonyms, religions, languages, groups, "-backed" compounds.

The gazetteer holds a village for nearly every word ("Taliban", "Christian", "English"), and a
pattern word makes an unknown name look like a place ("Cameroon's Anglophone region"). These
words name people, beliefs, tongues or armed groups, so a town or an unknown name spelled so
is dropped. A country or province of the same name still resolves ("Amhara region"): the
check is made by the detector, which keeps those kinds (CODEBOOK section 6).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from strife.resolve.actors import ACTOR_COLUMNS
from strife.resolve.places.names import fold
from strife.tables import read_table

# The actor types whose names are groups, never places: rebels, political and identity militias.
GROUP_TYPES = frozenset({"2", "3", "4"})
SUFFIX_CLASS = "compound suffix: a word ending so qualifies a noun, it never names a place"
# The classes a row of not_places.tsv may have; only SUFFIX_CLASS reads differently.
CLASSES = frozenset(
    {
        SUFFIX_CLASS,
        "continental or regional adjective",
        "ethnic, tribal or communal group",
        "language",
        "nationality demonym",
        "religion or religious adjective",
    }
)


@dataclass(frozen=True)
class NotPlaces:
    """Folded words and phrases that are not places, and word endings that make a qualifier."""

    words: frozenset[str]
    suffixes: tuple[str, ...]

    @classmethod
    def load(cls, path: Path | None = None, actors: Path | None = None) -> NotPlaces:
        """Read data/places/not_places.tsv and the group names of data/actors.tsv (or the files given)."""
        words: set[str] = set()
        suffixes: list[str] = []
        for row in read_table(
            path or "places/not_places.tsv", ["word", "class"], CLASSES, kind_column="class"
        ):
            word = row["word"].strip()
            if not word:
                continue
            if row["class"].strip() == SUFFIX_CLASS:
                suffixes.append(word.lower())
            else:
                words.add(fold(word))
        words.update(_group_names(actors))
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


def _group_names(path: Path | None = None) -> set[str]:
    """The names and aliases of the groups in data/actors.tsv: "Hezbollah" is a group, not a place."""
    names: set[str] = set()
    for row in read_table(path or "actors.tsv", ACTOR_COLUMNS, optional={"notes"}):
        if row["type"].strip() not in GROUP_TYPES:
            continue
        spellings = [row["name"], *row["aliases"].split("|")]
        names.update(fold(s.lstrip("=")) for s in spellings if s.strip())
    names.discard("")
    return names
