"""Toponym detection, step 1: the runs of capitalised words of a text ("Jab al-Seraj",
"Panjshir Valley"). A comma or any lower-case word other than a name particle
(data/places/particles.txt) ends a run."""

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
