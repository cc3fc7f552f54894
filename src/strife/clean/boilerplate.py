"""Rules that find scraped boilerplate: the date header, promos, link lists, photo credits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from strife.tables import Row, parse_table, read_table

KINDS = ("header", "line", "inline", "heading", "menu")
COLUMNS = ("kind", "pattern", "reason")  # the header of data/boilerplate.tsv
# A site menu: this many item lines in a row (blank lines between them allowed), fewer is a title.
MENU_MIN_ITEMS = 4

# A headline in a "Read more:" list: short and without sentence-final punctuation.
_HEADLINE_MAX_WORDS = 25
_SENTENCE_END = re.compile(r"[.!:;][\"'\u201d\u2019)\]]*\s*$")


@dataclass(frozen=True)
class Rule:
    """One boilerplate pattern.

    kind: "header" (at the very start of the text), "line" (a whole line matches),
    "inline" (any match inside a line), "heading" (a whole line that opens a list of
    other headlines, dropped together with the list), "menu" (a whole line that looks
    like a menu item: dropped only inside a run of MENU_MIN_ITEMS such lines).
    """

    kind: str
    pattern: str
    reason: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"boilerplate rule {self.pattern!r}: kind {self.kind!r} is not one of {KINDS}")

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)


class BoilerplateRules:
    """Finds the spans of a text that are not part of the article."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._compiled = [(rule, rule.compiled()) for rule in rules]

    @classmethod
    def load(cls, path: str | Path = "boilerplate.tsv") -> BoilerplateRules:
        """Read the rules: a name under src/strife/data/ or a path (TSV: kind, pattern, reason)."""
        return cls._from_rows(read_table(path, COLUMNS, KINDS))

    @classmethod
    def parse(cls, text: str, source: str = "<rules>") -> BoilerplateRules:
        """The rules in `text` (errors name `source` and the line, strife.tables' convention)."""
        return cls._from_rows(parse_table(text, source, COLUMNS, KINDS))

    @classmethod
    def _from_rows(cls, rows: list[Row]) -> BoilerplateRules:
        rules: list[Rule] = []
        for row in rows:
            try:
                rule = Rule(row["kind"].strip(), row["pattern"], row["reason"].strip())
                rule.compiled()
            except (ValueError, re.error) as error:
                raise row.error(str(error)) from error
            rules.append(rule)
        return cls(rules)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Spans (start, end, reason) of `text` to drop, sorted and not overlapping.

        Order matters: the header goes first, because the first line's remainder
        ("Advertisement") is only recognisable once the header is cut off it.
        """
        spans: list[tuple[int, int, str]] = []
        body_start = 0
        for rule, pattern in self._of_kind("header"):
            match = pattern.match(text)
            if match and match.end() > 0:
                spans.append((0, match.end(), rule.reason))
                body_start = max(body_start, match.end())
        lines = list(_lines(text, body_start))
        spans.extend(self._menus(text, lines))
        skip_until = -1
        for index, (start, end) in enumerate(lines):
            if index <= skip_until:
                continue
            content = text[start:end].strip()
            if not content:
                continue
            heading = self._first_full_match("heading", content)
            if heading is not None:
                last = _list_end(text, lines, index)
                spans.append((start, lines[last][1], heading))
                skip_until = last
                continue
            reason = self._first_full_match("line", content)
            if reason is not None:
                spans.append((start, end, reason))
        for rule, pattern in self._of_kind("inline"):
            for match in pattern.finditer(text, body_start):
                if match.end() > match.start():
                    spans.append((match.start(), match.end(), rule.reason))
        return _merge(spans)

    def _menus(self, text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """Runs of menu-item lines ("Home", "World", "Opinion Editorials"): a site's section menu.
        One or two such lines are a title or a byline, so only a long run is dropped."""
        found: list[tuple[int, int, str]] = []
        run: list[tuple[int, int, str]] = []
        for start, end in [*lines, (len(text), len(text))]:
            content = text[start:end].strip()
            if not content and (start, end) != (len(text), len(text)):
                continue  # blank lines between items do not break the menu
            reason = self._first_full_match("menu", content) if content else None
            if reason is not None:
                run.append((start, end, reason))
                continue
            if len(run) >= MENU_MIN_ITEMS:
                found.append((run[0][0], run[-1][1], run[0][2]))
            run = []
        return found

    def _of_kind(self, kind: str) -> list[tuple[Rule, re.Pattern[str]]]:
        return [(rule, pattern) for rule, pattern in self._compiled if rule.kind == kind]

    def _first_full_match(self, kind: str, content: str) -> str | None:
        for rule, pattern in self._of_kind(kind):
            if pattern.fullmatch(content):
                return rule.reason
        return None


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line from `start`, without its newline."""
    pos = start
    while pos <= len(text):
        newline = text.find("\n", pos)
        end = len(text) if newline < 0 else newline
        yield pos, end
        if newline < 0:
            return
        pos = newline + 1


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line)


def _list_end(text: str, lines: list[tuple[int, int]], heading: int) -> int:
    """Index of the last line of the headline list that follows a heading line."""
    last = heading
    for index in range(heading + 1, len(lines)):
        content = text[lines[index][0] : lines[index][1]].strip()
        if not content:
            continue
        if not _is_headline(content):
            break
        last = index
    return last


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for start, end, reason in sorted(spans):
        if merged and start <= merged[-1][1]:
            prev = merged[-1]
            reasons = prev[2] if reason in prev[2].split("; ") else f"{prev[2]}; {reason}"
            merged[-1] = (prev[0], max(prev[1], end), reasons)
        else:
            merged.append((start, end, reason))
    return merged
