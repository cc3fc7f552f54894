"""The attribute ruler's matches, found by a table lookup instead of spaCy's `Matcher`.

spaCy's `attribute_ruler` (en_core_web_sm: 179 patterns that set POS, MORPH and LEMMA from
the tag, the lower-case form and the dependency) runs its `Matcher` over every token of every
document, and on our news text that cost about a quarter of the whole parse: the matcher
tries each pattern at each token. Its patterns test only a token's own tag, lower-case form,
dependency and whether it is a space, so which patterns a token matches depends on those
four values alone, and a news text repeats a few thousand combinations of them.
`IndexedRuler` works out the matches of each combination once and looks them up after; the
matches (and their order) are exactly those of the `Matcher`, and the ruler's own
`set_annotations` applies them, so every token gets the same annotations.

    nlp = spacy.load("en_core_web_sm")
    index_attribute_ruler(nlp)   # False (nothing changed) for patterns it cannot index

A pattern with anything else (an operator such as "?", another attribute, an extension)
leaves the ruler as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.pipeline import AttributeRuler

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc

# The attributes a pattern may test, in the order of `Doc.to_array`'s columns.
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
# Distinct (tag, lower, dep, space) combinations remembered; a long run of varied text is cleared
# and starts again rather than growing without end.
CACHE_SIZE = 100_000
OTHER = -1  # stands for every lower-case form the patterns do not test for (ids are never negative)

Key = tuple[int, int, int, int]
Test = Callable[[Key], bool]
Match = tuple[int, int, int, int]
# per token: the token tests it passes, its one-token matches, the longer patterns it may start
Hits = tuple[frozenset[int], tuple[tuple[int, int], ...], tuple[tuple[int, int, tuple[int, ...]], ...]]


class Unsupported(ValueError):
    """A pattern tests something that `IndexedRuler` does not index."""


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Have the pipeline's attribute ruler find its matches with an `IndexedRuler`.

    Returns False, changing nothing, when the pipeline has no such component or one of its
    patterns is not indexable."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        indexed = IndexedRuler(ruler)
    except Unsupported:
        return False
    setattr(ruler, "match", indexed)  # noqa: B010  # the ruler's __call__ calls self.match(doc)
    return True


class IndexedRuler:
    """`AttributeRuler.match` as a lookup: the sorted (pattern, match id, start, end) list of a doc."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.tests: list[Test] = []
        # the tests that ask for one tag, by its id (None: the tests that ask for none)
        self.by_tag: dict[int | None, list[int]] = {}
        specs: dict[str, int] = {}
        # by the test of their (first) token: the patterns' numbers (the ruler sorts matches by
        # them), match ids and, for longer patterns, the tests of all their tokens
        self.single: dict[int, list[tuple[int, int]]] = {}
        self.longer: dict[int, list[tuple[int, int, tuple[int, ...]]]] = {}
        patterns = _patterns(ruler)
        for number, alternatives in enumerate(patterns):
            match_id = strings.add(str(number))
            for tokens in alternatives:  # any of them matches
                ids = []
                for spec in tokens:
                    text = repr(sorted(spec.items()))
                    if text not in specs:
                        specs[text] = len(self.tests)
                        self.tests.append(_token_test(spec, strings))
                        tag = spec.get("TAG")
                        self.by_tag.setdefault(
                            _hash(tag, strings) if isinstance(tag, str) else None, []
                        ).append(specs[text])
                    ids.append(specs[text])
                if not ids:
                    raise Unsupported(f"pattern {number} is empty")
                if len(ids) == 1:
                    self.single.setdefault(ids[0], []).append((number, match_id))
                else:
                    self.longer.setdefault(ids[0], []).append((number, match_id, tuple(ids)))
        # A lower-case form that no pattern names (nor matches by a regex) counts as one: `OTHER`.
        # Without it, each new word would be a new combination to work out.
        named, regexes = _lower_forms(patterns, strings)
        self._named_lower, self._lower_regexes = named, regexes
        self._cache: dict[Key, Hits] = {}
        self._lowers: dict[int, int] = {}

    def __call__(self, doc: Doc) -> list[Match]:
        rows: list[list[int]] = doc.to_array(_COLUMNS).tolist() if len(doc) else []
        hits = [self._hits((row[0], self._lower(row[1]), row[2], row[3])) for row in rows]
        matches: list[Match] = []
        for start, (_, single, starts) in enumerate(hits):
            matches += [(number, match_id, start, start + 1) for number, match_id in single]
            for number, match_id, ids in starts:  # longer patterns whose first token this is
                end = start + len(ids)
                if end <= len(hits) and all(ids[j] in hits[start + j][0] for j in range(1, len(ids))):
                    matches.append((number, match_id, start, end))
        matches.sort()
        return matches

    def _lower(self, lower: int) -> int:
        kept = self._lowers.get(lower)
        if kept is None:
            named = lower in self._named_lower
            text = "" if named or not self._lower_regexes else self.strings[lower]
            kept = lower if named or any(regex.search(text) for regex in self._lower_regexes) else OTHER
            if len(self._lowers) >= CACHE_SIZE:
                self._lowers.clear()
            self._lowers[lower] = kept
        return kept

    def _hits(self, key: Key) -> Hits:
        """The token tests a token passes, the one-token patterns it matches (number, match id), and
        the longer patterns whose first token it matches."""
        found = self._cache.get(key)
        if found is None:
            candidates = [*self.by_tag.get(key[0], ()), *self.by_tag.get(None, ())]
            passed = frozenset(i for i in candidates if self.tests[i](key))
            found = (
                passed,
                tuple(sorted(match for i in passed for match in self.single.get(i, ()))),
                tuple(pattern for i in passed for pattern in self.longer.get(i, ())),
            )
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = found
        return found


