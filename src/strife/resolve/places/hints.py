"""Toponym detection, step 2: the kinds of place the pattern words around a run of capitalised
words name. "X province", "the city of X", "the districts of X, Y and Z", "X, a mining village",
"a camp called X", "X military detachment" say what kind of place X is (data/places/keywords.tsv;
site words in cues.json)."""

from __future__ import annotations

import re

from strife.resolve.places.detection_tables import Tables
from strife.resolve.places.gazetteer import Gazetteer
from strife.resolve.places.names import plural
from strife.resolve.places.runs import Word

_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# The capitalised word before "<keyword> of": "Chiure" in "Chiure district of ".
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'\u2019\-]*)\s+\w+?\s+of\s+(?:the\s+)?$")
SITE_KINDS = ("feature", "city")
# Pattern words whose "<word> of X" names the larger place X is part of when X is a country.
_PART_OF = frozenset({"area", "region"})
# "in Tourbi, western Niger", "to Kfar Mahla, Syria": a name after a preposition, then its country.
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|near|from|to|into|outside|around)\s+(?:the\s+)?$")
_COUNTRY_APPOSITION = re.compile(
    r",\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern"
    r"|north-?western|south-?eastern|south-?western|central)\s+)?"
    r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})(?![\w'\u2019])"
)
# What may stand between names that share one pattern word: "Kunduz and Takhar provinces".
_LISTED = r",? (?:and |or )?|, "


class Hints:
    """The kinds of place named around each run, with the gazetteer and the data tables."""

    def __init__(self, gazetteer: Gazetteer, tables: Tables) -> None:
        self.gazetteer = gazetteer
        self.tables = tables
        self.keywords = tables.keywords.kinds
        self._before = re.compile(r"\b(\w+?)\s+(of|called|named|known\s+as)\s+(?:the\s+)?$", re.IGNORECASE)
        modifiers = "|".join(re.escape(c) for c in tables.cues["site_modifier"])
        # used with match(text, pos), which anchors at pos: "X district", "X military detachment"
        self._after = re.compile(rf"\s+(?:({modifiers})\s+)?(\w+)", re.IGNORECASE)
        self._sites = frozenset(tables.cues["site"])
        # A settlement word in an apposition: "Bagega, a mining village in Zamfara". The word must
        # end the noun phrase ("X, a village elder" is a person), so what may follow it is listed.
        pattern_words = "|".join(sorted(self.keywords, key=len, reverse=True))
        self._apposition = re.compile(
            rf",\s+(?:a|an)\s+(?:[a-z][\w\-]*\s+){{0,2}}?({pattern_words})s?"
            r"(?=\s*[,.;:)]|\s*$|\s+(?:in|of|on|near|about|some|located|close|along|north|south|east|west"
            r"|where|which|that|with|bordering|outside)\b)"
        )

    def hint(self, text: str, run: list[Word]) -> tuple[tuple[str, ...], str]:
        """The kinds a pattern word around the run names, and whether it came after or before."""
        after = self._after.match(text, run[-1].end)
        word = plural(after.group(2).lower()) if after else ""
        if (
            after
            and (word in self.keywords or (after.group(1) and word in self._sites))
            and text[run[-1].end : run[-1].end + 1] == " "
            and not (word in self.tables.keywords.settlements and _OF_NAME.match(text, after.end()))
        ):
            # "Chiure district of Cabo Delgado" names Chiure; but in "the Senegalese city of
            # Ziguinchor" the word before a settlement word is an adjective, the name follows "of".
            # A modifier names a site: "X military detachment", "X cattle camp".
            return (SITE_KINDS if after.group(1) and word in self._sites else self.keywords[word]), "after"
        apposition = self._apposition.match(text, run[-1].end)
        if apposition:
            return self.keywords[apposition.group(1).lower()], "after"  # "Bagega, a mining village"
        if self._of_country(text, run):
            return ("city",), "after"  # "in Tourbi, western Niger"
        before = self._before.search(text[max(0, run[0].start - 40) : run[0].start])
        if before and plural(before.group(1).lower()) in self.keywords:
            named = _NAME_BEFORE.search(text[max(0, run[0].start - 80) : run[0].start])
            if (
                named
                and before.group(2).lower() == "of"
                and named.group(1) not in self.tables.common
                and named.group(1) not in self.tables.demonyms
            ):
                return (), ""  # "Chiure district of Mozambique": the area it lies in, not a district
            kinds = self.keywords[plural(before.group(1).lower())]
            if (
                before.group(2).lower() == "of"
                and plural(before.group(1).lower()) in _PART_OF
                and any(p.kind == "country" for p in self.gazetteer.lookup(text[run[0].start : run[-1].end]))
            ):
                # "the border area of Niger", "the northern region of Mali": the country it is part of
                kinds = ("country", *kinds)
            return kinds, "before"
        return (), ""

    def _of_country(self, text: str, run: list[Word]) -> bool:
        """Whether the run, after a preposition, is followed by the country it lies in ("in
        Tourbi, western Niger"): a place, whether or not the gazetteer has it."""
        if not _PLACE_PREPOSITION.search(text, max(0, run[0].start - 20), run[0].start):
            return False
        apposition = _COUNTRY_APPOSITION.match(text, run[-1].end)
        if apposition is None:
            return False
        country = self.gazetteer.country(apposition.group(1))
        return country is not None and not self.gazetteer.country(text[run[0].start : run[-1].end])

    def hints(self, text: str, runs: list[list[Word]]) -> list[tuple[str, ...]]:
        """The kinds named around each run; names listed together share a pattern word."""
        found = [self.hint(text, run) for run in runs]
        hints = [kinds for kinds, _ in found]
        # "the districts of Bano, Deh Saleh and Pul-e Hesar", "Kunduz and Takhar provinces"
        for index in range(len(runs) - 1, 0, -1):
            gap = text[runs[index - 1][-1].end : runs[index][0].start]
            if (
                re.fullmatch(_LISTED, gap)
                and not hints[index - 1]
                and found[index][1] == "after"
                and not (len(runs[index - 1]) == 1 and runs[index - 1][0].text in self.tables.common)
            ):  # but "North and West Darfur states" does not make "North" a state
                hints[index - 1] = hints[index]
        for index in range(1, len(runs)):
            gap = text[runs[index - 1][-1].end : runs[index][0].start]
            inherits = found[index - 1][1] != "after" and not hints[index] and bool(hints[index - 1])
            if inherits and re.fullmatch(_LISTED, gap):
                hints[index] = hints[index - 1]
        return hints
