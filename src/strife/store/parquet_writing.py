"""A store's tables written as a Parquet dataset (`strife ingest --engine ray --output DIR`).

Each table with rows goes under `DIR.partial/`: `events/` and `occurrences/` partitioned by
country and month of the event date (`country=C/month=YYYY-MM/`), `articles/` by month of
the article's date, the others in one folder each; merging's MinHash index is left out
(nothing reads it). `strife.json` is written last, then `DIR.partial` takes the place of
`DIR`, so a killed run leaves the previous dataset whole. `strife.store.parquet_dataset`
reads it back.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from strife.store.parquet_dataset import FORMAT, MANIFEST, sql_literal
from strife.store.schema import Connection, current_version
from strife.store.store import Store

# Tables the read code never touches: merging's MinHash index (rebuilt by any store that folds
# these records again), and `meta`, which the reader makes from its own schema.
_LEFT_OUT = ("article_bands", "article_signatures", "meta")
# Extra columns to partition by, computed from a table's own: the folders readers prune by.
_MONTH = "coalesce(strftime({column}, '%Y-%m'), 'unknown')"
_PARTITIONS = {
    "events": ("country", _MONTH.format(column="event_date")),
    "occurrences": ("country", _MONTH.format(column="event_date")),
    "articles": (None, _MONTH.format(column="date")),
}


def write_dataset(store: Store, output: Path, about: dict[str, Any]) -> dict[str, int]:
    """Write the store's tables under `output` (replacing a dataset there); rows written per table."""
    partial = output.with_name(output.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    con = store.cursor()
    try:
        rows = {table: _write_table(con, table, partial / table) for table in _tables(con)}
    finally:
        con.close()
    written = {table: count for table, count in rows.items() if count}
    manifest = {
        "format": FORMAT, "schema_version": current_version(), "tables": sorted(written),
        "rows": written, "merged": True, **about,
    }  # fmt: skip
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    if output.exists():
        shutil.rmtree(output)
    partial.rename(output)
    return written


def _tables(con: Connection) -> list[str]:
    found = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_schema = 'main' ORDER BY table_name"
    ).fetchall()
    return [name for (name,) in found if name not in _LEFT_OUT]


def _write_table(con: Connection, table: str, folder: Path) -> int:
    row = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    count = int(row[0]) if row else 0
    if not count:
        return 0  # the reader gives a table the dataset lacks as the schema's empty one
    country, month = _PARTITIONS.get(table, (None, None))
    if month is None:
        folder.mkdir()
        con.execute(f'COPY "{table}" TO {sql_literal(str(folder / "data.parquet"))} (FORMAT PARQUET)')
        return count
    keys = ["country", "month"] if country else ["month"]
    con.execute(
        f'COPY (SELECT *, {month} AS month FROM "{table}") TO {sql_literal(str(folder))} '
        f"(FORMAT PARQUET, PARTITION_BY ({', '.join(keys)}))"
    )
    return count
