"""Datelines and bylines: where a report was filed, not where its events happened (CODEBOOK
section 6).

A dateline opens a line: "KABUL, Afghanistan —", "WASHINGTON (Reuters) -", "GENEVA —",
"BAMAKO:", "June 2, 2021 (NIAMEY) -", "Mopti, June 2 (Sahel Wire)", or a place alone on its
line, with or without its country ("Nairobi, Kenya" under an outlet's name). A wire
dateline may also stand inside a line, after a site's page furniture: "BANGUI, April 12
(Reuters) -". The article's country counts a dateline's vote (geocoder.article_country); the
event's place passes over it unless the event's sentence names no other place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from strife.mentions import Place
from strife.resolve.places.gazetteer import Gazetteer

# The note on a place read from a dateline: the event's place for want of another.
DATELINE_NOTE = "the dateline's city: where the report was filed; the sentence names no other place"
_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
# A country dateline: "Kabul, Afghanistan —" at a line's start (group 2 the country).
COUNTRY_DATELINE = re.compile(
    r"^\s*([A-Z][\w'\u2019.\- ]{1,40}?|[A-Z][A-Z'\u2019.\- ]{2,40}),\s+([A-Z][\w ]{2,40}?)\s*[\u2013\u2014-]",
    re.MULTILINE,
)
# A wire dateline: "WASHINGTON (Reuters) -", "GENEVA —" at a line's start (group 1 the city).
WIRE_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z'\u2019.\- ]{2,40})\s*(?:\(\w+\)\s*)?[\u2013\u2014-]", re.MULTILINE
)
# A wire dateline inside a line (after a site's page furniture): "BANGUI, April 12 (Reuters) -".
INLINE_DATELINE = re.compile(
    r"\b([A-Z][A-Z'\u2019.\-]{2,}(?: [A-Z][A-Z'\u2019.\-]+){0,3}),\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)\s*\([A-Za-z][\w ]{1,20}\)\s*[\u2013\u2014-]"
)
# What may stand before a dateline's place on its line: nothing, the gold files' "date 2022-05-01",
# a date ("June 2, 2021 (NIAMEY) -"), or the dateline's own city before its country.
_PREFIX = re.compile(
    rf"[ \t]*(?:date \d{{4}}-\d\d-\d\d[ \t]*)?(?:{_DATE}[ \t]*\([ \t]*|[A-Z][\w'\u2019.\- ]{{1,40}},[ \t]*)?"
)
# What follows it: ", Afghanistan —", " (AP) —", ":", ", June 2 (Sahel Wire)", ") -" after
# "(NIAMEY", or the end of the line ("Nairobi, Kenya" alone on its line: a byline).
_TAIL = re.compile(
    r"(?:\)[ \t]*[:\u2014\u2013-]"
    r"|(?:,[ \t]*[A-Z][\w .]{1,40}?)?[ \t]*(?:\([ \t]*[\w .]{1,30}\)[ \t]*)?(?:[:\u2014\u2013-]|[ \t]*$))",
    re.MULTILINE,
)


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the place name at text[start:end] is a dateline or a byline (see the module docstring)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _PREFIX.fullmatch(text, line_start, start):
        return False
    line_end = text.find("\n", end)
    return _TAIL.match(text, end, len(text) if line_end < 0 else line_end) is not None


def dateline_votes(text: str, gazetteer: Gazetteer) -> Iterator[str]:
    """The country of each dateline in the head of the text (a line's start in the first 600
    characters, a wire's "CITY, April 12 (Reuters) -" in the first 1,200)."""
    head = text[:600]
    for match in COUNTRY_DATELINE.finditer(head):
        place = gazetteer.country(match.group(2))
        if place and place.country:
            yield place.country
    cities = [_city(gazetteer, m.group(1)) for m in WIRE_DATELINE.finditer(head)]
    cities += [_city(gazetteer, m.group(1)) for m in INLINE_DATELINE.finditer(text[:1200])]
    for city in cities:
        if city is not None and city.country:
            yield city.country


def _city(gazetteer: Gazetteer, name: str) -> Place | None:
    """The most populous city of 100,000 people or more of that name: a dateline names a city
    ("WASHINGTON" is the capital, not the state)."""
    cities = [p for p in gazetteer.lookup(name.strip()) if p.kind == "city" and p.population > 100_000]
    return max(cities, key=lambda p: p.population) if cities else None
