"""The progress bar's total: articles and rejections counted before reading, None when unknowable."""

from __future__ import annotations

from pathlib import Path

from strife.ingest import read_inputs
from strife.ingest.count import count_articles


def test_files_rows_and_folders_are_counted_as_reading_gives_them(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(" date 2024-05-07 Troops clashed with rebels near Goma.")
    (tmp_path / "rows.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}')
    (tmp_path / "rows.csv").write_text("text,date\nfirst,2024-05-07\nsecond,2024-05-07\n")
    (tmp_path / "skipped.pdf").write_bytes(b"%PDF")
    assert count_articles([tmp_path]) == 1 + 3 + 2 + 1
    assert count_articles([tmp_path]) == len(
        list(
            read_inputs(
                [tmp_path],
            )
        )
    )


def test_stdin_urls_and_archives_cannot_be_counted(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    assert count_articles(["-"]) is None
    assert count_articles(["https://news.example.org/feed.xml"]) is None
    assert count_articles([tmp_path]) is None
