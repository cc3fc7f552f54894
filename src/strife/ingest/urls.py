"""Files of URLs: one URL a line, or a column of a CSV/TSV file (GDELT's lists, a sitemap export).

Which column: a header cell named one of `URL_COLUMNS` (case-insensitive), else, in each
row, the first cell that is an http(s) URL (GDELT's event files have no header and the
URL in their last column). Blank lines and `#` comments are skipped; a line with no URL
is a Rejection naming its line, and the lines after it go on.
"""

from __future__ import annotations

import csv
from pathlib import Path

from strife.ingest.decode import DecodeError, decode_document
from strife.ingest.text import path_text, quoted
from strife.ingest.walk import open_regular
from strife.records import Rejection

URL_COLUMNS = ("url", "link", "sourceurl", "source_url", "documentidentifier", "loc")
MAX_LIST_BYTES = 256 * 1024 * 1024


def read_url_list(path: str | Path) -> tuple[list[str], list[Rejection]]:
    """The URLs listed in the file at `path`, in order, and a Rejection for each line without one."""
    name = path_text(path)
    try:
        opened = open_regular(Path(path))
    except OSError as exc:
        return [], [Rejection(name, "read", f"cannot read the URL list ({exc.strerror}); check the path")]
    if isinstance(opened, str):
        return [], [Rejection(name, "read", opened)]
    stream, size = opened
    with stream:
        if size > MAX_LIST_BYTES:
            return [], [Rejection(name, "read", f"URL list is {size} bytes; split it into files of 256 MiB")]
        data = stream.read()
    try:
        text = decode_document(data)
    except DecodeError as exc:
        return [], [Rejection(name, "decode", exc.reason)]
    return parse_url_list(text, name)


def parse_url_list(text: str, name: str) -> tuple[list[str], list[Rejection]]:
    """`read_url_list` on the file's text; `name` makes the Rejections' origins (name:line)."""
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1)]
    lines = [(number, line) for number, line in lines if line and not line.startswith("#")]
    if all(_is_url(line) for _number, line in lines):
        return [line for _number, line in lines], []
    delimiter = "\t" if any("\t" in line for _number, line in lines[:5]) else ","
    column = None
    if lines:
        header = [cell.strip().lower() for cell in next(csv.reader([lines[0][1]], delimiter=delimiter))]
        column = next((header.index(name) for name in URL_COLUMNS if name in header), None)
        if column is not None:
            lines = lines[1:]
    urls: list[str] = []
    rejections: list[Rejection] = []
    for number, line in lines:
        cells = [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter), [])]
        if column is not None:
            found = cells[column] if column < len(cells) and _is_url(cells[column]) else None
        else:
            found = next((cell for cell in cells if _is_url(cell)), None)
        if found is None:
            reason = f"no http(s) URL on the line ({quoted(line)}); give one URL a line or a 'url' column"
            rejections.append(Rejection(f"{name}:{number}", "read", reason))
        else:
            urls.append(found)
    return urls, rejections


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://")) and not any(char.isspace() for char in value)
