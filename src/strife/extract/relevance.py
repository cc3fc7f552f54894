"""A fast relevance filter: skip articles that cannot yield an event before they are parsed.

Parsing is the largest cost of the pipeline, and in a general news stream most
articles are about business, sport or culture. This stage reads the article text
with compiled regular expressions (and, before each, a look-up of its words), no spaCy:

1. an event word: any inflected form of a phrase of the trigger lexicon
   ("fled", "shelling", "airstrikes", "took control"); without one the detector
   would find nothing, so the article is skipped losslessly;
2. a conflict cue: a word that puts armed actors, victims or displaced people on
   the page ("troops", "gunmen", "killed", "refugees"; data/relevance_cues.tsv). Many trigger words are
   also everyday words ("battle for the title", "stocks rally", "strike a deal"),
   so an event word alone lets most sport and business through; a cue beside it
   separates them. A natural hazard named in the article (data/displacement_cues.tsv:
   "floods", "torrential rains", "incendio") counts as a cue too when a sentence reports
   displacement or lost homes without a modal ("may force evacuations" is a forecast):
   disasters displace people;
3. enough cues: each cue has a weight (data/relevance_cues.tsv): a victim, a displaced
   person or a weapon (2) is harm on the page, while an actor, a protest or a hazard
   named once (1) is often another story ("a film about two soldiers", "police closed
   the roads around the stadium"). An article needs cues that weigh `ENOUGH` in all, or
   a hazard with reported displacement; a brief of at most `BRIEF_SENTENCES` sentences
   has room for one cue, so one is enough there.

    relevance = Relevance(TriggerLexicon.load())   # cues: data/relevance_cues.tsv
    work = relevance(work)      # sets work.skip when the text has no event word or no cue
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from strife.extract.detect import DISPLACEMENT_KINDS, HOUSING_KINDS
from strife.extract.displacement import DisplacementCues
from strife.extract.figures import DEATH
from strife.extract.lexicon import TriggerLexicon
from strife.extract.quantities import load_number_words, load_vague_table
from strife.tables import read_table

CUE_KINDS = frozenset({"actor", "victim", "displacement", "disaster", "unrest", "violence"})


@dataclass(frozen=True)
class RelevanceWords:
    """The filter's words: conflict cues (data/relevance_cues.tsv) and the irregular forms
    of trigger and cue words (data/irregular_forms.tsv) that the suffix rules cannot make."""

    cues: tuple[str, ...]
    irregular: Mapping[str, tuple[str, ...]]
    weights: Mapping[str, int] = field(default_factory=dict)  # by cue; a cue not named weighs 1

    @classmethod
    def load(cls, cues: Path | None = None, irregular: Path | None = None) -> RelevanceWords:
        cue_rows = read_table(cues or "relevance_cues.tsv", ["word", "kind", "weight"], CUE_KINDS)
        form_rows = read_table(irregular or "irregular_forms.tsv", ["word", "forms"])
        weights = {}
        for row in cue_rows:
            weight = row["weight"].strip()
            if weight not in {"1", "2"}:
                raise row.error(
                    f"weight {weight!r}; expected 1 (named once, often another story) or 2 (harm)"
                )
            weights[row["word"].strip()] = int(weight)
        return cls(
            tuple(row["word"].strip() for row in cue_rows),
            {row["word"].strip(): tuple(row["forms"].strip().split("|")) for row in form_rows},
            weights,
        )


_LINE = re.compile(r"[^\n]+")

SKIP_REASON = "not about conflict or displacement (no event word)"
SKIP_NO_CUE = "not about conflict or displacement (event words only in another sense)"
SKIP_ONE_CUE = "not about conflict or displacement (one conflict word, likely in another sense)"
# What the cues of an article must weigh in all (data/relevance_cues.tsv): one cue of harm, or two
ENOUGH = 2
# A brief (at most this many sentences and `BRIEF_CHARS` characters) needs one cue: the measure of
# a short report that the learned stage reads whole (strife.learn.found.is_short_report).
BRIEF_SENTENCES = 3
BRIEF_CHARS = 800


def inflections(word: str, irregular: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The word and its regular and `irregular` inflected forms, lowercase ("kidnap" -> "kidnapped", ...)."""
    word = word.lower()
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er", word + "ers"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ings"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        # a final consonant after a single vowel doubles: "kidnapped", "gunned", "shelling"
        double = word + word[-1]
        forms |= {double + "ed", double + "ing", double + "er", double + "ers"}
    forms.add(word + "ings")
    forms |= set(irregular.get(word, ()))
    return forms


