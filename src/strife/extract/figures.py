"""The counts of a sentence: its death figure (never the wounded) and its displaced figure.

A count belongs to a death word when the parse ties it there ("at least 23 people
were killed", "12 dead", "the toll rose to 14", "put the toll at 19"), without
climbing past a verb of another clause ("28 were killed and hundreds of munitions
seized"). Counts of each side joined by "and" add up ("five insurgents and two
soldiers died"). A death word that names another occurrence ("the attack follows
the murders of two soldiers") gives no figure. With no count, one named or
singular victim ("a man was shot dead", "the commander was killed") is an implied
figure of 1, and "along with three of his companions" adds the three. A count
marked as a first one ("initially, five were killed") or as a new toll ("the toll
rose to 14") says so in `Figure.revision`; assembly weighs them (CODEBOOK section 7).
The cue words live in data/figure_cues.tsv. A displaced figure is the count tied
to its displacement trigger (displacement.py), in people, households or families.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from strife.extract.displacement import DisplacementCues, choose
from strife.extract.quantities import Quantity
from strife.extract.word_kinds import read_word_kinds
from strife.mentions import Figure

DEATH = {"kill", "killing", "die", "dead", "death", "life", "massacre", "execute", "slay", "behead", "murder",
         "perish", "toll", "body", "assassinate", "lynch", "shoot"}  # fmt: skip
WOUND = {"wound", "injure", "hurt", "injury", "injured", "wounded", "maim"}
PEOPLE = {"people", "person", "persons", "civilian", "civilians", "resident", "residents", "villager",
          "villagers", "family", "families", "household", "households", "individual", "individuals",
          "refugee", "refugees", "child", "children", "woman", "women", "men", "others", "inhabitant",
          "inhabitants", "displaced", "idps", "migrants", "home", "homes", "evacuees", "returnees",
          "miners", "workers", "students", "pupils", "survivors", "victims", "dwellers"}  # fmt: skip
HOUSEHOLD_UNITS = {"family": "families", "families": "families", "household": "households",
                   "households": "households", "home": "households", "homes": "households"}  # fmt: skip
FIGURE_CUE_KINDS = ("preliminary", "update", "other_event", "motive", "collective", "companion", "increment",
                    "conflict", "grievance", "duration", "sequel")  # fmt: skip
_SUBJECT_LIKE = {"nsubj", "nsubjpass", "acomp", "oprd", "xcomp"}
# nouns that hold a count as the object of their verb: "put the toll at 19", "lost their lives"
_OBJECT_NOUNS = {"toll", "life"}
_ONE_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_PLACE_TIME_PREPOSITIONS = {"in", "on", "during", "across", "over", "near", "from", "within", "after",
                            "before", "since", "by", "into", "for", "around", "throughout"}  # fmt: skip
_DETERMINERS = {"a", "an", "the", "this", "that"}
_RELATIVES = {"who", "that", "which", "whom"}
_NOT_PERSONS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"}
# what may stand between two counts of the dead that add up: "five insurgents and two soldiers"
_SIDES_JOINED = re.compile(
    r"(?![^,;]*\b(?:including|among|wounded|injured|others)\b)[^,;.]{0,60}\band\s+", re.I
)
# "14 people were killed and 10 others injured": the second count is of the wounded
_WOUNDED_AFTER = re.compile(r"(?:(?!\band\b)[^,;.]){0,40}?\b(?:wounded|injured|hurt|maimed)\b", re.I)
# "were killed and 25 wounded", "killed and 200 people, including police, were injured": a count
# after its death word whose own clause ends on a wound word is of the wounded
_OWN_WOUND = re.compile(
    r"(?:(?!\band\b)[^,;.\d]){0,30}?(?:,\s*(?:including|among them|most of them)\b[^,;.]{0,50},)?"
    r"(?:(?!\band\b)[^,;.\d]){0,20}?\b(?:wounded|injured|hurt|maimed)\b",
    re.I,
)
# "1. World", "2) Africa": the number of a list item at the start of a line is no count
_LIST_ITEM = re.compile(r"\d{1,2}[.)]\s")
# The largest value a vague word may give as a death count ("thousands": 1,000, CODEBOOK section 7).
# Above it ("tens of thousands", "millions") the word sizes a population or a whole conflict's dead.
VAGUE_DEATHS_MAX = 1000
# More dead than one occurrence in a news story leaves, when told in the perfect ("5,000 people have
# been killed"): the running total of a conflict, never one event's dead.
TALLY_DEATHS_MIN = 1000


@dataclass(frozen=True)
class FigureCues:
    """The word lists of data/figure_cues.tsv, by kind."""

    words: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: Path | None = None) -> FigureCues:
        return cls(read_word_kinds("figure_cues.tsv", path, FIGURE_CUE_KINDS))

    def of(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())


def _figure(q: Quantity, unit: str = "people") -> Figure:
    return Figure(q.value, q.low, q.high, unit, q.start, q.end, q.text, q.vague)


class Figures:
    """Reads death and displaced figures; `cues` add non-English people and household nouns,
    `figure_cues` the words around a death figure (data/figure_cues.tsv)."""

    def __init__(self, cues: DisplacementCues, figure_cues: FigureCues | None = None) -> None:
        self.cues = cues
        self.people = PEOPLE | cues.of("people") | cues.of("household")
        self.figure_cues = figure_cues or FigureCues.load()

    def deaths(self, sent: Span, quantities: list[Quantity]) -> tuple[Figure | None, bool, Quantity | None]:
        """The death figure of a sentence, whether deaths are mentioned at all, and the first count
        of the figure (its noun may name the dead: "12 Somali soldiers")."""
        doc = sent.doc
        words = [tok for tok in sent if _death_word(tok) and not self._elsewhere(tok)]
        by_word: dict[int, list[Quantity]] = {}
        for q in quantities:
            found, _ = self._tie(doc, q)
            if found is not None:
                by_word.setdefault(found.i, []).append(q)
        if not by_word:
            return self._victims(words), bool(words), None
        # the toll is the whole count ("two more died, bringing the toll to seven"; "31 had died,
        # but the army put the toll at 19"); otherwise the first death word with a count
        word = next((i for i in by_word if doc[i].lemma_.lower() == "toll"), next(iter(by_word)))
        group = by_word[word]
        first = group[0]
        joined = [first]
        for q in group[1:]:
            if not _SIDES_JOINED.fullmatch(doc_text(doc)[joined[-1].end : q.start]) or _WOUNDED_AFTER.match(
                doc_text(doc), q.end
            ):
                break
            joined.append(q)
        revision = self._revision(sent, doc[word], token_at(doc, first.start))
        companions = self._companions(doc[word], first)
        if len(joined) == 1 and not companions:
            return replace(_figure(first), revision=revision), True, first
        total = sum(q.value for q in joined) + companions
        text = doc_text(doc)[first.start : joined[-1].end]
        vague = all(q.vague for q in joined)
        figure = Figure(total, None, None, "people", first.start, joined[-1].end, text, vague, revision)
        return figure, True, first

    def dropped(self, sent: Span, quantities: list[Quantity]) -> list[str]:
        """Why each count tied to a death word of the sentence was not read as deaths (for --explain)."""
        notes = []
        for q in quantities:
            _, why = self._tie(sent.doc, q)
            if why is not None:
                notes.append(f"figure '{q.text}' dropped: {why}")
        return notes

    def _tie(self, doc: Doc, q: Quantity) -> tuple[Token | None, str | None]:
        """The death word a count is the figure of; else None, with the reason when a death word was
        there but the count cannot be its dead (None when the count is simply of something else:
        the wounded, the arrested, the displaced, a list item, a part of the dead)."""
        token = token_at(doc, q.start)
        if token is None or _list_item(doc_text(doc), q) or _part_of_the_dead(token):
            return None, None
        found = _named_dead(doc, q) or attached_to(token, DEATH | WOUND)
        if found is None or found.lemma_.lower() not in DEATH:
            return None, None
        if (q.noun or "").lower() in self.figure_cues.of("duration"):
            return None, None  # "two days after 26 were killed": a span of time, no count of people
        if found.idx < q.start and _OWN_WOUND.match(doc_text(doc), q.end):
            return None, None  # "were killed and 25 wounded": the 25 are the wounded
        if q.vague and q.value > VAGUE_DEATHS_MAX:
            return None, "a vague word above 'thousands' sizes a population or a war's toll"
        if self._elsewhere(found):
            return None, "the dead of another occurrence or of a whole conflict"
        if q.value > TALLY_DEATHS_MIN and _perfect(found):
            return None, "a running total ('have been killed'), not one event's dead"
        return found, None

    def word_of(self, doc: Doc, figure: Figure) -> Token | None:
        """The death word a figure was read on ("killed" in "at least 28 were killed")."""
        token = token_at(doc, figure.start)
        if token is None:
            return None
        noun = next((t for t in doc[token.i : token.i + 3] if t.lemma_.lower() in DEATH), None)
        return noun if noun is not None and noun.head.i in {token.i, noun.i} else attached_to(token, DEATH)

    def increment(self, doc: Doc, figure: Figure) -> bool:
        """ "Another five died", "two more bodies were found": a count that adds to an earlier one."""
        token = token_at(doc, figure.start)
        if token is None:
            return False
        near = [token, token.head, *token.children, *token.head.children]
        return any(t.lower_ in self.figure_cues.of("increment") for t in near)

    def set_against_other_killing(self, trigger: Token) -> bool:
        """Whether an event word is the subject of a verb that sets it against another killing:
        "the attack follows the murders of two soldiers", "the raid came after the killing of"."""
        if trigger.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        verb = trigger.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            objects += [g for g in prep.children if g.dep_ == "pobj"]
        return any(_death_word(o) and self.other_event(o) for o in objects)

    def earlier_clause(self, token: Token) -> Token | None:
        """The clause that tells an earlier or later occurrence, when the token is inside one: a
        clause on "after" or "before" that hangs on a verb placing one occurrence against another
        ("the latest raid came a day after six herders were killed in an ambush": the ambush and its
        six dead are another occurrence), or the object side of one used transitively ("the latest
        attack followed bombings over the weekend that killed four"). Returns the clause's word."""
        node = token
        while node.head.i != node.i:
            sequel = node.head.lemma_.lower() in self.figure_cues.of("sequel")
            if (
                sequel
                and node.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in {"after", "before"} for c in node.children)
            ):
                return node
            obj = next((c for c in node.head.children if c.dep_ == "dobj"), None) if sequel else None
            if obj is not None and node.i >= obj.i:
                return node  # the object and what the parse hangs on the verb after it
            node = node.head
        return None

    def _elsewhere(self, word: Token) -> bool:
        """A death word of another occurrence, or of a whole conflict ("killed in the war")."""
        return self.other_event(word) or in_conflict(word, self.figure_cues.of("conflict"))

    def other_event(self, word: Token) -> bool:
        """A death word that names another occurrence: "follows the murders of two soldiers",
        "after the killing of four fighters", "in retaliation for the killing of five"."""
        if word.pos_ not in {"NOUN", "PROPN"}:
            return False
        head = word.head
        if word.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in self.figure_cues.of("other_event"):
            return True
        if word.dep_ in {"dobj", "pobj"} and head.lemma_.lower() in self.figure_cues.of("grievance"):
            return True  # "a march against the killings", "condemned the killing of": a protest's cause
        return (
            word.dep_ == "pobj"
            and head.lower_ == "for"
            and head.head.lemma_.lower() in self.figure_cues.of("motive")
        )

    def _victims(self, words: list[Token]) -> Figure | None:
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

    def _companions(self, word: Token, q: Quantity) -> int:
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

    def _revision(self, sent: Span, word: Token, count: Token | None) -> str | None:
        """ "preliminary" for a first count ("initially, five were killed", "an initial toll of
        5"), "update" for a new toll ("the toll rose to 14", "bringing the toll to 14")."""
        near = {word.i, word.head.i} | ({count.i, count.head.i} if count is not None else set())
        preliminary = self.figure_cues.of("preliminary")
        if any(t.head.i in near and t.lemma_.lower() in preliminary for t in sent):
            return "preliminary"
        moved = word.lemma_.lower() == "toll" and word.dep_ in {"nsubj", "dobj"}
        if moved and word.head.lemma_.lower() in self.figure_cues.of("update"):
            return "update"
        return None

    def displaced(self, sent: Span, quantities: list[Quantity], start: int, end: int) -> Figure | None:
        """The count of displaced people tied to the trigger at start..end: a count of people, or
        with no noun ("51 were evacuated"), or whose noun is the trigger ("400 evacuados"); not a
        count of the dead or wounded unless the parse ties it to the trigger."""
        found = [
            q
            for q in quantities
            if q.value > 0
            and (not q.noun or q.noun.lower() in self.people or (q.noun_start or -1) in range(start, end))
        ]
        q = choose(sent.doc, found, start, end, untied=lambda q: not counts_casualties(sent.doc, q))
        if q is None:
            return None
        unit = self.unit(q.noun) or (None if q.noun else self.unit_in(doc_text(sent.doc)[start:end]))
        return _figure(q, unit or "people")

    def unit(self, noun: str | None) -> str | None:
        word = (noun or "").lower()
        if word in self.cues.of("household"):
            return "families"
        return HOUSEHOLD_UNITS.get(word)

    def unit_in(self, words: str) -> str | None:
        """The unit a trigger names itself: "displaced families"."""
        return next((u for u in map(self.unit, words.split()) if u), None)


