"""The table of machine-rewritten ("spun") wording and its plain news-English form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from strife.clean.text import Edit
from strife.tables import Row, parse_table, read_table

COLUMNS = ("spun", "plain", "note")  # the header of data/rewrites.tsv; note may be left off
# A figure inside a rewrite pattern ("left {num} useless"): kept as written, so its
# offsets stay exact; only the words around it are replaced.
PLACEHOLDER = "{num}"
_NUMBER = (
    r"\d[\d,]*(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|a hundred|hundreds|dozens|scores)(?:-\w+)?"
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Rewrite:
    """One row of the table: spun wording, its plain form, and why it is safe."""

    spun: str
    plain: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.spun.count(PLACEHOLDER) != self.plain.count(PLACEHOLDER):
            raise ValueError(
                f"rewrite {self.spun!r} -> {self.plain!r}: both sides need the same number of {PLACEHOLDER}"
            )

    def pattern(self) -> re.Pattern[str]:
        """Word-bounded; a lower-case first letter matches either case, the rest exactly as written."""
        parts = self.spun.split(PLACEHOLDER)
        body = f"({_NUMBER})".join(re.escape(p) for p in parts)
        first = self.spun[0]
        if self._any_case_first():
            body = f"[{first.lower()}{first.upper()}]" + body[len(re.escape(first)) :]
        return re.compile(rf"(?<![\w'\u2019-]){body}(?![\w-])")

    def required_words(self) -> list[frozenset[str]]:
        """Whole words that every match of pattern() contains, each as the set of forms it may take.

        A word counts only where the pattern makes it whole in the text: bounded by a
        non-word char of the phrase or by the pattern's own word boundaries. A word
        touching a figure ("{num}th") may run into it, so it is left out.
        """
        parts = self.spun.split(PLACEHOLDER)
        required = []
        for index, part in enumerate(parts):
            for match in _WORD.finditer(part):
                if (match.start() == 0 and index > 0) or (
                    match.end() == len(part) and index < len(parts) - 1
                ):
                    continue
                word = match.group()
                if index == 0 and match.start() == 0 and self._any_case_first():
                    # The same chars as pattern()'s [xX] class for the first letter.
                    required.append(frozenset(c + word[1:] for c in word[0].lower() + word[0].upper()))
                else:
                    required.append(frozenset([word]))
        return required

    def _any_case_first(self) -> bool:
        # A row written with a capital ("Eighties") matches only that case: "eighties" is an age.
        first = self.spun[0]
        return first.isalpha() and first.islower()


class RewriteTable:
    """Finds spun phrases in a text and proposes edits back to plain wording.

    Longer phrases win over shorter ones that overlap them, so a row such as
    "sexual assaults" (kept as is) shields its words from a general row ("assaults").
    """

    def __init__(self, rows: list[Rewrite]) -> None:
        self.rows = sorted(rows, key=lambda r: len(r.spun), reverse=True)
        self._patterns = [(row, row.pattern()) for row in self.rows]
        # A prefilter, so a text is run only through the rows that could match it
        # (running all ~500 patterns over every text was nearly all of the clean stage's
        # time): each row is indexed by one word it needs, the rarest among the rows.
        self._needs = [row.required_words() for row in self.rows]
        uses: dict[frozenset[str], int] = {}
        for needs in self._needs:
            for forms in set(needs):
                uses[forms] = uses.get(forms, 0) + 1
        self._unindexed: list[int] = []
        self._by_word: dict[str, list[int]] = {}
        for index, needs in enumerate(self._needs):
            if not needs:
                self._unindexed.append(index)
                continue
            key = min(needs, key=lambda forms: (uses[forms], -min(len(w) for w in forms)))
            for word in key:
                self._by_word.setdefault(word, []).append(index)

    @classmethod
    def load(cls, path: str | Path = "rewrites.tsv") -> RewriteTable:
        """Read the table: a name under src/strife/data/ or a path (TSV: spun, plain, note)."""
        return cls._from_rows(read_table(path, COLUMNS, optional={"note"}))

    @classmethod
    def parse(cls, text: str, source: str = "<table>") -> RewriteTable:
        """The table in `text` (errors name `source` and the line, strife.tables' convention)."""
        return cls._from_rows(parse_table(text, source, COLUMNS, optional={"note"}))

    @classmethod
    def _from_rows(cls, rows: list[Row]) -> RewriteTable:
        return cls(
            [
                Rewrite(row["spun"].strip(), row["plain"].strip(), row["note"].strip())
                for row in rows
                if row["spun"].strip()
            ]
        )

    def edits(self, text: str, blocked: list[tuple[int, int]] | None = None) -> list[Edit]:
        """Edits that turn every spun phrase of `text` into its plain form.

        Spans in `blocked` (text that is being removed) are left alone.
        """
        taken: list[tuple[int, int]] = list(blocked or [])
        found: list[Edit] = []
        for row, pattern in self._candidates(text):
            for match in pattern.finditer(text):
                edits = _piece_edits(row, match)
                # A row that changes nothing shields its whole phrase; others claim their edits.
                claims = [(e.start, e.end) for e in edits] or [(match.start(), match.end())]
                if any(s < ce and cs < e for s, e in taken for cs, ce in claims):
                    continue
                taken.extend(claims)
                found.extend(edits)
        return found

    def _candidates(self, text: str) -> list[tuple[Rewrite, re.Pattern[str]]]:
        """The rows, in table order, whose required words all occur whole in `text`.

        The others cannot match, so skipping them leaves the edits unchanged.
        """
        words = set(_WORD.findall(text))
        indices = set(self._unindexed)
        for word in words & self._by_word.keys():
            indices.update(self._by_word[word])
        return [
            self._patterns[index]
            for index in sorted(indices)
            if all(not forms.isdisjoint(words) for forms in self._needs[index])
        ]


def _piece_edits(row: Rewrite, match: re.Match[str]) -> list[Edit]:
    """The edits of one match: per literal piece around the placeholders, only the words that change."""
    spun_parts = row.spun.split(PLACEHOLDER)
    plain_parts = row.plain.split(PLACEHOLDER)
    bounds = [match.start()]
    for group in range(1, len(spun_parts)):
        bounds.extend([match.start(group), match.end(group)])
    bounds.append(match.end())
    edits = []
    for index, plain in enumerate(plain_parts):
        start, end = bounds[2 * index], bounds[2 * index + 1]
        written = match.string[start:end]
        if index == 0 and written[:1].isupper():
            plain = plain[:1].upper() + plain[1:]
        if written != plain:
            edits.append(_narrow(match.string, start, end, plain, row.spun))
    return edits


def _narrow(text: str, start: int, end: int, plain: str, reason: str) -> Edit:
    """An edit of text[start:end] -> plain, cut down to the words that differ.

    Narrow edits let two rows touch one phrase ("introduced an offensive" and
    "offensive towards") without their claimed spans overlapping.
    """
    written = text[start:end]
    lead = written[: len(written) - len(written.lstrip())]
    trail = written[len(written.rstrip()) :]
    if lead and plain.startswith(lead):
        start, plain = start + len(lead), plain[len(lead) :]
    if trail and plain.endswith(trail) and end - len(trail) > start:
        end, plain = end - len(trail), plain[: len(plain) - len(trail)]
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    new = plain.split(" ")
    if not words or " ".join(text[s:e] for s, e in words) != text[start:end]:
        return Edit(start, end, plain, reason=reason, removal=False)
    head = 0
    while head < min(len(words), len(new)) - 1 and text[words[head][0] : words[head][1]] == new[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(words), len(new)) - head - 1
        and text[words[-1 - tail][0] : words[-1 - tail][1]] == new[-1 - tail]
    ):
        tail += 1
    kept = words[head : len(words) - tail]
    return Edit(kept[0][0], kept[-1][1], " ".join(new[head : len(new) - tail]), reason=reason, removal=False)
