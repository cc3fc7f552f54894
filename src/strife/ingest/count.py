"""How many outcomes reading some inputs will give, counted cheaply beforehand, for a progress bar's total.

A file is one article, a JSONL file one per non-empty line, a CSV/TSV file one per line after
the header, a folder the sum of what it holds (each skipped entry is a rejection, which counts
too). The count of a collection is an estimate (a quoted CSV cell may span lines); standard
input, URLs and web archives cannot be counted without reading them, and give None.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from strife.ingest.walk import SUFFIX_KINDS, WARC_ENDINGS, walk
from strife.records import Rejection


def count_articles(inputs: Iterable[str | Path]) -> int | None:
    """The number of articles and rejections `inputs` will give, or None when it cannot be known."""
    total = 0
    for item in inputs:
        name = str(item)
        if name == "-" or name.startswith(("http://", "https://")):
            return None
        path = Path(item)
        entries: Iterable[Path | Rejection] = walk(path) if path.is_dir() else [path]
        for entry in entries:
            found = 1 if isinstance(entry, Rejection) else _count_file(entry)
            if found is None:
                return None
            total += found
    return total


def _count_file(path: Path) -> int | None:
    if path.name.lower().endswith(WARC_ENDINGS):
        return None
    kind = SUFFIX_KINDS.get(path.suffix.lower())
    if kind not in ("jsonl", "csv", "tsv"):
        return 1
    try:
        lines = _lines(path)
    except OSError:
        return 1  # the reader will report it, as one rejection
    return max(1, lines - (0 if kind == "jsonl" else 1))


def _lines(path: Path) -> int:
    """Lines of a file holding more than whitespace."""
    with path.open("rb") as stream:
        return sum(1 for line in stream if not line.isspace())
