"""Toponym detection without NER: capitalised phrases matched against the gazetteer.

The steps, in order:

1. Split the text into runs of capitalised words ("Jab al-Seraj", "Panjshir Valley");
   a comma or any lower-case word other than a name particle ends a run.
2. Read the pattern words around each run: "X province", "the city of X",
   "the districts of X, Y and Z", "X, a mining village", "a camp called X",
   "X military detachment" give the kind of place X is (KEYWORDS; site words in
   cues.json). A name the gazetteer lacks keeps its place there, unresolved.
3. Inside a run take the longest gazetteer match from the left; demonyms
   ("Afghan") map to their country.
4. Drop what is probably not a place: common words and names used lower-case
   elsewhere in the text, small places that are part of a longer name (a person's
   surname), small places abroad when the article's country is known.
5. Choose among same-named places: a country named right around the name first ("Khiam
   in south Lebanon"), then the article's country, then the kind the pattern names, then
   a country the text names, then admin1 areas named in the text, then prominence. A small
   town abroad counts only where the text spells its country's name, not a demonym alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field

from strife.mentions import Place, PlaceMention
from strife.resolve.places.choosing import abroad as _abroad
from strife.resolve.places.choosing import choose
from strife.resolve.places.gazetteer import Gazetteer
from strife.resolve.places.names import fold, place_table, read_json
from strife.resolve.places.not_places import NotPlaces

# The kinds a pattern word names, most likely first.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "province": ("admin1", "admin2"), "state": ("admin1",), "governorate": ("admin1",),
    "oblast": ("admin1",), "prefecture": ("admin1", "admin2"), "department": ("admin1", "admin2"),
    "region": ("admin1", "admin2", "feature", "city"), "district": ("admin2", "city", "admin1"),
    "county": ("admin2", "admin1"), "municipality": ("admin2", "city"), "raion": ("admin2",),
    "city": ("city", "admin2"), "town": ("city", "admin2"), "village": ("city", "feature"),
    "valley": ("admin1", "feature", "admin2", "city"), "area": ("city", "admin2", "feature", "admin1"),
    "camp": ("feature", "city"), "neighbourhood": ("city", "feature"), "neighborhood": ("city", "feature"),
}  # fmt: skip
PARTICLES = frozenset(
    {"al", "el", "ad", "as", "ash", "an", "de", "du", "da", "do", "e",
     "i", "wa", "bin", "ibn", "la", "le", "os", "us", "ul", "del", "di"}
)  # fmt: skip
# A word; an apostrophe stays inside it ("Sa'dah") unless it starts a possessive "'s".
_TOKEN = re.compile(r"[^\W\d_][\w\-]*(?:['\u2019](?!s\b)[\w\-]+)*")
MAX_WORDS = 5
# Pattern words for a settlement: "the <adjective> city of <Name>" names what follows "of".
SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood", "neighborhood"})
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# The capitalised word before "<keyword> of": "Chiure" in "Chiure district of ".
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'\u2019\-]*)\s+\w+?\s+of\s+(?:the\s+)?$")
# A settlement word in an apposition: "Bagega, a mining village in Zamfara". The word must end
# the noun phrase ("X, a village elder" is a person), so what may follow it is listed.
_SETTLEMENT_WORDS = "|".join(sorted(KEYWORDS, key=len, reverse=True))
_APPOSITION = re.compile(
    rf",\s+(?:a|an)\s+(?:[a-z][\w\-]*\s+){{0,2}}?({_SETTLEMENT_WORDS})s?"
    r"(?=\s*[,.;:)]|\s*$|\s+(?:in|of|on|near|about|some|located|close|along|north|south|east|west"
    r"|where|which|that|with|bordering|outside)\b)"
)
SITE_KINDS = ("feature", "city")
# "7th and Broadway", "5th Street and Main": a street named at an intersection with a numbered one.
_ORDINAL_AND = re.compile(r"\b\d+(?:st|nd|rd|th)(?:\s+(?:street|avenue|st|ave)\.?)?\s+(?:and|&)\s+$", re.I)
# A country's capital named by the country: "the Somali capital", "Mali's capital", "the capital of Chad".
_CAPITAL_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+capital\b"
    r"(?!\s+(?:city\s+)?of\b|\s+(?:markets?|punishment|gains|flight|investment|expenditure|controls?)\b)"
)
_CAPITAL_BEFORE = re.compile(r"\bcapital\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# Pattern words whose "<word> of X" names the larger place X is part of when X is a country.
_PART_OF = frozenset({"area", "region"})
_IN_AREA = re.compile(r",?\s+in\s+(?:the\s+)?")
# A match: start, end, surface, candidate places (none: unknown), kinds named by the pattern,
# and whether it is inside a longer name.
_Hit = tuple[int, int, str, tuple[Place, ...], tuple[str, ...], bool]
LOCAL_POPULATION = 100_000  # below this a town abroad or inside a longer name is not trusted


def plural(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


@dataclass(frozen=True)
class Tables:
    """The data files detection reads: demonyms, common words, context cues, and the words
    that are never places (not_places.tsv, with the named groups of the actor dictionary)."""

    demonyms: dict[str, str]
    common: frozenset[str]
    cues: dict[str, list[str]]
    not_places: NotPlaces = field(default_factory=lambda: NotPlaces(frozenset(), ()))

    @classmethod
    def load(cls) -> Tables:
        cues = {k: v for k, v in read_json("cues.json").items() if not k.startswith("_")}
        return cls(
            {row["demonym"]: row["iso2"] for row in place_table("demonyms.tsv")},
            frozenset(row["word"] for row in place_table("common_words.txt")),
            cues,
            NotPlaces.load(),
        )


@dataclass
class _Token:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        head = self.text.split("-", 1)
        if len(head) == 2 and head[0].lower() in PARTICLES and head[1][:1].isupper():
            return True  # "al-Seraj"
        return self.text[:1].isupper()


def _runs(text: str) -> list[list[_Token]]:
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for index, token in enumerate(tokens):
        joined = bool(current) and text[current[-1].end : token.start] == " "
        if token.capitalised and (joined or not current):
            current.append(token)
            continue
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if joined and token.text.lower() in PARTICLES and nxt is not None and nxt.capitalised:
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = [token] if token.capitalised else []
    if current:
        runs.append(current)
    return runs


class Detector:
    """Finds PlaceMentions in a text with one gazetteer and the data tables."""

    def __init__(self, gazetteer: Gazetteer, tables: Tables) -> None:
        self.gazetteer = gazetteer
        self.tables = tables
        near = "|".join(re.escape(c) for c in sorted(tables.cues["near"], key=len, reverse=True))
        filler = r"(?:\s+(?:the|a|capital|provincial|town|city|village|district|area|of|\(?\d+\s*\w*\)?),?)*"
        self._near = re.compile(rf"\b(?:{near}){filler}\s*$", re.IGNORECASE)
        self._before = re.compile(r"\b(\w+?)\s+(of|called|named|known\s+as)\s+(?:the\s+)?$", re.IGNORECASE)
        modifiers = "|".join(re.escape(c) for c in tables.cues["site_modifier"])
        # used with match(text, pos), which anchors at pos: "X district", "X military detachment"
        self._after = re.compile(rf"\s+(?:({modifiers})\s+)?(\w+)", re.IGNORECASE)
        self._sites = frozenset(tables.cues["site"])
        areas = "|".join(re.escape(c) for c in tables.cues["near_after"])
        self._near_after = re.compile(rf"\s+(?:{areas})\b")
        self._streets = frozenset(tables.cues["street"])
        self._organisations = frozenset(tables.cues["organisation"])
        self._last: tuple[str, list[_Hit]] | None = None

    def _hint(self, text: str, run: list[_Token]) -> tuple[tuple[str, ...], str]:
        """The kinds a pattern word around the run names, and whether it came after or before."""
        after = self._after.match(text, run[-1].end)
        word = plural(after.group(2).lower()) if after else ""
        if (
            after
            and (word in KEYWORDS or (after.group(1) and word in self._sites))
            and text[run[-1].end : run[-1].end + 1] == " "
            and not (word in SETTLEMENTS and _OF_NAME.match(text, after.end()))
        ):
            # "Chiure district of Cabo Delgado" names Chiure; but in "the Senegalese city of
            # Ziguinchor" the word before a settlement word is an adjective, the name follows "of".
            # A modifier names a site: "X military detachment", "X cattle camp".
            return (SITE_KINDS if after.group(1) and word in self._sites else KEYWORDS[word]), "after"
        apposition = _APPOSITION.match(text, run[-1].end)
        if apposition:
            return KEYWORDS[apposition.group(1).lower()], "after"  # "Bagega, a mining village"
        before = self._before.search(text[max(0, run[0].start - 40) : run[0].start])
        if before and plural(before.group(1).lower()) in KEYWORDS:
            named = _NAME_BEFORE.search(text[max(0, run[0].start - 80) : run[0].start])
            if (
                named
                and before.group(2).lower() == "of"
                and named.group(1) not in self.tables.common
                and named.group(1) not in self.tables.demonyms
            ):
                return (), ""  # "Chiure district of Mozambique": the area it lies in, not a district
            kinds = KEYWORDS[plural(before.group(1).lower())]
            if (
                before.group(2).lower() == "of"
                and plural(before.group(1).lower()) in _PART_OF
                and any(p.kind == "country" for p in self.gazetteer.lookup(text[run[0].start : run[-1].end]))
            ):
                # "the border area of Niger", "the northern region of Mali": the country it is part of
                kinds = ("country", *kinds)
            return kinds, "before"
        return (), ""

    def _hints(self, text: str, runs: list[list[_Token]]) -> list[tuple[str, ...]]:
        found = [self._hint(text, run) for run in runs]
        hints = [kinds for kinds, _ in found]
        # "the districts of Bano, Deh Saleh and Pul-e Hesar", "Kunduz and Takhar provinces"
        for index in range(len(runs) - 1, 0, -1):
            gap = text[runs[index - 1][-1].end : runs[index][0].start]
            if (
                re.fullmatch(r",? (?:and |or )?|, ", gap)
                and not hints[index - 1]
                and found[index][1] == "after"
                and not (len(runs[index - 1]) == 1 and runs[index - 1][0].text in self.tables.common)
            ):  # but "North and West Darfur states" does not make "North" a state
                hints[index - 1] = hints[index]
        for index in range(1, len(runs)):
            gap = text[runs[index - 1][-1].end : runs[index][0].start]
            inherits = found[index - 1][1] != "after" and not hints[index] and bool(hints[index - 1])
            if inherits and re.fullmatch(r",? (?:and |or )?|, ", gap):
                hints[index] = hints[index - 1]
        return hints

    def _raw(self, text: str) -> list[_Hit]:
        """The candidate names of a text, before any country is chosen. The pipeline asks twice
        for one text (once to vote for the country, once to resolve in it): the last text's
        candidates are kept, a pure function of the text, so the second call reuses them."""
        if self._last is not None and self._last[0] is text:
            return self._last[1]
        lowered = {m.group() for m in _TOKEN.finditer(text) if m.group().islower()}
        runs = _runs(text)
        hints = self._hints(text, runs)
        raw: list[_Hit] = []
        for run, hint in zip(runs, hints, strict=True):
            last = run[-1].text
            if last.lower() in PARTICLES and (not hint or last in self.tables.common):
                continue  # "As", "De", "Bin" alone are words; but "Bin village" is a place
            raw.extend(self._match_run(text, run, hint, lowered))
        self._last = (text, raw)
        return raw

    def mentions(self, text: str, country_code: str | None) -> list[PlaceMention]:
        """All toponyms in `text`, resolved with the article's country when given."""
        raw = self._raw(text)
        context = {
            p.admin1 for *_, places, _, _ in raw for p in places if p.kind == "admin1" and len(places) == 1
        }
        # Countries the text names (or its demonyms): "Gaza" beside "Palestinian" is not Mozambique's.
        named = {
            places[0].country_code
            for *_, places, _, _ in raw
            if len(places) == 1 and places[0].kind == "country"
        }
        # Countries named by name, where: a demonym ("an Irish priest") says less about places.
        by_name = [
            (start, places[0].country_code)
            for start, _, surface, places, _, _ in raw
            if len(places) == 1
            and places[0].kind == "country"
            and surface.split()[0] not in self.tables.demonyms
        ]
        spelled = {code for _, code in by_name}
        found: list[PlaceMention] = []
        for index, (start, end, surface, places, hint, partial) in enumerate(raw):
            # "near X", and "the X area" (an area around X, CODEBOOK section 6: precision 2)
            near = bool(self._near.search(text[max(0, start - 80) : start])) or bool(
                self._near_after.match(text, end)
            )
            if not places:
                found.append(PlaceMention(start, end, surface, _unknown_kind(hint), None, near))
                continue
            countries = [p for p in places if p.kind == "country"]
            capital = self._capital(text, start, end, countries[0]) if countries else None
            if capital is not None:
                found.append(capital)
                continue
            if (
                places[0].kind == "country"
                and len(places) == 1
                and surface.split()[0] in self.tables.demonyms
            ):
                found.append(PlaceMention(start, end, surface, "demonym", places[0], False))
                continue
            if countries and text[end : end + 2] in ("'s", "\u2019s"):
                # "Mozambique's Cabo Delgado province": a possessive names the country, never a town
                found.append(PlaceMention(start, end, surface, "country", countries[0], False))
                continue
            # "Khiam in south Lebanon": a country named in the same stretch of text says which of
            # same-named places is meant, even against the article's country.
            nearby = {code for at, code in by_name if start - 150 <= at <= end + 60}
            place = choose(places, hint, country_code, context, named, nearby)
            enclosing = _enclosing(text, raw, index)
            if place is not None and place.kind in ("city", "admin2") and enclosing is not None:
                inside = [p for p in places if (p.country_code, p.admin1) == enclosing]
                place = choose(inside, hint, country_code, context, named) if inside else None
                if place is None:
                    # "the city of Khost in the Baghlan province": not Khost province's Khost, a
                    # place the gazetteer lacks in the province the text puts it in.
                    found.append(PlaceMention(start, end, surface, _unknown_kind(hint), None, near))
                    continue
            if (
                place is not None
                and hint
                and _abroad(place, country_code)
                and (place.population < 1_000_000 or not fold(surface).startswith(fold(place.name)))
                and not (
                    hint[0] == "city"
                    and _city_of_its_own(place, partial)
                    and fold(surface).startswith(fold(place.name))
                )
            ):
                # "the Dara and Rekha districts": a pattern says it is a place here, not Syria's Dar'a;
                # nor is "Bin village" Vienna, whatever a foreign spelling of Vienna may be. But "a
                # Christian village" is no village called Christian: a word of not_places.tsv is dropped.
                if surface in self.tables.not_places or surface.split()[-1].lower() in self._organisations:
                    continue  # nor is "the African Union camp" a camp called Union
                found.append(PlaceMention(start, end, surface, _unknown_kind(hint), None, near))
                continue
            if place is not None and not self._trusted(
                place, surface, hint, country_code, partial, named, spelled
            ):
                # "Rafah" in a story told from Israel: not the governorate abroad, but the city of its
                # own, when the article's country has no place of the name
                cities = [p for p in places if _city_of_its_own(p, partial)]
                home = any(not _abroad(p, country_code) for p in places)
                place = None if home or not cities else max(cities, key=lambda p: p.population)
            if place is None:
                continue
            found.append(PlaceMention(start, end, surface, place.kind, place, near))
        return found

    def _capital(self, text: str, start: int, end: int, country: Place) -> PlaceMention | None:
        """ "the Somali capital", "Mali's capital", "the capital of Chad": the country's capital city,
        the whole phrase its span."""
        after = _CAPITAL_AFTER.match(text, end)
        before = _CAPITAL_BEFORE.search(text, max(0, start - 20), start)
        if after is None and before is None:
            return None
        city = self.gazetteer.capital(country)
        if city is None:
            return None
        span = (start, after.end()) if after else (before.start() if before else start, end)
        return PlaceMention(*span, text[span[0] : span[1]], "city", city, False)

    def _trusted(
        self,
        place: Place,
        surface: str,
        hint: tuple[str, ...],
        country_code: str | None,
        partial: bool,
        named: Collection[str | None] = (),
        spelled: Collection[str | None] = (),
    ) -> bool:
        if place.kind == "country" or hint:
            return True
        if (
            _abroad(place, country_code)
            and place.country_code not in named
            and not _city_of_its_own(place, partial)
        ):
            # The article's country wins: a same-named town or province elsewhere ("Aden" in a
            # Somali name, "Paul" the Cape Verdean island) is meant only when the text names its country.
            return False
        if (
            _abroad(place, country_code)
            and place.country_code not in spelled
            and place.population < LOCAL_POPULATION
        ):
            # Nor is a small town abroad meant because a demonym names its country ("an Irish priest"
            # in a story from Mexico): only the country's name, or a city, makes it likely.
            return False
        if place.kind == "admin1":
            return True
        abroad = country_code is None or place.country_code != country_code
        if abroad and place.population < 1_000_000 and not fold(surface).startswith(fold(place.name)):
            return False  # "Hamid" is an old name of Isparta, but in news it is a person

        if partial and place.population < LOCAL_POPULATION:
            return False  # "Ahmad Shah Massoud": a village named Massoud is not meant
        if country_code is not None and place.country_code != country_code:
            return place.population >= LOCAL_POPULATION
        return country_code is not None or place.population >= 5_000

    def _match_run(
        self, text: str, run: list[_Token], hint: tuple[str, ...], lowered: set[str]
    ) -> Iterator[_Hit]:
        if self._street(text, run):
            # a street or a square is a site in the town around it, never a town of that name
            yield (run[0].start, run[-1].end, text[run[0].start : run[-1].end], (), ("street",), False)
            return
        while len(run) > 1 and run[0].text in self.tables.common and not self._names_place(text, run):
            run = run[1:]  # "The Panjshir Valley", "In Kabul"; but "North Darfur" is a name
        keyword = plural(run[-1].text.lower()) if len(run) > 1 else ""
        if keyword in KEYWORDS and any(t.text.lower() in self._organisations for t in run[1:-1]):
            # "Oakland Police Department": an institution; the town in it only qualifies it
            hint, keyword, run = (), "", run[:-1]
        if keyword in KEYWORDS:
            hint = KEYWORDS[keyword]
        name_end = run[-2].end if keyword in KEYWORDS else run[-1].end
        hits: list[_Hit] = []
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
        cued = self._near.search(text[max(0, run[0].start - 80) : run[0].start])
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

    def _street(self, text: str, run: list[_Token]) -> bool:
        """Whether the run names a street, a square or a building ("Pennsylvania Avenue", "City
        Hall", "Frank Ogawa Plaza"), or a street at an intersection ("7th and Broadway"): a town of
        the same name elsewhere is not meant, and the event's place is the town around it."""
        if len(run) > 1 and run[-1].text.lower().rstrip(".") in self._streets:
            return True
        return _ORDINAL_AND.search(text, max(0, run[0].start - 40), run[0].start) is not None

    def _names_place(self, text: str, run: list[_Token]) -> bool:
        """Whether the run's first words, common word included, spell a place ("North Kivu")."""
        for size in range(min(MAX_WORDS, len(run)), 1, -1):
            words = run[:size]
            if size > 2 and plural(words[-1].text.lower()) in KEYWORDS:
                words = words[:-1]
            if self.gazetteer.lookup(text[words[0].start : words[-1].end]):
                return True
        return False

    def _match(
        self, text: str, run: list[_Token], index: int, size: int, hint: tuple[str, ...], lowered: set[str]
    ) -> _Hit | None:
        words = run[index : index + size]
        start, end = words[0].start, words[-1].end
        surface = text[start:end]
        last = index + size == len(run)
        own_hint = hint if last else ()
        name = surface
        if size > 1 and plural(words[-1].text.lower()) in KEYWORDS:  # "Panjshir Valley", "Gezira State"
            own_hint = KEYWORDS[plural(words[-1].text.lower())]
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


def _city_of_its_own(place: Place, partial: bool) -> bool:
    """A city of 100,000 people or more named on its own (not inside a longer name, as "Aden" in
    "Ahmed Aden Farah" is), which the article's country has no place of that name to rival: "Rafah"
    and "Gaza" in a story told from Israel, "Nairobi" in one from Somalia."""
    return place.kind == "city" and place.population >= LOCAL_POPULATION and not partial


def _enclosing(text: str, raw: Sequence[_Hit], index: int) -> tuple[str | None, str | None] | None:
    """The province the text puts a name in, "X in (the) Y province" (country code, admin1)."""
    if index + 1 >= len(raw):
        return None
    start, _, _, places, _, _ = raw[index + 1]
    if not _IN_AREA.fullmatch(text, raw[index][1], start):
        return None
    areas = [p for p in places if p.kind == "admin1"]
    return (areas[0].country_code, areas[0].admin1) if len(areas) == 1 else None


def _unknown_kind(hint: Sequence[str]) -> str:
    """The kind of a name the gazetteer lacks: the first the pattern names that is not a country."""
    return next((kind for kind in hint if kind != "country"), "city")
