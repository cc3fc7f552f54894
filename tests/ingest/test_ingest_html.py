"""Saved HTML pages: main text and metadata by trafilatura, the date by htmldate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from strife.ingest import read_inputs
from strife.ingest.html import NO_PAGE_DATE, parse_html
from strife.records import Article, Rejection

BODY = (
    "<p>"
    + "Soldiers and militiamen exchanged fire for several hours in the hills, residents said. " * 4
    + "</p>"
)


def test_saved_page_gives_text_title_url_outlet_and_date(examples_dir: Path) -> None:
    (article,) = list(read_inputs([examples_dir / "kenya-nairobi-protest.html"]))
    assert isinstance(article, Article)
    assert (article.id, article.date, article.title, article.url, article.outlet) == (
        "kenya-nairobi-protest",
        date(2024, 6, 18),
        "Police fire tear gas at tax protesters in Nairobi",
        "https://daily.example.org/kenya/2024/06/18/nairobi-tax-protest",
        "Example Daily",
    )


def test_saved_page_text_leaves_out_navigation_and_footer(examples_dir: Path) -> None:
    (article,) = list(read_inputs([examples_dir / "kenya-nairobi-protest.html"]))
    assert isinstance(article, Article)
    assert "fired tear gas and water cannon" in article.text
    assert "All rights reserved" not in article.text and "Most read" not in article.text


def test_page_without_a_date_has_none_and_a_note() -> None:
    markup = f"<html><head><title>Clashes</title></head><body><article>{BODY}</article></body></html>"
    article = parse_html(markup, article_id="p", origin="p.html")
    assert isinstance(article, Article)
    assert (article.date, article.date_note) == (None, NO_PAGE_DATE)


def test_page_date_comes_from_its_meta_tag() -> None:
    markup = (
        '<html><head><meta name="date" content="2021-04-05"><title>Clashes</title></head>'
        f"<body><article>{BODY}</article></body></html>"
    )
    article = parse_html(markup, article_id="p", origin="p.html")
    assert isinstance(article, Article) and article.date == date(2021, 4, 5)


def test_page_without_article_text_is_rejected() -> None:
    rejection = parse_html(
        "<html><body><script>var a = 1;</script><img src=a.png></body></html>",
        article_id="p",
        origin="p.html",
    )
    assert isinstance(rejection, Rejection)
    assert (rejection.stage, rejection.article_id) == ("read", "p")
    assert "no article text" in rejection.reason


def test_txt_holding_html_is_sniffed_as_a_page(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(f"<!doctype html><html><body><article>{BODY}</article></body></html>", encoding="utf-8")
    (article,) = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.text.startswith("Soldiers and militiamen") and "<p>" not in article.text
