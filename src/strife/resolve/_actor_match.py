"""Word-level alias matching for the actor dictionary: tokens, folding and alias lexicons.

A text is tokenised once into a :class:`Scan`, which also records which neighbouring
words sit together as one name; each :class:`Lexicon` then looks aliases up by their
first word, so a position whose word starts no alias costs a few dictionary lookups.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from typing import Generic, NamedTuple, TypeVar

V = TypeVar("V")

_APOSTROPHE = "\u2019"  # typographic apostrophe, read as "'"
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*['\u2019]?")
# What may stand between two words of one name: spaces, hyphens, brackets, slashes, "&".
_GAP = re.compile(r"[\s\-\u2010\u2011\u2013\u2014()/&]*")
MAX_WORDS = 10
# Hyphenated modifiers that make a name describe something else: "pro-Houthi media", "an
# anti-Taliban cleric", "a rebel-held town", "Hamas-run Gaza", "an al-Qaeda-affiliated group" (the
# affiliate, named on its own, is another actor). Words that keep the actor as the doer
# ("ISIS-claimed", "Hamas-led attack") are not here.
MODIFIER_PREFIXES = frozenset({"pro", "anti"})
MODIFIER_SUFFIXES = frozenset(
    {
        "backed", "run", "held", "controlled", "ruled", "administered", "occupied", "dominated",
        "supported", "sponsored", "funded", "friendly", "leaning", "allied", "installed", "appointed",
        "style", "era", "inspired", "free", "affiliated", "linked", "aligned", "connected",
    }
)  # fmt: skip
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Words remembered per lexicon as starting an alias or not; the memo is emptied past this size
# so that a long run over many texts keeps its memory bounded.
_MEMO_LIMIT = 200_000


class Token(NamedTuple):
    """One word of a text: character span, raw and folded forms."""

    start: int
    end: int
    raw: str  # apostrophes unified, case kept: for aliases that must match as written
    folded: str  # case and accents folded


_new_tuple = tuple.__new__


def fold(text: str) -> str:
    """Case and accents folded, typographic apostrophes unified: "Shabaab\u2019s" -> "shabaab's"."""
    if text.isascii():
        # Plain ASCII has no accents to strip, and its casefold is its lower case: the fast path.
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace(_APOSTROPHE, "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[Token]:
    """The words of a text, in order."""
    if text.isascii():
        # Fast path: no typographic apostrophes, and each word folds to its lower case. Tokens
        # are built as plain tuples, which skips NamedTuple's Python-level constructor.
        lowered = text.lower()
        return [
            _new_tuple(Token, (start, end, text[start:end], lowered[start:end]))
            for start, end in map(re.Match.span, _TOKEN.finditer(text))
        ]
    return [
        Token(m.start(), m.end(), m.group().replace(_APOSTROPHE, "'"), fold(m.group()))
        for m in _TOKEN.finditer(text)
    ]


def endings(word: str) -> Iterator[str]:
    """The word, then without a possessive, then without a plural ending.

    "militants'" -> "militants'", "militants", "militant"."""
    yield word
    bare = word[:-2] if word.lower().endswith("'s") else word.rstrip("'")
    if bare != word:
        yield bare
    low = bare.lower()
    if low.endswith("ies"):
        yield bare[:-3] + ("Y" if bare[-3:].isupper() else "y")
    if low.endswith("es"):
        yield bare[:-2]
    if low.endswith("s") and len(bare) > 2:
        yield bare[:-1]


def _gap_joins(gap: str, previous: Token) -> bool:
    """Whether the characters between two words keep them in one name (no sentence break or comma)."""
    if gap == " ":
        return True
    # "U.S. troops": a full stop after a single letter is an abbreviation, not a sentence end.
    if gap.startswith(".") and len(previous.raw) == 1:
        gap = gap[1:]
    return _GAP.fullmatch(gap) is not None


class Scan:
    """A text read once for matching: its tokens, how far each name can run, word endings."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokens(text)
        count = len(self.tokens)
        # run[i]: the most words from token i on that sit together as one name, so that
        # "tokens i..i+n-1 are joined" is n <= run[i], and each gap is checked once.
        self.run = [1] * count
        for k in range(count - 2, -1, -1):
            after = self.tokens[k + 1]
            if _gap_joins(text[self.tokens[k].end : after.start], self.tokens[k]):
                self.run[k] = self.run[k + 1] + 1
        self.words = {t.folded for t in self.tokens}  # distinct, for per-word work
        self._lasts: dict[str, list[tuple[str, str]]] = {}

    def joined(self, i: int, n: int) -> bool:
        """Whether tokens i..i+n-1 sit together as one name."""
        return n <= self.run[i]

    def lasts(self, i: int) -> list[tuple[str, str]]:
        """The endings of token i as (raw, folded) pairs: how it may close an alias."""
        word = self.tokens[i].raw
        found = self._lasts.get(word)
        if found is None:
            found = self._lasts[word] = [(end, fold(end)) for end in endings(word)]
        return found


