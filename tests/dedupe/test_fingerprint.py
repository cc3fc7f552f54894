from pathlib import Path

import numpy as np
import pytest

from strife.clean import Cleaner
from strife.dedupe.fingerprint import (
    BANDS,
    PERMUTATIONS,
    Vocabulary,
    bands,
    fingerprint,
    parse_synonyms,
    shingles,
    signature,
    similarity,
    tokens,
)
from strife.tables import parse_table

REPORTS = Path(__file__).parents[2] / "examples"
# One clash, three reports: a wire story, a spun copy of it, and an independent report.
WIRE, SPUN, MONITOR = "sudan-el-obeid-wire", "sudan-el-obeid-spun-copy", "sudan-el-obeid-monitor"
CLEANER = Cleaner.default()
VOCABULARY = Vocabulary.load()


def clean(text: str) -> str:
    return CLEANER(text).text


def test_tokens_fold_case_figures_stopwords_and_synonyms() -> None:
    assert tokens("The Individuals FLED, 23 were killed in 2024.", VOCABULARY) == [
        "people",
        "fled",
        "#",
        "killed",
        "#",
    ]


def test_spun_and_plain_wording_read_alike() -> None:
    plain = tokens(clean("Residents said hundreds of families fled the fighting last week."), VOCABULARY)
    spun = tokens(
        clean("Residents mentioned hundreds of households fled the combating final week."), VOCABULARY
    )
    assert plain == spun


def test_signature_is_deterministic_and_estimates_jaccard() -> None:
    a = {f"w{i} w{i + 1}" for i in range(200)}
    b = {f"w{i} w{i + 1}" for i in range(100, 300)}  # Jaccard 100 / 300
    assert np.array_equal(signature(a), signature(set(a)))
    assert similarity(signature(a), signature(b)) == pytest.approx(1 / 3, abs=0.12)
    assert similarity(signature(a), signature(a)) == 1.0
    assert signature(set()).shape == (PERMUTATIONS,)


def test_bands_are_distinct_per_band() -> None:
    found = bands(signature({"a b", "c d"}))
    assert len(found) == BANDS and len({b >> 32 for b in found}) == BANDS


def test_short_texts_get_no_bands() -> None:
    assert fingerprint("x", "Gunmen killed five villagers in Kiziba.", clean).bands == ()
    assert len(fingerprint("y", (REPORTS / f"{WIRE}.txt").read_text(), clean).bands) == BANDS


def test_a_spun_copy_is_close_and_an_independent_report_is_not() -> None:
    wire, spun, other = (
        fingerprint(n, (REPORTS / f"{n}.txt").read_text(), clean) for n in (WIRE, SPUN, MONITOR)
    )
    assert similarity(wire.signature, spun.signature) > 0.6
    assert similarity(wire.signature, other.signature) < 0.15
    assert wire.agency == spun.agency == "AFP" and other.agency is None


def test_shingles_of_short_word_lists() -> None:
    assert shingles([]) == set() and shingles(["one"]) == {"one"}
    assert shingles(["a", "b", "c"]) == {"a b", "b c"}


def test_shipped_tables_load() -> None:
    assert "the" in VOCABULARY.stopwords and VOCABULARY.synonyms["individuals"] == "people"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["people\tpeople|persons", "folk\tpersons"], "t.tsv:3: 'persons' is already in class 'people'"),
        (["\tpeople"], "t.tsv:2: empty class"),
    ],
)
def test_bad_synonym_rows_are_named(rows: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_synonyms(parse_table("\n".join(["class\tmembers", *rows]), "t.tsv", ["class", "members"]))
