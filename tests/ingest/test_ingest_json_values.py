"""JSONL lines and values of the wrong kind: each is one row's rejection or a dropped field, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strife.ingest import read_inputs
from strife.records import Article, Rejection

TEXT = "Rebels seized a town near the border, residents said."
GOOD = json.dumps({"id": "ok", "text": TEXT})


def _read_lines(tmp_path: Path, *lines: str) -> list[Article | Rejection]:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return list(read_inputs([path]))


@pytest.mark.parametrize(
    ("line", "reason_part"),
    [
        ("[" * 1000 + "]" * 1000, "nested too deep"),
        ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deep"),
        ('{"id": 1' + "0" * 5000 + ', "text": "x"}', "cannot be read (ValueError"),
        ('{"text": "unterminated', "broken JSON line"),
    ],
)
def test_a_line_json_cannot_decode_is_rejected_and_the_file_goes_on(
    tmp_path: Path, line: str, reason_part: str
) -> None:
    items = _read_lines(tmp_path, GOOD, line, GOOD)
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article"]
    rejection = items[1]
    assert isinstance(rejection, Rejection) and rejection.origin.endswith("rows.jsonl:2")
    assert reason_part in rejection.reason and len(rejection.reason.splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [([1, 2], "a list"), ({"p": TEXT}, "an object"), (5, "a number"), (2.5, "a number"), (True, "a boolean")],
)
def test_text_that_is_not_a_string_is_rejected_saying_what_it_holds(
    tmp_path: Path, text: object, kind: str
) -> None:
    (rejection,) = _read_lines(tmp_path, json.dumps({"id": "r", "text": text}))
    assert isinstance(rejection, Rejection) and rejection.article_id == "r"
    assert f"no text in column 'text' (it holds {kind}, not a string)" in rejection.reason


@pytest.mark.parametrize(("value", "expected"), [(77, "77"), (-3, "-3"), (" r-1 ", "r-1"), ("", "rows-1")])
def test_id_is_a_string_or_an_integer_as_its_digits(tmp_path: Path, value: object, expected: str) -> None:
    (article,) = _read_lines(tmp_path, json.dumps({"id": value, "text": TEXT}))
    assert isinstance(article, Article) and article.id == expected


@pytest.mark.parametrize(
    ("value", "kind"), [([1, 2], "a list"), ({"a": 1}, "an object"), (7.5, "a number"), (False, "a boolean")]
)
def test_id_of_another_kind_is_rejected(tmp_path: Path, value: object, kind: str) -> None:
    (rejection,) = _read_lines(tmp_path, json.dumps({"id": value, "text": TEXT}))
    assert isinstance(rejection, Rejection) and rejection.article_id == "rows-1"
    assert rejection.reason.startswith(f"column 'id' holds {kind}, not a string or an integer")


@pytest.mark.parametrize("field", ["url", "title", "outlet"])
@pytest.mark.parametrize("value", [["x"], {"a": "b"}, 42, True])
def test_descriptive_field_that_is_not_a_string_is_dropped(tmp_path: Path, field: str, value: object) -> None:
    (article,) = _read_lines(tmp_path, json.dumps({"id": "r", "text": TEXT, field: value}))
    assert isinstance(article, Article) and getattr(article, field) is None


@pytest.mark.parametrize(("value", "kind"), [(20240309, "a number"), (["2024-03-09"], "a list")])
def test_date_that_is_not_a_string_is_rejected(tmp_path: Path, value: object, kind: str) -> None:
    (rejection,) = _read_lines(tmp_path, json.dumps({"id": "r", "text": TEXT, "date": value}))
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith(f"column 'date' holds {kind}, not a date")


def test_lone_surrogates_in_strings_become_replacement_characters(tmp_path: Path) -> None:
    line = '{"id": "s\\ud800", "title": "T\\udfff", "text": "Shelling \\ud83d resumed."}'
    (article,) = _read_lines(tmp_path, line)
    assert isinstance(article, Article)
    assert (article.id, article.title, article.text) == ("s\ufffd", "T\ufffd", "Shelling \ufffd resumed.")


def test_surrogate_pairs_stay_the_character_they_encode(tmp_path: Path) -> None:
    (article,) = _read_lines(tmp_path, '{"text": "Flag \\ud83c\\uddf8\\ud83c\\udde9 raised."}')
    assert isinstance(article, Article) and article.text == "Flag 🇸🇩 raised."
