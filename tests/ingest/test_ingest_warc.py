"""Web archives written by the tests with warcio: HTML responses are articles, the rest is accounted for."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from localsite import page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from strife.ingest import ReadOptions, read_inputs
from strife.ingest.warc import WARC_DATE_NOTE
from strife.records import Article, Rejection

UNDATED = page(
    "Gunmen kill five in Zamfara",
    ["Gunmen killed five villagers in an attack on a village in Zamfara state on Tuesday, police said."],
)
DATED = page(
    "Tear gas in Nairobi",
    ["Police fired tear gas at hundreds of protesters in Nairobi on Wednesday as demonstrations spread."],
    published="2024-05-08",
)


def response(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             status: str = "200 OK", when: str = "2024-05-09T06:00:00Z") -> None:  # fmt: skip
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": when}
    )
    writer.write_record(record)


def archive(path: Path, gzip: bool) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "127.0.0.1")], is_http_request=True)
        writer.write_record(writer.create_warc_record("http://127.0.0.1/a", "request", http_headers=request))
        response(writer, "http://127.0.0.1/a", UNDATED)
        response(writer, "http://127.0.0.1/b", DATED)
        response(writer, "http://127.0.0.1/logo.png", b"\x89PNG....", "image/png")
        response(writer, "http://127.0.0.1/old", b"", status="301 Moved Permanently")
        response(writer, "http://127.0.0.1/empty", b"<html><body></body></html>")
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_are_articles_dated_by_the_page_else_the_warc_record(
    tmp_path: Path, name: str
) -> None:
    found = list(read_inputs([archive(tmp_path / name, gzip=name.endswith(".gz"))]))
    articles = [x for x in found if isinstance(x, Article)]
    assert [a.url for a in articles] == ["http://127.0.0.1/a", "http://127.0.0.1/b"]
    assert articles[0].date == date(2024, 5, 9) and articles[0].date_note == WARC_DATE_NOTE
    assert articles[1].date == date(2024, 5, 8) and articles[1].date_note is None
    assert articles[0].origin == f"{tmp_path / name}:3"
    rejections = [x for x in found if isinstance(x, Rejection)]
    assert [r.origin for r in rejections] == [f"{tmp_path / name}:7", str(tmp_path / name)]
    assert "no article text" in rejections[0].reason
    assert (
        rejections[1].reason == "2 response records are not HTML pages of HTTP 200 (image/png 1, HTTP 301 1)"
    )


def test_a_warc_in_a_folder_is_read(tmp_path: Path) -> None:
    archive(tmp_path / "crawl.warc.gz", gzip=True)
    assert sum(isinstance(x, Article) for x in read_inputs([tmp_path])) == 2


def test_a_page_over_the_byte_limit_is_a_rejection(tmp_path: Path) -> None:
    path = archive(tmp_path / "crawl.warc.gz", gzip=True)
    found = list(read_inputs([path], ReadOptions(max_bytes=len(UNDATED) - 1)))
    assert any(isinstance(x, Rejection) and "over the" in x.reason for x in found)


def test_a_truncated_archive_keeps_what_came_before_and_says_where_it_stopped(tmp_path: Path) -> None:
    path = archive(tmp_path / "crawl.warc.gz", gzip=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    found = list(read_inputs([path]))
    assert isinstance(found[0], Article)
    assert isinstance(found[-1], Rejection) and found[-1].origin == str(path)


def test_a_gzip_encoded_chunked_payload_is_decoded(tmp_path: Path) -> None:
    """As crawlers store answers: the HTTP body as sent, gzip-encoded and chunked."""
    import gzip

    packed = gzip.compress(UNDATED)
    chunked = f"{len(packed):x}\r\n".encode() + packed + b"\r\n0\r\n\r\n"
    path = tmp_path / "cc-news.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        fields = [
            ("Content-Type", "text/html"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
        ]
        headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "http://127.0.0.1/a", "response", payload=BytesIO(chunked), http_headers=headers
        )
        writer.write_record(record)
    [article] = read_inputs([path])
    assert isinstance(article, Article) and "Gunmen killed five villagers" in article.text
