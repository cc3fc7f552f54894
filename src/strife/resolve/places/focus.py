"""The article's main place, for events whose sentences name none (CODEBOOK section 6).

Each event-role mention votes for its admin1 (a town for the area it is in); ties go to the area
named first. Then, in that area:

1. when the one place named there is a town, the town itself (precision 1);
2. else, when the area holds no known town but the article names a village or town the
   gazetteer lacks there ("attacked the village of X in Y province"), the first one named
   (precision 1, no coordinates): the story is told from its first place, and the area's
   capital is no place the article names;
3. else the area's capital (precision 3).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from strife.mentions import Location, Place, PlaceMention
from strife.resolve.places.gazetteer import Gazetteer
from strife.resolve.places.names import plural

Role = Callable[[str, PlaceMention], str]
Context = Callable[[str, Sequence[PlaceMention], int, int, "str | None"], "Place | None"]


def article_focus(
    gazetteer: Gazetteer,
    role: Role,
    context: Context,
    keywords: Sequence[str],
    text: str,
    mentions: Sequence[PlaceMention],
    country: str | None,
) -> Location | None:
    """The admin1 area the article is mostly about, or a town in it (see the module docstring)."""
    votes: Counter[str] = Counter()
    first: dict[str, PlaceMention] = {}
    towns: defaultdict[str, set[Place | None]] = defaultdict(set)
    for mention in mentions:
        place = mention.place
        if place is None or place.admin1 is None or (country is not None and place.country != country):
            continue
        if role(text, mention) != "event":
            continue
        votes[place.admin1] += 1
        first.setdefault(place.admin1, mention)
        towns[place.admin1].add(place if place.kind == "city" and not mention.near else None)
    if not votes:
        return None
    best = max(votes, key=lambda name: (votes[name], -first[name].start))
    chosen = first[best].place
    only = towns[best].pop() if len(towns[best]) == 1 else None
    if only is not None:
        # The area's one named place is a town ("police in Nairobi ..."): the article is about it.
        note = "the one town the article names; the event's sentences name no place"
        return Location(
            only.country, only.admin1, only.admin2, only.name, only.latitude, only.longitude, 1,
            None, None, note=note,
        )  # fmt: skip
    area = gazetteer.admin1(best, chosen.country_code if chosen else None)
    if area is None:
        return None
    if not any(town is not None for town in towns[best]):
        village = _first_unknown_town(role, context, text, mentions, country, best)
        if village is not None:
            words = village.surface.split()
            keyword = len(words) > 1 and plural(words[-1].lower()) in keywords
            name = " ".join(words[:-1]) if keyword else village.surface
            note = f"'{name}', the first village or town the article names in {best}; not in the gazetteer"
            return Location(area.country, area.name, None, name, None, None, 1, None, None,
                            unresolved=name, note=note)  # fmt: skip
    capital = gazetteer.capital(area)
    name = capital.name if capital else area.name
    note = "the article's main area; the event's sentences name no place"
    return Location(
        area.country, area.name, None, name, area.latitude, area.longitude, 3, None, None, note=note
    )


def _first_unknown_town(
    role: Role,
    context: Context,
    text: str,
    mentions: Sequence[PlaceMention],
    country: str | None,
    admin1: str,
) -> PlaceMention | None:
    """The first village or town the gazetteer lacks, named as where something happened, whose
    nearest known place lies in `admin1`."""
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.place is not None or mention.kind != "city" or mention.near:
            continue
        if role(text, mention) != "event":
            continue
        around = context(text, mentions, mention.start, mention.end, country)
        if around is not None and (around.admin1 or around.name) == admin1:
            return mention
    return None
