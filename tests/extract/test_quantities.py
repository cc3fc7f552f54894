"""Counted figures (CODEBOOK sections 7, 8): values, bounds, ranges, vague words, nouns, exclusions."""

from __future__ import annotations

import pytest

from strife.extract.quantities import VagueTable, find_quantities, load_number_words, load_vague_table


@pytest.fixture(scope="module")
def table() -> VagueTable:
    return load_vague_table()


@pytest.mark.parametrize(
    ("text", "figure", "value", "noun"),
    [
        ("Gunmen killed 12 villagers.", "12", 12, "villagers"),
        ("About 1,200 homes burned.", "About 1,200", 1200, "homes"),
        ("At least 3 385 people were evacuated.", "At least 3 385", 3385, "people"),
        ("Some 1.5 million people fled.", "Some 1.5 million", 1_500_000, "people"),
        ("Nearly 2m people are displaced.", "Nearly 2m", 2_000_000, "people"),
        ("Twelve soldiers died.", "Twelve", 12, "soldiers"),
        ("twenty-five fighters surrendered", "twenty-five", 25, "fighters"),
        ("two hundred families fled", "two hundred", 200, "families"),
        ("two hundred and fifty tents", "two hundred and fifty", 250, "tents"),
        ("a hundred people gathered", "a hundred", 100, "people"),
        ("three thousand households moved", "three thousand", 3000, "households"),
        ("one soldier was killed", "one", 1, "soldier"),
        ("12 Taliban fighters were killed", "12", 12, "fighters"),
        ("at least five civilians", "at least five", 5, "civilians"),
        ("five unarmed civilians", "five", 5, "civilians"),
        ("eight others were hurt", "eight", 8, "others"),
    ],
)
def test_figure_value_and_noun(table: VagueTable, text: str, figure: str, value: int, noun: str) -> None:
    (found,) = find_quantities(text, table)
    assert (found.text, found.value, found.noun) == (figure, value, noun)


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("a few houses burned", 3, "houses"),
        ("several villages emptied", 10, "villages"),
        ("many families fled", 10, "families"),
        ("tens of families fled", 10, "families"),
        ("a number of other people left", 10, "people"),
        ("dozens of families fled", 12, "families"),
        ("a dozen trucks", 12, "trucks"),
        ("half a dozen houses", 6, "houses"),
        ("a handful of fighters", 3, "fighters"),
        ("scores of civilians", 20, "civilians"),
        ("hundreds of homes", 100, "homes"),
        ("thousands of refugees", 1000, "refugees"),
        ("tens of thousands of people", 10_000, "people"),
        ("hundreds of thousands of people", 100_000, "people"),
        ("millions of people", 1_000_000, "people"),
        ("several hundred people", 100, "people"),
    ],
)
def test_vague_words_take_table_values(table: VagueTable, text: str, value: int, noun: str) -> None:
    (found,) = find_quantities(text, table)
    assert (found.value, found.vague, found.noun) == (value, True, noun)


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "approx"),
    [
        ("at least 40 people", 40, 40, None, False),
        ("no fewer than 40 people", 40, 40, None, False),
        ("40 or more people", 40, 40, None, False),
        ("more than 40 people", 40, 40, None, False),
        ("nearly 40 people", 40, None, None, True),
        ("almost 40 people", 40, None, None, True),
        ("about 40 people", 40, None, None, True),
        ("around 40 people", 40, None, None, True),
        ("some 40 people", 40, None, None, True),
        ("up to 40 people", 40, None, 40, True),
        ("between 10 and 15 people", 10, 10, 15, False),
        ("10 to 15 people", 10, 10, 15, False),
        ("10-15 people", 10, 10, 15, False),
        ("one or two items", 1, 1, 2, False),
        ("40 people", 40, None, None, False),
    ],
)
def test_bounds_and_ranges(
    table: VagueTable, text: str, value: int, low: int | None, high: int | None, approx: bool
) -> None:
    (found,) = find_quantities(text, table)
    assert (found.value, found.low, found.high, found.approx) == (value, low, high, approx)


