"""Toponym detection, step 1: the runs of capitalised words of a text ("Jab al-Seraj",
"Panjshir Valley"). A comma or any lower-case word other than a name particle
(data/places/particles.txt) ends a run. A pattern word of several words ("Zangon Kataf
Local Government Area") becomes one word of its run (`join_phrases`)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

# A word; an apostrophe stays inside it ("Sa'dah") unless it starts a possessive "'s".
WORD = re.compile(r"[^\W\d_][\w\-]*(?:['\u2019](?!s\b)[\w\-]+)*")


@dataclass
class Word:
    """A word of the text at start..end."""

    start: int
    end: int
    text: str
    particles: Collection[str] = field(repr=False, compare=False)

    @property
    def capitalised(self) -> bool:
        head = self.text.split("-", 1)
        if len(head) == 2 and head[0].lower() in self.particles and head[1][:1].isupper():
            return True  # "al-Seraj"
        return self.text[:1].isupper()


def runs(text: str, particles: Collection[str]) -> list[list[Word]]:
    """The runs of capitalised words, each joined by single spaces and by the particles between them."""
    words = [Word(m.start(), m.end(), m.group(), particles) for m in WORD.finditer(text)]
    found: list[list[Word]] = []
    current: list[Word] = []
    for index, word in enumerate(words):
        joined = bool(current) and text[current[-1].end : word.start] == " "
        if word.capitalised and (joined or not current):
            current.append(word)
            continue
        nxt = words[index + 1] if index + 1 < len(words) else None
        if joined and word.text.lower() in particles and nxt is not None and nxt.capitalised:
            current.append(word)
            continue
        if current:
            found.append(current)
        current = [word] if word.capitalised else []
    if current:
        found.append(current)
    return found


def join_phrases(run: list[Word], phrases: Collection[str]) -> list[Word]:
    """The run with each pattern word of several words ("Local Government Area", lower case in
    `phrases`, plurals too) made one word, so that it reads like "Province" in "Panjshir Province"."""
    lengths = sorted({len(p.split()) for p in phrases if " " in p}, reverse=True)
    joined: list[Word] = []
    index = 0
    while index < len(run):
        for size in lengths:
            words = run[index : index + size]
            text = " ".join(w.text for w in words).lower()
            if len(words) == size and (text in phrases or text.rstrip("s") in phrases):
                first, last = words[0], words[-1]
                joined.append(Word(first.start, last.end, " ".join(w.text for w in words), first.particles))
                index += size
                break
        else:
            joined.append(run[index])
            index += 1
    return joined