def in_conflict(word: Token, conflicts: frozenset[str]) -> bool:
    """ "killed in the war", "the conflict's death toll": the dead of a whole conflict."""
    for child in word.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in {"in", "during", "since"}
            and any(g.dep_ == "pobj" and g.lemma_.lower() in conflicts for g in child.children)
        ):
            return True
        if child.dep_ in {"poss", "compound"} and child.lemma_.lower() in conflicts:
            return True
    return False


def _shares_subject(child: Token) -> bool:
    """A verb joined by "and" that has no subject of its own: it shares its head's."""
    return (
        child.dep_ == "conj"
        and child.pos_ == "VERB"
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
    )


def _perfect(word: Token) -> bool:
    """ "have been killed", "deaths have risen": the death word's verb is in the perfect."""
    verb = word if word.pos_ == "VERB" else word.head
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _death_word(token: Token) -> bool:
    return token.lemma_.lower() in DEATH and token.pos_ in {"VERB", "NOUN", "ADJ"}


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


def _named_dead(doc: Doc, q: Quantity) -> Token | None:
    """ "12 dead", "five bodies", "3 deaths": the counted noun is itself the death word."""
    if q.noun_start is None:
        return None
    noun = token_at(doc, q.noun_start)
    return noun if noun is not None and noun.lemma_.lower() in DEATH else None


