"""Who an article lays an attack at the door of: the blame cues of data/modality.tsv ("claimed
responsibility", "attack by") and the disclaimers ("no group claimed the attack") that say nobody
has claimed it, when the one group an article names may be another party."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from strife.extract.word_kinds import read_word_kinds
from strife.mentions import ActorRef

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


@cache
def blame_pattern(kind: str = "blame") -> re.Pattern[str]:
    """The words that lay an attack at a group's door (the "blame" rows of data/modality.tsv), or
    with kind "disclaim" those that say no one has claimed it."""
    cues = sorted(read_word_kinds("modality.tsv").get(kind, frozenset()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b")


def blamed(group: ActorRef, text: str, sentences: Sequence[tuple[int, int]]) -> bool:
    """Whether a sentence naming the group lays an attack at its door."""
    for sentence in _naming(group, text, sentences):
        # "no group claimed the attack" lays it at nobody's door
        if blame_pattern().search(blame_pattern("disclaim").sub(" ", sentence)):
            return True
    return False


def lays_on_another(group: ActorRef, text: str, sentences: Sequence[tuple[int, int]] | None = None) -> bool:
    """Whether the article says no one has claimed the attack and names the group only beside
    saying so ("No group claimed the attack, but jihadists target villages they accuse of
    supporting the army's auxiliaries, the VDP"): the one group it names is then another party,
    not who "the gunmen" are. Without parsed `sentences`, sentences end at their full stops."""
    disclaim = blame_pattern("disclaim")
    if disclaim.search(text.lower()) is None:  # most articles: one search, no sentences split
        return False
    if sentences is None:
        sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    if not any(disclaim.search(text[start:end].lower()) for start, end in sentences):
        return False
    return all(disclaim.search(sentence) for sentence in _naming(group, text, sentences))


def _naming(group: ActorRef, text: str, sentences: Sequence[tuple[int, int]]) -> Iterator[str]:
    """The sentences (lower case) that name the group by the words of its first mention ("ADF
    fighters") or its canonical name ("Allied Democratic Forces")."""
    names = {n for n in (text[group.start : group.end].lower(), group.name.lower()) if n}
    for start, end in sentences:
        sentence = text[start:end].lower()
        if any(name in sentence for name in names):
            yield sentence
