"""A Parquet dataset (`strife ingest --engine ray --output DIR`) opened as a read-only Store.

DIR holds a folder of Parquet files per store table (`events/country=C/month=M/*.parquet`,
`evidence/*.parquet`, ...) and `strife.json`, written last, which marks it finished and
says which schema version its tables have. Opening builds an in-memory DuckDB with every
table of the store's schema: each one DIR holds is a view over its files (hive partition
folders read back as columns), with the store's column names and types; the others are
empty tables. So the store's read code (events, occurrences, exports, the web API) runs
unchanged, and nothing is read from the files until a query needs it.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from strife.store.schema import Connection, StoreError, current_version, migrate
from strife.store.store import Store

MANIFEST = "strife.json"
FORMAT = "strife-parquet"


class ParquetStore(Store):
    """A read-only Store over a Parquet dataset folder; writing to it fails (its tables are views)."""

    def __init__(self, folder: str | Path) -> None:
        super().__init__(folder, read_only=True)

    def _connect(self) -> None:
        self._con = connect_views(Path(self.path))


def open_parquet(folder: str | Path) -> ParquetStore:
    """The dataset at `folder` as a read-only Store; StoreError (one line, with the fix) if it is none."""
    store = ParquetStore(folder)
    store._connect()
    return store


def manifest(folder: Path) -> dict[str, object]:
    """The dataset's `strife.json`; StoreError when the folder holds no finished dataset."""
    path = folder / MANIFEST
    if not folder.is_dir():
        raise StoreError(
            f"Parquet dataset '{folder}' does not exist; write one with "
            f"`strife ingest INPUT... --engine ray --output {folder}`"
        )
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(
            f"'{folder}' is not a finished strife Parquet dataset (no readable {MANIFEST}: {error}); "
            f"write it with `strife ingest INPUT... --engine ray --output {folder}`"
        ) from error
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        raise StoreError(f"'{path}' is not the manifest of a strife Parquet dataset (format '{FORMAT}')")
    if found.get("schema_version") != current_version():
        raise StoreError(
            f"Parquet dataset '{folder}' has schema version {found.get('schema_version')}, this strife reads "
            f"{current_version()}; write it again with this strife (the shards are reused)"
        )
    return found


def connect_views(folder: Path) -> Connection:
    """An in-memory DuckDB shaped like a store, its tables read from the dataset at `folder`."""
    listed = manifest(folder).get("tables")
    tables = {str(name) for name in listed} if isinstance(listed, list) else set()
    con = duckdb.connect(":memory:")
    try:
        # The store's schema, built in a scratch catalog, gives each table's columns and types.
        con.execute("ATTACH ':memory:' AS shape")
        con.execute("USE shape")
        migrate(con, where=str(folder))
        con.execute("USE memory")
        columns: dict[str, list[tuple[str, str]]] = {}
        for table, column, kind in con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_catalog = 'shape' ORDER BY table_name, ordinal_position"
        ).fetchall():
            columns.setdefault(table, []).append((column, kind))
        for table, shape in columns.items():
            if table in tables:
                con.execute(f'CREATE VIEW "{table}" AS {_select(folder / table, shape)}')
            else:  # not in the dataset (meta, review, fetching): as the schema has it, with its rows
                con.execute(f'CREATE TABLE "{table}" AS FROM shape.main."{table}"')
        con.execute("DETACH shape")
    except BaseException:
        con.close()
        raise
    return con


def _select(folder: Path, shape: list[tuple[str, str]]) -> str:
    # Views cannot take parameters: the path is an SQL string literal. Partition values are read
    # as text (no guessing that a country is a number) and cast to the store's types like the rest.
    files = sql_literal(str(folder / "**" / "*.parquet"))
    casts = ", ".join(f'CAST("{name}" AS {kind}) AS "{name}"' for name, kind in shape)
    return (
        f"SELECT {casts} FROM read_parquet({files}, hive_partitioning = true, "
        "hive_types_autocast = false, union_by_name = true)"
    )


def sql_literal(text: str) -> str:
    """`text` as an SQL string literal (for statements that take no parameters: COPY, views)."""
    return "'" + text.replace("'", "''") + "'"
