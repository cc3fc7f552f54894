"""JSONL and CSV collections: ids, column mapping, dates, bad rows, streaming."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from strife.ingest import DEFAULT_OPTIONS, ReadOptions, read_inputs
from strife.records import Article, Rejection


def _write_jsonl(path: Path, rows: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _read(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> list[Article | Rejection]:
    return list(read_inputs([path], options))


def test_jsonl_rows_keep_their_ids_and_fields(tmp_path: Path) -> None:
    row = {
        "id": "r-1",
        "date": "2024-03-09",
        "url": "https://example.org/a",
        "title": "Clashes",
        "outlet": "Example",
        "text": "Troops clashed with rebels.",
    }
    (article,) = _read(_write_jsonl(tmp_path / "batch.jsonl", [row]))
    assert article == Article(
        id="r-1",
        text="Troops clashed with rebels.",
        date=date(2024, 3, 9),
        url="https://example.org/a",
        title="Clashes",
        outlet="Example",
        origin=f"{tmp_path / 'batch.jsonl'}:1",
    )


@pytest.mark.parametrize(
    ("row", "expected_id"),
    [
        ({"text": "A market was shelled."}, "batch-2"),
        ({"id": "", "text": "A market was shelled."}, "batch-2"),
        ({"id": 77, "text": "A market was shelled."}, "77"),
    ],
)
def test_row_id_is_its_own_else_stem_and_line(
    tmp_path: Path, row: dict[str, object], expected_id: str
) -> None:
    path = _write_jsonl(tmp_path / "batch.jsonl", [{"id": "first", "text": "Police made arrests."}, row])
    assert [item.id for item in _read(path) if isinstance(item, Article)] == ["first", expected_id]


def test_gold_style_row_keeps_id_and_ignores_extra_keys(tmp_path: Path) -> None:
    row = {"id": "news-x-1", "date": None, "text": "Gunmen attacked a bus.", "events": [{"event_type": "x"}]}
    (article,) = _read(_write_jsonl(tmp_path / "gold.jsonl", [row]))
    assert isinstance(article, Article)
    assert (article.id, article.date, article.date_note) == ("news-x-1", None, "no date in input")


def test_columns_are_mapped_by_options(tmp_path: Path) -> None:
    row = {"key": "k9", "body": "A bridge was blown up.", "published": "2023-05-01", "link": "https://x.org"}
    options = ReadOptions(columns={"id": "key", "text": "body", "date": "published", "url": "link"})
    (article,) = _read(_write_jsonl(tmp_path / "c.jsonl", [row]), options)
    assert isinstance(article, Article)
    assert (article.id, article.text, article.date, article.url) == (
        "k9",
        "A bridge was blown up.",
        date(2023, 5, 1),
        "https://x.org",
    )


def test_row_without_date_takes_it_from_a_date_header_in_its_text(tmp_path: Path) -> None:
    row = {"id": "h", "text": " date 2022-05-14 Families fled the valley."}
    (article,) = _read(_write_jsonl(tmp_path / "h.jsonl", [row]))
    assert isinstance(article, Article)
    assert (article.date, article.text) == (date(2022, 5, 14), "Families fled the valley.")


def test_row_date_wins_over_the_header_which_is_still_removed(tmp_path: Path) -> None:
    row = {"id": "h", "date": "2022-05-15", "text": " date 2022-05-14 Families fled the valley."}
    (article,) = _read(_write_jsonl(tmp_path / "h.jsonl", [row]))
    assert isinstance(article, Article)
    assert (article.date, article.text) == (date(2022, 5, 15), "Families fled the valley.")


@pytest.mark.parametrize(
    ("line", "reason_part"),
    [
        ('{"id": "b", "text": "unterminated', "broken JSON line"),
        ('["a list"]', "not an object"),
        ('{"id": "b", "title": "no text here"}', "no text"),
        ('{"id": "b", "text": "   "}', "no text"),
        ('{"id": "b", "text": 5}', "no text"),
        ('{"id": "b", "date": "14 May 2022", "text": "Shots were fired."}', "'14 May 2022'"),
        ('{"id": "b", "text": " date 2022-31-01 Shots were fired."}', "'2022-31-01'"),
    ],
)
def test_bad_jsonl_line_is_one_rejection_and_the_file_goes_on(
    tmp_path: Path, line: str, reason_part: str
) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": "Rebels seized a town."})
    path.write_text(f"{good}\n{line}\n\n{good}\n", encoding="utf-8")
    items = _read(path)
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article"]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert rejection.origin == f"{path}:2" and reason_part in rejection.reason


def test_row_over_max_bytes_is_rejected_and_the_file_goes_on(tmp_path: Path) -> None:
    rows = [{"text": "Short one."}, {"text": "x" * 5000}, {"text": "Short two."}]
    items = _read(_write_jsonl(tmp_path / "big.jsonl", rows), ReadOptions(max_bytes=1000))
    assert [getattr(item, "text", None) for item in items] == ["Short one.", None, "Short two."]
    assert "1000-byte limit" in items[1].reason  # type: ignore[union-attr]


def test_undecodable_line_is_rejected_and_the_file_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    good = json.dumps({"text": "Réfugiés fled Goma."}, ensure_ascii=False).encode()
    path.write_bytes(good + b"\n" + b'{"text": "bad \xff\xfe byte"}\n' + good + b"\n")
    items = _read(path)
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article"]
    assert items[1].stage == "decode"  # type: ignore[union-attr]


def test_reading_is_lazy_the_rest_of_the_file_is_read_as_iteration_goes(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "stream.jsonl", [{"text": "First report."}, {"text": "Second report."}])
    items = read_inputs([path])
    first = next(items)
    with path.open("a", encoding="utf-8") as handle:  # written after the first article was read
        handle.write(json.dumps({"text": "Third report."}) + "\n")
    rest = list(items)
    assert [getattr(item, "text", None) for item in [first, *rest]] == [
        "First report.",
        "Second report.",
        "Third report.",
    ]


def test_csv_rows_with_quoted_multiline_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(
        'id,date,text,extra\nc1,2024-01-02,"Line one.\nLine two.",x\n,2024-01-03,Plain text,y\n',
        encoding="utf-8",
    )
    items = _read(path)
    assert [(item.id, item.text, item.origin) for item in items if isinstance(item, Article)] == [
        ("c1", "Line one.\nLine two.", f"{path}:2"),
        ("feed-4", "Plain text", f"{path}:4"),
    ]


def test_tsv_is_read_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "feed.tsv"
    path.write_text("id\ttext\tdate\nt1\tA drone struck a depot.\t2023-09-09\n", encoding="utf-8")
    (article,) = _read(path)
    assert isinstance(article, Article)
    assert (article.id, article.date) == ("t1", date(2023, 9, 9))


def test_csv_without_text_column_is_one_rejection_naming_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("id,body\n1,Some text\n2,More text\n", encoding="utf-8")
    (rejection,) = _read(path)
    assert isinstance(rejection, Rejection)
    assert "'text'" in rejection.reason and "body" in rejection.reason


def test_csv_bad_row_is_rejected_and_the_file_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("id,date,text\na,2024-01-01,Good.\nb,someday,Bad date.\nc,,No date.\n", encoding="utf-8")
    items = _read(path)
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article"]
    assert items[1].origin == f"{path}:3"


def test_csv_oversized_row_is_rejected_and_the_file_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(f"id,text\na,Short.\nb,{'y' * 3000}\nc,Also short.\n", encoding="utf-8")
    items = _read(path, ReadOptions(max_bytes=500))
    assert [type(item).__name__ for item in items] == ["Article", "Rejection", "Article"]


@pytest.mark.parametrize("content", ["", "\n\n", "id,text\n"])
def test_collection_without_rows_is_one_rejection(tmp_path: Path, content: str) -> None:
    suffix = ".csv" if content.startswith("id") else ".jsonl"
    path = tmp_path / f"none{suffix}"
    path.write_text(content, encoding="utf-8")
    (rejection,) = _read(path)
    assert isinstance(rejection, Rejection)


def test_dev_gold_files_read_whole_with_their_ids(shared: Path) -> None:
    path = shared / "eval" / "dev" / "news_dev.jsonl"
    ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = _read(path)
    assert [item.id for item in items if isinstance(item, Article)] == ids
