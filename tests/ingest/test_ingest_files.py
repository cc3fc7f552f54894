"""Dispatch over paths, folders and stdin; every kind of bad input becomes one Rejection."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from strife.ingest import DEFAULT_OPTIONS, ReadOptions, read_inputs
from strife.records import Article, Rejection

GOOD = b" date 2024-03-09 Troops and rebels clashed near the border town."
# Bytes that are not UTF-8 and in which charset-normalizer recognises no language.
UNDECODABLE = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF, 0xFE, 0xFA]) * 20


def _read(*paths: Path | str, options: ReadOptions = DEFAULT_OPTIONS) -> list[Article | Rejection]:
    return list(read_inputs(paths, options))


@pytest.mark.parametrize(
    ("content", "stage", "reason_part"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "decode", "binary"),
        (b"Fighting \x00 resumed", "decode", "binary"),
        (UNDECODABLE, "decode", "re-save the file as UTF-8"),
        ("Réfugiés fled ".encode() + b"\xff\xfe" + b" the town.", "decode", "not valid utf-8"),
        (b"", "read", "empty file"),
        (b"  \n\t\r\n  ", "read", "only whitespace"),
        (b" date 2024-02-31 Shelling hit a market.", "read", "'2024-02-31'"),
        (b" date 2024-02-03", "read", "no article text"),
    ],
)
def test_bad_file_is_one_rejection_with_its_reason(
    tmp_path: Path, content: bytes, stage: str, reason_part: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    (rejection,) = _read(path)
    assert isinstance(rejection, Rejection)
    assert (rejection.origin, rejection.stage, rejection.article_id) == (str(path), stage, "report")
    assert reason_part in rejection.reason and "\n" not in rejection.reason


def test_missing_file_is_a_rejection(tmp_path: Path) -> None:
    (rejection,) = _read(tmp_path / "gone.txt")
    assert isinstance(rejection, Rejection)
    assert (rejection.stage, rejection.reason) == ("read", "no such file; check the path")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_rejection(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(GOOD)
    path.chmod(0)
    (rejection,) = _read(path)
    assert isinstance(rejection, Rejection) and "cannot read" in rejection.reason


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_single_article_over_max_bytes_is_rejected_by_its_size(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"long{suffix}"
    path.write_bytes(GOOD + b" More." * 200)
    (rejection,) = _read(path, options=ReadOptions(max_bytes=1000))
    assert isinstance(rejection, Rejection)
    assert f"file is {path.stat().st_size} bytes" in rejection.reason and "max_bytes" in rejection.reason


def test_text_file_id_is_the_file_stem_and_origin_the_path(tmp_path: Path) -> None:
    path = tmp_path / "2024_kivu-report.txt"
    path.write_bytes(GOOD)
    (article,) = _read(path)
    assert isinstance(article, Article)
    assert (article.id, article.origin, article.date) == ("2024_kivu-report", str(path), date(2024, 3, 9))


@pytest.mark.parametrize(
    ("data", "encoding_name"),
    [
        (" date 2024-03-09 Les réfugiés ont quitté la ville à cause des combats, a déclaré l'élu.", "cp1252"),
        (" date 2024-03-09 Беженцы покинули город из-за боёв, сообщили местные власти.", "cp1251"),
        (" date 2024-03-09 Les réfugiés ont quitté la ville.", "utf-16"),
        (" date 2024-03-09 Les réfugiés ont quitté la ville.", "utf-8-sig"),
    ],
)
def test_other_encodings_are_decoded(tmp_path: Path, data: str, encoding_name: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_bytes(data.encode(encoding_name))
    (article,) = _read(path, options=ReadOptions(english_only=False))  # decoding, not the language check
    assert isinstance(article, Article)
    assert article.text == data.removeprefix(" date 2024-03-09 ")


def test_txt_holding_jsonl_is_read_as_a_collection(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(json.dumps({"id": "j1", "text": "A convoy was ambushed."}) + "\n", encoding="utf-8")
    (article,) = _read(path)
    assert isinstance(article, Article) and article.id == "j1"


def test_folder_mixing_good_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_bytes(GOOD)
    (tmp_path / "b-scan.txt").write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    (tmp_path / "c-empty.txt").write_bytes(b"")
    (tmp_path / "d-encoding.txt").write_bytes(UNDECODABLE)
    good_row = json.dumps({"id": "row-ok", "text": "Police dispersed a protest."})
    (tmp_path / "e-batch.jsonl").write_text(f'{good_row}\n{{"id": "row-bad", "text": \n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f-nested.txt").write_bytes(GOOD)
    items = _read(tmp_path)
    articles = [item.id for item in items if isinstance(item, Article)]
    rejections = {Path(item.origin).name: item.reason for item in items if isinstance(item, Rejection)}
    assert articles == ["a-good", "row-ok", "f-nested"]
    assert sorted(rejections) == ["b-scan.txt", "c-empty.txt", "d-encoding.txt", "e-batch.jsonl:2"]
    assert "binary" in rejections["b-scan.txt"] and "broken JSON" in rejections["e-batch.jsonl:2"]


def test_folder_skips_hidden_files_silently(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes(GOOD)
    (tmp_path / ".draft.txt").write_bytes(GOOD)
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_bytes(GOOD)
    assert [item.id for item in _read(tmp_path)] == ["report"]


def test_folder_is_read_in_sorted_order_recursively(tmp_path: Path) -> None:
    for name in ["c.txt", "a.txt", "b/z.txt", "b/y.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(GOOD)
    assert [getattr(item, "id", None) for item in _read(tmp_path)] == ["a", "y", "z", "c"]


def test_named_file_of_any_suffix_is_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(GOOD)
    (article,) = _read(path)
    assert isinstance(article, Article) and article.id == "notes"


@pytest.mark.parametrize(
    ("data", "expected_id", "expected_date"),
    [
        (GOOD, "stdin", date(2024, 3, 9)),
        (b'{"id": "s1", "date": "2023-01-02", "text": "Rebels shelled a camp."}\n', "s1", date(2023, 1, 2)),
        (b'{"text": "Rebels shelled a camp."}\n', "stdin-1", None),
        (
            b"<!DOCTYPE html><html><head><title>T</title></head><body><article><p>"
            + b"Gunmen attacked a police post overnight and killed two officers, officials said. " * 4
            + b"</p></article></body></html>",
            "stdin",
            None,
        ),
    ],
)
def test_stdin_is_sniffed_and_read(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected_id: str, expected_date: date | None
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (article,) = _read("-")
    assert isinstance(article, Article)
    assert (article.id, article.date) == (expected_id, expected_date)
    assert article.origin is not None and article.origin.startswith("<stdin>")


def test_examples_folder_reads_with_zero_rejections(examples_dir: Path) -> None:
    items = _read(examples_dir)
    assert [item for item in items if isinstance(item, Rejection)] == []
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) >= 12
    assert len({article.id for article in articles}) == len(articles)
    assert all(article.date is not None for article in articles)
