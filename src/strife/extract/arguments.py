"""Who did it to whom: the noun phrases around a trigger, read from the dependency parse.

Verb triggers: subject -> actor1, object -> actor2; passives swap (the "by X" agent
is actor1, the subject actor2). Noun triggers: "X's attack", "Israeli airstrikes",
"attack by X on Y", "clashes between X and Y", "clashes with Y", and the subject
of a support verb ("X launched an attack"). A participle without a subject
("..., killing 38 people") borrows the subject of the clause it hangs on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

_SUBJECTS = {"nsubj", "csubj"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
_OBJECTS = {"dobj", "obj", "attr"}
_TARGET_PREPS = {"on", "against", "upon", "at", "targeting", "towards"}
_SIDE_PREPS = {"with"}
_SUPPORT_VERBS = {"launch", "carry", "conduct", "stage", "mount", "unleash", "claim", "perpetrate", "commit"}
_MODIFIERS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "predet", "advmod"}
# verbs whose object an attack noun harms ("the blast killed", not "the fighting forced families to flee")
_HARM_VERBS = {"kill", "hit", "wound", "injure", "destroy", "target", "strike", "damage", "leave", "rip"}
_ACCUSE_VERBS = {"accuse", "suspect", "blame", "charge"}
_GROUP_NOUNS = {"member", "members", "fighter", "fighters", "unit", "units", "commander", "commanders"}


@dataclass
class _Heads:
    """Head words found for each role, before they are widened to phrases."""

    agents: list[Token] = field(default_factory=list)
    patients: list[Token] = field(default_factory=list)
    sides: list[Token] = field(default_factory=list)


@dataclass
class Roles:
    """Phrases found for each role, in order of preference."""

    agents: list[Span] = field(default_factory=list)
    patients: list[Span] = field(default_factory=list)
    sides: list[Span] = field(default_factory=list)  # "between X and Y": order of mention


def phrase(token: Token) -> Span:
    """The noun phrase a head word stands for: its left modifiers, appositions and "of X"."""
    doc = token.doc
    start = token.i
    for child in token.lefts:  # modifiers only: a fronted clause ("Headed by X, NRF forces") is not the name
        if child.dep_ in _MODIFIERS:
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if (
            child.dep_ == "appos"
            or (child.dep_ == "prep" and child.lower_ == "of" and token.lower_ in _GROUP_NOUNS)
            or (child.dep_ == "punct" and child.text in {"(", "["})
        ):
            end = max(end, child.right_edge.i + 1)
    return doc[start:end]


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
            found.extend(_children(child, {"pobj"}))
    return found


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in _PASSIVE_SUBJECTS | {"auxpass"} for child in verb.children)


def _accused(verb: Token) -> list[Token]:
    """Whom "accused of", "suspected of" or "blamed for" names as doing the act: "accused troops of
    burning houses", "the militia was accused of killing six"."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in {"of", "for"}:
        return []
    owner = verb.head.head
    if owner.dep_ == "dobj" and owner.head.lemma_.lower() in _ACCUSE_VERBS:
        return [owner]  # the parse hangs "of burning" on the accused
    if owner.lemma_.lower() in _ACCUSE_VERBS:
        return _children(owner, {"dobj"}) or _children(owner, _PASSIVE_SUBJECTS)
    return []


def _borrowed_subject(verb: Token) -> list[Token]:
    """Subject of the clause a subject-less verb hangs on (conjoined or participial verbs), or the
    one accused of the act."""
    accused = _accused(verb)
    if accused:
        return accused
    seen = 0
    while verb.dep_ in {"conj", "xcomp", "advcl", "acl"} and verb.head.i != verb.i and seen < 3:
        raised = verb.dep_ == "xcomp"
        verb = verb.head
        seen += 1
        subjects = _children(verb, _SUBJECTS)
        if raised and not subjects:  # "the gunmen were said to have killed ...": the gunmen did
            subjects = _children(verb, _PASSIVE_SUBJECTS)
        if subjects:
            return subjects
        if verb.pos_ in {"NOUN", "PROPN"}:  # "a bomb ..., killing 38": the bomb is the means
            return []
    return []


