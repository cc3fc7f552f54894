"""Detection: sentences in, mentions out, with a reason for every sentence left uncoded.

For each sentence of the parsed, cleaned article:
  1. find triggers from the lexicon (nothing found: "no event word");
  2. drop triggers that report no occurrence (negation, intention, hypothetical,
     trend, metaphor: modality.py) and triggers dated in the background (`_background`);
  3. read actors from the syntax around the trigger and resolve them through the
     actor dictionary (falling back to the actors named in the sentence);
  4. read fatalities and displaced figures tied to death or flight words;
  5. type the event from the trigger kind and the actors' types (classify.py); homes destroyed
     by a natural hazard are displaced households (displacement.py, CODEBOOK section 8);
  6. place it (geocoder) and attach the sentence's attribution.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from strife.extract.actor_reading import ActorReader
from strife.extract.agency import Agencies
from strife.extract.arguments import phrase, roles_for
from strife.extract.claims import attribute
from strife.extract.classify import ARMED, CIVILIANS, PROTESTERS, RIOTERS, STATE, classify
from strife.extract.displacement import DisplacementCues, choose, near
from strife.extract.figures import Figures, doc_text, token_at
from strife.extract.lexicon import TriggerHit, TriggerLexicon
from strife.extract.modality import FLOW_REASONS, PURPOSE, Modality
from strife.extract.quantities import Quantity, VagueTable, find_quantities
from strife.extract.reference import (
    OTHER_OCCURRENCE,
    OWN_PLACE,
    REFERS_BACK,
    SEQUEL,
    is_sequel,
    names_own_place,
    refers_back,
)
from strife.extract.report_time import dates_report
from strife.extract.time import find_times, lead_end, same_occurrence
from strife.lookups import ActorLookup, PlaceLookup
from strife.mentions import ActorRef, ArticleContext, Figure, Mention, TimeExpr, Typing
from strife.records import Explanation

INCIDENT_NOUNS = {"attack", "blast", "explosion", "strike", "bombing", "raid", "incident", "assault",
                  "ambush", "violence", "clash", "operation", "offensive", "massacre", "shelling",
                  "fire"}  # fmt: skip
CROWD_KINDS = {"protest", "riot", "mob"}
DISPLACEMENT_KINDS = {"flee", "evacuate", "displaced", "shelter", "return"}
# Destruction words: homes they destroy in a natural hazard are displaced households (CODEBOOK 8).
HOUSING_KINDS = {"housing", "loot"}
VIOLENT_KINDS = {"attack", "kill", "massacre", "ambush"}
TRANSFER = "Non-violent transfer of territory"
LEAD_SENTENCES = 3  # a headline and a first paragraph of at most two sentences: what an article is about
# How old an occurrence a story can be about: a late report of it, not a remembrance or a photo's date
LEAD_DAYS = 180
# A cheap look before reading a sentence with no event word for a death figure (figures.py)
_DEATH_HINT = re.compile(
    r"\b(?:kill|dead|die[ds]?\b|death|toll|bod(?:y|ies)|lives|perish|massacr|murder)", re.I
)


class Detector:
    def __init__(
        self,
        lexicon: TriggerLexicon,
        modality: Modality,
        actors: ActorLookup,
        geocoder: PlaceLookup,
        vague: VagueTable | None = None,
        displacement: DisplacementCues | None = None,
        agencies: Agencies | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.agencies = (agencies or Agencies.load()).spellings
        self.modality = modality
        self.actors = actors
        self.read = ActorReader(actors)
        self.geocoder = geocoder
        self.vague = vague
        self.cues = displacement or DisplacementCues.load()
        self.figures = Figures(self.cues)
        self.not_territory = modality.cues.of("not_territory")

    def has_triggers(self, doc: Doc) -> bool:
        return any(next(self.lexicon.find(sent), None) is not None for sent in doc.sents)

    def __call__(self, doc: Doc, ctx: ArticleContext) -> tuple[list[Mention], list[Explanation]]:
        mentions: list[Mention] = []
        explanations: list[Explanation] = []
        lead = self._lead(doc, ctx)
        for index, sent in enumerate(doc.sents):
            if not sent.text.strip():
                continue  # a line blanked before parsing (no event word)
            found, reasons = self._sentence(index, sent, ctx, lead)
            mentions += found
            verdict = "coded" if found else "skipped"
            explanations.append(Explanation(sent.text, sent.start_char, sent.end_char, verdict, reasons))
        return mentions, explanations

    def _lead(self, doc: Doc, ctx: ArticleContext) -> list[tuple[str, TimeExpr]]:
        """The old occurrences the article is about: an event word of the headline or first paragraph
        dated to a day or a week in the background but within `LEAD_DAYS`, in a sentence with no
        current time. A month, a year or a decade dates history, not the story's subject; an older
        day is a remembrance or an archive photo's; an anniversary story has none."""
        if ctx.anniversary or ctx.date is None:
            return []
        found: list[tuple[str, TimeExpr]] = []
        end = lead_end(ctx.text)
        for number, sent in enumerate(doc.sents):
            if sent.start_char >= end or number >= LEAD_SENTENCES:
                break
            hits = list(self.lexicon.find(sent))
            times = [_shift(t, sent.start_char) for t in find_times(sent.text, ctx.date, anchor=ctx.anchor)]
            if not hits or any(not t.background and not dates_report(doc, t) for t in times):
                continue
            for hit in hits:
                nearest = _nearest_any(times, doc[hit.head].idx)
                dated = nearest is not None and nearest.background and (nearest.precision or 9) <= 2
                dated = dated and nearest is not None and _age(nearest, ctx) <= LEAD_DAYS
                if dated and nearest is not None and self.modality.reason(doc[hit.head], sent) is None:
                    found.append((_family(hit.kind), nearest))
        return found

    def _background(
        self,
        kind: str,
        nearest: TimeExpr | None,
        current: list[TimeExpr],
        ctx: ArticleContext,
        lead: list[tuple[str, TimeExpr]],
    ) -> str | None:
        """The one background rule (CODEBOOK section 2): the time nearest the event word dates it, and
        a time more than 31 days before the article date makes it background, unless the headline
        or first paragraph reports that same occurrence (`_lead`). In an anniversary story, an event
        word in a sentence with no current time remembers the old event."""
        if nearest is not None and nearest.background:
            family = _family(kind)
            if any(f == family and same_occurrence(nearest, t) for f, t in lead):
                return None
            return f"background ('{nearest.text}')"
        if ctx.anniversary and not current:
            return "an anniversary story: the event it remembers is background"
        return None

    def _sentence(
        self, index: int, sent: Span, ctx: ArticleContext, lead: list[tuple[str, TimeExpr]]
    ) -> tuple[list[Mention], list[str]]:
        hits = list(self.lexicon.find(sent))
        if not hits and not _DEATH_HINT.search(sent.text):
            return [], ["no event word"]
        times = [_shift(t, sent.start_char) for t in find_times(sent.text, ctx.date, anchor=ctx.anchor)]
        # "residents said Saturday" dates the report, not the event: such times do not date events
        current = [t for t in times if not t.background and not dates_report(sent.doc, t)]
        quantities = [_shift_q(q, sent.start_char) for q in find_quantities(sent.text, self.vague)]
        if not hits:
            return self._death_only(index, sent, ctx, quantities, times, current, lead)
        attribution = attribute(sent, self.agencies)
        whole = self.modality.sentence_reason(sent)
        deaths: tuple[Figure | None, bool, ActorRef | None] | None = None
        mentions, reasons = [], []
        for hit in hits:
            head = sent.doc[hit.head]
            words = sent.doc[hit.start : hit.end].text
            reason = self.modality.reason(head, sent, whole)
            if reason in FLOW_REASONS and hit.kind in DISPLACEMENT_KINDS:
                reason = None  # "150,000 have been evacuated since Friday": a flow, as IDMC counts it
            if reason == PURPOSE and hit.kind in CROWD_KINDS:
                reason = None  # "fired tear gas to disperse the protesters": the crowd was there
            own = self._own_times(times, head)
            nearest = _nearest_any(own, head.idx)
            if reason is None:
                # the time closest to the trigger dates it: "launched an offensive last week,
                # their first since they seized power in August" has two events, one old
                reason = self._background(hit.kind, nearest, current, ctx, lead)
            # an old occurrence the article is about keeps its own date
            when = (
                nearest
                if nearest is not None and nearest.background
                else _nearest([t for t in current if t in own], head.idx)
            )
            if reason is None and _idiom(head):
                reason = f"idiom ('in {head.text}')"
            if (
                reason is None
                and hit.kind not in DISPLACEMENT_KINDS
                and _modifies_other_noun(head)
                and not (hit.kind in HOUSING_KINDS and head.head.lower_ in self.cues.of("housing"))
            ):
                reason = f"names a kind of thing ('{head.text} {head.head.text}'), not an occurrence"
            if (
                reason is None
                and hit.kind in {"capture", "recapture"}
                and _object_lemma(head) in self.not_territory
            ):
                reason = f"not territory ('{_object_lemma(head)}')"
            if reason is not None:
                reasons.append(f"'{words}': {reason}")
                continue
            if hit.kind in HOUSING_KINDS:
                housing = self._housing_loss(index, sent, hit, ctx, quantities, when)
                if housing is not None:
                    housing.attribution = attribution
                    reasons.append(f"'{words}': Displaced (homes destroyed by a natural hazard)")
                    mentions.append(housing)
                    continue
            if deaths is None:
                deaths = self._deaths(sent, quantities, ctx)  # the same for every trigger of the sentence
            mention = self._mention(index, sent, hit, ctx, quantities, deaths, when)
            if mention is None:
                reasons.append(f"'{words}': no actors, victims or figures to make it an event")
                continue
            mention.attribution = attribution
            label = mention.typing.sub_event_type if mention.typing else "figures only"
            reasons.append(f"'{words}': {label}")
            mentions.append(mention)
        if deaths is not None:
            reasons += self.figures.dropped(sent, quantities)  # counts refused as deaths, and why
        return _handed_over(mentions), reasons

    def _own_times(self, times: list[TimeExpr], head: Token) -> list[TimeExpr]:
        """The times of the trigger's own clause: a time inside a clause that tells another
        occurrence ("the latest attacks followed attacks over the weekend") dates that one only."""
        clause = self.figures.earlier_clause(head)
        own = []
        for time in times:
            token = token_at(head.doc, time.start)
            if token is None or self.figures.earlier_clause(token) == clause:
                own.append(time)
        return own

    def _mention(
        self,
        index: int,
        sent: Span,
        hit: TriggerHit,
        ctx: ArticleContext,
        quantities: list[Quantity],
        sentence_deaths: tuple[Figure | None, bool, ActorRef | None],
        time: TimeExpr | None,
    ) -> Mention | None:
        doc = sent.doc
        roles = roles_for(doc, hit.head)
        agents, patients = self.read.roles(roles, ctx)
        head = doc[hit.head]
        if not agents and hit.kind in CROWD_KINDS and head.pos_ == "NOUN":
            # "tear gas at protesters": the crowd word names the actor as well as the event
            crowd = self.read.resolve(phrase(head), ctx)
            agents = [crowd] if crowd is not None and crowd.type in {PROTESTERS, RIOTERS} else agents
        deaths, deaths_mentioned, victims = sentence_deaths
        if not patients and victims is not None and hit.kind not in DISPLACEMENT_KINDS:
            patients = [victims]  # the dead were not the ones who fled
        if not agents and not patients:
            agents, patients = self.read.sentence_actors(sent, ctx, attribute(sent, self.agencies), head)
        if hit.kind == "clash":
            crowd = self.read.crowd_in(sent, ctx)
            if crowd and not any(a.type in {PROTESTERS, RIOTERS} for a in agents):
                agents = [crowd, *agents]
        armed = any(a.type in ARMED and a.type != STATE for a in self.read.named_in(sent, ctx))
        typing = classify(
            hit.kind,
            [a.type for a in agents],
            [p.type for p in patients],
            sent.text,
            armed,
            hit.trigger.strong,
        )
        if typing is not None and typing.event_type == "Battles" and _one_state(agents[:1] + patients[:1]):
            return None  # the army and the police of one country do not fight each other
        if typing is None and hit.kind not in VIOLENT_KINDS:
            return None
        # "The attack on Saturday follows the murders of two soldiers": the dead belong to the other
        # occurrence, but the sentence still reports this one (and may date it)
        unsupported = not (agents or patients or deaths)
        if unsupported and (typing is None or not hit.trigger.strong):
            reported = deaths_mentioned if typing is None else False
            if not reported and not self.figures.set_against_other_killing(head):
                return None
        mention = Mention(
            typing=typing,
            kind=hit.kind,
            strong=hit.trigger.strong,
            sentence=index,
            sent_start=sent.start_char,
            sent_end=sent.end_char,
            trigger_start=doc[hit.start].idx,
            trigger_end=doc[hit.end - 1].idx + len(doc[hit.end - 1]),
            deaths=deaths,
            deaths_mentioned=deaths_mentioned,
            time=time,
        )
        if refers_back(head):
            mention.notes.append(REFERS_BACK)  # "the attack": assembly joins it to the one coded
        self._place_in_sequence(mention, head, deaths)
        if typing is not None and typing.event_type == "Displacement":
            mention.displaced = self.figures.displaced(
                sent, quantities, mention.trigger_start, mention.trigger_end
            )
            people = [a for a in patients + agents if a.type == CIVILIANS]
            if not people and mention.displaced is None:
                return None  # someone fled, but not a population: fighters, attackers, "their victims"
            mention.actor1 = self.read.civilians(people, ctx, sent)
        else:
            mention.actor1 = agents[0] if agents else None
            others = [p for p in patients if mention.actor1 is None or p.name != mention.actor1.name]
            mention.actor2 = others[0] if others else None
            if mention.actor2 is None and typing is not None and _faces_forces(typing):
                mention.actor2 = self._forces_facing(sent, ctx, mention.actor1)
        mention.location = self.geocoder.locate(
            ctx.text, ctx.places, sent.start_char, sent.end_char, ctx.country, anchor=mention.trigger_start
        )
        if REFERS_BACK in mention.notes and is_sequel(head):
            mention.notes.append(SEQUEL)
        elif mention.location is not None and names_own_place(head, mention.location.start):
            mention.notes.append(OWN_PLACE)
        if typing is not None and typing.event_type == "Displacement":
            end = min(len(ctx.text), sent.end_char + 400)
            mention.destination = self.geocoder.destination(
                ctx.text, ctx.places, sent.start_char, end, ctx.country
            )
        return mention

    # -- actors -------------------------------------------------------------------------------

    def _forces_facing(self, sent: Span, ctx: ArticleContext, crowd: ActorRef | None) -> ActorRef | None:
        """The police or troops named in a riot's sentence ("rioters stoned police"): ACLED
        records the forces a riot engaged as its second actor, whatever the syntax says."""
        for actor in self.read.named_in(sent, ctx):
            if actor.type == STATE and not actor.name.startswith("Government of") and actor != crowd:
                return actor
        return None

    # -- figures ------------------------------------------------------------------------------

    def _death_only(
        self,
        index: int,
        sent: Span,
        ctx: ArticleContext,
        quantities: list[Quantity],
        times: list[TimeExpr],
        current: list[TimeExpr],
        lead: list[tuple[str, TimeExpr]],
    ) -> tuple[list[Mention], list[str]]:
        """A death count in a sentence with no event word ("the toll rose to 14", "at least 28
        people died"): a figure-only mention, which assembly lends to the nearest compatible
        violent event. Not when the count reports no occurrence (modality.py), is dated in the
        past, or adds to an earlier count ("another five died"). The toll of a whole conflict
        ("10,000 have been killed in the war") is no figure (figures.py). The mention has no time:
        a toll is often dated by its report ("the toll rose to 14 on Friday"), not by the event."""
        figure, _, _ = self.figures.deaths(sent, quantities)
        if figure is None or figure.implied:
            return [], ["no event word", *self.figures.dropped(sent, quantities)]
        word = self.figures.word_of(sent.doc, figure) or token_at(sent.doc, figure.start)
        if word is None:
            return [], ["no event word"]
        reason = self.modality.reason(word, sent) or self._background(
            "kill", _nearest_any(times, word.idx), current, ctx, lead
        )
        if reason is None and self.figures.increment(sent.doc, figure):
            reason = "adds to an earlier count"
        if reason is not None:
            return [], [f"death figure '{figure.text}': {reason}"]
        end = word.idx + len(word)
        mention = Mention(None, "kill", False, index, sent.start_char, sent.end_char, word.idx, end,
                          deaths=figure, deaths_mentioned=True)  # fmt: skip
        mention.attribution = attribute(sent, self.agencies)
        mention.location = self.geocoder.locate(
            ctx.text, ctx.places, sent.start_char, sent.end_char, ctx.country, anchor=word.idx
        )
        return [mention], [f"death figure '{figure.text}': figures only"]

    def _place_in_sequence(self, mention: Mention, head: Token, deaths: Figure | None) -> None:
        """ "The raid came a day after six herders were killed in an ambush": a trigger inside the
        clause on "after" tells another occurrence (assembly founds it apart); a trigger outside it
        takes none of that clause's dead."""
        if self.figures.earlier_clause(head) is not None:
            mention.notes.append(OTHER_OCCURRENCE)
            return
        word = self.figures.word_of(head.doc, deaths) if deaths is not None else None
        if word is not None and self.figures.earlier_clause(word) is not None:
            mention.deaths, mention.deaths_mentioned = None, False

    def _deaths(
        self, sent: Span, quantities: list[Quantity], ctx: ArticleContext
    ) -> tuple[Figure | None, bool, ActorRef | None]:
        """The sentence's death figure (figures.py), whether deaths are mentioned, and who the dead
        were when the figure's noun says so ("12 Somali soldiers")."""
        figure, mentioned, first = self.figures.deaths(sent, quantities)
        victims = None
        if first is not None and first.noun_start is not None and first.noun_end is not None:
            span = sent.doc.char_span(first.start, first.noun_end, alignment_mode="expand")
            if span is not None:
                victims = self.read.resolve(span, ctx)
        return figure, mentioned, victims

    def _housing_loss(
        self,
        index: int,
        sent: Span,
        hit: TriggerHit,
        ctx: ArticleContext,
        quantities: list[Quantity],
        time: TimeExpr | None,
    ) -> Mention | None:
        """Homes destroyed by a natural hazard, as displaced households (CODEBOOK section 8): a count
        of dwellings tied to a destruction word, a hazard named in the sentence (or in an article
        that names no armed actor), and no armed actor, rioter or protester in the sentence."""
        doc = sent.doc
        start, end = doc[hit.start].idx, doc[hit.end - 1].idx + len(doc[hit.end - 1])
        # state actors are often the ones who report or respond ("fire authorities say"); an armed
        # group or a crowd in the sentence, or any armed actor doing the destroying, makes it conflict
        agents, _ = self.read.roles(roles_for(doc, hit.head), ctx)
        if any(a.type in ARMED | {RIOTERS, PROTESTERS} for a in agents) or any(
            a.type in (ARMED - {STATE}) | {RIOTERS, PROTESTERS} for a in self.read.named_in(sent, ctx)
        ):
            return None
        if self.cues.hazard(sent.text) is None and (
            any(a.type in ARMED for a in ctx.actors) or self.cues.hazard(ctx.text) is None
        ):
            return None
        text = doc_text(doc)
        homes = [q for q in quantities if self.cues.counts_housing(text, q)]
        q = choose(doc, homes, start, end, untied=lambda q: near(text, q, start, end))
        if q is None:
            return None
        mention = Mention(
            typing=Typing("Displacement", "Displaced"),
            kind="housing",
            strong=True,
            sentence=index,
            sent_start=sent.start_char,
            sent_end=sent.end_char,
            trigger_start=start,
            trigger_end=end,
            time=time,
            displaced=Figure(q.value, q.low, q.high, "households", q.start, q.end, q.text, q.vague),
        )
        mention.actor1 = self.read.civilians([], ctx, sent)
        mention.location = self.geocoder.locate(
            ctx.text, ctx.places, sent.start_char, sent.end_char, ctx.country, anchor=start
        )
        return mention


