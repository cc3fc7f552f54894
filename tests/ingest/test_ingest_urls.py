"""Files of URLs: one a line, a CSV column by its header, GDELT's header-less TSV; lines without a URL."""

from __future__ import annotations

from pathlib import Path

from strife.ingest.urls import parse_url_list, read_url_list

A, B = "https://news.example.org/2024/05/07/a", "http://ledger.example.net/b?id=2"


def test_one_url_a_line_with_comments_and_blank_lines() -> None:
    assert parse_url_list(f"# my outlets\n{A}\n\n  {B}  \n", "list.txt") == ([A, B], [])


def test_a_csv_column_named_url_is_read_by_its_header() -> None:
    text = f'title,URL,when\n"Clashes, again",{A},2024-05-07\nNo link,,2024-05-07\nTear gas,{B},2024-05-08\n'
    urls, rejections = parse_url_list(text, "list.csv")
    assert urls == [A, B]
    assert [r.origin for r in rejections] == ["list.csv:3"] and "no http(s) URL" in rejections[0].reason


def test_a_headerless_tab_separated_file_gives_the_first_url_of_each_row() -> None:
    text = f"1170\t20240507\tNGA\t{A}\n1171\t20240507\tKEN\t{B}\n"
    assert parse_url_list(text, "gdelt.export.CSV") == ([A, B], [])


def test_read_url_list_reads_a_file_and_refuses_a_binary_one(tmp_path: Path) -> None:
    listed = tmp_path / "urls.txt"
    listed.write_text(f"{A}\n{B}\n", encoding="utf-8")
    assert read_url_list(listed) == ([A, B], [])
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\x00\x01\x02")
    urls, [rejection] = read_url_list(blob)
    assert urls == [] and rejection.stage == "decode"


def test_a_missing_list_is_a_rejection(tmp_path: Path) -> None:
    urls, [rejection] = read_url_list(tmp_path / "nope.txt")
    assert urls == [] and "no such file" in rejection.reason
