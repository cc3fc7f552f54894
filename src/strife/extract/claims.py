"""Who says so: attribution of a sentence to a claimant (CODEBOOK sections 7 and 9).

Reads reporting verbs ("said", "told AFP", "claimed") and "according to X". A
claim verb ("claim", "allege", "accuse") marks a contested assertion. A news
agency as the addressee ("told AFP") is the originating agency of the story.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from strife.mentions import Attribution

REPORTING = {
    "say", "tell", "report", "announce", "confirm", "state", "add", "reveal", "note",
    "declare", "insist", "explain", "write", "post", "tweet", "describe",
}  # fmt: skip
CONTESTED = {"claim", "allege", "accuse", "assert", "contend"}


_NAME_PARTS = {"compound", "amod", "det", "poss", "nmod", "nummod"}


def _subject_phrase(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ != "PRON":
            # the name and its modifiers, without appositions ("Farid Ahmad, a father-of-10,")
            start = min([child.i] + [c.left_edge.i for c in child.lefts if c.dep_ in _NAME_PARTS])
            end = max([child.i] + [c.right_edge.i for c in child.rights if c.dep_ in {"prep", "compound"}])
            return verb.doc[start : end + 1]
    return None


def _agency(verb: Token, agencies: Collection[str]) -> str | None:
    for child in verb.children:
        if child.dep_ in {"dative", "dobj", "iobj", "npadvmod", "nsubj"} and child.text.lower() in agencies:
            return child.text
        if child.dep_ == "prep" and child.lower_ == "to":
            for pobj in child.children:
                if pobj.text.lower() in agencies:
                    return pobj.text
    return None


def _according_to(sent: Span) -> Span | None:
    for token in sent:
        if (
            token.lower_ == "according"
            and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].lower_ == "to"
        ):
            for pobj in token.doc[token.i + 1].children:
                if pobj.dep_ == "pobj":
                    return token.doc[pobj.left_edge.i : pobj.right_edge.i + 1]
    return None


def attribute(sent: Span, agencies: Collection[str]) -> Attribution | None:
    """The claimant of a sentence, if it reports someone's words; `agencies` are the lower-case
    spellings of the wire agencies (`Agencies.spellings`, data/agencies.tsv)."""
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ not in {"VERB", "AUX"} or lemma not in REPORTING | CONTESTED:
            continue
        subject = _subject_phrase(token)
        agency = _agency(token, agencies)
        if subject is None and agency is None and lemma not in CONTESTED:
            continue
        claimant = subject.text if subject is not None else None
        start = subject.start_char if subject is not None else token.idx
        end = subject.end_char if subject is not None else token.idx + len(token)
        return Attribution(claimant, token.text, lemma in CONTESTED, agency, start, end)
    source = _according_to(sent)
    if source is not None:
        agency = source.text if source.text.lower() in agencies else None
        return Attribution(source.text, "according to", False, agency, source.start_char, source.end_char)
    return None