def phrase_pattern(phrase: Iterable[str], irregular: Mapping[str, tuple[str, ...]]) -> str:
    """A regex for a phrase of lemmas: each word in any inflected form, words apart by spaces or a hyphen."""
    parts = []
    for word in phrase:
        forms = sorted(inflections(word, irregular), key=lambda form: (-len(form), form))
        parts.append("(?:" + "|".join(re.escape(form) for form in forms) + ")")
    return r"[\s\-]+".join(parts)


def compile_phrases(
    phrases: Iterable[Iterable[str]], irregular: Mapping[str, tuple[str, ...]]
) -> re.Pattern[str]:
    """One case-insensitive regex matching any of the phrases as whole words."""
    patterns = sorted({phrase_pattern(phrase, irregular) for phrase in phrases}, key=lambda p: (-len(p), p))
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", re.IGNORECASE)


_WORD = re.compile(r"\w+")
_WHOLE = re.compile(r"[\w-]+")
# Characters that a case-insensitive regex takes for an ASCII letter but str.lower() does not
# turn into it (checked over all of Unicode against the letters of our phrases).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


class Words(NamedTuple):
    """The lower-case words of a text, for `Phrases`: its runs of word characters (`parts`), and
    its runs of word characters and hyphens (`whole`: "rebel-held" is one, as the regex sees it)."""

    parts: frozenset[str]
    whole: frozenset[str]


def words_of(text: str) -> Words:
    folded = text.translate(_FOLD).lower()
    return Words(frozenset(_WORD.findall(folded)), frozenset(_WHOLE.findall(folded)))


class Phrases:
    """The regex of `compile_phrases`, with two quick tests before it, which give the regex's answer:

    - the first word of every match is a word of the text, so a text that holds none of the
      phrases' first words (in any form) has no match, and the long regex need not scan it;
    - a whole word of the text (bounded by neither a word character nor a hyphen) that is a
      form of a one-word phrase is a match, so `found` need not scan the text either.
    """

    def __init__(self, phrases: Iterable[Iterable[str]], irregular: Mapping[str, tuple[str, ...]]) -> None:
        listed = [list(phrase) for phrase in phrases]
        self.regex = compile_phrases(listed, irregular)
        forms = [form for phrase in listed if phrase for form in inflections(phrase[0], irregular)]
        firsts = [_WORD.match(form) for form in forms]
        # a form that does not start with a word character cannot be checked this way
        self.firsts = None if any(m is None for m in firsts) else frozenset(m.group(0) for m in firsts if m)
        self.single = frozenset(
            form
            for phrase in listed
            if len(phrase) == 1
            for form in inflections(phrase[0], irregular)
            if _WHOLE.fullmatch(form)
        )

    def search(self, text: str, words: Words | None = None) -> re.Match[str] | None:
        """The first match in `text`; `words` (`words_of(text)`, when the caller has it) skips the scan."""
        if words is not None and self.firsts is not None and self.firsts.isdisjoint(words.parts):
            return None
        return self.regex.search(text)

    def found(self, text: str, words: Words) -> bool:
        """Whether `text` holds a match (`words` is `words_of(text)`)."""
        return not self.single.isdisjoint(words.whole) or self.search(text, words) is not None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
# Words that make a sentence's displacement a forecast or a fear, not a report.
_MODAL = re.compile(r"\b(?:could|may|might|would|will|threaten\w*|warn\w*|expected to|risk of)\b", re.I)


def _brief(text: str) -> bool:
    text = text.strip()
    return (
        len(text) <= BRIEF_CHARS and sum(1 for s in _SENTENCE_END.split(text) if s.strip()) <= BRIEF_SENTENCES
    )


