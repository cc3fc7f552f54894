"""Parquet files written through an in-memory DuckDB: typed columns, nested lists of structs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb


def write_columns(column_types: Mapping[str, str], chunks: Iterable[Sequence[list[Any]]], path: Path) -> int:
    """Write rows to a Parquet file at `path`; return how many.

    `column_types` maps each column to its DuckDB type, in file order; each chunk
    holds one list of values per column (all of one length), so a chunk is one
    statement whatever its number of rows.
    """
    names = list(column_types)
    quoted = ", ".join(f'"{n}"' for n in names)
    count = 0
    with duckdb.connect() as con:
        columns = ", ".join(f'"{n}" {kind}' for n, kind in column_types.items())
        con.execute(f"CREATE TABLE rows ({columns})")
        selects = ", ".join(f"unnest(${i + 1})" for i in range(len(names)))
        for chunk in chunks:
            con.execute(f"INSERT INTO rows ({quoted}) SELECT {selects}", list(chunk))
            count += len(chunk[0]) if chunk else 0
        # COPY takes no parameters; the path is quoted as an SQL string literal.
        target = str(path).replace("'", "''")
        con.execute(f"COPY rows TO '{target}' (FORMAT PARQUET)")
    return count
