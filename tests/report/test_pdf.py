"""The PDF brief (WeasyPrint) turned into page images with pypdfium2 and checked: the pages exist,
are not blank, hold the charts, and their text carries the headline numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from report_helpers import expected_summary

import strife
from strife.report import Brief


def _pages(pdf: Path, out: Path) -> list[tuple[str, int, float]]:
    """Each page's text, number of images, and share of non-white pixels; the PNGs go to `out`."""
    found = []
    document = pdfium.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number]
            image = page.render(scale=1).to_pil().convert("L")
            image.save(out / f"page-{number + 1}.png")
            inked = sum(image.histogram()[:200]) / (image.width * image.height)
            images = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))
            found.append((page.get_textpage().get_text_range(), images, inked))
    finally:
        document.close()
    return found


@pytest.fixture(scope="module")
def sudan(example_store: Path) -> Brief:
    with strife.open_store(example_store, read_only=True) as store:
        return store.report(country="Sudan", since=date(2024, 2, 1), until=date(2024, 5, 31))


def test_pdf_pages_hold_charts_and_the_headline_numbers(
    sudan: Brief, example_store: Path, tmp_path: Path
) -> None:
    pdf = sudan.write(tmp_path / "sudan.pdf")[0]
    assert pdf.read_bytes().startswith(b"%PDF-")
    pages = _pages(pdf, tmp_path)
    assert 2 <= len(pages) <= 8
    assert all(inked > 0.005 for _, _, inked in pages), "a blank page"
    assert sum(images for _, images, _ in pages) == 2  # the map and the trend chart
    assert pages[0][1] >= 1  # the map is on the first page, beside the headline
    first = " ".join(pages[0][0].split())
    assert "Sudan: 2024-02-01 to 2024-05-31" in first
    assert expected_summary(example_store, "Sudan", date(2024, 2, 1), date(2024, 5, 31)) in first
    text = " ".join(" ".join(t.split()) for t, _, _ in pages)
    assert "Military Forces of Sudan" in text and "Methods" in text and "page 1 of" in text
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_an_empty_period_is_one_page_saying_so(example_store: Path, tmp_path: Path) -> None:
    with strife.open_store(example_store, read_only=True) as store:
        brief = store.report(country="Kenya", since=date(2025, 1, 6), until=date(2025, 1, 12))
    pages = _pages(brief.write(tmp_path / "kenya.pdf")[0], tmp_path)
    assert len(pages) == 1 and pages[0][1] == 0
    assert "No events in this period" in " ".join(pages[0][0].split())
