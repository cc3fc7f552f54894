"""Homes destroyed by a natural hazard, as displaced households (CODEBOOK section 8)."""

from __future__ import annotations

from spacy.tokens import Span

from strife.extract.actor_reading import ActorReader
from strife.extract.arguments import roles_for
from strife.extract.classify import ARMED, PROTESTERS, RIOTERS, STATE
from strife.extract.displacement import DisplacementCues, choose, near
from strife.extract.figures import doc_text
from strife.extract.lexicon import TriggerHit
from strife.extract.quantities import Quantity
from strife.lookups import PlaceLookup
from strife.mentions import ArticleContext, Figure, Mention, TimeExpr, Typing


class HousingLoss:
    """A destruction word's count of dwellings as displaced households, or None (see `__call__`)."""

    def __init__(self, read: ActorReader, cues: DisplacementCues, geocoder: PlaceLookup) -> None:
        self.read = read
        self.cues = cues
        self.geocoder = geocoder

    def __call__(
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
