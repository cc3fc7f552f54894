"""A brief as HTML (one self-contained page), Markdown (charts as files beside it, or inline), or
PDF (the HTML laid out by WeasyPrint: no browser involved).

    write_brief(brief, Path("sudan.pdf"))          # the format from the suffix
    brief.render("html")                           # bytes
"""

from __future__ import annotations

import base64
from importlib import resources
from pathlib import Path
from typing import Any

from strife.report import content
from strife.report.brief import Brief
from strife.report.charts import charts as draw_charts

FORMATS: tuple[str, ...] = ("html", "md", "pdf")
_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf"}
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
}


def title(brief: Brief) -> str:
    return f"{brief.request.place}: {brief.request.period}"


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def html(brief: Brief, charts: dict[str, str] | None = None) -> str:
    """The brief as one HTML page; `charts` maps `map`/`trend` to image sources (default: drawn
    now and inlined as data URIs, so the page stands alone)."""
    import jinja2
    from markupsafe import Markup

    if charts is None:
        charts = {name: data_uri(png) for name, png in draw_charts(brief).items()}
    folder = resources.files("strife.report").joinpath("templates")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = environment.from_string(folder.joinpath("brief.html.j2").read_text(encoding="utf-8"))
    return template.render(
        brief=brief,
        title=title(brief),
        css=Markup(folder.joinpath("brief.css").read_text(encoding="utf-8")),  # our own file, not input
        compare_label=_compare_label(brief),
        charts=charts,
        **_words(brief),
    )


def _compare_label(brief: Brief) -> str:
    return "previous period" if brief.request.compare == "previous" else "same period last year"


def _words(brief: Brief) -> dict[str, Any]:
    return {
        "summary": content.summary_sentence(brief),
        "headline": content.headline(brief),
        "disputed_share": content.disputed_share(brief),
        "notables": content.notables(brief),
        "contested": content.contested(brief),
        "methods": content.methods(brief),
        "number": content.number,
        "key": content.key,
    }


def pdf(brief: Brief, page: str | None = None) -> bytes:
    """The HTML brief (or `page`, an HTML brief already rendered) laid out as an A4 PDF."""
    from weasyprint import HTML

    document: bytes = HTML(string=page if page is not None else html(brief)).write_pdf()
    return document


def markdown(brief: Brief, charts: dict[str, str] | None = None) -> str:
    """The brief as Markdown; `charts` maps `map`/`trend` to image links (default: inline data URIs)."""
    from strife.report.markdown import markdown as write_markdown

    if charts is None:
        charts = {name: data_uri(png) for name, png in draw_charts(brief).items()}
    return write_markdown(brief, charts, _compare_label(brief))


def render(brief: Brief, fmt: str, *, charts: dict[str, str] | None = None) -> bytes:
    """The brief in `fmt` (html, md or pdf) as bytes."""
    if fmt == "html":
        return html(brief, charts).encode("utf-8")
    if fmt == "md":
        return markdown(brief, charts).encode("utf-8")
    if fmt == "pdf":
        return pdf(brief, html(brief, charts))
    raise ValueError(f"unknown brief format {fmt!r}; choose one of {', '.join(FORMATS)}")


def format_of(path: Path, fmt: str | None = None) -> str:
    """`fmt`, or the format the file's suffix names; ValueError when neither says."""
    found = fmt or _SUFFIXES.get(path.suffix.lower())
    if found not in FORMATS:
        raise ValueError(
            f"cannot tell the brief's format from '{path.name}'; pass --format html, md or pdf "
            "(or name the file .html, .md or .pdf)"
        )
    return found


def write_brief(brief: Brief, path: Path, fmt: str | None = None) -> list[Path]:
    """Write the brief to `path` in `fmt` (default: from the suffix); the files written. Markdown
    gets its charts as PNG files beside it (`NAME-map.png`, `NAME-trend.png`), linked relatively."""
    fmt = format_of(path, fmt)
    written = [path]
    if fmt == "md":
        links = {}
        for name, png in draw_charts(brief).items():
            image = path.with_name(f"{path.stem}-{name}.png")
            image.write_bytes(png)
            links[name] = image.name
            written.append(image)
        path.write_text(markdown(brief, links), encoding="utf-8")
    else:
        path.write_bytes(render(brief, fmt))
    return written
