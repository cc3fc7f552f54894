"""Detection: sentences in, mentions out, with a reason for every sentence left uncoded.

For each sentence of the parsed, cleaned article:
  1. find triggers from the lexicon (nothing found: "no event word");
  2. drop triggers that report no occurrence (negation, intention, hypothetical,
     trend, metaphor: modality.py) and triggers dated in the background (dating.py);
  3. read actors from the syntax around the trigger and resolve them through the
     actor dictionary (falling back to the actors named in the sentence);
  4. read fatalities and displaced figures tied to death or flight words;
  5. type the event from the trigger kind and the actors' types (classify.py); homes destroyed
     by a natural hazard are displaced households (housing.py, CODEBOOK section 8);
  6. place it (geocoder) and attach the sentence's attribution; an event word told for each place
     of a list ("three killed in Homs, two in Damascus") is one mention per place (place_lists.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from strife.extract.actor_reading import ActorReader
from strife.extract.agency import Agencies
from strife.extract.arguments import phrase, roles_for
from strife.extract.claims import attribute
from strife.extract.classify import ARMED, CIVILIANS, PROTESTERS, RIOTERS, STATE, classify
from strife.extract.dating import CROWD_KINDS, DISPLACEMENT_KINDS, Dating, nearest, nearest_any, shift
from strife.extract.displacement import DisplacementCues
from strife.extract.figures import Figures, token_at
from strife.extract.housing import HousingLoss
from strife.extract.lexicon import TriggerHit, TriggerLexicon
from strife.extract.modality import FLOW_REASONS, PURPOSE, Modality
from strife.extract.place_lists import split_by_place
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
from strife.extract.sentence_rules import (
    faces_forces,
    handed_over,
    idiom,
    modifies_other_noun,
    object_lemma,
    one_state,
    shift_q,
)
from strife.extract.time import find_times
from strife.lookups import ActorLookup, PlaceLookup
from strife.mentions import ActorRef, ArticleContext, Figure, Mention, TimeExpr
from strife.records import Explanation

# Destruction words: homes they destroy in a natural hazard are displaced households (CODEBOOK 8).
HOUSING_KINDS = {"housing", "loot"}
VIOLENT_KINDS = {"attack", "kill", "massacre", "ambush"}
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
        self.populations = modality.cues.of("population")
        self.settlements = modality.cues.of("settlement")
        self.dating = Dating(lexicon, modality, self.figures)
        self.housing_loss = HousingLoss(self.read, self.cues, geocoder)

    def has_triggers(self, doc: Doc) -> bool:
        return any(next(self.lexicon.find(sent), None) is not None for sent in doc.sents)

    def __call__(self, doc: Doc, ctx: ArticleContext) -> tuple[list[Mention], list[Explanation]]:
        mentions: list[Mention] = []
        explanations: list[Explanation] = []
        lead = self.dating.lead(doc, ctx)
        for index, sent in enumerate(doc.sents):
            if not sent.text.strip():
                continue  # a line blanked before parsing (no event word)
            found, reasons = self._sentence(index, sent, ctx, lead)
            mentions += found
            verdict = "coded" if found else "skipped"
            explanations.append(Explanation(sent.text, sent.start_char, sent.end_char, verdict, reasons))
        return mentions, explanations

    def _sentence(
        self, index: int, sent: Span, ctx: ArticleContext, lead: list[tuple[str, TimeExpr]]
    ) -> tuple[list[Mention], list[str]]:
        hits = list(self.lexicon.find(sent))
        if not hits and not _DEATH_HINT.search(sent.text):
            return [], ["no event word"]
        times = [shift(t, sent.start_char) for t in find_times(sent.text, ctx.date, anchor=ctx.anchor)]
        # "residents said Saturday" dates the report, not the event: such times do not date events
        current = [t for t in times if not t.background and not dates_report(sent.doc, t)]
        quantities = [shift_q(q, sent.start_char) for q in find_quantities(sent.text, self.vague)]
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
            own = self.dating.own_times(times, head)
            closest = nearest_any(own, head.idx)
            if reason is None:
                # the time closest to the trigger dates it: "launched an offensive last week,
                # their first since they seized power in August" has two events, one old
                reason = self.dating.background(hit.kind, closest, current, ctx, lead)
            # an old occurrence the article is about keeps its own date
            when = (
                closest
                if closest is not None and closest.background
                else nearest([t for t in current if t in own], head.idx)
            )
            if reason is None and idiom(head):
                reason = f"idiom ('in {head.text}')"
            if (
                reason is None
                and hit.kind not in DISPLACEMENT_KINDS
                and modifies_other_noun(head)
                and not (hit.kind in HOUSING_KINDS and head.head.lower_ in self.cues.of("housing"))
            ):
                reason = f"names a kind of thing ('{head.text} {head.head.text}'), not an occurrence"
            if (
                reason is None
                and hit.kind in {"capture", "recapture"}
                and object_lemma(head) in self.not_territory
            ):
                reason = f"not territory ('{object_lemma(head)}')"
            if reason is not None:
                reasons.append(f"'{words}': {reason}")
                continue
            if hit.kind in HOUSING_KINDS:
                housing = self.housing_loss(index, sent, hit, ctx, quantities, when)
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
            shares = split_by_place(mention, sent, ctx, quantities, self.geocoder)
            if len(shares) > 1:
                label += f" at each of {len(shares)} places"
            reasons.append(f"'{words}': {label}")
            mentions += shares
        if deaths is not None:
            reasons += self.figures.dropped(sent, quantities)  # counts refused as deaths, and why
        return handed_over(mentions), reasons

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
        if (
            hit.kind == "attack"
            and not roles.agents
            and roles.patients
            and all(p.root.lemma_.lower() in self.settlements for p in roles.patients)
        ):
            patients = [self.read.civilians([], ctx, sent)]  # "Makulo village was attacked": its people
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
        if typing is not None and typing.event_type == "Battles" and one_state(agents[:1] + patients[:1]):
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
            named = [t.lemma_.lower() for p in roles.agents + roles.patients for t in p.root.subtree]
            if not people and any(word in self.populations for word in named):
                people = [self.read.civilians([], ctx, sent)]  # "much of the town's population fled"
            if not people and mention.displaced is None:
                return None  # someone fled, but not a population: fighters, attackers, "their victims"
            mention.actor1 = self.read.civilians(people, ctx, sent)
        else:
            mention.actor1 = agents[0] if agents else None
            others = [p for p in patients if mention.actor1 is None or p.name != mention.actor1.name]
            mention.actor2 = others[0] if others else None
            if mention.actor2 is None and typing is not None and faces_forces(typing):
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
        reason = self.modality.reason(word, sent) or self.dating.background(
            "kill", nearest_any(times, word.idx), current, ctx, lead
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
