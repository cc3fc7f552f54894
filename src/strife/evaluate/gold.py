"""Gold files: JSONL rows of one of three shapes, told apart by their fields.

- "news": FORMAT.md rows, with an `events` list (strife's own gold).
- "idmc": `source` "idmc", or `labels` with figure/term/unit (IDMC displacement labels).
- "wikievents": `labels.events` (WikiEvents event and argument annotation).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from strife.ingest.byline import dated_from_print
from strife.records import Article

KINDS = ("news", "idmc", "wikievents")


@dataclass(frozen=True)
class GoldSet:
    """The rows of one gold file and the kind of labels they carry."""

    path: Path
    kind: str
    rows: tuple[dict[str, Any], ...]

    def articles(self) -> Iterator[Article]:
        """One Article per row: id, text exactly as in the row, date (ISO, else the one the text
        prints near its top, else None), url."""
        for number, row in enumerate(self.rows, start=1):
            origin = f"{self.path}:{number}"
            try:
                day = date.fromisoformat(row["date"]) if row.get("date") else None
            except ValueError as error:
                raise ValueError(f"{origin}: date {row['date']!r} is not ISO (YYYY-MM-DD): {error}") from None
            note = None
            if day is None:  # as the readers do: the date the page prints near its top, if any
                day, note = dated_from_print(row["text"], "no date in the gold row")
            yield Article(
                id=str(row["id"]),
                text=row["text"],
                date=day,
                url=row.get("url"),
                origin=origin,
                date_note=note,
            )


def row_kind(row: dict[str, Any]) -> str | None:
    """The kind of one row, or None when its shape is none of the known ones."""
    labels = row.get("labels")
    if isinstance(row.get("events"), list):
        return "news"
    if isinstance(labels, dict) and isinstance(labels.get("events"), list):
        return "wikievents"
    if row.get("source") == "idmc" or (
        isinstance(labels, dict) and {"figure", "term", "unit"} & labels.keys()
    ):
        return "idmc"
    return None


def load_gold(path: Path) -> GoldSet:
    """Reads a gold JSONL file; every row must have an id, a text and one known shape."""
    path = Path(path)
    rows: list[dict[str, Any]] = []
    kinds: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{where}: not valid JSON ({error.msg}); gold files are JSONL") from None
            if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
                raise ValueError(f"{where}: a gold row must be an object with an 'id' and a 'text'")
            kind = row_kind(row)
            if kind is None:
                raise ValueError(
                    f"{where}: unknown gold shape (fields {sorted(row)}); "
                    f"expected one of {', '.join(KINDS)}: "
                    "an 'events' list (news, see FORMAT.md), 'labels' with figure/term/unit (idmc) "
                    "or 'labels.events' (wikievents)"
                )
            kinds.add(kind)
            rows.append(row)
    if not rows:
        raise ValueError(f"{path}: no gold rows; expected one JSON object per line")
    if len(kinds) > 1:
        raise ValueError(
            f"{path}: rows of several kinds ({', '.join(sorted(kinds))}); keep one kind per file"
        )
    return GoldSet(path=path, kind=kinds.pop(), rows=tuple(rows))