def _token_test(spec: Mapping[str, object], strings: StringStore) -> Test:
    """A test on (tag, lower, dep, space) hashes that passes exactly when the Matcher's token spec does."""
    tests = [_attr_test(_ATTRS.index(attr), value, strings) for attr, value in _known(spec).items()]
    return lambda key: all(test(key) for test in tests)


def _known(spec: Mapping[str, object]) -> Mapping[str, object]:
    unknown = [attr for attr in spec if attr not in _ATTRS]
    if unknown:
        raise Unsupported(f"token spec tests {', '.join(map(str, unknown))}")
    return spec


def _attr_test(column: int, value: object, strings: StringStore) -> Test:
    if isinstance(value, bool):
        wanted = int(value)
        return lambda key: key[column] == wanted
    if isinstance(value, str):
        hashed = _hash(value, strings)
        return lambda key: key[column] == hashed
    if isinstance(value, dict) and len(value) == 1:
        ((operator, argument),) = value.items()
        if operator in ("IN", "NOT_IN") and _strings(argument):
            members = frozenset(_hash(item, strings) for item in argument)
            if operator == "IN":
                return lambda key: key[column] in members
            return lambda key: key[column] not in members
        if operator == "REGEX" and isinstance(argument, str):
            regex = re.compile(argument)
            return lambda key: key[column] != OTHER and regex.search(strings[key[column]]) is not None
    raise Unsupported(f"token spec value {value!r}")


def _patterns(ruler: AttributeRuler) -> list[list[list[dict[str, object]]]]:
    """Each pattern of the ruler, in its order: its alternatives, each a list of token specs."""
    return [cast(list[list[dict[str, object]]], entry["patterns"]) for entry in ruler.patterns]


def _lower_forms(
    patterns: list[list[list[dict[str, object]]]], strings: StringStore
) -> tuple[frozenset[int], list[re.Pattern[str]]]:
    """The lower-case forms the patterns name (ids), and their regexes on the lower-case form."""
    named: set[int] = set()
    regexes: list[re.Pattern[str]] = []
    for alternatives in patterns:
        for tokens in alternatives:
            for spec in tokens:
                value = spec.get("LOWER")
                if isinstance(value, str):
                    named.add(_hash(value, strings))
                elif isinstance(value, dict):
                    for operator, argument in value.items():
                        if operator == "REGEX":
                            regexes.append(re.compile(argument))
                        else:
                            named.update(_hash(item, strings) for item in argument)
    return frozenset(named), regexes


def _strings(argument: object) -> bool:
    return isinstance(argument, list | tuple) and all(isinstance(item, str) for item in argument)


def _hash(text: str, strings: StringStore) -> int:
    """The id the Matcher compares: the string's hash, 0 for the empty string (a missing value)."""
    return strings.add(text) if text else 0
