"""Origins and ids made from file names are valid UTF-8 text, whatever bytes the name holds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from strife.ingest import read_inputs
from strife.ingest.text import path_text
from strife.records import Article, Rejection

GOOD = b" date 2024-03-09 Troops and rebels clashed near the border town."


def _named(folder: Path, raw_name: bytes) -> Path:
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + raw_name))
    path.write_bytes(GOOD)
    return path


@pytest.mark.parametrize(
    ("raw_name", "shown"),
    [
        (b"caf\xe9.txt", "caf\\xe9"),  # Latin-1 name
        (b"\xff\xfe.txt", "\\xff\\xfe"),
        (b"r\xc3\xa9fugi\xc3\xa9s.txt", "réfugiés"),  # UTF-8 stays as it is
        (b"two\nlines.txt", "two\\nlines"),  # a newline would split the report line
    ],
)
def test_origin_and_id_of_an_odd_file_name_are_printable_utf8(
    tmp_path: Path, raw_name: bytes, shown: str
) -> None:
    path = _named(tmp_path, raw_name)
    (article,) = read_inputs([path])
    assert isinstance(article, Article)
    assert article.id == shown and article.origin == f"{path_text(tmp_path)}/{shown}.txt"
    assert article.origin.encode("utf-8") and article.id.encode("utf-8")


def test_odd_names_in_a_folder_are_read_with_printable_origins(tmp_path: Path) -> None:
    _named(tmp_path, b"a-caf\xe9.txt")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Police dispersed a protest."}) + "\n")
    jsonl = Path(os.fsdecode(os.fsencode(tmp_path) + b"/c-\xe9.jsonl"))
    jsonl.write_text(json.dumps({"text": "A convoy was ambushed."}) + "\n")
    origins = [item.origin or "" for item in read_inputs([tmp_path])]
    assert [origin.removeprefix(str(tmp_path)) for origin in origins] == [
        "/a-caf\\xe9.txt",
        "/b.jsonl:1",
        "/c-\\xe9.jsonl:1",
    ]
    assert all(origin.encode("utf-8") for origin in origins)


def test_rejection_of_an_odd_name_has_a_printable_origin(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/empty-\xe9.txt"))
    path.write_bytes(b"")
    (rejection,) = read_inputs([path])
    assert isinstance(rejection, Rejection)
    assert rejection.origin.endswith("/empty-\\xe9.txt") and rejection.article_id == "empty-\\xe9"
