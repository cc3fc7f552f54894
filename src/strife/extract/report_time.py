"""Times that date a report, not the event it tells of (CODEBOOK section 5).

News gives the day a source spoke as often as the day something happened: "officials said
Wednesday", "the army said in a statement made yesterday evening", a wire dateline. Taken as
the event's date, each costs a wrong record, so detection drops such times before dating.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from strife.extract.claims import REPORTING
from strife.extract.doc_chars import token_at
from strife.mentions import TimeExpr

# Nouns for a report: a day attached to one dates the report ("a statement on Thursday")
REPORT_NOUNS = {"statement", "report", "announcement", "communique", "press release", "briefing", "bulletin"}
# A wire dateline around a date: a place in capitals at the start of a line before it, an agency in
# brackets and a dash after it ("KABUL, June 1 (Xinhua) --", "BAMAKO, Mali, March 3 -")
_DATELINE_START = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'-]{2,30},[^\n]{0,30}$")
_DATELINE_END = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:--|\u2014|\u2013|-)")
# A reporting verb right before the time, whatever the parse of a long or garbled sentence makes of
# it: "officials said Wednesday", "told Reuters on Friday"
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+[A-Z][\w.]*){1,2}|announced|confirmed|added|stated)\s+(?:on\s+)?$"
)
_SUBJECTS = {"nsubj", "nsubjpass"}


def dates_report(doc: Doc, expr: TimeExpr) -> bool:
    """Whether a time dates the report, not an event: a wire dateline ("KABUL, June 1 (Xinhua) --"),
    a time right after a reporting verb ("residents said Saturday"), one the parse attaches to a
    reporting verb or a report noun ("said a statement on Thursday"), or to a verb that qualifies a
    report noun ("a statement made yesterday evening"). A time the parse hangs on the reporting
    verb although it stands inside the reported clause ("gunmen killed six on Monday, officials
    said") dates the event."""
    if _DATELINE_END.match(doc.text, expr.end) and _DATELINE_START.search(doc.text, 0, expr.start):
        return True
    if _SAID_BEFORE.search(doc.text, max(0, expr.start - 40), expr.start):
        return True
    root = _root(doc, expr)
    if root is None:
        return False
    head = root.head if root.dep_ != "pobj" else root.head.head
    lemma = head.lemma_.lower()
    if head.dep_ in {"acl", "relcl"} and head.head.lemma_.lower() in REPORT_NOUNS:
        return True
    if lemma in REPORTING:
        return not _inside_reported_clause(head, root)
    return lemma in REPORT_NOUNS


def _root(doc: Doc, expr: TimeExpr) -> Token | None:
    """The token of the expression the rest hangs on ("evening" of "yesterday evening")."""
    token = token_at(doc, expr.start)
    if token is None:
        return None
    while expr.start <= token.head.idx < expr.end and token.head is not token:
        token = token.head
    return token


def _inside_reported_clause(verb: Token, time: Token) -> bool:
    """A time between the reported clause and the speaker ("killed six on Monday, officials
    said"): the parse hangs it on "said", but it ends the clause before it."""
    at = time.head.i if time.dep_ == "pobj" else time.i
    clause_before = any(c.dep_ == "ccomp" and c.i < at for c in verb.children)
    subject_after = any(c.dep_ in _SUBJECTS and c.i > at for c in verb.children)
    return clause_before and subject_after
