"""Single victims: the implied death figure of a sentence with no count.

One named or singular victim ("a man was shot dead", "the commander was killed", "he died") is
an implied figure of 1, single persons joined by "and" one each ("a policeman and a protester
were killed": 2); "along with three of his companions" adds the one victim to a count. A group
("a family was killed", data/figure_cues.tsv kind collective) or a count is no single victim.
"""

from __future__ import annotations

from spacy.tokens import Token

from strife.extract.doc_chars import token_at
from strife.extract.figure_cues import FigureCues
from strife.extract.quantities import Quantity
from strife.mentions import Figure

_ONE_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_DETERMINERS = {"a", "an", "the", "this", "that"}
_RELATIVES = {"who", "that", "which", "whom"}
_NOT_PERSONS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"}


class SingleVictims:
    """Reads single victims of death words, with the collective and companion words of `figure_cues`."""

    def __init__(self, figure_cues: FigureCues) -> None:
        self.figure_cues = figure_cues

    def implied(self, words: list[Token]) -> Figure | None:
        """With no count: the single victims the death words name ("a man was shot dead", "the
        commander was killed", "he died"), one each, as an implied figure."""
        victims: dict[int, Token] = {}
        for word in words:
            for victim in self._single_victims(word):
                victims.setdefault(victim.i, victim)
        if not victims:
            return None
        first = min(victims.values(), key=lambda t: t.i)
        return Figure(len(victims), None, None, "people", first.idx, first.idx + len(first), first.text,
                      implied=True)  # fmt: skip

    def companions(self, word: Token, q: Quantity) -> int:
        """ "The chief was killed along with three of his companions": the single victim besides
        the count (1), when the count hangs on "with" after "along" or "together"."""
        token = token_at(word.doc, q.start)
        for _ in range(5):
            if token is None or token.i == word.i or token.head.i == token.i:
                return 0
            if token.lower_ == "with" and token.i > 0:
                before = word.doc[token.i - 1].lemma_.lower()
                if before in self.figure_cues.of("companion") and self._one_victim(word) is not None:
                    return 1
            token = token.head
        return 0

    def _single_victims(self, word: Token) -> list[Token]:
        """The single persons a death word is about, joined by "and" ("a policeman and a
        protester were killed": two), or none when any of them is no single person."""
        patient = self._one_victim(word, joined=True)
        if patient is None:
            return []
        joined = [c for c in patient.children if c.dep_ == "conj"]
        if not joined:
            return [patient]
        people = [patient, *(self._single(c) for c in joined)]
        return [] if any(p is None for p in people) else [p for p in people if p is not None]

    def _one_victim(self, word: Token, joined: bool = False) -> Token | None:
        """The one person a death word is about, or None (no patient, several, a group, a count);
        with `joined`, the first of single persons joined by "and"."""
        patient = _patient(word)
        if patient is not None and patient.lower_ in _RELATIVES and word.dep_ == "relcl":
            patient = word.head  # "a man who was killed"
        if patient is None or any(c.dep_ == "nummod" for c in patient.children):
            return None
        if not joined and any(c.dep_ == "conj" for c in patient.children):
            return None
        return self._single(patient)

    def _single(self, patient: Token) -> Token | None:
        """The token itself when it names one person: a pronoun, a name, "the commander", "one of
        them"; else None."""
        if any(c.dep_ == "nummod" for c in patient.children):
            return None
        if patient.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in patient.children):
            return patient  # "killing one of them", "one of the rioters was killed"
        if patient.lower_ in _ONE_PERSON_PRONOUNS:
            return patient
        if patient.ent_type_ in _NOT_PERSONS or patient.lemma_.lower() in self.figure_cues.of("collective"):
            return None
        if patient.tag_ == "NNP":
            return patient
        determined = any(
            (c.dep_ == "det" and c.lower_ in _DETERMINERS) or c.dep_ == "poss" for c in patient.children
        )
        return patient if patient.tag_ == "NN" and determined else None


def _patient(word: Token) -> Token | None:
    """Who died, by the parse: the subject of "died" or of a passive, the object of "killed", the
    noun a participle qualifies ("a protester killed on Wednesday"), the one "dead" describes."""
    lemma = word.lemma_.lower()
    if word.pos_ == "ADJ":
        if lemma != "dead" or word.dep_ not in {"acomp", "oprd", "xcomp", "advmod", "ccomp"}:
            return None
        word = word.head
    if word.pos_ == "NOUN":
        of = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if word.dep_ == "acl" and word.head.pos_ in {"NOUN", "PROPN"}:
        return word.head
    intransitive = lemma in {"die", "perish"} or word.pos_ != "VERB"
    deps = ("nsubjpass", "nsubj") if intransitive else ("nsubjpass", "dobj")
    return next((c for c in word.children if c.dep_ in deps), None)