def _handed_over(mentions: list[Mention]) -> list[Mention]:
    """ "Troops withdrew from the town, letting the rebels take it over": ground taken in the sentence
    that tells the other side's withdrawal changed hands without a fight, a non-violent transfer of
    territory (CODEBOOK section 3), not a battle."""
    withdrawal = next((m.typing for m in mentions if m.typing and m.typing.sub_event_type == TRANSFER), None)
    if withdrawal is None:
        return mentions
    for m in mentions:
        if m.kind in {"capture", "recapture"} and m.event_type == "Battles":
            m.typing = withdrawal
    return mentions


def _one_state(sides: list[ActorRef]) -> bool:
    return len(sides) == 2 and all(a.type == STATE for a in sides) and sides[0].country == sides[1].country


def _idiom(head: Token) -> bool:
    """ "in protest against", "in retaliation": a bare noun after "in" describes a motive."""
    return (
        head.pos_ == "NOUN"
        and head.dep_ == "pobj"
        and head.head.lower_ == "in"
        and not any(child.dep_ in {"det", "poss", "nummod", "amod"} for child in head.children)
    )


def _modifies_other_noun(head: Token) -> bool:
    """ "protest camp", "bomb squad", "attack helicopter": the trigger word only qualifies a noun,
    unless that noun itself names an incident ("suicide bomb attack")."""
    return (
        head.dep_ in {"compound", "amod"}
        and head.head.pos_ in {"NOUN", "PROPN"}
        and head.head.lemma_.lower() not in INCIDENT_NOUNS
    )


