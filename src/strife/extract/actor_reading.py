"""The actors of a sentence: role phrases resolved through the actors the dictionary found in the
article, with the fallbacks detection uses when the syntax gives nothing.

A generic noun that in news points back to the armed group the article names ("the rebels",
"insurgents", "rebel fighters" in a story about the ADF) is read as that group here, where the
sentence is read, so that both sides of one sentence can never be one group under two names
("Taliban" fighting "insurgents" is the Taliban and whoever the other side is)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Span, Token

from strife.extract.arguments import Roles, agents_of, fired, phrase
from strife.extract.blame import lays_on_another
from strife.extract.classify import CIVILIANS, MILITIA_ID, MILITIA_POL, PROTESTERS, REBEL, RIOTERS
from strife.extract.word_kinds import read_word_kinds
from strife.lookups import ActorLookup
from strife.mentions import ActorRef, ArticleContext, Attribution
from strife.tables import read_table

NON_STATE_GROUPS = frozenset({REBEL, MILITIA_POL, MILITIA_ID})
UNNAMED_GROUP = "Unidentified Armed Group"
GOVERNMENT = "Government of"
_TYPOGRAPHIC_APOSTROPHE = "\u2019"
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_NOUN_TAGS = frozenset({"NN", "NNS", "VBG"})  # "shelling" is often tagged as a verb's gerund
# "suspected militants", "alleged rebels": no group is named for the act (ACLED: unidentified).
_HEDGED = ("suspected ", "alleged ", "unidentified ", "unknown ")

# "armed groups linked to al-Qaeda", "a faction allied to the Islamic State", "groups swearing
# allegiance to either Al Qaeda or Islamic State": the named group is another group's patron, not
# an actor of this article's events.
_PATRON = re.compile(
    r"\b(?:linked|tied|affiliated|allied|aligned|connected|close|loyal(?= to the (?:government|state))|"
    r"inspired|ties|links|allegiance|affiliates?|offshoots?|splinter(?: group)?s?)"
    r"(?: with| to| by| of)?(?: either| both)?(?: the)?\s+(?:(?:[\w'-]+\s+){1,3}?(?:and|or)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def named_as_patron(actor: ActorRef, text: str) -> bool:
    """Whether the words before an actor's mention make it another group's patron."""
    return _PATRON.search(text[max(0, actor.start - 40) : actor.start]) is not None


def anaphor_key(matched: str) -> str:
    """The words as anaphora.tsv lists them: lower case, without a possessive ending ("insurgents'",
    "the group's", with a straight or a typographic apostrophe)."""
    return re.sub(r"'s?$", "", matched.lower().replace(_TYPOGRAPHIC_APOSTROPHE, "'")).strip()


def load_anaphora() -> frozenset[str]:
    """Generic nouns that point back to the article's named armed group (data/anaphora.tsv)."""
    return frozenset(row["noun"].strip().lower() for row in read_table("anaphora.tsv", ["noun"]))


def article_group(ctx: ArticleContext) -> ActorRef | None:
    """The non-state armed group the article names most often (first named among equals), not
    counting the mentions that make it another group's patron, nor an acronym in brackets after
    its name ("Islamic State (IS)"), which is the same mention; None when it names none."""
    counts: Counter[str] = Counter()
    first: dict[str, ActorRef] = {}
    for actor in ctx.actors:
        if not actor.named or actor.type not in NON_STATE_GROUPS:
            continue
        bracketed = ctx.text[max(0, actor.start - 2) : actor.start].strip().endswith("(")
        if not bracketed and not named_as_patron(actor, ctx.text):
            counts[actor.name] += 1
            first.setdefault(actor.name, actor)
    if not counts:
        return None
    return max(first.values(), key=lambda a: (counts[a.name], -a.start))


# Event nouns that a country's name before them places rather than carries out: "the Kenya attack",
# "Mali violence" happened in that country; "Israel strikes", "Russia shelling" were the state's.
_PLACED_EVENTS = frozenset(
    {"attack", "bombing", "blast", "explosion", "massacre", "killing", "violence", "clash", "unrest",
     "fighting", "ambush", "raid", "kidnapping", "abduction", "siege", "crisis", "conflict", "war"}
)  # fmt: skip


def _place_of_event(span: Span, country: str | None) -> bool:
    """Whether a one-word modifier is a country's name that places the event ("Kenya Attack: 12
    Killed in Mandera"), not a demonym that names the forces behind it ("Russian shelling")."""
    word = span[0]
    return (
        country is not None
        and word.text.lower() == country.lower()
        and word.head is not word
        and word.head.lemma_.lower() in _PLACED_EVENTS
    )


