"""Toponym detection without NER: capitalised phrases matched against the gazetteer.

The steps, in order:

1. Split the text into runs of capitalised words ("Jab al-Seraj", "Panjshir Valley");
   a comma or any lower-case word other than a name particle ends a run (runs.py).
2. Read the pattern words around each run: "X province", "the city of X",
   "the districts of X, Y and Z", "X, a mining village", "a camp called X",
   "X military detachment" give the kind of place X is (hints.py; keywords.tsv, site
   words in cues.json). A name the gazetteer lacks keeps its place there, unresolved.
3. Inside a run take the longest gazetteer match from the left; demonyms
   ("Afghan") map to their country (candidates.py).
4. Drop what is probably not a place: common words and names used lower-case
   elsewhere in the text, small places that are part of a longer name (a person's
   surname), small places abroad when the article's country is known (candidates.py, here).
5. Choose among same-named places: a country named right around the name first ("Khiam
   in south Lebanon"), then the article's country, then the kind the pattern names, then
   a country the text names, then admin1 areas named in the text, then prominence. A small
   town abroad counts only where the text spells its country's name, not a demonym alone
   (choosing.py, here).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from strife.mentions import Place, PlaceMention
from strife.resolve.places.candidates import Candidates, Hit
from strife.resolve.places.choosing import abroad as _abroad
from strife.resolve.places.choosing import choose
from strife.resolve.places.datelines import is_dateline
from strife.resolve.places.detection_tables import Tables
from strife.resolve.places.gazetteer import Gazetteer
from strife.resolve.places.names import fold

# A country's capital named by the country: "the Somali capital", "Mali's capital", "the capital of Chad".
_CAPITAL_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+capital\b"
    r"(?!\s+(?:city\s+)?of\b|\s+(?:markets?|punishment|gains|flight|investment|expenditure|controls?)\b)"
)
_CAPITAL_BEFORE = re.compile(r"\bcapital\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# The article's own country's capital: "the nation's capital", "the Andean country's capital".
_OWN_CAPITAL = re.compile(r"\bthe\s+(?:[A-Z][\w\-]*\s+)?(?:nation|country)['\u2019]s\s+capital\b(?!\s+of\b)")
_COMMA = re.compile(r",\s+")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:neighbou?ring\s+)?$", re.IGNORECASE)
_IN_AREA = re.compile(r",?\s+in\s+(?:the\s+)?")
LOCAL_POPULATION = 100_000  # below this a town abroad or inside a longer name is not trusted


class Detector:
    """Finds PlaceMentions in a text with one gazetteer and the data tables."""

    def __init__(self, gazetteer: Gazetteer, tables: Tables) -> None:
        self.gazetteer = gazetteer
        self.tables = tables
        self.candidates = Candidates(gazetteer, tables)
        self._near = self.candidates.near
        areas = "|".join(re.escape(c) for c in tables.cues["near_after"])
        self._near_after = re.compile(rf"\s+(?:{areas})\b")
        self._organisations = frozenset(tables.cues["organisation"])

    def mentions(self, text: str, country_code: str | None) -> list[PlaceMention]:
        """All toponyms in `text`, resolved with the article's country when given."""
        raw = self.candidates(text)
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
            if is_dateline(text, start, end) and any(p.kind == "city" for p in places):
                places = tuple(p for p in places if p.kind == "city")  # "WASHINGTON —": the city
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
            enclosing = _enclosing(text, raw, index) or (
                _province_around(text, raw, index, country_code) if hint and country_code else None
            )
            if place is not None and place.kind in ("city", "admin2") and enclosing is not None:
                inside = [p for p in places if (p.country_code, p.admin1) == enclosing]
                place = choose(inside, hint, country_code, context, named) if inside else None
                if place is None:
                    # "the city of Khost in the Baghlan province": not Khost province's Khost, a
                    # place the gazetteer lacks in the province the text puts it in; but "a
                    # Christian village in Plateau state" is no village called Christian.
                    if surface in self.tables.not_places:
                        continue
                    found.append(PlaceMention(start, end, surface, _unknown_kind(hint), None, near))
                    continue
            if (
                place is not None
                and hint
                and _abroad(place, country_code)
                and place.country_code not in nearby
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
        return self._with_abbreviations(text, self._with_own_capital(text, found, country_code))

    def _with_own_capital(
        self, text: str, found: list[PlaceMention], country_code: str | None
    ) -> list[PlaceMention]:
        """ "the nation's capital", "the Andean country's capital": the capital city of the
        article's country, the whole phrase its span (what it overlaps is dropped)."""
        name = self.gazetteer.country_name(country_code) if country_code else None
        country = self.gazetteer.country(name) if name else None
        city = self.gazetteer.capital(country) if country else None
        if city is None:
            return found
        for match in _OWN_CAPITAL.finditer(text):
            start, end = match.span()
            found = [m for m in found if not (m.start < end and start < m.end)]
            found.append(PlaceMention(start, end, match.group(), "city", city, False))
        return sorted(found, key=lambda m: m.start)

    def _with_abbreviations(self, text: str, found: list[PlaceMention]) -> list[PlaceMention]:
        """ "D.C.", and "Mo." after a town ("Portland, Ore."): places of data/places/abbreviations.tsv,
        which word-by-word detection cannot read for their dots."""
        added = []
        for abbreviation, target, iso2, kind, after_town in self.tables.abbreviations:
            if abbreviation not in text:
                continue
            places = [p for p in self.gazetteer.lookup(target) if p.kind == kind and p.country_code == iso2]
            if not places:
                continue
            place = max(places, key=lambda p: p.population)
            town = r"\b[A-Z][\w'\u2019\-]*,\s+" if after_town else r"(?<![\w.])"
            for match in re.finditer(rf"{town}({re.escape(abbreviation)})(?!\w)", text):
                start, end = match.span(1)
                added.append(PlaceMention(start, end, abbreviation, kind, place, False))
        if not added:
            return found
        spans = [(m.start, m.end) for m in added]
        kept = [
            self._town_of(text, m, added)
            for m in found
            if not any(m.start < e and s < m.end for s, e in spans)
        ]
        return sorted([*kept, *added], key=lambda m: m.start)

    def _town_of(self, text: str, mention: PlaceMention, added: list[PlaceMention]) -> PlaceMention:
        """The town before an abbreviation, in the place it names: "Portland, Ore." is Oregon's
        Portland, "Washington, D.C." the capital, not the state."""
        after = next((a for a in added if _COMMA.fullmatch(text, mention.end, a.start)), None)
        if after is None or after.place is None:
            return mention
        area = after.place
        towns = [
            p
            for p in self.gazetteer.lookup(mention.surface)
            if p.kind == "city"
            and p.country_code == area.country_code
            and (p.geonameid == area.geonameid if area.kind == "city" else p.admin1 == area.name)
        ]
        if not towns:
            return mention
        town = max(towns, key=lambda p: p.population)
        return PlaceMention(mention.start, mention.end, mention.surface, "city", town, mention.near)

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


def _city_of_its_own(place: Place, partial: bool) -> bool:
    """A city of 100,000 people or more named on its own (not inside a longer name, as "Aden" in
    "Ahmed Aden Farah" is), which the article's country has no place of that name to rival: "Rafah"
    and "Gaza" in a story told from Israel, "Nairobi" in one from Somalia."""
    return place.kind == "city" and place.population >= LOCAL_POPULATION and not partial


def _enclosing(text: str, raw: Sequence[Hit], index: int) -> tuple[str | None, str | None] | None:
    """The province the text puts a name in, "X in (the) Y province" (country code, admin1)."""
    if index + 1 >= len(raw):
        return None
    start, _, _, places, _, _ = raw[index + 1]
    if not _IN_AREA.fullmatch(text, raw[index][1], start):
        return None
    areas = [p for p in places if p.kind == "admin1"]
    return (areas[0].country_code, areas[0].admin1) if len(areas) == 1 else None


def _province_around(
    text: str, raw: Sequence[Hit], index: int, country_code: str
) -> tuple[str | None, str | None] | None:
    """The one province of the article's country that the words around a name (150 characters
    before, 60 after) name as a province ("the governor of Nuristan province ... the Duab district
    centre"), not as where someone came from: the province the name most likely lies in."""
    start, end = raw[index][0], raw[index][1]
    areas = set()
    for other, (at, _, _, places, hint, _) in enumerate(raw):
        if other == index or not start - 150 <= at <= end + 60:
            continue
        provinces = [p for p in places if p.kind == "admin1" and p.country_code == country_code]
        if len(provinces) != 1 or hint[:1] != ("admin1",):
            continue  # named as a province ("Y province", "Y state"), not inside "the Assam Rifles"
        if _FROM.search(text, max(0, at - 20), at):
            continue  # "fighters from Kunduz province"
        areas.add((provinces[0].country_code, provinces[0].admin1))
    return areas.pop() if len(areas) == 1 else None


def _unknown_kind(hint: Sequence[str]) -> str:
    """The kind of a name the gazetteer lacks: the first the pattern names that is not a country."""
    return next((kind for kind in hint if kind != "country"), "city")
