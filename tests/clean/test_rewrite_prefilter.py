"""The rewrite table's prefilter: a row is skipped only when its phrase cannot be in the text."""

from __future__ import annotations

import re

import pytest

from strife.clean import Rewrite, RewriteTable
from strife.clean.rewrites import PLACEHOLDER


@pytest.mark.parametrize(
    ("spun", "required"),
    [
        ("mentioned", [{"mentioned", "Mentioned"}]),
        ("instructed AFP", [{"instructed", "Instructed"}, {"AFP"}]),
        ("Eighties", [{"Eighties"}]),  # a capital row matches only as written
        ("left {num} useless", [{"left", "Left"}, {"useless"}]),
        ("{num}th day", [{"day"}]),  # 'th' runs into the figure, so it is not a whole word
        ("troops{num} away", [{"away"}]),
        ("set fire-to", [{"set", "Set"}, {"fire"}, {"to"}]),
    ],
)
def test_required_words(spun: str, required: list[set[str]]) -> None:
    assert Rewrite(spun, spun).required_words() == [frozenset(forms) for forms in required]


def _phrases(row: Rewrite) -> list[str]:
    """The row's phrase as it may be written in a text, in each case its pattern accepts."""
    phrase = row.spun.replace(PLACEHOLDER, "12")
    return sorted({phrase, phrase[:1].upper() + phrase[1:]})


def test_every_shipped_match_contains_its_required_words() -> None:
    missing = []
    for row in RewriteTable.load().rows:
        for phrase in _phrases(row):
            text = f"On Monday, {phrase}; then quiet."
            if not row.pattern().search(text):
                continue
            words = set(re.findall(r"\w+", text))
            if any(forms.isdisjoint(words) for forms in row.required_words()):
                missing.append((row.spun, phrase))
    assert missing == []


def test_every_shipped_row_that_changes_wording_still_edits() -> None:
    silent = []
    for row in RewriteTable.load().rows:
        if row.spun.lower() == row.plain.lower():
            continue
        table = RewriteTable([row])
        for phrase in _phrases(row):
            text = f"On Monday, {phrase}; then quiet."
            if row.pattern().search(text) and not table.edits(text):
                silent.append((row.spun, phrase))
    assert silent == []


@pytest.mark.parametrize(
    "text",
    [
        "The commander instructed his troops.",  # the key word alone, without the agency
        "Reporters from AFP arrived.",  # the agency alone, without the verb
        "The instructedAFP tag.",  # both inside one longer word
    ],
)
def test_partial_phrase_gives_no_edit(text: str) -> None:
    table = RewriteTable([Rewrite("instructed AFP", "told AFP")])
    assert table.edits(text) == []


def test_shared_words_keep_table_precedence() -> None:
    # Both rows need 'assaults'; the longer one, which keeps its wording, must still shield it.
    table = RewriteTable([Rewrite("assaults", "attacks"), Rewrite("sexual assaults", "sexual assaults")])
    text = "The sexual assaults case; the assaults went on."
    assert [(e.start, e.replacement) for e in table.edits(text)] == [(text.rindex("assaults"), "attacks")]
