"""Drafts into Event records: each field chosen from the draft's mentions, with its evidence."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from strife.assemble.drafts import VIOLENT, Draft
from strife.assemble.sides import (
    anaphor_key,
    arrest_sides,
    arrested_crowd,
    blamed_group,
    crowd_sides,
    is_unnamed,
    lays_on_another,
    named_as_patron,
    struck_civilians,
    unnamed_rebels,
)
from strife.extract.classify import ARMED, CIVILIANS, PROTESTERS, RIOTERS, STATE, VAC
from strife.extract.reference import OWN_PLACE, REFERS_BACK
from strife.extract.time import lead_end, occurrence_offset
from strife.mentions import ActorRef, Figure, Location, Mention, TimeExpr
from strife.records import Article, Claim, Event, Evidence, Source, interaction
from strife.resolve.places.datelines import DATELINE_NOTE

NON_STATE = ARMED - {STATE, 8}
HOUSEHOLD_SIZE = 6
PROTEST_ESCALATION = ("Excessive force against protesters", "Protest with intervention")
# A sentence with no time of its own takes the time of the sentence this far before it, at most
# (one: the sentence just before; further back, the story has often moved on).
NEAR_SENTENCES = 1
UNCLAIMED_KINDS = {"suicide", "ied", "explosion", "grenade", "abduct", "massacre"}


class Builder:
    """Turns drafts into Event records, mapping every span back to the original text."""

    def __init__(
        self,
        article: Article,
        clean: Any,
        country: str | None,
        salient: Sequence[ActorRef],
        anaphora: frozenset[str] = frozenset(),
        mentions: Sequence[Mention] = (),
        article_place: Any = None,
        sentences: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.mentions = list(mentions)
        self.sentences = sorted(sentences)  # (start, end) of each parsed sentence in the cleaned text
        self.article_place = article_place
        self.article = article
        self.clean = clean
        self.country = country
        # a group named only as another's patron ("fighters linked to al-Qaeda") fought nobody here
        self.salient = [a for a in salient if not named_as_patron(a, clean.text)]
        self.anaphora = anaphora

    def _evidence(
        self, name: str, m: Mention, start: int | None = None, end: int | None = None
    ) -> list[Evidence]:
        """The evidence of a value read at start..end, in the sentence that holds that span: m's
        when it does, else the parsed sentence around it; none when no sentence holds it."""
        sent_start, sent_end = m.sent_start, m.sent_end
        if start is not None and not sent_start <= start < sent_end:
            at = bisect.bisect_right(self.sentences, (start, len(self.clean.text) + 1)) - 1
            if at < 0 or not self.sentences[at][0] <= start < self.sentences[at][1]:
                return []
            sent_start, sent_end = self.sentences[at]
        s0, s1 = self.clean.to_original(sent_start, sent_end)
        a, b = self.clean.to_original(start if start is not None else m.trigger_start,
                                      end if end is not None else m.trigger_end)  # fmt: skip
        return [Evidence(name, self.article.id, self.article.text[s0:s1].strip(), a, b)]

    def build(self, drafts: list[Draft]) -> list[Event]:
        return [self._event(i, d) for i, d in enumerate(drafts, start=1)]

    def _event(self, number: int, draft: Draft) -> Event:
        first = draft.first
        mentions = draft.all()
        evidence = self._evidence("event_type", first)
        actor1, actor2 = self._actors(draft)
        for name, actor in (("actor1", actor1), ("actor2", actor2)):
            if actor is not None and actor.end > actor.start:
                holder = next((m for m in mentions if actor in (m.actor1, m.actor2)), first)
                evidence.extend(self._evidence(name, holder, actor.start, actor.end))
                # the same actor read again in a joined mention ("the blast killed five
                # civilians") is evidence too: one occurrence, several reports of who was in it
                for m in mentions:
                    for again in (m.actor1, m.actor2):
                        if again is not None and again.name == actor.name and again.start != actor.start:
                            evidence.extend(self._evidence(name, m, again.start, again.end))
        date_start, date_end, precision, time_m = self._time(draft)
        if time_m is not None and time_m.time is not None:
            evidence.extend(self._evidence("event_date", time_m, time_m.time.start, time_m.time.end))
        location, loc_m = self._location(draft)
        if location is not None and location.start is not None and loc_m is not None:
            evidence.extend(self._evidence("location", loc_m, location.start, location.end))
        deaths, low, high, disputed_deaths, death_m = self._fatalities(draft)
        if death_m is not None and death_m.deaths is not None:
            evidence.extend(self._evidence("fatalities", death_m, death_m.deaths.start, death_m.deaths.end))
        claims = self._claims(mentions)
        displaced, disp_m = self._displaced(draft)
        if disp_m is not None and displaced is not None:
            evidence.extend(self._evidence("displaced_figure", disp_m, displaced.start, displaced.end))
        destination = next((m.destination for m in draft.mentions if m.destination is not None), None)
        country = (location.country if location is not None else None) or self.country
        agency = next(
            (m.attribution.agency for m in mentions if m.attribution and m.attribution.agency), None
        )
        contested = any(m.attribution and m.attribution.contested for m in mentions)
        claimants = {c.claimant for c in claims if c.claimant}
        event = Event(
            event_id=f"{self.article.id}#{number}",
            event_type=first.event_type or "",
            sub_event_type=self._sub_type(draft),
            event_date=date_end,
            date_start=date_start,
            date_end=date_end,
            time_precision=precision,
            **_actor_fields(1, actor1),
            **_actor_fields(2, actor2),
            interaction=interaction(actor1.type if actor1 else None, actor2.type if actor2 else None),
            country=country,
            **_place_fields(location),
            fatalities=deaths,
            fatalities_low=low,
            fatalities_high=high,
            fatalities_disputed=disputed_deaths,
            displaced_figure=displaced.value if displaced else None,
            displaced_unit=displaced.unit if displaced else None,
            displaced_people=_people(displaced),
            displacement_origin=(location.location or location.admin1) if location and displaced else None,
            displacement_destination=(destination.location or destination.admin1) if destination else None,
            reported_by=first.attribution.claimant if first.attribution else None,
            claims=tuple(claims),
            disputed=contested or (len(claimants) > 1 and disputed_deaths),
            sources=(
                Source(self.article.id, self.article.url, self.article.outlet, self.article.date, agency),
            ),
            evidence=tuple(evidence),
            confidence=self._confidence(first, actor1, location, time_m),
        )
        return replace(event, notes=notes(event))

    # -- fields -------------------------------------------------------------------------------

    def _sub_type(self, draft: Draft) -> str:
        # a bare "explosion"/"bomb" defaults to IED; a named means (suicide, air, shelling) says more
        specific = [m for m in draft.mentions if m.typing and m.kind != "explosion"]
        counts = Counter(m.typing.sub_event_type for m in specific or draft.mentions if m.typing)
        first_m = (specific or draft.mentions)[0]
        first = first_m.typing.sub_event_type if first_m.typing else ""
        escalated = [sub for sub in PROTEST_ESCALATION if sub in counts]
        if escalated:  # a protest that police dispersed anywhere in the story was not peaceful
            return escalated[0]
        best, n = counts.most_common(1)[0]
        return best if n > counts[first] else first

    def _actors(self, draft: Draft) -> tuple[ActorRef | None, ActorRef | None]:
        pairs = []
        for m in draft.all():
            a1 = self._refer_back(m.actor1, m.actor2)
            pairs.append((a1, self._refer_back(m.actor2, a1)))
        main = pairs[: len(draft.mentions)]
        actor1 = next((a1 for a1, _ in main if a1), None)
        if draft.event_type == "Displacement":
            return actor1, None
        actor2 = next((a2 for _, a2 in main if a2 and (not actor1 or a2.name != actor1.name)), None)
        if actor2 is None and actor1 is not None:
            actor2 = next((a for pair in pairs for a in pair if a and a.name != actor1.name), None)
        elif actor2 is None:
            # the victims named where a lent killing reports the event's dead ("four workers and
            # two soldiers were killed")
            actor2 = next((a2 for _, a2 in pairs if a2 is not None), None)
        if draft.event_type == "Explosions/Remote violence":
            actor2 = struck_civilians(pairs, actor1, actor2)
        if draft.event_type == "Battles":
            actor1, actor2 = self._battle_sides(actor1, actor2)
            if actor1 is None or actor2 is None:
                actor1, actor2 = self._fill_sides(actor1, actor2, draft.first.trigger_start)
        unclaimed = draft.first.kind in UNCLAIMED_KINDS or (
            draft.event_type == VAC and actor2 is not None and actor2.type == CIVILIANS
        )
        if actor1 is None and unclaimed:
            # a bomb, a raid or an attack on civilians no sentence of its own names anyone for: the
            # group the article lays it on, else ACLED's unidentified armed group of the country
            at = draft.first.trigger_start
            blamed = blamed_group(self.salient, self.clean.text, self.sentences)
            actor1 = replace(blamed, start=at, end=at) if blamed is not None else None
        if actor1 is None and unclaimed:
            name = "Unidentified Armed Group" + (f" ({self.country})" if self.country else "")
            actor1 = ActorRef(name, 8, self.country, draft.first.trigger_start, draft.first.trigger_start)
        if draft.event_type == VAC and actor2 is None:
            # an attack on civilians always has its victims: ACLED's civilians of the country
            actor2 = ActorRef(self._civilians(), CIVILIANS, self.country,
                              draft.first.trigger_start, draft.first.trigger_start)  # fmt: skip
        if self._sub_type(draft) == "Excessive force against protesters":
            actor2 = self._as_protesters(actor2)  # the forces are actor1, the crowd they hit actor2
        elif draft.event_type in {"Protests", "Riots"}:
            # "residents took to the streets": the people who protest are protesters (ACLED)
            actor1 = self._as_protesters(actor1)
            if actor1 is None and draft.event_type == "Protests":
                # a protest always has its protesters (ACLED), named or not
                at = draft.first.trigger_start
                actor1 = ActorRef(self._civilians(), CIVILIANS, self.country, at, at)
                actor1 = self._as_protesters(actor1)
        if draft.event_type == "Riots":
            # demonstrators who turn violent are rioters (ACLED): the crowd's actor says so
            actor1, actor2 = self._as_rioters(actor1), self._as_rioters(actor2)
        sub_type, at = self._sub_type(draft), draft.first.trigger_start
        actor1, actor2 = crowd_sides(sub_type, actor1, actor2, self.country, at, self._forces_of_story())
        if actor2 is None and actor1 is not None and actor1.type in {PROTESTERS, RIOTERS}:
            actor2 = self._police_of_story(draft)
        if sub_type == "Arrests":
            said = [self.clean.text[m.sent_start : m.sent_end] for m in draft.all()]
            crowd = arrested_crowd(self.mentions, said, self.country, at)  # "arrests after the riot"
            actor1, actor2 = arrest_sides(
                actor1, actor2, self._police_of_story(draft, always=True), self.country, at, crowd
            )
        return actor1, actor2

    def _forces_of_story(self) -> ActorRef | None:
        """The state forces the story names, police first: who used force on a crowd when the
        sentences of the event name no one."""
        forces = [a for a in self.salient if a.type == STATE and not _is_government(a.name)]
        return min(forces, key=lambda a: not a.name.startswith("Police Forces"), default=None)

    def _police_of_story(self, draft: Draft, always: bool = False) -> ActorRef | None:
        """The police the story names, for a riot or a broken-up protest whose own sentences name
        no one facing the crowd: in a crowd story they are the ones who faced it (ACLED)."""
        if not (
            always or draft.event_type == "Riots" or self._sub_type(draft) == "Protest with intervention"
        ):
            return None
        at = draft.first.trigger_start
        for actor in self.salient:
            if actor.type == STATE and actor.name.startswith("Police Forces"):
                return replace(actor, start=at, end=at)
        return None

    def _as_protesters(self, actor: ActorRef | None) -> ActorRef | None:
        if actor is None or actor.type != CIVILIANS:
            return actor
        country = actor.country or self.country
        return replace(actor, name="Protesters" + (f" ({country})" if country else ""), type=PROTESTERS)

    def _as_rioters(self, actor: ActorRef | None) -> ActorRef | None:
        if actor is None or actor.type != PROTESTERS:
            return actor
        country = actor.country or self.country
        return replace(actor, name="Rioters" + (f" ({country})" if country else ""), type=RIOTERS)

    def _refer_back(self, actor: ActorRef | None, other: ActorRef | None) -> ActorRef | None:
        """ "The rebel group", "the resistance": the article's most named non-state armed group."""
        if actor is None or not is_unnamed(actor) or anaphor_key(actor.matched) not in self.anaphora:
            return actor
        for candidate in self.salient:
            if candidate.type in NON_STATE and (other is None or candidate.name != other.name):
                if lays_on_another(candidate, self.clean.text, self.sentences):
                    return actor  # "no group claimed": the gunmen are nobody the article names
                return replace(candidate, start=actor.start, end=actor.end, matched=actor.matched)
        return actor

    def _civilians(self) -> str:
        return "Civilians" + (f" ({self.country})" if self.country else "")

    @staticmethod
    def _battle_sides(a1: ActorRef | None, a2: ActorRef | None) -> tuple[ActorRef | None, ActorRef | None]:
        """The armed sides of a battle. Civilians or demonstrators read as a side are the
        battle's victims, not a side ("clashes between the army and rebels killed civilians");
        the government is not a side either (ACLED names the military or police that fought), and
        two state forces of one country are one side ("police" and "troops" fighting together)."""
        sides = [a for a in (a1, a2) if a is not None and a.type in ARMED and not _is_government(a.name)]
        if len(sides) == 2 and all(s.type == STATE for s in sides):
            first, second = sides
            if first.country is not None and first.country == second.country:
                sides = [first]
        return (sides[0] if sides else None), (sides[1] if len(sides) > 1 else None)

    def _fill_sides(
        self, a1: ActorRef | None, a2: ActorRef | None, at: int
    ) -> tuple[ActorRef | None, ActorRef | None]:
        """A battle with one side named takes, as the other, the article's most named armed actor
        that can oppose it: not the same state again. State forces with no such opponent in the
        article fought an unidentified armed group of the country."""
        sides = [a for a in (a1, a2) if a is not None]
        for actor in self.salient:
            if len(sides) == 2:
                break
            # the government fights through its forces: no side of a battle (as in _battle_sides)
            if (
                actor.type in ARMED
                and not _is_government(actor.name)
                and all(_can_oppose(actor, s) for s in sides)
            ):
                sides.append(actor)
        if len(sides) == 1 and sides[0].type == STATE and self.country:
            # the unnamed rebels the story tells of elsewhere ("fired shells toward rebels"), typed
            # as the story calls them; else ACLED's unidentified armed group of the country
            name = f"Unidentified Armed Group ({self.country})"
            told = unnamed_rebels(self.mentions, name)
            sides.append(replace(told, start=at, end=at) if told else ActorRef(name, 8, self.country, at, at))
        return (sides[0] if sides else None), (sides[1] if len(sides) > 1 else None)

    def _time(self, draft: Draft) -> tuple[date | None, date | None, int | None, Mention | None]:
        timed = [m for m in draft.all() if m.time is not None and m.time.date_end is not None]
        if timed:
            # A day equal to the article date is often the dateline ("PESHAWAR, June 6"), not the
            # day of the event: another exact day in the story says more.
            best = min(
                timed,
                key=lambda m: (_time(m).precision or 9, _time(m).date_end == self.article.date, m.sentence),
            )
            start, end = self._from_occurrence(best)
            return start, end, _time(best).precision, best
        earlier = self._nearest_time(draft.first)
        if earlier is not None and earlier.time is not None:
            # a sentence that gives no time continues the story of the day named just before it
            return earlier.time.date_start, earlier.time.date_end, earlier.time.precision, earlier
        d = self.article.date
        if d is None:
            return None, None, None, None
        lead = self._lead_time(draft.first)
        lead_day = lead.time.date_end if lead is not None and lead.time is not None else None
        if lead_day is not None and d - timedelta(days=6) <= lead_day < d:
            # the default window, ended on the day the lead gives the story: what a later, undated
            # sentence tells had happened by then
            return d - timedelta(days=6), lead_day, 2, lead
        return d - timedelta(days=6), d, 2, None

    def _nearest_time(self, m: Mention) -> Mention | None:
        """The closest mention at most NEAR_SENTENCES before m (or in its sentence) that gives a time."""
        timed = [
            x
            for x in self.mentions
            if x.time is not None
            and x.time.date_end is not None
            and 0 <= m.sentence - x.sentence <= NEAR_SENTENCES
        ]
        return max(timed, key=lambda x: x.sentence, default=None)

    def _from_occurrence(self, m: Mention) -> tuple[date | None, date | None]:
        """The window of m's time, moved when the event word is named as "a day after" or "a week
        before" something else that the time dates ("arrested him on Sunday, a day after deadly
        clashes": the clashes were on Saturday)."""
        time = _time(m)
        start, end = time.date_start, time.date_end
        if time.end > m.trigger_start or start is None or end is None:
            return start, end  # the time is named after the event word: it dates that word itself
        shift = occurrence_offset(self.clean.text[time.end : m.trigger_start])
        if shift is None:
            return start, end
        return start + timedelta(days=shift), end + timedelta(days=shift)

    def _lead_time(self, m: Mention) -> Mention | None:
        """The day the headline and first paragraph give their story, for a later sentence that names
        no time: the lead's first current event mention dated to a day. The rest of a news story
        tells of the occurrence its lead dates ("Gunmen killed five on Tuesday. ... They also burned
        the market.")."""
        end = lead_end(self.clean.text)
        lead = [
            x
            for x in self.mentions
            if x.sent_start < end
            and x.sentence < m.sentence
            and x.time is not None
            and x.time.date_end is not None
            and x.time.precision == 1
            and not x.time.background
        ]
        return min(lead, key=lambda x: (x.sentence, x.trigger_start), default=None)

    def _location(self, draft: Draft) -> tuple[Any, Mention | None]:
        # a reference's place outside its own phrase says where a source spoke or the wounded were
        # taken ("the blast ..., police in Bastar said"): the event's place only when no other is named
        located = [m for m in draft.mentions if _placed(m) and not _told_elsewhere(m)]
        located = located or [m for m in draft.mentions if _placed(m)]
        # a dateline's city stands in only for a mention that names no place of its own
        located = [m for m in located if _place(m).note != DATELINE_NOTE] or located
        if not located:
            # a sentence that names no place continues the story of the place named just before it
            return self._nearest_place(draft.first)
        best = min(
            located, key=lambda m: (_place(m).geo_precision or 4, _place(m).location is None, m.sentence)
        )
        return best.location, best

    def _nearest_place(self, m: Mention) -> tuple[Any, Mention | None]:
        """The place and the mention it was read from (None: the article's place, read elsewhere)."""
        placed = [x for x in self.mentions if _placed(x)]
        before = [x for x in placed if x.sentence <= m.sentence]
        pool = before or placed
        if pool:
            nearest = min(pool, key=lambda x: (abs(m.sentence - x.sentence), _place(x).geo_precision or 4))
            return nearest.location, nearest
        return self.article_place, None

    def _fatalities(self, draft: Draft) -> tuple[int, int | None, int | None, bool, Mention | None]:
        """The lowest figure of the event (CODEBOOK section 7), after these steps, in this order:
        1. only counts, if there are any: an implied figure ("a man was shot dead": 1) or a bare
           mention of deaths (3) stands in only when the story gives no count;
        2. a first count ("initially, five were killed") yields to any other count;
        3. a new toll ("the toll rose to 14") replaces the lower counts given before it;
        4. a vague word at or under a counted figure is not a second figure."""
        if draft.event_type not in VIOLENT | {"Riots", "Protests"}:
            return 0, None, None, False, None
        figures = [m for m in draft.all() if m.deaths is not None and not m.deaths.implied]
        if not figures:
            implied = [m for m in draft.all() if m.deaths is not None]
            if implied:
                low_m = min(implied, key=lambda m: m.deaths.value if m.deaths else 0)
                return (low_m.deaths.value if low_m.deaths else 1), None, None, False, low_m
            mentioned = any(m.deaths_mentioned for m in draft.all())
            return (3 if mentioned else 0), None, None, False, None
        final = [m for m in figures if m.deaths and m.deaths.revision != "preliminary"]
        figures = final or figures
        updates = [m.deaths.value for m in figures if m.deaths and m.deaths.revision == "update"]
        if updates:
            figures = [m for m in figures if m.deaths and m.deaths.value >= max(updates)]
        exact = [m.deaths.value for m in figures if m.deaths and not m.deaths.vague]
        if exact:
            # "dozens killed" in a headline agrees with "at least 23 were killed" in the text:
            # a vague word at or under a counted figure is not a second figure.
            figures = [m for m in figures if m.deaths and (not m.deaths.vague or m.deaths.value > min(exact))]
        values = {m.deaths.value for m in figures if m.deaths}
        contested = any(m.attribution is not None and m.attribution.contested for m in figures)
        low_m = min(figures, key=lambda m: m.deaths.value if m.deaths else 0)
        figure = low_m.deaths
        assert figure is not None
        return figure.value, figure.low, figure.high, contested or len(values) > 1, low_m

    def _displaced(self, draft: Draft) -> tuple[Figure | None, Mention | None]:
        """The first count given; a vague word ("thousands") only when the story gives no count."""
        counted = [m for m in draft.mentions if m.displaced is not None]
        exact = [m for m in counted if m.displaced and not m.displaced.vague]
        if not counted:
            return None, None
        best = (exact or counted)[0]
        return best.displaced, best

    def _claims(self, mentions: list[Mention]) -> list[Claim]:
        claims: list[Claim] = []
        seen: set[tuple[str | None, int]] = set()
        for m in mentions:
            if m.attribution is None or (m.attribution.claimant, m.sentence) in seen:
                continue
            seen.add((m.attribution.claimant, m.sentence))
            s0, s1 = self.clean.to_original(m.sent_start, m.sent_end)
            figure = m.deaths.value if m.deaths else (m.displaced.value if m.displaced else None)
            claims.append(
                Claim(
                    m.attribution.claimant or m.attribution.agency, self.article.text[s0:s1].strip(), figure
                )
            )
        return claims

    @staticmethod
    def _confidence(first: Mention, actor1: ActorRef | None, location: Any, time_m: Mention | None) -> float:
        score = 0.4 + 0.15 * first.strong + 0.15 * (actor1 is not None)
        score += 0.15 * (location is not None and location.location is not None) + 0.15 * (time_m is not None)
        return round(min(score, 1.0), 2)


