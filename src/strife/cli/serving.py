"""`strife serve`: the dashboard and the JSON API over a store."""

from __future__ import annotations

from pathlib import Path

import click

import strife
from strife.cli._base import EXIT_USAGE, db_option, fail, main, parquet_option


@main.command()
@db_option
@parquet_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="address to listen on (loopback by default)"
)
@click.option("--port", default=8000, show_default=True, type=int, help="port to listen on")
@click.option("--token", envvar="STRIFE_TOKEN", default=None,
              help="enable POST /api/articles for clients sending this bearer token")  # fmt: skip
@click.option("--allow-remote", is_flag=True,
              help="allow a --host that is not loopback (the API is then open to the network)")  # fmt: skip
def serve(db: str, parquet: str | None, host: str, port: int, token: str | None, allow_remote: bool) -> None:
    """Serve the dashboard and the JSON API over the store (read-only unless --token is given), or
    over the Parquet dataset of a Ray run (--parquet DIR, read-only)."""
    from strife.web import serve as serve_app
    from strife.web.app import remote_check

    try:
        remote_check(host, allow_remote)  # its warning is logged by serve_app
    except ValueError as error:
        fail(str(error), EXIT_USAGE)
    if parquet is not None and token is not None:
        fail("--parquet serves a read-only dataset: leave --token (and STRIFE_TOKEN) out", EXIT_USAGE)
    if parquet is None and not Path(db).exists():
        fail(f"store '{db}' does not exist; run 'strife ingest INPUT... --db {db}' first", EXIT_USAGE)
    source = parquet or db

    def opened() -> None:
        click.echo(
            f"strife: serving {source} on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True
        )

    try:
        serve_app(
            source, host=host, port=port, token=token, allow_remote=allow_remote, opened=opened,
            parquet=parquet is not None,
        )  # fmt: skip
    except strife.api.StoreError as error:
        fail(str(error))
    except ValueError as error:
        fail(str(error), EXIT_USAGE)