def verb_roles(verb: Token) -> Roles:
    roles = _Heads()
    by = agents_of(verb) if verb.dep_ == "acl" and verb.tag_ == "VBN" else []
    if by and verb.head.pos_ in {"NOUN", "PROPN"}:
        # "a trader killed by robbers": a participle with its agent on a noun is a passive, that
        # noun its patient
        roles.agents += by
        roles.patients += _with_conjuncts(verb.head)
    elif _is_passive(verb):
        roles.agents += agents_of(verb)
        roles.patients += [
            tok for subj in _children(verb, _PASSIVE_SUBJECTS) for tok in _with_conjuncts(subj)
        ]
    else:
        subjects = _children(verb, _SUBJECTS) or _borrowed_subject(verb)
        roles.agents += [tok for subj in subjects for tok in _with_conjuncts(subj)]
        roles.patients += [tok for obj in _children(verb, _OBJECTS) for tok in _with_conjuncts(obj)]
        roles.patients += [
            tok for pobj in _prep_objects(verb, _TARGET_PREPS) for tok in _with_conjuncts(pobj)
        ]
        roles.sides += [tok for pobj in _prep_objects(verb, _SIDE_PREPS) for tok in _with_conjuncts(pobj)]
    return _as_phrases(roles)


def fired(noun: Token) -> list[Token]:
    """The participles that say who used a weapon: "shells fired by X" (also parsed as the subject of
    a clause of its own, "Rockets fired by X hit ...")."""
    verbs = [child for child in noun.children if child.dep_ == "acl" and child.tag_ == "VBN"]
    if noun.dep_ in _SUBJECTS and noun.head.tag_ == "VBN":
        verbs.append(noun.head)
    return verbs


def agents_of(verb: Token) -> list[Token]:
    return [
        tok
        for agent in _children(verb, {"agent"})
        for pobj in _children(agent, {"pobj"})
        for tok in _with_conjuncts(pobj)
    ]


def noun_roles(noun: Token) -> Roles:
    roles = _Heads()
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in {"compound", "amod", "nmod"} and child.i < noun.i):
            roles.agents.append(child)
    roles.agents += _prep_objects(noun, {"by", "from"})
    roles.agents += [tok for verb in fired(noun) for tok in agents_of(verb)]  # "rockets fired by X"
    roles.patients += [tok for pobj in _prep_objects(noun, _TARGET_PREPS) for tok in _with_conjuncts(pobj)]
    roles.sides += [tok for pobj in _prep_objects(noun, _SIDE_PREPS) for tok in _with_conjuncts(pobj)]
    for pobj in _prep_objects(noun, {"between", "among", "involving"}):
        roles.sides += _with_conjuncts(pobj)
    head = noun.head
    if noun.dep_ in _OBJECTS and head.lemma_.lower() in _SUPPORT_VERBS:
        roles.agents += [tok for subj in _children(head, _SUBJECTS) for tok in _with_conjuncts(subj)]
    # "an airstrike killed 11 civilians"; the dead of "fighting between X and Y" are no third side
    if noun.dep_ in _SUBJECTS and head.lemma_.lower() in _HARM_VERBS and not roles.sides:
        roles.patients += [tok for obj in _children(head, _OBJECTS) for tok in _with_conjuncts(obj)]
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB" and _is_passive(head.head):
        # "soldiers were killed in an attack": the subject of the passive is the victim
        roles.patients += [
            tok for subj in _children(head.head, _PASSIVE_SUBJECTS) for tok in _with_conjuncts(subj)
        ]
    return _as_phrases(roles)


def _as_phrases(heads: _Heads) -> Roles:
    return Roles(
        agents=[phrase(tok) for tok in heads.agents],
        patients=[phrase(tok) for tok in heads.patients],
        sides=[phrase(tok) for tok in heads.sides],
    )


_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}


def roles_for(doc: Doc, head_index: int) -> Roles:
    head = doc[head_index]
    # "Russian shelling of the city killed four": a gerund standing as a noun has a noun's roles
    gerund = head.tag_ == "VBG" and head.dep_ in _NOMINAL_DEPS
    return verb_roles(head) if head.pos_ in {"VERB", "AUX"} and not gerund else noun_roles(head)
