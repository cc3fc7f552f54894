"""Tables of `word<TAB>kind` rows (modality cues, displacement cues, figure cues): {kind: words}."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from strife.tables import Row


def read_word_kinds(
    name: str, path: Path | None = None, kinds: Sequence[str] | None = None
) -> dict[str, frozenset[str]]:
    """The rows of data/<name> (or of `path`), words lower-cased, grouped by kind.

    Lines starting with # and blank lines are skipped. With `kinds`, a row that lacks a word
    or names another kind is an error naming the file and line; without, such rows are skipped.
    """
    source: Path | Traversable = path or resources.files("strife.data").joinpath(name)
    table: dict[str, set[str]] = defaultdict(set)
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("#") or not line.strip():
                continue
            cells = [cell.strip() for cell in line.rstrip("\n").split("\t")]
            word, kind = (cells[0], cells[1]) if len(cells) >= 2 else (cells[0], "")
            if kinds is not None and (not word or kind not in kinds):
                raise ValueError(
                    f"{source}:{number}: unknown kind {kind!r} for {word!r}; expected 'word<TAB>kind', "
                    f"kind one of {', '.join(kinds)}"
                )
            if word and kind:
                table[kind].add(word.lower())
    return {kind: frozenset(words) for kind, words in table.items()}


def group_by_kind(rows: Sequence[Row], word: str = "phrase") -> dict[str, frozenset[str]]:
    """{kind: words} of rows read by `strife.tables.read_table`, words lower-cased; an empty
    word is an error naming the file and line."""
    table: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if not row[word].strip():
            raise row.error(f"empty {word}")
        table[row["kind"].strip()].add(row[word].strip().lower())
    return {kind: frozenset(words) for kind, words in table.items()}
