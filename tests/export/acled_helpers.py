"""Reading back the ACLED CSV the export writes (shared by the ACLED export tests)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from strife.export import export
from strife.records import Event


def acled_rows(
    tmp_path: Path, events: list[Event], left_out: Counter[str] | None = None
) -> list[dict[str, str]]:
    path = tmp_path / "acled.csv"
    export(events, "acled-csv", path, left_out=left_out)
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))
