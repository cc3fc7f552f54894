"""The one reader of the coding-knowledge tables under src/strife/data/.

Every table follows one convention, so a domain expert edits them all the same way:

- a line starting with ``#`` is a comment, a blank line is skipped;
- the first other line is the header: the column names, separated by tabs;
- every later line is a row, its cells separated by tabs, one cell per column (a row may
  leave off trailing columns the loader declares optional).

A mistake is reported as ``file:line: what is wrong`` (a `DataFileError`), naming the
columns or kinds that would be right, so a broken edit fails loudly where it was made:
an unknown or missing column, a row with the wrong number of cells, and, where the
loader declares the kinds a table may hold, an unknown kind.

This module imports nothing else of strife: any stage may use it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


class DataFileError(ValueError):
    """A data file that breaks the table convention; the message starts with `file:line:`."""


@dataclass(frozen=True)
class Row:
    """One row of a table: its cells by column name, and where it was read."""

    source: str
    line: int
    cells: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"

    def error(self, what: str) -> DataFileError:
        """An error about this row, for a loader's own checks (`raise row.error("...")`)."""
        return DataFileError(f"{self.where}: {what}")


def data_file(name: str) -> Traversable:
    """The shipped data file `name` (a path under src/strife/data/, e.g. "places/aliases.tsv")."""
    return resources.files("strife").joinpath("data", *name.split("/"))


def read_table(
    name_or_path: str | Path | Traversable,
    columns: Sequence[str],
    kinds: Collection[str] | None = None,
    *,
    optional: Collection[str] = (),
    kind_column: str = "kind",
) -> list[Row]:
    """The rows of a table: a name under src/strife/data/ ("triggers.tsv") or a path.

    `columns` are the columns the loader reads; the header must name each of them and no
    other. A row may leave off trailing columns named in `optional` (they read as "").
    With `kinds`, the `kind_column` cell of every row must be one of them.
    """
    source = data_file(name_or_path) if isinstance(name_or_path, str) else name_or_path
    text = source.read_text(encoding="utf-8")
    return parse_table(text, str(source), columns, kinds, optional=optional, kind_column=kind_column)


def parse_table(
    text: str,
    source: str,
    columns: Sequence[str],
    kinds: Collection[str] | None = None,
    *,
    optional: Collection[str] = (),
    kind_column: str = "kind",
) -> list[Row]:
    """`read_table` on a text already read; `source` names it in errors."""
    lines = _content(text)
    header_line = next(lines, None)
    if header_line is None:
        raise DataFileError(f"{source}:1: no header line; expected the columns {_tabbed(columns)}")
    number, line = header_line
    header = [name.strip() for name in line.split("\t")]
    unknown = [name for name in header if name not in columns]
    missing = [name for name in columns if name not in header]
    if unknown or missing or len(set(header)) != len(header):
        what = "; ".join(
            part
            for part in (
                f"unknown column {', '.join(map(repr, unknown))}" if unknown else "",
                f"missing column {', '.join(map(repr, missing))}" if missing else "",
                "a column named twice" if len(set(header)) != len(header) else "",
            )
            if part
        )
        raise DataFileError(f"{source}:{number}: {what}; expected the header {_tabbed(columns)}")
    if kinds is not None and kind_column not in header:
        raise DataFileError(f"{source}:{number}: no {kind_column!r} column; expected {_tabbed(columns)}")
    least = len(header)
    while least > 0 and header[least - 1] in optional:
        least -= 1
    rows = []
    for number, line in lines:
        cells = line.split("\t")
        if not least <= len(cells) <= len(header):
            wanted = f"{len(header)}" if least == len(header) else f"{least} to {len(header)}"
            raise DataFileError(
                f"{source}:{number}: {len(cells)} cells, expected {wanted} ({_tabbed(header)}): {line!r}"
            )
        row = Row(source, number, dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
        kind = row[kind_column].strip() if kinds is not None else ""
        if kinds is not None and kind not in kinds:
            raise row.error(f"unknown {kind_column} {kind!r}; expected one of {', '.join(sorted(kinds))}")
        rows.append(row)
    return rows


def _content(text: str) -> Iterator[tuple[int, str]]:
    # split on newlines only: str.splitlines would also break a cell at \x1c or \u2028
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if line.startswith("#") or not line.strip():
            continue
        yield number, line


def _tabbed(columns: Sequence[str]) -> str:
    return "'" + "<TAB>".join(columns) + "'"