class Relevance:
    """Whether a text can be about an event at all (`reason`), and which of its lines to parse (`focus`).

    The pipeline's relevance stage runs it on raw text before cleaning and again on the
    cleaned text (cleaned text has spun wording put back: "combating" -> "fighting").
    """

    def __init__(
        self,
        lexicon: TriggerLexicon,
        words: RelevanceWords | None = None,
        hazards: DisplacementCues | None = None,
        *,
        cue_check: bool = True,
    ) -> None:
        """`cue_check=False` lets any event word through, cue or none."""
        words = words or RelevanceWords.load()
        irregular = words.irregular
        self.events = Phrases((trigger.phrase for trigger in lexicon.triggers), irregular)
        # A paragraph that only counts the dead ("The toll rose to 14.") lends its figure to the
        # story's event (CODEBOOK section 7), so focus keeps a death word beside a count too.
        self.deaths = Phrases(([word] for word in sorted(DEATH)), irregular)
        # a count, as figures or as the words of data/number_words.tsv and vague_quantities.tsv
        counts = [w.split() for w in (*load_number_words(), *load_vague_table().values)]
        self.counts = re.compile(r"\d|" + compile_phrases(counts, irregular).pattern, re.IGNORECASE)
        displacement = DISPLACEMENT_KINDS | HOUSING_KINDS
        self.displacement = Phrases((t.phrase for t in lexicon.triggers if t.kind in displacement), irregular)
        cue_list = list(words.cues) if cue_check else []
        self.cues = Phrases((cue.lower().split() for cue in cue_list), irregular) if cue_list else None
        # the cues by weight, heaviest first: the sum of an article stops as soon as it is enough
        by_weight: dict[int, list[list[str]]] = {}
        for cue in cue_list:
            by_weight.setdefault(words.weights.get(cue, 1), []).append(cue.lower().split())
        self.weighted = [
            (weight, Phrases(by_weight[weight], irregular)) for weight in sorted(by_weight, reverse=True)
        ]
        self.hazards = hazards or DisplacementCues.load()

    def reason(self, text: str) -> str | None:
        """Why this text is skipped, or None when it may hold an event.

        Most texts of a news stream are skipped here, so each test first looks up the text's
        words in the first words of its phrases, and scans the text only when one is there."""
        words = words_of(text)
        if not self.events.found(text, words):
            return SKIP_REASON
        if self.cues is None or self._enough_cues(text, words):
            return None
        if self._disaster(text, words):
            return None
        return SKIP_ONE_CUE if self.cues.found(text, words) else SKIP_NO_CUE

    def _enough_cues(self, text: str, words: Words) -> bool:
        """Whether the text's cues weigh `ENOUGH` in all (a brief's: one cue is enough)."""
        total = 0
        for weight, phrases in self.weighted:
            if phrases.search(text, words) is None:
                continue
            for _ in phrases.regex.finditer(text):
                total += weight
                if total >= ENOUGH:
                    return True
        return total > 0 and _brief(text)

    def _disaster(self, text: str, words: Words) -> bool:
        """A natural hazard, and a sentence that reports displacement or lost homes as fact."""
        if not self.displacement.found(text, words) or self.hazards.hazard(text) is None:
            return False
        return any(
            self.displacement.search(sentence) and not _MODAL.search(sentence)
            for sentence in _SENTENCE_END.split(text)
        )

    def focus(self, text: str) -> str:
        """The text with every line (paragraph) that holds no event or death word blanked to spaces.

        The parser then spends nothing on those paragraphs, while every character keeps
        its offset, so spans into the text stay valid. Only sentences with an event word
        are ever coded, so nothing codable is lost. Whole lines, not sentences, are
        blanked: the parse of a sentence leans on its neighbours, and blanking inside a
        paragraph changed enough parses to cost precision on the dev gold.
        """
        return _LINE.sub(
            lambda m: m.group(0) if self._worth_parsing(m.group(0)) else " " * len(m.group(0)), text
        )

    def _worth_parsing(self, line: str) -> bool:
        words = words_of(line)
        return bool(
            self.events.found(line, words) or (self.deaths.found(line, words) and self.counts.search(line))
        )
