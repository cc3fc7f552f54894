"""The clean stage: drop boilerplate, undo spun wording, keep a map back to the original."""

from __future__ import annotations

from strife.clean.boilerplate import BoilerplateRules
from strife.clean.rewrites import RewriteTable
from strife.clean.text import CleanText, Edit, apply_edits

PARAGRAPH_BREAK = "\n\n"
_SPACE = " \t\r\n\u00a0"


class Cleaner:
    """Turns a scraped article text into a CleanText.

    1. Find boilerplate in the original (the `date YYYY-MM-DD` header, promos,
       "Read more:" lists, photo credits, adverts).
    2. Widen each dropped region over the whitespace around it and put back one
       paragraph break (or a space inside a line, or nothing at either end of the
       text), so the sentences on each side never fuse.
    3. Find spun phrases in what is left and replace them with plain wording.
    All edits are made on the original in one pass, so every offset stays exact.
    """

    def __init__(self, rewrites: RewriteTable, boilerplate: BoilerplateRules) -> None:
        self.rewrites = rewrites
        self.boilerplate = boilerplate

    @classmethod
    def default(cls) -> Cleaner:
        """A cleaner with the shipped tables (src/strife/data/rewrites.tsv, boilerplate.tsv)."""
        return cls(RewriteTable.load(), BoilerplateRules.load())

    def __call__(self, text: str) -> CleanText:
        removals = _widen(text, self.boilerplate.find(text))
        blocked = [(e.start, e.end) for e in removals]
        return apply_edits(text, removals + self.rewrites.edits(text, blocked))


def _widen(text: str, spans: list[tuple[int, int, str]]) -> list[Edit]:
    """Removal edits: each span plus the whitespace around it, with a separator put back."""
    widened: list[tuple[int, int, str]] = []
    for start, end, reason in spans:
        while start > 0 and text[start - 1] in _SPACE:
            start -= 1
        while end < len(text) and text[end] in _SPACE:
            end += 1
        if widened and start <= widened[-1][1]:
            prev = widened[-1]
            reasons = prev[2] if reason in prev[2].split("; ") else f"{prev[2]}; {reason}"
            widened[-1] = (prev[0], max(end, prev[1]), reasons)
        else:
            widened.append((start, end, reason))
    edits = []
    for start, end, reason in widened:
        if start == 0 or end == len(text):
            separator = ""
        elif "\n" in text[start:end] or _touches_line_edge(text, start, end):
            separator = PARAGRAPH_BREAK
        else:
            separator = " "
        edits.append(Edit(start, end, separator, reason=reason, removal=True))
    return edits


def _touches_line_edge(text: str, start: int, end: int) -> bool:
    return start == 0 or end == len(text) or text[start - 1] == "\n" or text[end] == "\n"