def _age(time: TimeExpr, ctx: ArticleContext) -> int:
    """Days from the end of a time's window to the article date (a large number when unknown)."""
    if time.date_end is None or ctx.date is None:
        return 10**6
    return (ctx.date - time.date_end).days


def _family(kind: str) -> str:
    """Which occurrences a trigger kind can report: a crowd's, a flight, or an act of violence."""
    if kind in CROWD_KINDS:
        return "crowd"
    return "displacement" if kind in DISPLACEMENT_KINDS else "violence"


def _nearest_any(times: list[TimeExpr], anchor: int) -> TimeExpr | None:
    return min(times, key=lambda t: min(abs(t.start - anchor), abs(t.end - anchor)), default=None)


def _object_lemma(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "obj", "nsubjpass"}:
            return child.lemma_.lower()
    return None


def _nearest(times: list[TimeExpr], anchor: int) -> TimeExpr | None:
    if not times:
        return None
    return min(times, key=lambda t: (t.precision or 9, abs(t.start - anchor)))


def _shift(expr: TimeExpr, offset: int) -> TimeExpr:
    return replace(expr, start=expr.start + offset, end=expr.end + offset)


def _shift_q(q: Quantity, offset: int) -> Quantity:
    return replace(
        q,
        start=q.start + offset,
        end=q.end + offset,
        noun_start=None if q.noun_start is None else q.noun_start + offset,
        noun_end=None if q.noun_end is None else q.noun_end + offset,
    )


def _faces_forces(typing: Typing) -> bool:
    """A riot, or a protest the forces broke up: the forces are the second actor."""
    return typing.event_type == "Riots" or typing.sub_event_type == "Protest with intervention"