def in_modifier(scan: Scan, start: int, end: int) -> bool:
    """Whether tokens start..end-1 sit inside a hyphenated modifier ("pro-X", "X-held")."""
    toks, text = scan.tokens, scan.text
    before = start > 0 and toks[start - 1].folded in MODIFIER_PREFIXES
    if before and text[toks[start - 1].end : toks[start].start] in _HYPHENS:
        return True
    if end < len(toks) and toks[end].folded in MODIFIER_SUFFIXES:
        return text[toks[end - 1].end : toks[end].start] in _HYPHENS
    return False


class Lexicon(Generic[V]):
    """Aliases (as word tuples) -> values, with case-folded and exact-case keys."""

    def __init__(self) -> None:
        self._folded: dict[tuple[str, ...], list[V]] = defaultdict(list)
        self._exact: dict[tuple[str, ...], list[V]] = defaultdict(list)
        self.longest = 1
        self._firsts: set[str] = set()  # first words of all aliases, folded: a quick rejection
        # Every leading part (all words but the last, or fewer) of the aliases of two words or
        # more: a span is tried only as far as its words still begin some alias.
        self._heads_folded: set[tuple[str, ...]] = set()
        self._heads_exact: set[tuple[str, ...]] = set()
        # Folded word -> whether it or its singular starts some alias. Most words of a text
        # start none, and news vocabulary repeats from text to text: remembering saves the
        # splitting into endings, which otherwise dominates matching.
        self._starts_word: dict[str, bool] = {}
        # Word as written -> the one-word aliases it is (under any of its endings): the same
        # memo for the commonest lookup. The value lists are shared, so callers must not change them.
        self._single_word: dict[str, list[V]] = {}

    def add(self, alias: str, value: V) -> None:
        """Register an alias; all capitals or a leading "=" means it must match exactly as written."""
        alias = alias.strip()
        exact = alias.startswith("=") or alias.isupper()
        words = tokens(alias.lstrip("="))
        if not words:
            return
        key = tuple(t.raw if exact else t.folded for t in words)
        (self._exact if exact else self._folded)[key].append(value)
        if exact and len(key) == 1 and len(key[0]) >= 4 and key[0].isalpha() and alias.isupper():
            # Some agencies write long acronyms as words ("Jnim", "Iswap"); short ones stay exact
            # so that "IS" never matches "is".
            self._exact[(key[0].capitalize(),)].append(value)
        heads = self._heads_exact if exact else self._heads_folded
        heads.update(key[:k] for k in range(1, len(key)))
        self.longest = max(self.longest, len(key))
        self._firsts.update(fold(word) for word in endings(key[0]))
        self._starts_word.clear()
        self._single_word.clear()

    def items(self) -> Iterator[tuple[tuple[str, ...], list[V]]]:
        """Every alias key with its values, folded keys first."""
        yield from self._folded.items()
        yield from self._exact.items()

    def starts(self, scan: Scan) -> list[int]:
        """The token positions whose word (or its singular) starts some alias: where to try matching."""
        memo = self._starts_word
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
            self._single_word.clear()
        hits = set()
        for word in scan.words:
            known = memo.get(word)
            if known is None:
                known = memo[word] = self._starts(word)
            if known:
                hits.add(word)
        return [i for i, t in enumerate(scan.tokens) if t.folded in hits] if hits else []

    def _starts(self, word: str) -> bool:
        """Whether a folded word, or its form without a possessive or plural ending, starts an alias."""
        return not self._firsts.isdisjoint(endings(word))

    def every(self, scan: Scan) -> list[tuple[int, int, list[V]]]:
        """Every alias in the text as (token position, number of words, values), longest first."""
        return [(i, n, values) for i in self.starts(scan) for n, values in self._at(scan, i)]

    def longest_at(self, scan: Scan) -> dict[int, tuple[int, list[V]]]:
        """Token position -> the longest alias starting there, as (number of words, values)."""
        found = {}
        for i in self.starts(scan):
            for n, values in self._at(scan, i):
                found[i] = (n, values)
                break
        return found

    def _at(self, scan: Scan, i: int) -> Iterator[tuple[int, list[V]]]:
        """Every alias starting at token i, longest first; i must be one of `starts`."""
        toks = scan.tokens
        first = toks[i]
        top = min(self.longest, MAX_WORDS, len(toks) - i, scan.run[i])
        # The longest run of words from i that begins some alias, folded or as written.
        folded: tuple[str, ...] = ()
        raw: tuple[str, ...] = ()
        reach = 0
        for k in range(i, i + top - 1):
            folded, raw = (*folded, toks[k].folded), (*raw, toks[k].raw)
            if folded not in self._heads_folded and raw not in self._heads_exact:
                break
            reach += 1
        for n in range(reach + 1, 1, -1):
            folded, raw = folded[: n - 1], raw[: n - 1]
            for last_raw, last_folded in scan.lasts(i + n - 1):
                values = self._folded.get((*folded, last_folded), []) + self._exact.get((*raw, last_raw), [])
                if values:
                    yield n, values
                    break
        single = self._single_word.get(first.raw)
        if single is None:
            single = self._single_word[first.raw] = self._one_word(scan.lasts(i))
        if single:
            yield 1, single

    def _one_word(self, lasts: list[tuple[str, str]]) -> list[V]:
        for last_raw, last_folded in lasts:
            values = self._folded.get((last_folded,), []) + self._exact.get((last_raw,), [])
            if values:
                return values
        return []