def _owner_of_target(actor: ActorRef, span: Span) -> bool:
    """Whether a generic "government" only says whose the target is: "a government school", "the
    government offices" were torched; the government did not act, nor was it attacked as an actor.
    The phrase's head noun lies after the actor's words and is no actor noun itself."""
    if actor.named or not actor.name.startswith(GOVERNMENT):
        return False
    root = span.root
    return root.idx >= actor.end and root.pos_ in {"NOUN", "PROPN"}


def _clauses_aside(sent: Span, head: Token | None) -> list[tuple[int, int]]:
    """The character spans of the clauses of the sentence that tell of something else and do not hold
    the event word: "where ..." and "when ..." clauses tell of the place or the time ("the village
    where the army fought the rebels last year"), a participle with its own agent of another act ("the
    body of a trader killed by robbers"). A "who ..." clause may well name a side ("women who
    confronted security forces")."""
    if head is None:
        return []
    spans = []
    for token in sent:
        if token.left_edge.i <= head.i <= token.right_edge.i:
            continue
        where = token.dep_ == "relcl" and any(child.tag_ == "WRB" for child in token.children)
        done_by = token.dep_ == "acl" and token.tag_ == "VBN" and bool(agents_of(token))
        if where or done_by:
            spans.append((token.left_edge.idx, token.right_edge.idx + len(token.right_edge)))
    return spans


def _government_modifier(actor: ActorRef, sent: Span) -> bool:
    """Whether a generic "government" only modifies another noun: "outside government control", "the
    district government offices" name no one who acted."""
    if actor.named or not actor.name.startswith(GOVERNMENT):
        return False
    last = actor.end - 1  # the mention's head word: "S. Sudan government" is the government
    word = next((t for t in sent if t.idx <= last < t.idx + len(t)), None)
    if word is None or word.dep_ not in {"compound", "amod", "nmod"} or word.head.pos_ != "NOUN":
        return False
    return word.head.idx >= actor.end


SIDE_CUE_KINDS = ("arrival", "response", "before", "unrest", "strike")


def load_side_cues(path: Path | None = None) -> dict[str, frozenset[str]]:
    """The words of data/side_cues.tsv by kind (arrival, response, before, unrest, strike)."""
    cues = read_word_kinds("side_cues.tsv", path, kinds=SIDE_CUE_KINDS)
    return {kind: cues.get(kind, frozenset()) for kind in SIDE_CUE_KINDS}


def _word_at(sent: Span, at: int) -> Token | None:
    """The token of the sentence that holds character `at`."""
    return next((t for t in sent if t.idx <= at < t.idx + len(t)), None)


def _noun_of(word: Token) -> Token:
    """The noun a modifier word belongs to: "police" in "a large police contingent", "a unit of police"."""
    for _ in range(4):
        if word.dep_ in {"compound", "amod", "nmod", "poss"} and word.head is not word:
            word = word.head
        elif word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ == "NOUN":
            word = word.head.head
        else:
            break
    return word


def _under(token: Token, verb: Token) -> bool:
    return verb.left_edge.i <= token.i <= verb.right_edge.i and any(t.i == token.i for t in verb.subtree)


def responded(actor: ActorRef, sent: Span, head: Token | None, cues: dict[str, frozenset[str]]) -> bool:
    """Whether the actor only answered the act of the event word `head`: the subject of a verb of
    arrival whose "after"/"following"/"scene of" phrase holds the act ("police reached the area after
    the kidnapping", "troops rushed to the scene of the blast"), or of a verb of response that governs
    it ("police are investigating the killing"). Forces that come afterwards did not do the act."""
    word = _word_at(sent, actor.end - 1)
    if word is None or head is None:
        return False
    word = _noun_of(word)
    verb = word.head
    if word.dep_ not in {"nsubj", "nsubjpass"} or verb is head or not _under(head, verb):
        return False
    lemma = verb.lemma_.lower()
    if lemma in cues["response"]:
        return True
    if lemma not in cues["arrival"]:
        return False
    token = head
    while token.i != verb.i and token.head.i != token.i:
        if token.lower_ in cues["before"] or token.lemma_.lower() in cues["before"]:
            return True
        token = token.head
    return False


