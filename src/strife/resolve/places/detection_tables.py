"""The data files toponym detection reads (toponyms.py): demonyms, common words, context cues,
pattern words with the kinds of place they name, name particles, and the words that are never
places."""

from __future__ import annotations

from dataclasses import dataclass, field

from strife.resolve.places.names import place_table, read_json
from strife.resolve.places.not_places import NotPlaces

KEYWORD_KINDS = frozenset({"admin1", "admin2", "city", "feature"})


@dataclass(frozen=True)
class Keywords:
    """data/places/keywords.tsv: the kinds each pattern word names, most likely first, and the
    settlement words among them."""

    kinds: dict[str, tuple[str, ...]]
    settlements: frozenset[str]

    @classmethod
    def load(cls) -> Keywords:
        kinds: dict[str, tuple[str, ...]] = {}
        settlements = set()
        for row in place_table("keywords.tsv"):
            named = tuple(row["kinds"].split())
            unknown = [kind for kind in named if kind not in KEYWORD_KINDS]
            if not named or unknown:
                expected = ", ".join(sorted(KEYWORD_KINDS))
                raise row.error(f"kinds {row['kinds']!r}; expected some of {expected}")
            if row["settlement"] not in ("", "yes"):
                raise row.error(f"settlement {row['settlement']!r}; expected 'yes' or nothing")
            kinds[row["keyword"].lower()] = named
            if row["settlement"] == "yes":
                settlements.add(row["keyword"].lower())
        return cls(kinds, frozenset(settlements))


@dataclass(frozen=True)
class Tables:
    """The data files detection reads: demonyms, common words, context cues, pattern words
    (keywords.tsv), name particles (particles.txt), and the words that are never places
    (not_places.tsv, with the named groups of the actor dictionary)."""

    demonyms: dict[str, str]
    common: frozenset[str]
    cues: dict[str, list[str]]
    keywords: Keywords = field(default_factory=lambda: Keywords({}, frozenset()))
    particles: frozenset[str] = frozenset()
    not_places: NotPlaces = field(default_factory=lambda: NotPlaces(frozenset(), ()))
    # abbreviations.tsv: (abbreviation, target, iso2, kind, only after "Town, ")
    abbreviations: tuple[tuple[str, str, str, str, bool], ...] = ()

    @classmethod
    def load(cls) -> Tables:
        cues = {k: v for k, v in read_json("cues.json").items() if not k.startswith("_")}
        return cls(
            {row["demonym"]: row["iso2"] for row in place_table("demonyms.tsv")},
            frozenset(row["word"] for row in place_table("common_words.txt")),
            cues,
            Keywords.load(),
            frozenset(row["word"].lower() for row in place_table("particles.txt")),
            NotPlaces.load(),
            tuple(
                (r["abbreviation"], r["target"], r["iso2"], r["kind"], r["after_town"] == "yes")
                for r in place_table("abbreviations.tsv")
            ),
        )