def _part_of_the_dead(count: Token) -> bool:
    """ "Two of the dead were children", "two of the three killed": a part of the dead, not their
    number ("12 of the 30 passengers were killed" is a number: the whole is not the dead)."""
    of = next((c for c in count.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None:
        return False
    return whole.lemma_.lower() in DEATH or any(
        c.dep_ in {"acl", "amod", "relcl"} and c.lemma_.lower() in DEATH for c in whole.children
    )


def _list_item(text: str, q: Quantity) -> bool:
    line_start = text.rfind("\n", 0, q.start) + 1
    return not text[line_start : q.start].strip() and bool(_LIST_ITEM.match(text, q.start))


def counts_casualties(doc: Doc, q: Quantity) -> bool:
    """Whether a count is of the dead or wounded, within its own clause: in "41 people have
    died and nearly 70,000 have been left homeless" the 70,000 are not the dead."""
    token = token_at(doc, q.start)
    for _ in range(5):
        if token is None:
            return False
        if token.lemma_.lower() in DEATH | WOUND or any(
            c.dep_ in _SUBJECT_LIKE and c.lemma_.lower() in DEATH | WOUND for c in token.children
        ):
            return True
        if token.dep_ == "conj" or token.head.i == token.i:
            return False
        token = token.head
    return False


def attached_to(token: Token, words: set[str]) -> Token | None:
    """The death or wound word a number hangs on, walking up the parse (and into the verb's subject
    or, for "toll" and "lives", its object), but not past a verb that is no such word: in "28 were
    killed and hundreds of munitions seized" the hundreds belong to "seized"."""
    current, came_as_subject = token, False
    for _ in range(5):
        if current.lemma_.lower() in words:
            return current
        for child in current.children:
            lemma = child.lemma_.lower()
            if (child.dep_ in _SUBJECT_LIKE and lemma in words) or (
                child.dep_ == "dobj" and lemma in _OBJECT_NOUNS & words
            ):
                return child
            if current.i != token.i and came_as_subject and _shares_subject(child) and lemma in words:
                return child  # "three gendarmes were attacked and killed", not "displaced 900 and killed"
        if current.head.i == current.i or (current.i != token.i and current.pos_ == "VERB"):
            break
        if current.dep_ == "pobj" and current.head.lower_ in _PLACE_TIME_PREPOSITIONS:
            break  # "killed in four provinces", "died in 3 attacks": not a count of the dead
        came_as_subject = current.dep_ in {"nsubj", "nsubjpass"}
        current = current.head
    return None


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: spaCy's `Doc.text` rebuilds it from every token on each call."""
    text = doc.user_data.get("strife_text")
    if text is None:
        text = doc.user_data["strife_text"] = doc.text
    return str(text)


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
