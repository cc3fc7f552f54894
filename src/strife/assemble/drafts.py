"""Mentions into drafts: which mentions of one article make one event.

Merge order matters: mentions are taken in text order, so the first (usually the
lead) founds an event and later ones add detail. A mention joins an event of the
same type when their places, dates and actors do not conflict. A violent
mention that could not be typed on its own ("both sides claim to have killed
dozens") only lends its figures and claims to the violent event it belongs to.
Within one sentence, a killing is part of the bombing or the clash it names.

One occurrence, one event (CODEBOOK section 1): a definite reference ("the attack", "the blast")
joins the event of its family it points back to, and a mention of a type that another family
holds by ACLED precedence (data/type_precedence.tsv: civilians killed by a strike belong to the
strike) joins a compatible event of that family when it names no new actor. The second step runs
again after merging, since the lead often reports the dead before the weapon.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from strife.assemble.precedence import Precedence
from strife.assemble.sides import is_unnamed
from strife.extract.classify import CIVILIANS, PROTESTERS, RIOTERS
from strife.extract.place_lists import PLACE_SHARE
from strife.extract.reference import OTHER_OCCURRENCE, OWN_PLACE, REFERS_BACK, SEQUEL
from strife.mentions import ActorRef, Mention, Typing

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# When one sentence names two violent events, the more specific one holds the other.
_PRIORITY = {"Explosions/Remote violence": 0, "Battles": 1, "Violence against civilians": 2}
# A town this close to the place coded is the same occurrence told more precisely (a district town
# and a village in it are often 20-40 km apart); two towns further apart are two occurrences.
NEARBY_KM = 50.0
_ONE_SITE = {"Armed clash", "Attack", "Abduction/forced disappearance", "Sexual violence", "Air/drone strike",
             "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
             "Grenade", "Chemical weapon"}  # fmt: skip
EXCESSIVE = "Excessive force against protesters"
_EARLIER = re.compile(r"\b(?:earlier|previous|prior)\b", re.I)
_SUB_PRIORITY = {"Abduction/forced disappearance": 0, "Sexual violence": 0, "Attack": 1}


@dataclass
class Draft:
    mentions: list[Mention] = field(default_factory=list)
    extra: list[Mention] = field(default_factory=list)  # figure-only mentions lent to this event

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def event_type(self) -> str:
        return self.first.event_type or ""

    def all(self) -> list[Mention]:
        return self.mentions + self.extra

    @property
    def told_aside(self) -> bool:
        """Founded by a clause that tells another occurrence ("came a day after six were killed in
        an ambush"): an event of its own, no host for the story's other figures."""
        return OTHER_OCCURRENCE in self.first.notes


def _aside(m: Mention) -> bool:
    return OTHER_OCCURRENCE in m.notes


def _window(m: Mention, article_date: date | None) -> tuple[date | None, date | None]:
    if m.time is not None and m.time.date_start is not None:
        return m.time.date_start, m.time.date_end
    if article_date is None:
        return None, None
    return article_date - timedelta(days=6), article_date


def _place_key(m: Mention) -> str | None:
    loc = m.location
    if loc is None or loc.location is None or (loc.geo_precision or 3) >= 3:
        return None
    return loc.location.casefold()


def _admin(m: Mention) -> str | None:
    return m.location.admin1 if m.location is not None else None


def _one_site(m: Mention) -> bool:
    """Whether m is of a kind that one article tells as one occurrence at one site, so that a place
    its sentence names outside the event word's own phrase (where a witness was going, where the
    wounded were taken) tells it apart from no event: an attack, a bombing, a clash. Arrests, ground
    taken, protests and flight are often told place by place."""
    return m.event_type in VIOLENT and (m.typing is None or m.typing.sub_event_type in _ONE_SITE)


def _compatible(draft: Draft, m: Mention, article_date: date | None, undated_joins: bool = False) -> bool:
    """Whether m may join the draft: no conflict of place, admin1, date window or actors.
    `undated_joins`: a mention with no time of its own is bound by no window (figure-only
    mentions: "the toll rose to 14" continues the story of the event it follows)."""
    if any(_other_share(x, m) for x in draft.mentions):
        return False
    loose = _one_site(m)
    places = {k for k in (_place_key(x) for x in draft.mentions if not loose or OWN_PLACE in x.notes) if k}
    key = _place_key(m) if not loose or OWN_PLACE in m.notes else None
    if key and places and key not in places and not (loose and _nearby(m, draft)):
        return False
    admins = {a for a in (_admin(x) for x in draft.mentions) if a}
    if _admin(m) and admins and _admin(m) not in admins:
        return False
    start, end = _window(m, article_date)
    if undated_joins and (m.time is None or m.time.date_start is None):
        start = end = None
    for other in draft.mentions:
        o_start, o_end = _window(other, article_date)
        if start and end and o_start and o_end and (end < o_start or o_end < start):
            return False
    names = {a.name for x in draft.mentions for a in (x.actor1, x.actor2) if a}
    mine = {a.name for a in (m.actor1, m.actor2) if a}
    return not (len(mine) == 2 and len(names) >= 2 and not mine & names)


def _force_on_crowd(m: Mention, lethal: list[Mention], article_date: date | None) -> bool:
    """ "Security forces fired on the protesters, killing six. Three were killed in Homs, two in
    Damascus": in an article whose crowds met lethal force, a killing of civilians by no one named,
    dated with that force, is more of it (Excessive force against protesters), not an attack on
    civilians by an unknown group."""
    if m.kind != "kill" or m.event_type != "Violence against civilians" or m.actor1 is not None:
        return False
    if m.actor2 is not None and m.actor2.type != CIVILIANS:
        return False
    start, end = _window(m, article_date)
    for other in lethal:
        o_start, o_end = _window(other, article_date)
        if not (start and end and o_start and o_end) or not (end < o_start or o_end < start):
            return True
    return False


def _earlier_than_story(draft: Draft, m: Mention) -> bool:
    """ "Twelve were killed in an attack in Mandera ... Earlier this month, six people were killed in an
    al-Shabab attack in Mandera": a time set against the story's ("earlier this month", "earlier this
    week") tells another occurrence; it joins no event dated only by the default window, which proves
    nothing about when the story's occurrence was. "Last week" is not set against it: "rebels launched
    an offensive" in the lead and "launched the offensive last week" later are one."""
    if m.time is None or m.time.date_start is None or not _EARLIER.search(m.time.text):
        return False
    return not any(_dated(x) for x in draft.mentions)


def _other_share(x: Mention, m: Mention) -> bool:
    """Two items of one place list ("three were killed in Homs, two in Damascus"): two occurrences."""
    return (
        PLACE_SHARE in x.notes
        and PLACE_SHARE in m.notes
        and x.sentence == m.sentence
        and x.location is not None
        and m.location is not None
        and x.location.start != m.location.start
    )


def _same_sentence_host(drafts: list[Draft], m: Mention) -> Draft | None:
    if m.event_type not in VIOLENT:
        return None
    for draft in reversed(drafts):
        # a definite reference joined to an event of another family still holds its sentence:
        # "nine were killed in that assault" is the assault, and the assault is the raid coded
        held = draft.mentions + [x for x in draft.extra if REFERS_BACK in x.notes]
        same = [
            x for x in held if x.sentence == m.sentence and _aside(x) == _aside(m) and not _other_share(x, m)
        ]
        if not same or draft.event_type not in VIOLENT:
            continue
        host = same[0]
        if host is not m:
            mine = (
                _PRIORITY[m.event_type or ""],
                _SUB_PRIORITY.get(m.typing.sub_event_type, 2) if m.typing else 2,
            )
            theirs = (
                _PRIORITY[host.event_type or ""],
                _SUB_PRIORITY.get(host.typing.sub_event_type, 2) if host.typing else 2,
            )
            if theirs <= mine:
                return draft
    return None


def _death_report_host(
    drafts: list[Draft], m: Mention, article_date: date | None, named: set[int]
) -> Draft | None:
    """ "At least 28 people were killed, officials said": a weak killing word that names no one who
    killed, in a sentence that names no other event (`named`: sentences with another trigger),
    after a violent event it is compatible with, reports that event's dead; it lends its figures
    to the nearest such event instead of founding one of another type."""
    if m.kind != "kill" or m.strong or m.actor1 is not None or m.event_type not in VIOLENT:
        return None
    if m.sentence in named:
        return None
    hosts = [
        d for d in drafts if d.event_type in VIOLENT and not d.told_aside and _compatible(d, m, article_date)
    ]
    if not hosts:
        return None
    return min(hosts, key=lambda d: min(abs(x.sentence - m.sentence) for x in d.mentions))


def _dated(m: Mention) -> bool:
    return m.time is not None and m.time.date_start is not None


def _dates_meet(draft: Draft, m: Mention, article_date: date | None) -> bool:
    if not _dated(m):
        return True
    start, end = _window(m, article_date)
    for other in draft.mentions:
        o_start, o_end = _window(other, article_date)
        if start and end and o_start and o_end and (end < o_start or o_end < start):
            return False
    return True


def _referent(
    drafts: list[Draft], m: Mention, article_date: date | None, precedence: Precedence
) -> Draft | None:
    """The event a definite reference ("the attack", "the blast") points back to: the nearest
    earlier one of its type, or of a type that holds it, whose province and dates agree, and whose
    town agrees when the reference names its own ("the attack in Bor" is not the attack coded in
    Pibor; "the blast ..., police in Bastar said" is the blast coded). Its actors may differ: "the
    Naxals triggered the blast" names who set off the blast coded. A consequence ("the ensuing
    exchange of fire") is the occurrence just told, wherever its sentence goes on to."""
    if REFERS_BACK not in m.notes:
        return None
    sequel = SEQUEL in m.notes
    for draft in reversed(drafts):
        if draft.event_type != m.event_type and not precedence.holds(draft.event_type, m, reference=True):
            continue
        admins = {a for a in (_admin(x) for x in draft.mentions) if a}
        if not sequel and _admin(m) and admins and _admin(m) not in admins:
            continue
        places = {k for k in (_place_key(x) for x in draft.mentions) if k}
        elsewhere = bool(OWN_PLACE in m.notes and _place_key(m) and places and _place_key(m) not in places)
        if elsewhere and not _nearby(m, draft):
            continue
        if _dates_meet(draft, m, article_date):
            return draft
    return None


def _nearby(m: Mention, draft: Draft) -> bool:
    """Whether m's place lies within NEARBY_KM of a place of the draft: a village named beside the
    district town coded tells the same occurrence more precisely ("the blast between Cholnar and
    Kirandul villages" after "an IED in Dantewada district")."""
    here = m.location
    if here is None or here.latitude is None or here.longitude is None:
        return False
    return any(
        x.location is not None
        and x.location.latitude is not None
        and x.location.longitude is not None
        and _km(here.latitude, here.longitude, x.location.latitude, x.location.longitude) <= NEARBY_KM
        for x in draft.mentions
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _new_actor(draft: Draft, actor: ActorRef | None) -> bool:
    """Whether the actor is one the draft lacks: a named armed actor or state force, not civilians,
    a crowd or an unidentified group, which any report of the occurrence may name."""
    if actor is None or actor.type in {CIVILIANS, PROTESTERS, RIOTERS} or is_unnamed(actor):
        return False
    return actor.name not in {a.name for x in draft.all() for a in (x.actor1, x.actor2) if a}


def _holder(
    drafts: Sequence[Draft], m: Mention, article_date: date | None, precedence: Precedence
) -> Draft | None:
    """A compatible event of a family that holds m's type by precedence, when m names no actor
    that event lacks."""
    for draft in drafts:
        if _dated(m) and not any(_dated(x) for x in draft.mentions):
            continue  # "earlier this month, six were killed": the default window proves nothing
        if (
            precedence.holds(draft.event_type, m)
            and _compatible(draft, m, article_date)
            and not any(_new_actor(draft, a) for a in (m.actor1, m.actor2))
        ):
            return draft
    return None


def _fold(drafts: list[Draft], article_date: date | None, precedence: Precedence) -> list[Draft]:
    """Events founded before the event that holds them by precedence ("12 killed" in the lead,
    then "a car bomb exploded"): folded into it when every mention would have joined it."""
    kept = list(drafts)
    for draft in drafts:
        hosts = [
            h for h in kept
            if h is not draft and h.told_aside == draft.told_aside
            and all(_holder([h], m, article_date, precedence) for m in draft.mentions)
        ]  # fmt: skip
        if hosts:
            hosts[0].extra.extend(draft.all())
            kept.remove(draft)
    return kept


def merge(
    mentions: Sequence[Mention], article_date: date | None, precedence: Precedence | None = None
) -> list[Draft]:
    precedence = precedence or Precedence.load()
    drafts: list[Draft] = []
    orphans: list[Mention] = []
    # within a sentence, of mentions of one family a definite reference goes first: "nine were
    # killed in that assault" reports the assault coded before, and the killing belongs to it
    ordered = sorted(
        mentions,
        key=lambda m: (m.sentence, _PRIORITY.get(m.event_type or "", 9), REFERS_BACK not in m.notes),
    )
    protest_article = any(m.event_type in {"Protests", "Riots"} for m in mentions)
    lethal = [m for m in mentions if m.typing is not None and m.typing.sub_event_type == EXCESSIVE]
    named = {m.sentence for m in mentions if m.kind != "kill" and m.typing is not None}
    sequels = {m.sentence for m in mentions if _aside(m)}
    for m in ordered:
        if protest_article and m.kind == "clash" and m.actor1 is None and m.actor2 is None:
            m.typing = Typing("Riots", "Violent demonstration")
        if _force_on_crowd(m, lethal, article_date):
            m.typing = Typing("Protests", EXCESSIVE)
        if _aside(m) and not (m.deaths or m.deaths_mentioned):
            continue  # another occurrence named only as the story's background, with no dead of its own
        if m.typing is None:
            orphans.append(m)
            continue
        host = _same_sentence_host(drafts, m)
        if host is not None:
            host.extra.append(m)
            continue
        referent = _referent(drafts, m, article_date, precedence)
        if referent is not None:
            (referent.mentions if referent.event_type == m.event_type else referent.extra).append(m)
            continue
        # a clause that tells another occurrence joins only what such clauses founded
        same = [
            d for d in drafts
            if d.event_type == m.event_type and d.told_aside == _aside(m) and _compatible(d, m, article_date)
            and not _earlier_than_story(d, m)
        ]  # fmt: skip
        if same:
            same[0].mentions.append(m)
            continue
        holder = _holder([d for d in drafts if d.told_aside == _aside(m)], m, article_date, precedence)
        if holder is not None:
            holder.extra.append(m)
            continue
        lent = _death_report_host(drafts, m, article_date, named)
        if lent is not None:
            lent.extra.append(m)
        elif m.sentence in sequels and not _aside(m):
            continue  # "the latest raid came a day after ...": the raid is one already told
        elif m.strong or m.actor1 or m.actor2 or m.deaths:
            drafts.append(Draft([m]))
    for m in orphans:
        hosts = [
            d for d in drafts
            if d.event_type in VIOLENT and not d.told_aside and _compatible(d, m, article_date, True)
        ]  # fmt: skip
        if hosts:
            near = min(hosts, key=lambda d: min(abs(x.sentence - m.sentence) for x in d.mentions))
            near.extra.append(m)
    return _fold(drafts, article_date, precedence)
