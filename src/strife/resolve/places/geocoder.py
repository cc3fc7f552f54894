"""Geocoder: toponyms in an article, the article's country, and an event's place.

The event's place (CODEBOOK section 6) is the most specific place named in the
event's sentences, nearest the trigger word, after dropping the places that are
not where it happened: destinations of flight ("fled to Kabul"), where a speaker
was ("told reporters in Kabul"), and places that only qualify an actor ("the
Afghan government", "Kabul-based"). Precision: a town 1, near a town or a
district 2, a province, valley or region alone 3 at its capital.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from strife.mentions import Location, Place, PlaceMention
from strife.resolve.places.datelines import DATELINE_NOTE, dateline_votes, is_dateline
from strife.resolve.places.detection_tables import Tables
from strife.resolve.places.focus import article_focus
from strife.resolve.places.gazetteer import Gazetteer
from strife.resolve.places.toponyms import Detector
from strife.resolve.places.unresolved import RANK, unresolved_location

# How specific each kind of mention is (unresolved.RANK); lower wins. Unknown names rank just
# after the resolved places of the same kind, so a known town beats an unknown one.
HINT_WEIGHT = 0.5  # an actor's country, per actor mention (see article_country)
# A country named only as a neighbour or as where people came from is weak evidence of where the
# story is: "troops from neighbouring Chad", "refugees from Sudan, Eritrea and Somalia".
_ASIDE = re.compile(
    r"\b(?:neighbou?ring|neighbou?rs?|bordering|(?:refugees|migrants|asylum[- ]seekers|fled|fleeing|fighters)"
    r"\s+from)\s+(?:(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019\-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*"
    r"(?:the\s+)?$"
)
ASIDE_WEIGHT = 0.5
_FILLER = (
    r"(?:\s+(?:the|a|their|his|her|relatives|families|family|capital|provincial|city|town|village|of|district|province"
    r"|nearby|neighbouring|neighboring|different|other|areas|parts),?)*"
)
_FLIGHT = re.compile(
    r"\b(?:fled|flee|fleeing|flees|escaped|escaping|evacuated|relocated|moved|displaced"
    r"|sought refuge|taken refuge)\b"
    r"[^.;:!?]{0,60}\b(?:to|into|towards?)"
    + _FILLER + r"\s*$",
    re.IGNORECASE,
)  # fmt: skip


def _cue_pattern(cues: Sequence[str], trailing: str = _FILLER) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives}){trailing}\s*$", re.IGNORECASE)


class Geocoder:
    """Finds and resolves the places of an article (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.tables = Tables.load()
        self.detector = Detector(gazetteer, self.tables)
        self._destination = _cue_pattern(self.tables.cues["destination"])
        self._speaker = _cue_pattern(self.tables.cues["speaker"], trailing=r"")
        people = "|".join(re.escape(c) for c in self.tables.cues["people_after"])
        self._people = re.compile(rf"\s+(?:{people})\b", re.I)
        qualifiers = "|".join(
            re.escape(c) for c in self.tables.cues["qualifier_after"] if not c.startswith("-")
        )
        # "the Kabul army", but not "the Kaya army base": a site word makes the name a place
        sites = "|".join(re.escape(c) for c in self.tables.cues["site"])
        self._qualifier = re.compile(
            rf"^(?:-(?:based|backed|led|run|controlled|allied)\b|['\u2019]s\s+(?:{qualifiers})\b"
            rf"|\s+(?:{qualifiers})\b(?!\s+(?:{sites})s?\b))",
            re.I,
        )

    def _code(self, country: str | None) -> str | None:
        place = self.gazetteer.country(country) if country else None
        return place.country_code if place else None

    def mentions(self, text: str, country: str | None = None) -> list[PlaceMention]:
        """All toponyms in the text, countries and demonyms included.

        Without `country`, a first pass finds the article's country and a second
        resolves the ambiguous names in it.
        """
        if country is None:
            country = self.article_country(text, self.detector.mentions(text, None))
        return self.detector.mentions(text, self._code(country))

    def article_country(
        self, text: str, mentions: Sequence[PlaceMention] | None = None, hints: Sequence[str] = ()
    ) -> str | None:
        """The country the article is about: dateline, then mentions, then the hints given.

        Votes: a dateline 4 (at a line's start, or a wire's "CITY, April 12 (Reuters) -" anywhere
        in the head), a country named 2 (0.5 as a neighbour or where people came from), an admin1
        1.5, a demonym 1, each hint 0.5, a city of 100,000 people 1, a smaller one 0.5. Then the
        towns and provinces named as where things happened may overrule the vote
        (`_where_things_happened`).
        """
        if mentions is None:
            mentions = self.detector.mentions(text, None)
        votes: defaultdict[str, float] = defaultdict(float)
        for voted in dateline_votes(text, self.gazetteer):
            votes[voted] += 4
        for hint in hints:
            # An actor's country is second-hand (an alias can match a common word): it breaks
            # ties and decides when the text names no place, but never outvotes a named town.
            place = self.gazetteer.country(hint)
            if place and place.country:
                votes[place.country] += HINT_WEIGHT
        # A named province or state is firm evidence: it decides among same-named towns abroad.
        weights = {"country": 2.0, "demonym": 1.0, "admin1": 1.5}
        for mention in mentions:
            if mention.place is None or mention.place.country is None:
                continue
            weight = weights.get(mention.kind)
            if weight is None:
                weight = 1.0 if mention.place.population >= 100_000 else 0.5
            elif mention.kind == "country" and _ASIDE.search(text, max(0, mention.start - 99), mention.start):
                weight = ASIDE_WEIGHT
            votes[mention.place.country] += weight
        votes.pop("", None)
        winner = max(votes, key=lambda name: votes[name]) if votes else None
        return self._where_things_happened(text, mentions, winner)

    def _where_things_happened(
        self, text: str, mentions: Sequence[PlaceMention], voted: str | None
    ) -> str | None:
        """The country of the towns and provinces named as where things happened, when they are at
        least two different places, more than twice those of the voted country, and the text names
        their country (or its people): a story filed from Moscow about Kherson, or one full of
        Israel's words about strikes on Gaza, is about where the places are."""
        distinct = {
            (m.place.geonameid, m.place.name, m.place.country)
            for m in mentions
            if m.place is not None
            and m.place.country
            and m.kind in ("city", "admin1", "admin2")
            and self.role(text, m) == "event"
        }
        places: Counter[str] = Counter(country for _, _, country in distinct if country)
        if not places:
            return voted
        where, count = places.most_common(1)[0]
        named = any(
            m.kind in ("country", "demonym") and m.place is not None and m.place.country == where
            for m in mentions
        )
        if where != voted and named and count >= 2 and count > 2 * places.get(voted or "", 0):
            return where
        return voted

    def role(self, text: str, mention: PlaceMention, floor: int = 0) -> str:
        """ "destination", "speaker", "qualifier" or "event": what the place is to the sentence."""
        before = text[max(floor, mention.start - 100) : mention.start]
        after = text[mention.end : mention.end + 30]
        if mention.kind == "demonym" or self._qualifier.match(after):
            return "qualifier"
        if mention.surface in self.tables.not_places and self._people.match(after):
            return "qualifier"  # "Amhara farmers": the people, not the region of the same name
        if is_dateline(text, mention.start, mention.end):
            return "dateline"  # where the reporter filed from, not where it happened
        if self._speaker.search(before):
            return "speaker"
        if self._destination.search(before) or _FLIGHT.search(before):
            return "destination"
        return "event"

    def locate(
        self,
        text: str,
        mentions: Sequence[PlaceMention],
        start: int,
        end: int,
        country: str | None,
        anchor: int | None = None,
    ) -> Location | None:
        """The event's place in text[start:end]; country-only when only `country` is known.

        A name the span cuts ("... homes in nearby Inn Ma" | "Hte village ...", a sentence
        splitter's mistake) is still named in it: places overlapping the span count. But a span
        the splitter ran over a blank line (a headline, an outlet's byline and the first sentence)
        counts only the paragraph of the trigger (`anchor`). A dateline's city is the place only
        when the sentence names no other place, not even a country (CODEBOOK section 6).
        """
        inside = _overlapping(mentions, *_paragraph(text, start, end, anchor))
        roles = [self.role(text, m, start) for m in inside]
        chosen = self._most_specific(
            [m for m, role in zip(inside, roles, strict=True) if role == "event"], country, anchor
        )
        if chosen is None or (chosen.kind == "country" and _NAME_GOES_ON.match(text, chosen.end)):
            # "the Bangladesh Nationalist Party" names no place: the dateline may stand in
            chosen = next(
                (
                    m
                    for m, role in zip(inside, roles, strict=True)
                    if role == "dateline"
                    and m.place is not None
                    and m.place.kind == "city"
                    and (country is None or m.place.country == country)
                ),
                None,
            )
        if chosen is None:
            if country is None:
                return None
            return Location(
                country, None, None, None, None, None, None, None, None, note="only the country is known"
            )
        # a dateline says nothing of the area an unknown name lies in
        around = [m for m, role in zip(inside, roles, strict=True) if role != "dateline" or m is chosen]
        found = self._location(chosen, around, country, self._context(text, mentions, start, end, country))
        if found is not None and chosen in inside and roles[inside.index(chosen)] == "dateline":
            # the event's place only for want of another: a mention of the same occurrence that
            # names its place wins over it (assemble.builder)
            return replace(found, note=DATELINE_NOTE)
        return found

    def destination(
        self, text: str, mentions: Sequence[PlaceMention], start: int, end: int, country: str | None
    ) -> Location | None:
        """Where displaced people went ("fled to X", "sheltering in X"), or None."""
        inside = _overlapping(mentions, start, end)
        targets = [m for m in inside if self.role(text, m, start) == "destination"]
        chosen = self._most_specific(targets, country, None)
        if chosen is None:
            return None
        return self._location(chosen, inside, country, self._context(text, mentions, start, end, country))

    def _context(
        self, text: str, mentions: Sequence[PlaceMention], start: int, end: int, country: str | None
    ) -> Place | None:
        """The known place named nearest before the span (else first after it) in the article's
        country: the area an unknown name in the span most likely lies in."""
        known = [
            m
            for m in mentions
            if m.place is not None
            and m.place.kind in ("admin1", "admin2", "city")
            and m.place.admin1
            and (country is None or m.place.country == country)
            and not (m.start < end and start < m.end)
            and self.role(text, m) not in ("qualifier", "speaker", "destination", "dateline")
        ]
        before = [m for m in known if m.end <= start]
        if before:
            return max(before, key=lambda m: m.start).place
        after = [m for m in known if m.start >= end]
        return min(after, key=lambda m: m.start).place if after else None

    def focus(self, text: str, mentions: Sequence[PlaceMention], country: str | None) -> Location | None:
        """The admin1 area the article is mostly about, or a town in it, for events whose sentences
        name no place (focus.py). None when no admin1 is known."""
        keywords = tuple(self.tables.keywords.kinds)
        return article_focus(self.gazetteer, self.role, self._context, keywords, text, mentions, country)

    def _most_specific(
        self, candidates: list[PlaceMention], country: str | None, anchor: int | None
    ) -> PlaceMention | None:
        if country is not None:
            home = [m for m in candidates if m.place is None or m.place.country == country]
            candidates = home or candidates

        def key(mention: PlaceMention) -> tuple[float, int]:
            # An unknown name ranks like a known place of its kind: "Gouz Al-Naqa village" is as
            # specific as a town; ties go to the trigger's nearest, else the first named.
            rank = RANK.get(mention.place.kind if mention.place else mention.kind, 3.0)
            if mention.near and rank < RANK["admin1"]:
                rank += 0.5  # "near X", "the X area": less specific than a village named in it
            return rank, abs(mention.start - anchor) if anchor is not None else mention.start

        return min(candidates, key=key) if candidates else None

    def _location(
        self,
        chosen: PlaceMention,
        inside: Sequence[PlaceMention],
        country: str | None,
        context: Place | None = None,
    ) -> Location:
        place, span = chosen.place, (chosen.start, chosen.end)
        if place is None:
            return unresolved_location(
                self.gazetteer, self.tables.keywords.kinds, chosen, inside, country, context
            )
        if place.kind == "country":
            return Location(
                place.country, None, None, None, None, None, None, *span, note="only the country is known"
            )
        if place.kind == "admin1":
            capital = self.gazetteer.capital(place)
            name = capital.name if capital else place.name
            return Location(place.country, place.name, None, name, place.latitude, place.longitude, 3, *span)
        precision = 2 if chosen.near or place.kind == "admin2" else 1
        return Location(
            place.country,
            place.admin1,
            place.admin2,
            place.name,
            place.latitude,
            place.longitude,
            precision,
            *span,
        )


def _overlapping(mentions: Sequence[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    return [m for m in mentions if m.start < end and start < m.end]


_NAME_GOES_ON = re.compile(r" [A-Z]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _paragraph(text: str, start: int, end: int, anchor: int | None) -> tuple[int, int]:
    """The part of text[start:end] between the blank lines around `anchor` (all of it without one)."""
    if anchor is None or not start <= anchor <= end:
        return start, end
    breaks = [m for m in _BLANK_LINE.finditer(text, start, end)]
    lo = max((m.end() for m in breaks if m.end() <= anchor), default=start)
    hi = min((m.start() for m in breaks if m.start() >= anchor), default=end)
    return lo, hi
