"""Toponym detection, steps 3 and 4: the candidate names of a text, before any country is chosen.

3. Inside each run of capitalised words take the longest gazetteer match from the left;
   demonyms ("Afghan") map to their country. A name the gazetteer lacks keeps its place when a
   pattern word or a cue says it is one ("Gouz Al-Naqa village", "north of Banibangou").
4. Drop what is probably not a place: common words and names used lower-case elsewhere in the
   text, words that are never places (not_places.tsv), streets and buildings, institutions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from strife.mentions import Place
from strife.resolve.places.detection_tables import Tables
from strife.resolve.places.gazetteer import Gazetteer
from strife.resolve.places.hints import Hints
from strife.resolve.places.names import plural
from strife.resolve.places.runs import WORD, Word, join_phrases, runs

MAX_WORDS = 5
# "7th and Broadway", "5th Street and Main": a street named at an intersection with a numbered one.
_ORDINAL_AND = re.compile(r"\b\d+(?:st|nd|rd|th)(?:\s+(?:street|avenue|st|ave)\.?)?\s+(?:and|&)\s+$", re.I)
# A match: start, end, surface, candidate places (none: unknown), kinds named by the pattern,
# and whether it is inside a longer name.
Hit = tuple[int, int, str, tuple[Place, ...], tuple[str, ...], bool]


class Candidates:
    """The candidate names of a text, with one gazetteer and the data tables."""

    def __init__(self, gazetteer: Gazetteer, tables: Tables) -> None:
        self.gazetteer = gazetteer
        self.tables = tables
        self.keywords = tables.keywords.kinds
        self.hints = Hints(gazetteer, tables)
        near = "|".join(re.escape(c) for c in sorted(tables.cues["near"], key=len, reverse=True))
        filler = r"(?:\s+(?:the|a|capital|provincial|town|city|village|district|area|of|\(?\d+\s*\w*\)?),?)*"
        # "near X", "north of the town of X": searched in the text before a name
        self.near = re.compile(rf"\b(?:{near}){filler}\s*$", re.IGNORECASE)
        self._streets = frozenset(tables.cues["street"])
        self._organisations = frozenset(tables.cues["organisation"])
        self._last: tuple[str, list[Hit]] | None = None

    def __call__(self, text: str) -> list[Hit]:
        """The candidate names of a text. The pipeline asks twice for one text (once to vote for
        the country, once to resolve in it): the last text's candidates are kept, a pure function
        of the text, so the second call reuses them."""
        if self._last is not None and self._last[0] is text:
            return self._last[1]
        lowered = {m.group() for m in WORD.finditer(text) if m.group().islower()}
        found = [join_phrases(run, self.keywords) for run in runs(text, self.tables.particles)]
        hints = self.hints.hints(text, found)
        raw: list[Hit] = []
        for run, hint in zip(found, hints, strict=True):
            last = run[-1].text
            if last.lower() in self.tables.particles and (not hint or last in self.tables.common):
                continue  # "As", "De", "Bin" alone are words; but "Bin village" is a place
            raw.extend(self._match_run(text, run, hint, lowered))
        self._last = (text, raw)
        return raw

    def _match_run(
        self, text: str, run: list[Word], hint: tuple[str, ...], lowered: set[str]
    ) -> Iterator[Hit]:
        if self._street(text, run):
            # a street or a square is a site in the town around it, never a town of that name
            yield (run[0].start, run[-1].end, text[run[0].start : run[-1].end], (), ("street",), False)
            return
        while len(run) > 1 and run[0].text in self.tables.common and not self._names_place(text, run):
            run = run[1:]  # "The Panjshir Valley", "In Kabul"; but "North Darfur" is a name
        keyword = plural(run[-1].text.lower()) if len(run) > 1 else ""
        if keyword in self.keywords and any(t.text.lower() in self._organisations for t in run[1:-1]):
            # "Oakland Police Department": an institution; the town in it only qualifies it
            hint, keyword, run = (), "", run[:-1]
        if keyword in self.keywords:
            hint = self.keywords[keyword]
        name_end = run[-2].end if keyword in self.keywords else run[-1].end
        hits: list[Hit] = []
        index = 0
        while index < len(run):
            for size in range(min(MAX_WORDS, len(run) - index), 0, -1):
                hit = self._match(text, run, index, size, hint, lowered)
                if hit is not None:
                    hits.append(hit)
                    index += size
                    break
            else:
                index += 1
        if any(h[0] == run[0].start and h[1] >= name_end for h in hits) or run[0].text.isupper():
            yield from hits
            return
        cued = self.near.search(text[max(0, run[0].start - 80) : run[0].start])
        if text[run[0].start : name_end] in self.tables.not_places:
            yield from hits  # "the Anglophone region", "Iranian-backed Hezbollah": not names of places
            return
        institution = run[-1].text.lower() in self._organisations  # "the African Union camp"
        if (hint or cued) and run[0].text not in self.tables.common and not institution:
            # A place the gazetteer lacks, known to be one by its pattern word ("Gouz Al-Naqa
            # village") or a cue ("north of Banibangou"): keep the whole name, unresolved.
            yield (run[0].start, run[-1].end, text[run[0].start : run[-1].end], (), hint or ("city",), False)
            return
        yield from hits

    def _street(self, text: str, run: list[Word]) -> bool:
        """Whether the run names a street, a square or a building ("Pennsylvania Avenue", "City
        Hall", "Frank Ogawa Plaza"), or a street at an intersection ("7th and Broadway"): a town of
        the same name elsewhere is not meant, and the event's place is the town around it."""
        if len(run) > 1 and run[-1].text.lower().rstrip(".") in self._streets:
            return True
        return _ORDINAL_AND.search(text, max(0, run[0].start - 40), run[0].start) is not None

    def _names_place(self, text: str, run: list[Word]) -> bool:
        """Whether the run's first words, common word included, spell a place ("North Kivu")."""
        for size in range(min(MAX_WORDS, len(run)), 1, -1):
            words = run[:size]
            if size > 2 and plural(words[-1].text.lower()) in self.keywords:
                words = words[:-1]
            if self.gazetteer.lookup(text[words[0].start : words[-1].end]):
                return True
        return False

    def _match(
        self, text: str, run: list[Word], index: int, size: int, hint: tuple[str, ...], lowered: set[str]
    ) -> Hit | None:
        words = run[index : index + size]
        start, end = words[0].start, words[-1].end
        surface = text[start:end]
        last = index + size == len(run)
        own_hint = hint if last else ()
        name = surface
        if size > 1 and plural(words[-1].text.lower()) in self.keywords:  # "Panjshir Valley", "Gezira State"
            own_hint = self.keywords[plural(words[-1].text.lower())]
            name = text[start : words[-2].end]
        demonym = self.tables.demonyms.get(surface)
        if demonym is not None:
            country = self.gazetteer.country(demonym)
            return (start, end, surface, (country,), (), False) if country else None
        caps = name.isupper()
        if size == 1 and not own_hint and (name in self.tables.common or name.lower() in lowered):
            return None
        places = self.gazetteer.lookup(name)
        if name in self.tables.not_places:
            # "Buddhist", "Taliban", "English": a village somewhere, but here people, a belief or a
            # group; only a country or province of that name is meant ("Amhara region").
            places = tuple(
                p for p in places if p.kind in ("country", "admin1") or (own_hint and p.kind == "admin2")
            )
        if caps:  # datelines ("KABUL, Afghanistan"): only prominent places, never acronyms
            places = tuple(
                p
                for p in places
                if len(name) > 3 and (p.kind in ("country", "admin1") or p.population > 50_000)
            )
        if not places:
            return None
        partial = len(run) > size and not own_hint
        return (start, end, surface, places, own_hint, partial)
