"""An event's place the gazetteer lacks (CODEBOOK section 6, "A name not in the gazetteer"), and
the town a street or a square lies in."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from strife.mentions import Location, Place, PlaceMention
from strife.resolve.places.gazetteer import Gazetteer
from strife.resolve.places.names import plural

# How specific each kind of mention is; lower wins (geocoder._most_specific).
RANK = {"city": 1.0, "feature": 1.0, "street": 1.0, "admin2": 2.0, "admin1": 3.0, "country": 4.0}


def town_of_street(
    chosen: PlaceMention, inside: Sequence[PlaceMention], country: str | None, context: Place | None
) -> Place | None:
    """The town a street or a square lies in: the town the sentence names nearest it, else
    the town named nearest before it in the article (ACLED codes the town)."""
    towns = [
        m.place
        for m in sorted(inside, key=lambda m: abs(m.start - chosen.start))
        if m.place is not None and m.place.kind == "city" and (country is None or m.place.country == country)
    ]
    if towns:
        return towns[0]
    return context if context is not None and context.kind == "city" else None


def unresolved_location(
    gazetteer: Gazetteer,
    keywords: Collection[str],
    chosen: PlaceMention,
    inside: Sequence[PlaceMention],
    country: str | None,
    context: Place | None = None,
) -> Location:
    """An unknown name: keep it, with the area around it that the span does name; else with
    the province of the place named nearest it in the article (`context`), no coordinates.
    A country named right around it ("the village of Aitaroun in south Lebanon") is its
    country, whatever the article's country is."""
    here = _country_around(chosen, inside)
    if here is not None and here != country:
        country = here
        context = context if context is not None and context.country == here else None
    if chosen.kind == "street":
        town = town_of_street(chosen, inside, country, context)
        if town is not None:
            note = f"'{chosen.surface}' is a street or a site in {town.name}: coordinates of {town.name}"
            return Location(
                town.country, town.admin1, town.admin2, chosen.surface, town.latitude, town.longitude, 1,
                chosen.start, chosen.end, note=note,
            )  # fmt: skip
    # Named areas first; a town elsewhere in the sentence is only the nearest known place.
    areas = [m for m in inside if m.place is not None and m.place.kind in ("admin1", "admin2")]
    areas = areas or [m for m in inside if m.place is not None and m.place.kind == "city"]
    if country is not None:
        areas = [m for m in areas if m.place is not None and m.place.country == country]
    nearest = min(  # the most specific area, the one named nearest the name first
        areas, key=lambda m: (RANK[m.kind], abs(m.start - chosen.start)), default=None
    )
    area: Place | None = nearest.place if nearest else None
    words = chosen.surface.split()
    keyword = len(words) > 1 and plural(words[-1].lower()) in keywords
    name = " ".join(words[:-1]) if keyword else chosen.surface  # "Fajr Region" -> "Fajr"
    span = (chosen.start, chosen.end)
    if area is None and context is not None:
        # The sentence names no area: the province of the article's nearest place. Coordinates
        # stay null; the precision is that of the kind of place named (CODEBOOK section 6).
        kind = chosen.kind
        precision = 3 if kind == "admin1" else 2 if kind == "admin2" or chosen.near else 1
        note = f"'{name}' is not in the gazetteer; admin1 from {context.name}, named nearest to it"
        return Location(
            context.country or country, context.admin1, None, name, None, None, precision, *span,
            unresolved=name, note=note,
        )  # fmt: skip
    if area is None:
        note = f"'{name}' is not in the gazetteer"
        return Location(country, None, None, name, None, None, None, *span, unresolved=name, note=note)
    centre = gazetteer.capital(area) if area.kind == "admin1" else area
    lat, lon = (centre.latitude, centre.longitude) if centre else (None, None)
    note = f"'{name}' is not in the gazetteer; coordinates of {centre.name if centre else area.name}"
    admin1 = area.name if area.kind == "admin1" else area.admin1
    precision = 3 if area.kind == "admin1" else 2
    return Location(
        area.country or country,
        admin1,
        area.admin2,
        name,
        lat,
        lon,
        precision,
        *span,
        unresolved=name,
        note=note,
    )


def _country_around(chosen: PlaceMention, inside: Sequence[PlaceMention]) -> str | None:
    """The country named by its name (not a demonym) nearest an unknown name, within the words
    around it: "Aitaroun in south Lebanon", "Lebanon's Aitaroun"."""
    named = [
        m
        for m in inside
        if m.kind == "country"
        and m.place is not None
        and m.place.country is not None
        and chosen.start - 150 <= m.start <= chosen.end + 60
    ]
    nearest = min(named, key=lambda m: abs(m.start - chosen.start), default=None)
    return nearest.place.country if nearest is not None and nearest.place is not None else None
