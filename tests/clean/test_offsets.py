"""The offset map: exact through removals and rewrites, and spans map back inside their phrase."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from strife.clean import Cleaner, CleanText
from strife.clean.text import Edit, apply_edits

FRAGMENTS = [
    " date 2023-03-01 ",
    "Residents mentioned ",
    "Safety forces ",
    "introduced an offensive towards rebels ",
    "final week. ",
    "Read more:\n",
    "Taliban name new governor\n",
    "Advertisement\n",
    "(Photo: AFP) ",
    "The blast left 5 useless. ",
    "\n\n",
    "Shops reopened on Tuesday. ",
    "Follow us on Twitter\n",
    "in the Nineteen Nineties ",
    "Lots of of families fled. ",
]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner.default()


def _random_texts(count: int) -> list[str]:
    rng = random.Random(7)
    return ["".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize("text", _random_texts(200))
def test_unchanged_chars_map_to_themselves(cleaner: Cleaner, text: str) -> None:
    cleaned = cleaner(text)
    assert len(cleaned.offsets) == len(cleaned.text) + 1
    for index, char in enumerate(cleaned.text):
        if cleaned.verbatim(index):
            assert text[cleaned.offsets[index]] == char


@pytest.mark.parametrize("text", _random_texts(50))
def test_offsets_never_go_backwards(cleaner: Cleaner, text: str) -> None:
    offsets = cleaner(text).offsets
    assert all(a <= b for a, b in pairwise(offsets))


@pytest.mark.parametrize(
    ("text", "cleaned_phrase", "original_phrase"),
    [
        ("Residents mentioned Saturday.", "said", "mentioned"),
        ("The blast left 5 useless today.", "dead", "useless"),
        ("in the Nineteen Nineties and after", "1990s", "Nineteen Nineties"),
        ("Safety forces moved in.", "Security forces", "Safety forces"),
        (" date 2022-01-02 Shops reopened.", "Shops reopened", "Shops reopened"),
        ("A convoy left.\n\nAdvertisement\n\nShops reopened.", "Shops reopened", "Shops reopened"),
    ],
)
def test_span_maps_back_to_the_original_phrase(
    cleaner: Cleaner, text: str, cleaned_phrase: str, original_phrase: str
) -> None:
    cleaned = cleaner(text)
    start = cleaned.text.index(cleaned_phrase)
    o_start, o_end = cleaned.to_original(start, start + len(cleaned_phrase))
    assert text[o_start:o_end] == original_phrase


def test_part_of_a_rewritten_phrase_maps_to_the_whole_phrase(cleaner: Cleaner) -> None:
    text = "They mentioned it."
    cleaned = cleaner(text)
    start = cleaned.text.index("said")
    assert cleaned.to_original(start + 1, start + 2) == (5, 14)


def test_empty_span_maps_to_a_point(cleaner: Cleaner) -> None:
    cleaned = cleaner("Shops reopened.")
    assert cleaned.to_original(3, 3) == (3, 3)


def test_span_outside_the_text_is_refused(cleaner: Cleaner) -> None:
    with pytest.raises(ValueError, match="outside"):
        cleaner("abc").to_original(0, 9)


def test_last_offset_is_the_end_of_the_original(cleaner: Cleaner) -> None:
    text = "Shops reopened."
    assert cleaner(text).offsets[-1] == len(text)


def test_trailing_removal_ends_at_the_last_kept_char() -> None:
    cleaned = apply_edits("abc xyz", [Edit(3, 7, "", reason="test", removal=True)])
    assert cleaned.text == "abc"
    assert cleaned.offsets == (0, 1, 2, 3)


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", [Edit(0, 3, "", "a", True), Edit(2, 4, "", "b", True)])


def test_clean_text_is_frozen() -> None:
    cleaned = CleanText(original="a", text="a", offsets=(0, 1))
    with pytest.raises(AttributeError):
        cleaned.text = "b"  # type: ignore[misc]