@pytest.mark.parametrize(
    "text",
    [
        "It happened in 2021.",
        "the 1990s were hard",
        "on May 3 rebels",
        "on 3 May rebels",
        "at 10 am",
        "at 10:30 local time",
        "a 10-year-old boy",
        "a father-of-10",
        "a $501 million deficit",
        "costs of 40 dollars",
        "50% of homes",
        "50 percent of homes",
        "the 3rd brigade",
        "one of the soldiers",
        "they attacked one another",
        "no one was hurt",
        "the one who fled",
        "a four-day truce",
        "the MiG-29 crashed",
        "UN Resolution 2254 was cited",
    ],
)
def test_not_a_quantity(table: VagueTable, text: str) -> None:
    assert find_quantities(text, table) == []


def test_spans_point_into_the_text(table: VagueTable) -> None:
    text = "Officials said at least 12 soldiers and dozens of militants died."
    found = find_quantities(text, table)
    assert [text[q.start : q.end] for q in found] == ["at least 12", "dozens"]
    assert [text[q.noun_start : q.noun_end] for q in found if q.noun_start is not None] == [
        "soldiers",
        "militants",
    ]


def test_figure_without_noun(table: VagueTable) -> None:
    (found,) = find_quantities("The toll rose to 40.", table)
    assert (found.value, found.noun, found.noun_start) == (40, None, None)


def test_year_with_a_counted_noun_is_a_figure(table: VagueTable) -> None:
    (found,) = find_quantities("Police arrested 2000 protesters.", table)
    assert (found.value, found.noun) == (2000, "protesters")


def test_default_table_is_loaded_when_none_given() -> None:
    assert find_quantities("dozens of families")[0].value == 12


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("a few", 3),
        ("several", 10),
        ("many", 10),
        ("tens", 10),
        ("a number of", 10),
        ("dozens", 12),
        ("scores", 20),
        ("hundreds", 100),
        ("thousands", 1000),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("a handful", 3),
        ("tens of thousands", 10_000),
        ("hundreds of thousands", 100_000),
        ("millions", 1_000_000),
    ],
)
def test_vague_table_matches_the_codebook(table: VagueTable, phrase: str, value: int) -> None:
    assert table.values[phrase] == value


@pytest.mark.parametrize(("word", "value"), [("twelve", 12), ("ninety", 90), ("hundred", 100), ("dozen", 12)])
def test_number_words_table(word: str, value: int) -> None:
    assert load_number_words()[word] == value


@pytest.mark.parametrize(
    ("word", "phrases"),
    [
        ("tens", [("tens", "of", "thousands"), ("tens",)]),
        ("hundreds", [("hundreds", "of", "thousands"), ("hundreds",)]),
        ("soldiers", []),
    ],
)
def test_starting_with_gives_longest_phrase_first(
    table: VagueTable, word: str, phrases: list[tuple[str, ...]]
) -> None:
    assert [words for words, _ in table.starting_with(word)] == phrases


def test_starting_with_follows_phrases_order(table: VagueTable) -> None:
    assert [p for p in table.phrases() if p[0][0] == "a"] == table.starting_with("a")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Between 10 and 15 people fled. More than 40 homes burned.", [10, 40]),
        ("Dozens of families and A few traders left.", [12, 3]),
        ("Officials said Twenty soldiers and 3 385 civilians died.", [20, 3385]),
        ("The report, issued after talks, listed no figures at all.", []),
    ],
)
def test_capitalised_openers_and_plain_words(table: VagueTable, text: str, values: list[int]) -> None:
    assert [q.value for q in find_quantities(text, table)] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("más de 2.000 personas", 2000),
        ("1.234.567 personnes", 1234567),
        ("1.500 million people", 1500000),  # a multiplier after it: a decimal
        ("2.5 million people", 2500000),
    ],
)
def test_thousands_grouped_by_dots(table: VagueTable, text: str, value: int) -> None:
    assert [q.value for q in find_quantities(text, table)] == [value]