class ActorReader:
    """Reads actors for detection; `actors` is the actor dictionary (strife.resolve.actors)."""

    def __init__(
        self,
        actors: ActorLookup,
        anaphora: frozenset[str] | None = None,
        cues: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.actors = actors
        self.anaphora = load_anaphora() if anaphora is None else anaphora
        self.cues = load_side_cues() if cues is None else cues

    def resolve(self, span: Span, ctx: ArticleContext) -> ActorRef | None:
        """The actor a role phrase names: of the actors the dictionary found in these words when
        it read the whole article, a named one before a generic noun ("Taliban commanders"); a
        generic noun that points back to the article's group is that group."""
        inside = [a for a in ctx.actors if a.start < span.end_char and span.start_char < a.end]
        inside = [a for a in inside if not _owner_of_target(a, span)]
        if inside:
            best = next((a for a in inside if a.named), inside[0])
            best = self.group_behind(best, ctx) or best
            return replace(best, start=span.start_char, end=span.end_char)
        if len(span) == 1 and span[0].pos_ in {"ADJ", "PROPN"}:
            # "Russian shelling", "Israeli airstrikes": a demonym on the weapon names its forces
            actor = self.actors.resolve(f"{span.text} forces", on=ctx.date, country=ctx.country)
            if actor is not None and _place_of_event(span, actor.country):
                return None
            if actor is not None and span.text.lower() in actor.matched.lower():  # not "northern forces"
                return ActorRef(actor.name, actor.type, actor.country, span.start_char, span.end_char,
                                actor.assoc, actor.matched)  # fmt: skip
        return None

    def group_behind(self, actor: ActorRef, ctx: ArticleContext) -> ActorRef | None:
        """The article's named group when a generic noun points back to it: "the rebels", "rebel
        fighters", "insurgents" (anaphora.tsv, and every unnamed rebel noun); not "suspected
        militants", whom no one named."""
        if actor.named or not actor.name.startswith(UNNAMED_GROUP):
            return None
        key = anaphor_key(actor.matched)
        if key.startswith(_HEDGED) or (key not in self.anaphora and actor.type != REBEL):
            return None
        group = article_group(ctx)
        if group is None:
            return None
        if lays_on_another(group, ctx.text):
            return None  # "no group claimed the attack": the gunmen are nobody the article names
        return replace(group, start=actor.start, end=actor.end, matched=actor.matched)

    def agent(self, span: Span, ctx: ArticleContext) -> ActorRef | None:
        """The actor an agent phrase names; a weapon or a strike names whoever fired it: "tank shells
        fired by government forces", "Russian shelling" (killed five). A government that carried
        out a strike did so with its military forces ("a regime airstrike")."""
        actor = self.resolve(span, ctx)
        root = span.root
        if actor is not None and self._strike_by_government(actor, span):
            return self.forces_of(actor, ctx)
        if actor is not None or root.tag_ not in _NOUN_TAGS or root.ent_type_ in _PLACE_ENTITIES:
            return actor
        for by in (tok for verb in fired(root) for tok in agents_of(verb)):
            return self.resolve(phrase(by), ctx)
        owner = [c for c in root.lefts if c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "PROPN"}]
        return self.resolve(span.doc[owner[0].i : owner[0].i + 1], ctx) if owner else None

    def _strike_by_government(self, actor: ActorRef, span: Span) -> bool:
        """Whether a generic government is the doer of a strike (side_cues.tsv, kind strike): "a
        regime airstrike", "the government bombed the town", "the junta government carried out
        air strikes"."""
        if actor.named or not actor.name.startswith(GOVERNMENT):
            return False
        strikes = self.cues["strike"]
        governor = span.root.head
        words = [governor, *(c for c in governor.children if c.dep_ in {"dobj", "obj"})]
        return any(w.lemma_.lower() in strikes or w.lower_ in strikes for w in words)

    def forces_of(self, government: ActorRef, ctx: ArticleContext) -> ActorRef:
        """The military forces of a government's state, by the dictionary's dated name ("Military
        Forces of Myanmar (2021-)"), with the government's type (8 abroad), over the same words."""
        forces = self.actors.resolve("military", on=ctx.date, country=government.country)
        if forces is None:
            return government
        return replace(government, name=forces.name, assoc=forces.assoc)

    def roles(self, roles: Roles, ctx: ArticleContext) -> tuple[list[ActorRef], list[ActorRef]]:
        agents = [a for a in (self.agent(s, ctx) for s in roles.agents) if a]
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
        self, sent: Span, ctx: ArticleContext, speaker: Attribution | None, head: Token | None = None
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        """Fallback when the syntax gave nothing: the armed actors named in the sentence, in order,
        leaving out whoever is only the source ("a security source said"), whoever a clause of
        another act names ("The bomb exploded in Dir, where the army is fighting the Taliban":
        neither set it off) and forces that came or answered afterwards ("police reached the area
        after the kidnapping")."""
        found: list[ActorRef] = []
        aside = _clauses_aside(sent, head)
        for actor in self.named_in(sent, ctx):
            if speaker is not None and speaker.start <= actor.start and actor.end <= speaker.end:
                continue
            if any(start <= actor.start < end for start, end in aside) or _government_modifier(actor, sent):
                continue
            if responded(actor, sent, head, self.cues):
                continue  # "police reached the area after the kidnapping": they did not do it
            actor = self.group_behind(actor, ctx) or actor
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
