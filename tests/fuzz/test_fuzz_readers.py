"""Property tests of the readers: random bytes, text and JSON never raise; every outcome is sound.

`sound` (conftest.py) is the check: an Article or a Rejection, storable strings, one-line
reasons, dates in range, and no reader error caught by the last-resort guard.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strife.ingest import parse_html, parse_scraped, read_inputs

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
Check = Callable[[object], None]
SUFFIXES = [".txt", ".jsonl", ".csv", ".tsv", ".html", ""]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
FIELD = st.sampled_from(["id", "text", "date", "url", "title", "outlet", "other"])
ROW = st.dictionaries(FIELD, JSON | st.text(max_size=200) | st.just("2024-03-09"), max_size=7)
# Prefixes that steer random text into the scraped header's branches.
SCRAPED = st.tuples(
    st.sampled_from(["", " date ", "date: ", "date 2024-03-09 ", "date 9999-12-31 ", "date १-"]),
    st.text(max_size=300),
).map("".join)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_any_bytes_in_a_file_of_any_kind(folder: Path, sound: Check, data: bytes, suffix: str) -> None:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    outcomes = list(read_inputs([path]))
    assert outcomes
    for item in outcomes:
        sound(item)


@FUZZ
@given(st.lists(JSON | ROW, min_size=1, max_size=8))
def test_every_jsonl_line_is_one_outcome(folder: Path, sound: Check, values: list[object]) -> None:
    path = folder / "rows.jsonl"
    path.write_text("".join(json.dumps(value) + "\n" for value in values), encoding="utf-8")
    outcomes = list(read_inputs([path]))
    assert [item.origin for item in outcomes] == [f"{path}:{n}" for n in range(1, len(values) + 1)]
    for item in outcomes:
        sound(item)


@FUZZ
@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["[", '{"a":', '{"text": [']))
def test_json_nested_at_any_depth_is_read_or_rejected(
    folder: Path, sound: Check, depth: int, opener: str
) -> None:
    closer = {"[": "]", '{"a":': "}", '{"text": [': "]"}[opener]
    path = folder / "deep.jsonl"
    line = '{"text": ' + opener * depth + "1" + closer * depth + "}"
    path.write_text(f'{line}\n{{"text": "after"}}\n', encoding="utf-8")
    outcomes = list(read_inputs([path]))
    assert len(outcomes) == 2 and getattr(outcomes[1], "text", None) == "after"
    for item in outcomes:
        sound(item)


@FUZZ
@given(st.lists(st.lists(st.text(max_size=80), min_size=1, max_size=5), max_size=6))
def test_csv_of_random_cells(folder: Path, sound: Check, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text", "date", "title"])
    writer.writerows(rows)
    path = folder / "rows.csv"
    try:
        path.write_bytes(buffer.getvalue().encode("utf-8"))
    except UnicodeEncodeError:  # a lone surrogate: no text a file could hold
        return
    for item in read_inputs([path]):
        sound(item)


@FUZZ
@given(SCRAPED)
def test_scraped_text(sound: Check, text: str) -> None:
    sound(parse_scraped(text, article_id="a", origin="a.txt"))


@settings(FUZZ, max_examples=50)
@given(st.text(max_size=500), st.sampled_from(["", "<html><body><article><p>", "<!doctype html><p>"]))
def test_html_markup(sound: Check, markup: str, opening: str) -> None:
    sound(parse_html(opening + markup, article_id="p", origin="p.html"))
