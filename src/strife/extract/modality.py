"""Does a trigger report an occurrence? The "not an event" list of CODEBOOK section 2.

Checks, cheapest first, each returning a one-line reason when the trigger is not
an event: negation, intention or threat, hypothetical, trend or tally, metaphor
or sport. Background in time is judged by the caller from the time expressions.
The cue words live in data/modality.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from strife.extract.word_kinds import read_word_kinds

_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp"}


@dataclass(frozen=True)
class ModalityCues:
    cues: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: Path | None = None) -> ModalityCues:
        return cls(read_word_kinds("modality.tsv", path))

    def of(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())


def _governors(token: Token, stop_at_relative: bool = True) -> list[Token]:
    """The trigger and the verbs above it, up to the clause root (reported speech stops there). A
    relative clause asserts a fact of its own, so the words above it do not govern it: in "fled
    for fear of being killed by bandits who attacked the villages", the attack is told as done."""
    chain = [token]
    while (
        token.head.i != token.i
        and token.dep_ != "ccomp"
        and not (stop_at_relative and _finite_relative(token))
    ):
        token = token.head
        chain.append(token)
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in _CLAUSE_DEPS | {"pobj", "prep"}:
            break
    return chain


def _finite_relative(verb: Token) -> bool:
    """ "bandits who attacked the villages": a relative clause with a finite verb (not "the next town
    to be attacked", which is still to come)."""
    finite = {"VBD", "VBZ", "VBP", "MD"}
    return verb.dep_ == "relcl" and (
        verb.tag_ in finite or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in finite for c in verb.children)
    )


_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# A running total ("has displaced 5,000 since March"): no single occurrence of violence, but
# exactly how displacement is reported, so the detector lets displacement triggers through.
TALLY_SINCE = "trend or tally ('has/have ... since')"
# "Separatists have been fighting for an independent state": a perfect progressive tells an activity
# that goes on, not one occurrence; like a tally, how a flow of displacement is often reported.
ONGOING = "an ongoing activity ('has/have been ...ing')"
# "Residents fleeing the fighting", "groups fighting the army": a participle qualifying a noun
DESCRIBES = "describes what a group does (a participle qualifying a noun)"
# "used to ensure the arrest of the captors": what someone means to bring about. Not said of a crowd:
# "fired tear gas to disperse the protesters" tells the protest and the force used on it.
PURPOSE = "a purpose, not an occurrence (an infinitive with 'to')"
# Reasons that do not hold for displacement, which is reported as a flow or as the people in it
# ("brought in staff to assist the 300 people displaced by the storm": they were displaced)
FLOW_REASONS = frozenset({TALLY_SINCE, ONGOING, DESCRIBES, PURPOSE})


def _in_purpose(chain: list[Token]) -> bool:
    """Whether a verb above the trigger is an infinitive of purpose, below any relative clause (a
    relative clause asserts a fact of its own: "deployed to protect villagers who had returned")."""
    for token in chain[1:]:
        if token.dep_ == "relcl" or any(t.dep_ == "relcl" for t in chain[: chain.index(token)]):
            return False
        if _purpose(token):
            return True
    return False


def _purpose(verb: Token) -> bool:
    """ "resources were used to ensure the arrest of the captors", "an operation to free the
    hostages": an infinitive of purpose (an adverbial or noun-qualifying clause with "to") says what
    someone means to bring about. A complement infinitive ("managed to capture") is left alone: it
    may well have happened."""
    if verb.tag_ != "VB" or not any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children):
        return False
    if verb.dep_ in {"advcl", "acl"}:
        return True
    # "resources were used to ensure the arrest of the captors", "troops were sent to protect the
    # town": the infinitive after a passive says what someone meant ("were believed to be behind" does not)
    passive = any(child.dep_ == "auxpass" for child in verb.head.children)
    return verb.dep_ == "xcomp" and passive and verb.lemma_.lower() not in {"be", "have"}


def _perfect_progressive(verb: Token) -> bool:
    """ "have been fighting", "has been attempting": a present participle with perfect 'been'."""
    if verb.tag_ != "VBG":
        return False
    auxes = {child.lower_ for child in verb.children if child.dep_ == "aux"}
    return "been" in auxes and bool(auxes & {"have", "has", "had"})


def _describes_group(head: Token) -> bool:
    """ "opposition groups fighting the government", "militias battling for the town": a participle
    that qualifies a noun says what a group does, not that an occurrence took place; the event of
    such a sentence is told by its own verb."""
    return head.tag_ == "VBG" and head.dep_ == "acl" and head.head.pos_ in {"NOUN", "PROPN"}


