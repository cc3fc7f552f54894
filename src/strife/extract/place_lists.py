"""One occurrence per place of a list (CODEBOOK section 1: the same fighting reported in two
districts is two events).

"Three people were killed in Homs, two in Damascus and one near Daraa", "Russia struck Kyiv and
the city of Kharkiv", "5,000 families were evacuated in Albay; 1,300 in Sorsogon": the event word
is told once, but for each place of the list after it. `place_list` finds such a list: two or more
places after the event word, each joined to the one before by a list separator (a comma before a
bare name or a count, a semicolon, "and", "or", "as well as"), with no verb between them and no word
that makes the second place say where the first lies ("Gao, 300 km north of Mopti", "Bazarak, the
capital of Panjshir", "a village near Gao"). A count that opens an item ("two in Damascus") is that
place's share of the figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span

from strife.extract.quantities import Quantity
from strife.extract.reference import OTHER_OCCURRENCE, OWN_PLACE, REFERS_BACK
from strife.lookups import PlaceLookup
from strife.mentions import ArticleContext, Figure, Mention, PlaceMention

PLACE_SHARE = "one place of a list"
# How far after the event word the list may start, and how long the words between two items may be
MAX_LEAD = 60
MAX_GAP = 80
_SEPARATOR = re.compile(r"\s*(?:(?P<semi>;)|(?P<comma>,))?\s*(?P<conj>and|or|as well as)?\b\s*", re.I)
# Words that make the second place say where the first lies, or start another clause
_NOT_A_LIST = re.compile(
    r"\b(?:where|which|who|whose|when|while|after|before|from|to|into|towards?|capital|km|kilomet(?:er|re)s?|"
    r"miles?|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|(?:north|south|east|west)(?:-?(?:east|west))?"
    r"(?:ern)?\s*,)\b",
    re.I,
)
_AREA_KINDS = {"admin1", "admin2"}


@dataclass(frozen=True)
class Share:
    """One item of a place list: its place, the span of its words, and the count that opens it."""

    place: PlaceMention
    start: int
    end: int
    count: Quantity | None


def place_list(
    sent: Span, trigger_end: int, places: Sequence[PlaceMention], quantities: Sequence[Quantity]
) -> list[Share]:
    """The places of a list the event word is told for, in order; [] when there is no such list."""
    candidates = sorted(
        (
            p
            for p in places
            if sent.start_char <= p.start
            and p.end <= sent.end_char
            and p.start >= trigger_end
            and p.kind not in {"demonym", "country"}
            and (p.place is None or p.place.kind != "country")
        ),
        key=lambda p: p.start,
    )
    if not candidates:
        return []
    first = candidates[0]
    lead = sent.doc.text[trigger_end : first.start]
    if len(lead) > MAX_LEAD or ";" in lead or _verb_between(sent, trigger_end, first.start, strict=False):
        return []
    shares = [Share(first, trigger_end, first.end, None)]
    for place in candidates[1:]:
        before = shares[-1].place
        count = _list_gap(sent, before, place, quantities)
        if count is False or _contains(before, place) or _same(shares, place):
            break
        shares.append(Share(place, before.end, place.end, count if isinstance(count, Quantity) else None))
    return shares if len(shares) >= 2 else []


def _list_gap(
    sent: Span, before: PlaceMention, place: PlaceMention, quantities: Sequence[Quantity]
) -> Quantity | bool:
    """Whether the words between two places join them as items of one list: False when not, else
    the count that opens the second item (True when none does)."""
    gap = sent.doc.text[before.end : place.start]
    if len(gap) > MAX_GAP or _NOT_A_LIST.search(gap) or _verb_between(sent, before.end, place.start):
        return False
    separator = _SEPARATOR.match(gap)
    if separator is None or not (
        separator.group("semi") or separator.group("comma") or separator.group("conj")
    ):
        return False
    rest = before.end + separator.end()
    count = next((q for q in quantities if rest <= q.start < place.start and q.start - rest <= 1), None)
    comma_only = separator.group("comma") and not separator.group("conj") and not separator.group("semi")
    if comma_only and count is None and gap[separator.end() :].strip():
        return (
            False  # "Homs, Hama and Idlib", "Homs, two in Hama"; an apposition ("Bor, a town in") is no item
        )
    return count if count is not None else True


def _verb_between(sent: Span, start: int, end: int, strict: bool = True) -> bool:
    """A finite or participle verb between two offsets: the words tell another clause. Outside
    `strict`, a passive participle ("were killed in") may stand before the first place."""
    for token in sent:
        inside = start <= token.idx and token.idx + len(token) <= end
        participle = token.tag_ in {"VBN", "VBD"} or token.pos_ == "AUX"
        if inside and token.pos_ in {"VERB", "AUX"} and (strict or not participle):
            return True
    return False


def _contains(a: PlaceMention, b: PlaceMention) -> bool:
    """One of the two places lies in the other ("Bazarak, Panjshir"): a place and its area, not a list."""
    if a.place is None or b.place is None:
        return False
    for outer, inner in ((a.place, b.place), (b.place, a.place)):
        area = outer.kind in _AREA_KINDS and inner.kind not in _AREA_KINDS | {"country"}
        if area and outer.name in {inner.admin1, inner.admin2}:
            return True
        if outer.kind == "admin1" and inner.kind == "admin2" and outer.name == inner.admin1:
            return True
    return False


def _same(shares: list[Share], place: PlaceMention) -> bool:
    names = {_name(s.place) for s in shares}
    return _name(place) in names


def _name(p: PlaceMention) -> str:
    return (p.place.name if p.place is not None else p.surface).casefold()


def split_by_place(
    mention: Mention, sent: Span, ctx: ArticleContext, quantities: Sequence[Quantity], geocoder: PlaceLookup
) -> list[Mention]:
    """One mention per place of a list the event word is told for (place_lists.py): "three were
    killed in Homs, two in Damascus" tells two occurrences. The count that opens an item is that
    place's figure when the mention's own figure opens the first item; a total told before the
    list ("26 were killed in separate attacks, one in X and two near Y") is no one place's."""
    if mention.typing is None or REFERS_BACK in mention.notes or OTHER_OCCURRENCE in mention.notes:
        return [mention]
    shares = place_list(sent, mention.trigger_end, ctx.places, quantities)
    if (
        not shares
        or mention.location is None
        or mention.location.start not in {s.place.start for s in shares}
    ):
        return [mention]
    outside = [p for p in ctx.places if p.end <= sent.start_char or p.start >= sent.end_char]
    located = []
    for share in shares:
        here = geocoder.locate(
            ctx.text, [share.place, *outside], sent.start_char, sent.end_char, ctx.country,
            anchor=share.place.start,
        )  # fmt: skip
        if here is None or here.start != share.place.start:
            return [mention]
        located.append(here)
    first = mention.displaced if mention.event_type == "Displacement" else mention.deaths
    split = first is not None and all(s.count is not None for s in shares[1:])
    split = (
        split
        and first is not None
        and not any(first.end <= q.start < shares[0].place.start for q in quantities)
    )
    found = []
    for number, (share, here) in enumerate(zip(shares, located, strict=True)):
        figure = first if number == 0 else _share_figure(share, first) if split else None
        copy = replace(mention, location=here, notes=[*mention.notes, OWN_PLACE, PLACE_SHARE])
        if mention.event_type == "Displacement":
            copy.displaced = figure if split or number == 0 else None
        else:
            copy.deaths = figure if split else None
            copy.deaths_mentioned = mention.deaths_mentioned and (split or number == 0)
        found.append(copy)
    return found


def _share_figure(share: Share, first: Figure | None) -> Figure | None:
    """The figure of a list item from the count that opens it, in the first item's unit."""
    q = share.count
    if q is None:
        return None
    return Figure(q.value, q.low, q.high, first.unit if first else None, q.start, q.end, q.text, q.vague)