PLACE_FIELDS = ("admin1", "admin2", "location", "latitude", "longitude", "geo_precision")


def _place_fields(location: Any) -> dict[str, Any]:
    return {name: getattr(location, name, None) for name in PLACE_FIELDS}


def _actor_fields(n: int, actor: ActorRef | None) -> dict[str, Any]:
    return {
        f"actor{n}": actor.name if actor else None,
        f"actor{n}_type": actor.type if actor else None,
        f"assoc_actor{n}": actor.assoc if actor else None,
    }


def _placed(m: Mention) -> bool:
    """The mention names a place: one the gazetteer knows (with its admin1), or a named one it does
    not ("Namissiguima military detachment" in an article that names no province)."""
    return m.location is not None and bool(m.location.admin1 or m.location.location)


def _told_elsewhere(m: Mention) -> bool:
    """A reference to the occurrence whose place was read outside its own phrase (extract/reference.py)."""
    return REFERS_BACK in m.notes and OWN_PLACE not in m.notes


def _people(figure: Figure | None) -> int | None:
    if figure is None:
        return None
    return figure.value * HOUSEHOLD_SIZE if figure.unit in {"households", "families"} else figure.value


def notes(event: Event) -> str:
    """An ACLED-style summary sentence of the event and its claims."""
    when = f"On {event.event_date.isoformat()}" if event.event_date else "On an unknown date"
    if event.time_precision and event.time_precision > 1 and event.date_start and event.date_end:
        when = f"Between {event.date_start.isoformat()} and {event.date_end.isoformat()}"
    place = ", ".join(p for p in (event.location, event.admin1, event.country) if p) or "an unknown place"
    who = event.actor1 or "an unidentified actor"
    what = event.sub_event_type.lower()
    against = f" against {event.actor2}" if event.actor2 else ""
    text = f"{when}, {who}: {what}{against} in {place}."
    if event.fatalities:
        text += f" {event.fatalities} fatalities"
        text += " (disputed)." if event.fatalities_disputed else "."
    if event.displaced_figure:
        text += f" {event.displaced_figure} {event.displaced_unit or 'people'} displaced"
        text += f" to {event.displacement_destination}." if event.displacement_destination else "."
    claimants = sorted({c.claimant for c in event.claims if c.claimant})
    if claimants:
        text += " According to " + "; ".join(claimants) + "."
    return text


def _time(m: Mention) -> TimeExpr:
    """The time of a mention already known to have one."""
    assert m.time is not None
    return m.time


def _place(m: Mention) -> Location:
    """The location of a mention already known to have one."""
    assert m.location is not None
    return m.location


def _is_government(name: str) -> bool:
    return name.startswith("Government of")


def _can_oppose(actor: ActorRef, side: ActorRef) -> bool:
    """Whether two actors can be a battle's two sides: not one actor, not one state twice."""
    if actor.name == side.name:
        return False
    return not (actor.type == STATE and side.type == STATE and actor.country == side.country)
