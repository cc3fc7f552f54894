"""Counted figures in news text: numerals, number words, vague words, ranges (CODEBOOK sections 7, 8).

`find_quantities` reads each figure with what modifies it ("at least", "nearly",
"between N and M", "N or more") and the noun it counts ("dozens of families" ->
families). It leaves out what only looks like a count: years, dates and clock
times, ages and other hyphenated compounds ("a 10-year-old", "father-of-10"),
money, percentages, and the pronoun "one" ("one of the", "no one").
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

MULTIPLIERS = {"hundred", "thousand", "million", "billion", "dozen"}
_SCALE_SUFFIXES = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
# Modifier phrase -> how it bounds the figure.
_MODIFIERS = {
    "at least": "low", "no fewer than": "low", "no less than": "low", "more than": "low", "over": "low",
    "upwards of": "low", "in excess of": "low", "a minimum of": "low",
    "nearly": "approx", "almost": "approx", "about": "approx", "around": "approx", "some": "approx",
    "approximately": "approx", "roughly": "approx", "an estimated": "approx", "estimated": "approx",
    "close to": "approx", "up to": "high", "as many as": "high", "fewer than": "high", "less than": "high",
}  # fmt: skip
# Modifier phrases by first word, longest phrase first, so the per-token check is one dict look-up.
_MODIFIERS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _kind in sorted(_MODIFIERS.items(), key=lambda item: -len(item[0])):
    _MODIFIERS_BY_FIRST.setdefault(_phrase.split()[0], []).append((tuple(_phrase.split()), _kind))
_SCALING_MULTIPLIERS = MULTIPLIERS - {"dozen"}
_RANGE_JOINS = {"to", "-", "\u2013", "or"}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
}  # fmt: skip
_CURRENCY_BEFORE = {"$", "£", "€", "¥", "us$", "usd", "rs", "eur"}
_CURRENCY_AFTER = {
    "dollars", "dollar", "euros", "euro", "pounds", "rupees", "afghanis", "naira", "shillings", "francs",
    "yuan", "rubles", "roubles", "dinars", "riyals", "usd", "eur", "cents",
}  # fmt: skip
_CLOCK_AFTER = {"am", "pm", "gmt", "utc", "hrs", "a.m", "p.m"}
_YEAR_BEFORE = {
    "in", "since", "of", "by", "until", "till", "from", "between", "and", "to", "during", "before", "after",
}  # fmt: skip
# "one" is a pronoun, not a count, in these company.
_ONE_BEFORE = {"no", "the", "this", "that", "any", "every", "each", "which", "someone", "anyone", "everyone"}
_ONE_AFTER = {"of", "another", "who", "that", "which", "after", "by"}
# Words between a figure and its noun that are not the noun.
_NOUN_SKIP = {
    "of", "other", "more", "the", "their", "its", "his", "her", "our", "additional", "further", "extra",
    "one", "another", "another's", "another\u2019s", "each", "other's", "other\u2019s",
}  # fmt: skip
_NOUN_STOP = {
    "was", "were", "is", "are", "be", "been", "have", "has", "had", "in", "on", "at", "to", "and", "or",
    "for", "from", "with", "by", "who", "which", "that", "said", "says", "as", "a", "an", "will", "would",
    "them", "us", "these", "those", "they", "we", "it", "per", "out", "than", "into", "across", "after",
}  # fmt: skip
_PLURAL_WITHOUT_S = {"people", "men", "women", "children", "police", "personnel", "staff", "youth", "crew",
                     "militia", "livestock", "cattle", "sheep", "clothing", "folk", "infantry"}  # fmt: skip
_ADJECTIVE_ENDINGS = ("ed", "al", "an", "ian", "ese", "ive", "ous", "ic", "ish", "ary", "ful", "less", "ing")
_TOKEN = re.compile(
    r"\d{1,3}(?:[ \u00a0]\d{3})+(?!\d|[,.]\d)"  # 14 000: thousands grouped by spaces
    r"|\d{1,3}(?:\.\d{3})+(?!\d|[,.]\d)"  # 2.000: thousands grouped by dots (Spanish, French, ...)
    r"|\d+(?:,\d{3})*(?:\.\d+)?"
    r"|[A-Za-z]+(?:\.(?=[A-Za-z]\.))?(?:['\u2019][A-Za-z]+)?"
    r"|[^\sA-Za-z\d]"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_GROUPING = re.compile(r"[,\s]")
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_POSSESSIVE = re.compile(r"['\u2019]s$")


@dataclass(frozen=True)
class Quantity:
    """A counted figure: its span, value (low/high for bounds and ranges), and counted noun."""

    start: int
    end: int
    text: str
    value: int
    low: int | None
    high: int | None
    vague: bool
    approx: bool
    noun: str | None
    noun_start: int | None
    noun_end: int | None


@dataclass(frozen=True)
class VagueTable:
    """Vague quantity words and their values (CODEBOOK section 7): "dozens" = 12."""

    values: MappingProxyType[str, int]

    def phrases(self) -> list[tuple[tuple[str, ...], int]]:
        """(words, value), longest phrase first, so "tens of thousands" beats "tens"."""
        items = [(tuple(p.split()), v) for p, v in self.values.items()]
        return sorted(items, key=lambda item: len(item[0]), reverse=True)

    def starting_with(self, word: str) -> list[tuple[tuple[str, ...], int]]:
        """The phrases whose first word is `word`, in `phrases()` order."""
        return self._by_first_word.get(word, [])

    @cached_property
    def _by_first_word(self) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        # Built once per table: scanning every phrase at every token was most of the cost.
        index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for words, value in self.phrases():
            index.setdefault(words[0], []).append((words, value))
        return index


def _read_table(name: str, key: str) -> dict[str, int]:
    text = resources.files("strife").joinpath("data", name).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    if reader.fieldnames is None or key not in reader.fieldnames or "value" not in reader.fieldnames:
        raise ValueError(f"{name}: the header must name the columns '{key}' and 'value'")
    table: dict[str, int] = {}
    for number, row in enumerate(reader, start=2):
        try:
            table[row[key].strip().lower()] = int(row["value"])
        except (TypeError, ValueError) as error:
            raise ValueError(
                f"{name}:{number}: value must be a whole number, got {row['value']!r}"
            ) from error
    return table


def load_vague_table(name: str = "vague_quantities.tsv") -> VagueTable:
    """The vague-word table from src/strife/data/<name> (TSV: phrase, value, note)."""
    return VagueTable(MappingProxyType(_read_table(name, "phrase")))


@cache
def load_number_words() -> MappingProxyType[str, int]:
    """Number words and multipliers (src/strife/data/number_words.tsv), read once: a tiny fixed table."""
    return MappingProxyType(_read_table("number_words.tsv", "word"))


@cache
def _openers() -> frozenset[str]:
    """Words that can open a quantity besides numerals and vague phrases: modifiers, "between", numbers."""
    return frozenset(_MODIFIERS_BY_FIRST) | {"between"} | load_number_words().keys()


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    low: str  # lowercased once here: every check compares lowercase words


@dataclass(frozen=True)
class _Figure:
    value: int
    start: int  # token indexes [start, end)
    end: int
    vague: bool
    numeral: bool


def find_quantities(text: str, table: VagueTable | None = None) -> list[Quantity]:
    """Every counted figure in `text`, in order."""
    table = table or load_vague_table()
    toks = [_Tok(m.group(0), m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
    # Words that can open a quantity; at any other token (most of them) _read_at finds nothing.
    openers = _openers()
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not (tok.low in openers or tok.text[0].isdigit() or table.starting_with(tok.low)):
            i += 1
            continue
        quantity, after = _read_at(text, toks, i, table)
        if quantity is None:
            i += 1
            continue
        found.append(quantity)
        i = after
    return found


def _read_at(text: str, toks: list[_Tok], i: int, table: VagueTable) -> tuple[Quantity | None, int]:
    """The quantity starting at token i (modifier, figure, range or bound, noun), if any."""
    bound, j = _modifier(toks, i)
    between = j < len(toks) and toks[j].low == "between"
    if between:
        j += 1
    figure = _figure(toks, j, table)
    if figure is None or _excluded(text, toks, figure, has_modifier=bound is not None or between):
        return None, i + 1
    value, low, high = figure.value, None, None
    end = figure.end
    second = _range_end(toks, figure, table, between)
    if second is not None:
        low, high, end = figure.value, second.value, second.end
    elif _words(toks, end, 2) == ("or", "more") or _words(toks, end, 1) in (("plus",), ("+",)):
        low, end = figure.value, end + (2 if toks[end].low == "or" else 1)
    elif bound == "low":
        low = figure.value
    elif bound == "high":
        high = figure.value
    noun = _noun(toks, end, figure.value)
    span_start = toks[i].start
    span_end = toks[end - 1].end
    return (
        Quantity(
            start=span_start,
            end=span_end,
            text=text[span_start:span_end],
            value=value,
            low=low,
            high=high,
            vague=figure.vague,
            approx=bound in ("approx", "high") and second is None,
            noun=noun.text if noun else None,
            noun_start=noun.start if noun else None,
            noun_end=noun.end if noun else None,
        ),
        end,
    )


def _words(toks: list[_Tok], i: int, count: int) -> tuple[str, ...]:
    return tuple(t.low for t in toks[i : i + count])


def _modifier(toks: list[_Tok], i: int) -> tuple[str | None, int]:
    if i >= len(toks):
        return None, i
    for words, kind in _MODIFIERS_BY_FIRST.get(toks[i].low, ()):
        if _words(toks, i, len(words)) == words:
            return kind, i + len(words)
    return None, i


def _figure(toks: list[_Tok], i: int, table: VagueTable) -> _Figure | None:
    if i >= len(toks):
        return None
    number = _numeral(toks, i) or _number_words(toks, i)
    if number is not None:
        return number
    for words, value in table.starting_with(toks[i].low):
        if _words(toks, i, len(words)) == words:
            end = i + len(words)
            # "several hundred", "a few thousand": the multiplier is the floor, as "hundreds" is.
            if end < len(toks) and toks[end].low in _SCALING_MULTIPLIERS:
                value, end = load_number_words()[toks[end].low], end + 1
            return _Figure(value, i, end, vague=True, numeral=False)
    return None


def _numeral(toks: list[_Tok], i: int) -> _Figure | None:
    tok = toks[i]
    if not tok.text[0].isdigit():
        return None
    end = i + 1
    scaled = end < len(toks) and (
        toks[end].low in MULTIPLIERS or (toks[end].start == tok.end and toks[end].text[0].isalpha())
    )
    if _DOT_GROUPED.fullmatch(tok.text) and not scaled:
        value = float(tok.text.replace(".", ""))  # "2.000 personas"; "1.500 million" stays a decimal
    else:
        value = float(_GROUPING.sub("", tok.text))
    if end < len(toks) and toks[end].start == tok.end and toks[end].text[0].isalpha():
        scale = _SCALE_SUFFIXES.get(toks[end].low)
        if scale is None:  # "1990s", "3rd", "125km": not a count
            return None
        value, end = value * scale, end + 1
    elif end < len(toks) and toks[end].low in MULTIPLIERS:
        value, end = value * load_number_words()[toks[end].low], end + 1
    return _Figure(int(value), i, end, vague=False, numeral=True)


def _number_words(toks: list[_Tok], i: int) -> _Figure | None:
    words = load_number_words()
    total, current, j, last = 0, 0, i, None
    while j < len(toks):
        word = toks[j].low
        if word in ("a", "an"):
            # "a" counts only as the one of "a hundred", "a thousand"; "a dozen" is in the vague table.
            if j != i or j + 1 >= len(toks) or toks[j + 1].low not in _SCALING_MULTIPLIERS:
                break
            current, last, j = 1, j, j + 1
            continue
        if word in ("-", "and") and last is not None and j + 1 < len(toks) and toks[j + 1].low in words:
            if word == "-" and toks[j].start != toks[last].end:
                break
            j += 1
            continue
        if word not in words or word in ("couple", "pair"):
            break
        value = words[word]
        if word in MULTIPLIERS:
            if last is None:
                break
            if value >= 1000:
                total, current = total + max(current, 1) * value, 0
            else:
                current = max(current, 1) * value
        else:
            current += value
        last, j = j, j + 1
    if last is None:
        return None
    return _Figure(total + current, i, last + 1, vague=False, numeral=False)


def _range_end(toks: list[_Tok], first: _Figure, table: VagueTable, between: bool) -> _Figure | None:
    end = first.end
    if end >= len(toks):
        return None
    join = toks[end].low
    if not ((between and join == "and") or join in _RANGE_JOINS):
        return None
    second = _numeral(toks, end + 1) or _number_words(toks, end + 1)
    if second is None or second.value <= first.value:
        return None
    return second


def _excluded(text: str, toks: list[_Tok], figure: _Figure, has_modifier: bool) -> bool:
    """Whether a figure is a year, date, time, age, money, percentage or the pronoun "one"."""
    first, last = toks[figure.start], toks[figure.end - 1]
    before = toks[figure.start - 1] if figure.start > 0 else None
    after = toks[figure.end] if figure.end < len(toks) else None
    after2 = toks[figure.end + 1] if figure.end + 1 < len(toks) else None
    if figure.vague:
        return False
    # hyphenated compounds: "10-year-old", "four-day", "father-of-10", "MiG-29"
    if after and after.text == "-" and after.start == last.end and after2 and after2.text[0].isalpha():
        return True
    if before and before.text in ("-", "/", ".", ":", "#") and before.end == first.start:
        return True
    if (
        after
        and after.text in (":", "/", ".")
        and after2
        and after2.text[0].isdigit()
        and after.start == last.end
    ):
        return True
    if (before and before.low in _MONTHS) or (after and after.low in _MONTHS):
        return True
    if (before and before.low in _CURRENCY_BEFORE) or (after and after.low in _CURRENCY_AFTER):
        return True
    if after and (after.text == "%" or after.low in ("percent", "per", "pc")):
        return True
    if after and after.low.rstrip(".") in _CLOCK_AFTER:
        return True
    if figure.numeral and _is_year(toks, figure, before, after):
        return True
    if (
        figure.numeral
        and not has_modifier
        and before
        and before.text[0].isupper()
        and before.low not in _MONTHS
    ):
        # "Resolution 2254", "Badr 313": a name with a number; not at a sentence start
        previous = toks[figure.start - 2] if figure.start > 1 else None
        if previous is not None and previous.text not in (".", "!", "?", "\u201c", '"'):
            return True
    if first.low == "one" and figure.end == figure.start + 1 and not has_modifier:
        following = _POSSESSIVE.sub("", after.low) if after else ""
        return bool((before and before.low in _ONE_BEFORE) or following in _ONE_AFTER)
    return False


def _is_year(toks: list[_Tok], figure: _Figure, before: _Tok | None, after: _Tok | None) -> bool:
    tok = toks[figure.start]
    if figure.end != figure.start + 1 or not _YEAR.fullmatch(tok.text):
        return False
    counted = after is not None and _plural(after.low) and after.low not in _NOUN_STOP
    return not counted or (before is not None and before.low in _YEAR_BEFORE)


def _plural(word: str) -> bool:
    return word in _PLURAL_WITHOUT_S or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)


def _noun(toks: list[_Tok], i: int, value: int) -> _Tok | None:
    """The counted noun after a figure, skipping "of", "other", names and adjectives."""
    for tok in toks[i : i + 6]:
        word = tok.low
        if not tok.text[0].isalpha() or word in _NOUN_STOP:
            return None
        if word in _NOUN_SKIP:
            continue
        if _plural(word) and not tok.text[0].isupper():
            return tok
        if tok.text[0].isupper() or word.endswith(_ADJECTIVE_ENDINGS):
            continue
        return tok if value == 1 else None
    return None
