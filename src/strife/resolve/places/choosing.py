"""Choosing among same-named places (toponym detection, step 5): "Tripoli" in a story from
Lebanon, "Niger" beside "Nigeria", "Khiam in south Lebanon" in a story told from Israel."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from strife.mentions import Place


def abroad(place: Place, country_code: str | None) -> bool:
    return country_code is not None and place.kind != "country" and place.country_code != country_code


def choose(
    places: Sequence[Place],
    hint: Sequence[str],
    country_code: str | None,
    context: set[str | None],
    named: Collection[str | None] = (),
    nearby: Collection[str | None] = (),
) -> Place | None:
    """The most likely of same-named places (see the module docstring, step 5); a country named
    next to the name ("Khiam in south Lebanon") comes before the article's country."""
    admin1_names = {(p.country_code, p.name) for p in places if p.kind == "admin1"}

    def score(place: Place) -> tuple[int, int, int, int, float]:
        in_country = int(country_code is not None and place.country_code == country_code)
        hinted = -list(hint).index(place.kind) if place.kind in hint else (-9 if hint else 0)
        # A country's own name names it: "western Niger" is the country unless a pattern word
        # ("Niger State") or the article's country says the province.
        in_named = int(place.country_code in named or place.kind == "country")
        base = {"country": 20.0, "admin1": 7.5, "admin2": 5.0, "feature": 3.0}.get(place.kind)
        prominence = base if base is not None else math.log10(place.population + 1)
        if (
            place.kind == "city"
            and (place.country_code, place.admin1) in admin1_names
            and place.population >= 20_000
        ):
            prominence += 4  # Kabul the city, not Kabul the province
        if place.kind == "city" and place.admin1 in context:
            prominence += 1.5
        # a country's own name names it wherever a neighbour is named ("Niger, close to Nigeria")
        beside = int(place.country_code in nearby or place.kind == "country")
        return beside, in_country, hinted, in_named, prominence

    return max(places, key=score) if places else None