def _alternation(phrases: frozenset[str]) -> re.Pattern[str]:
    words = sorted(phrases, key=lambda p: (-len(p), p)) or ["(?!)"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _phrase_in(text: str, pattern: re.Pattern[str]) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None


class Modality:
    """Judges one trigger in its sentence; `reason()` is None when it reports an occurrence."""

    def __init__(self, cues: ModalityCues) -> None:
        self.cues = cues
        self._trend = _alternation(cues.of("trend"))
        self._exercise = _alternation(cues.of("exercise"))
        self._offtopic = _alternation(cues.of("offtopic"))

    def reason(self, head: Token, sent: Span, whole: str | None = None) -> str | None:
        """Why this trigger reports no occurrence, or None. `whole` is sentence_reason(sent), if known."""
        chain = _governors(head)
        for token in chain:
            if any(child.dep_ == "neg" for child in token.children):
                return f"negated ('{token.text}' has 'not')"
            if token is not head and token.lemma_.lower() in self.cues.of("negation_verb"):
                return f"denial ('{token.text}')"
            if token is not head and token.lemma_.lower() in self.cues.of("intent_verb"):
                return f"intention or threat ('{token.text}')"
            judicial = self._judicial(token) if token is not head else None
            if judicial is not None:
                return f"a court case about it ('{judicial}')"
            for child in token.children:
                if child.dep_ == "aux" and child.lower_ in self.cues.of("modal"):
                    return f"not yet happened (modal '{child.text}')"
                if child.dep_ == "mark" and child.lower_ in self.cues.of("condition"):
                    return f"hypothetical ('{child.text}')"
        full = _governors(head, stop_at_relative=False)  # "followed attacks that killed four"
        recalled = next((t for t in full[1:] if self._recalls(t, full)), None)
        if recalled is not None:
            return f"an earlier occurrence the story recalls ('{recalled.text}')"
        if _in_purpose(chain):
            return PURPOSE
        if head.pos_ in {"NOUN", "PROPN"} and any(
            child.lower_ in {"no", "without"} and child.dep_ == "det" for child in head.children
        ):
            return "negated ('no ...')"
        if _SINCE.search(sent.text) and any(
            child.dep_ == "aux" and child.lower_ in {"have", "has"}
            for token in chain
            for child in token.children
        ):
            return TALLY_SINCE
        for verb in chain:
            if not any(c.dep_ == "aux" and c.lower_ in {"have", "has"} for c in verb.children):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ in {"that", "which"} and verb.dep_ == "relcl":
                subject = verb.head  # "a war that has killed thousands": the war is the subject
            if subject is not None and subject.lemma_.lower() in self.cues.of("tally_subject"):
                return f"trend or tally ('the {subject.text} has ...')"
        if any(_perfect_progressive(verb) for verb in chain):
            return ONGOING
        if _describes_group(head):
            return DESCRIBES
        habit = self._habit(head)
        if habit is not None:
            return f"a habit or condition ('{habit}')"
        return (self.sentence_reason(sent) if whole is None else whole) or None

    def _recalls(self, verb: Token, chain: list[Token]) -> bool:
        """ "The latest attacks followed attacks over the weekend": an occurrence named as what the
        story's own event came after is an earlier one, told as context, not reported. Only the
        object side: the subject of "followed" is the story's event."""
        if verb.lemma_.lower() not in self.cues.of("recall_verb"):
            return False
        below = chain[chain.index(verb) - 1]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
        return (
            obj is not None
            and below.i >= obj.i  # the object, or what the parse hangs on the verb after it
            and subject is not None
            and subject.lemma_.lower() in self.cues.of("recall_subject")
        )

    def _judicial(self, verb: Token) -> str | None:
        """The court word of a governing verb: the verb itself ("convicted of the bombing") or what
        it takes ("faced trial over", "went on trial over")."""
        words = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        words += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return next((w.text for w in words if w.lemma_.lower() in self.cues.of("judicial")), None)

    def _habit(self, head: Token) -> str | None:
        """'Raids and abductions were rampant', 'where air strikes were rare': an event noun as the
        subject of 'be' with a frequency adjective describes a condition, not one occurrence."""
        predicates = self.cues.of("habit_predicate")
        for word in head.sent:
            if word.i <= head.i or word.dep_ not in {"acomp", "attr"}:
                continue
            if word.lemma_.lower() not in predicates:
                continue
            verb = word.head
            # the event noun heads the subject: nothing between it and 'be' is a finite verb (the
            # parser often mis-attaches a list of gerunds and nouns, so the words decide, not the arcs)
            between = head.doc[head.i + 1 : verb.i]
            if (
                verb.lemma_.lower() == "be"
                and verb.i > head.i
                and not any(
                    t.tag_ in {"VBD", "VBZ", "VBP", "MD"} or t.lower_ in {"that", "which", "who"}
                    for t in between
                )
            ):
                return f"{verb.text} {word.text}"
        return None

    def sentence_reason(self, sent: Span) -> str:
        """What makes a whole sentence no report of an occurrence ("" when nothing does); the same
        for each of its triggers, so a caller with several triggers asks once."""
        lowered = sent.text.lower()
        reason: str | None = None
        trend = _phrase_in(lowered, self._trend)
        exercise = _phrase_in(lowered, self._exercise)
        if trend:
            reason = f"trend or tally ('{trend}')"
        elif exercise:
            reason = f"exercise or drill ('{exercise}')"
        else:
            lemmas = {tok.lemma_.lower() for tok in sent}
            offtopic = _phrase_in(lowered, self._offtopic) or next(
                (lemma for lemma in lemmas if lemma in self.cues.of("offtopic")), None
            )
            if offtopic and not lemmas & self.cues.of("armed"):
                reason = f"metaphor, sport or business ('{offtopic}')"
        return reason or ""
