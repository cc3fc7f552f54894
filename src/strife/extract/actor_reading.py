"""The actors of a sentence: role phrases resolved through the actors the dictionary found in the
article, with the fallbacks detection uses when the syntax gives nothing."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from strife.extract.arguments import Roles
from strife.extract.classify import CIVILIANS, PROTESTERS, RIOTERS
from strife.lookups import ActorLookup
from strife.mentions import ActorRef, ArticleContext, Attribution


class ActorReader:
    """Reads actors for detection; `actors` is the actor dictionary (strife.resolve.actors)."""

    def __init__(self, actors: ActorLookup) -> None:
        self.actors = actors

    def resolve(self, span: Span, ctx: ArticleContext) -> ActorRef | None:
        """The actor a role phrase names: of the actors the dictionary found in these words when
        it read the whole article, a named one before a generic noun ("Taliban commanders")."""
        inside = [a for a in ctx.actors if a.start < span.end_char and span.start_char < a.end]
        if inside:
            best = next((a for a in inside if a.named), inside[0])
            return replace(best, start=span.start_char, end=span.end_char)
        if len(span) == 1 and span[0].pos_ in {"ADJ", "PROPN"}:
            # "Russian shelling", "Israeli airstrikes": a demonym on the weapon names its forces
            actor = self.actors.resolve(f"{span.text} forces", on=ctx.date, country=ctx.country)
            if actor is not None and span.text.lower() in actor.matched.lower():  # not "northern forces"
                return ActorRef(actor.name, actor.type, actor.country, span.start_char, span.end_char,
                                actor.assoc, actor.matched)  # fmt: skip
        return None

    def roles(self, roles: Roles, ctx: ArticleContext) -> tuple[list[ActorRef], list[ActorRef]]:
        agents = [a for a in (self.resolve(s, ctx) for s in roles.agents) if a]
        patients = [p for p in (self.resolve(s, ctx) for s in roles.patients) if p]
        sides = [s for s in (self.resolve(s, ctx) for s in roles.sides) if s]
        if sides and not agents:
            agents, sides = sides[:1], sides[1:]
        patients += [s for s in sides if all(s.name != a.name for a in agents)]
        return agents, patients

    def named_in(self, sent: Span, ctx: ArticleContext) -> list[ActorRef]:
        """The actors the dictionary found in the article, within this sentence."""
        return [a for a in ctx.actors if sent.start_char <= a.start and a.end <= sent.end_char]

    def sentence_actors(
        self, sent: Span, ctx: ArticleContext, speaker: Attribution | None
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        """Fallback when the syntax gave nothing: the armed actors named in the sentence, in order,
        leaving out whoever is only the source ("a security source said")."""
        found: list[ActorRef] = []
        for actor in self.named_in(sent, ctx):
            if speaker is not None and speaker.start <= actor.start and actor.end <= speaker.end:
                continue
            if actor.type != CIVILIANS and all(a.name != actor.name for a in found):
                found.append(actor)
        return found[:1], found[1:2]

    def crowd_in(self, sent: Span, ctx: ArticleContext) -> ActorRef | None:
        """Demonstrators or rioters named in the sentence: a clash there is a riot, not a battle."""
        return next((a for a in self.named_in(sent, ctx) if a.type in {PROTESTERS, RIOTERS}), None)

    def civilians(self, people: list[ActorRef], ctx: ArticleContext, sent: Span) -> ActorRef:
        for actor in people:
            if actor.type == CIVILIANS:
                return actor
        name = f"Civilians ({ctx.country})" if ctx.country else "Civilians"
        return ActorRef(name, CIVILIANS, ctx.country, sent.start_char, sent.start_char)
