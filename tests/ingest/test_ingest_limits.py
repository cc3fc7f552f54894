"""One article's size: bytes before reading, characters before parsing, quickly and with the limit named."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from strife.ingest import ReadOptions, parse_html, parse_scraped, read_inputs
from strife.ingest.limits import MAX_CHARS, SPACY_MAX_CHARS
from strife.records import Article, Rejection

SENTENCE = "Troops and rebels clashed near the border town, officials said. "


def test_the_character_limit_is_below_spacys() -> None:
    assert ReadOptions().max_chars == MAX_CHARS < SPACY_MAX_CHARS


@pytest.mark.parametrize("suffix", [".txt", ".text", ""])
def test_text_file_over_the_character_limit_is_rejected_before_parsing(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"long{suffix}"
    text = " date 2024-03-09 " + "é" * 1_100_000  # 2.2 MB: under the byte limit, over the character one
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    (rejection,) = read_inputs([path])
    assert time.perf_counter() - started < 2
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith(
        f"text is {len(text)} characters, over the {MAX_CHARS}-character limit"
    )


@pytest.mark.parametrize(("length", "accepted"), [(100, True), (101, False)])
def test_the_character_limit_is_inclusive(length: int, accepted: bool) -> None:
    outcome = parse_scraped("x" * length, article_id="a", origin="a.txt", max_chars=100)
    assert isinstance(outcome, Article) is accepted


def test_jsonl_row_over_the_character_limit_is_rejected_and_the_file_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    rows = [{"text": "Short one."}, {"text": SENTENCE * 100}, {"text": "Short two."}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    items = list(read_inputs([path], ReadOptions(max_chars=1000)))
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article"]
    assert "over the 1000-character limit" in items[1].reason  # type: ignore[union-attr]


def test_csv_row_over_the_character_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f'id,text\na,"{SENTENCE * 100}"\n', encoding="utf-8")
    (rejection,) = read_inputs([path], ReadOptions(max_chars=1000))
    assert isinstance(rejection, Rejection) and "1000-character limit" in rejection.reason


def test_html_limit_counts_the_extracted_text_not_the_markup() -> None:
    page = (
        "<html><head><title>T</title><script>" + "var a = 1;" * 500 + "</script></head>"
        f"<body><article><p>{SENTENCE * 4}</p></article></body></html>"
    )
    assert isinstance(parse_html(page, article_id="p", origin="p.html", max_chars=1000), Article)
    too_long = page.replace(SENTENCE * 4, SENTENCE * 40)
    rejection = parse_html(too_long, article_id="p", origin="p.html", max_chars=1000)
    assert isinstance(rejection, Rejection) and "1000-character limit" in rejection.reason


def test_the_byte_limit_still_refuses_a_file_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(SENTENCE.encode() * 100)
    (rejection,) = read_inputs([path], ReadOptions(max_bytes=1000))
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith(f"file is {path.stat().st_size} bytes, over the 1000-byte limit")


@pytest.mark.parametrize("options", [{"max_bytes": 0}, {"max_chars": -1}, {"max_bytes": 2**63}])
def test_a_limit_that_is_no_size_is_refused(options: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="give a size from 1 to"):
        ReadOptions(**options)  # type: ignore[arg-type]
