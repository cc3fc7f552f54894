"""`strife watch`: poll feeds and URLs on a schedule and ingest what is new.

Each poll opens the store, fetches, codes, stores and closes it again, so between polls the
store is free for `strife events`, `export` or a restarted `serve`. What was fetched is kept
in the store (feeds' validators, pages seen), so a restarted watch goes on where it stopped.
A poll that fails (the network, a busy store) is one line, and the next poll comes on time.
"""

from __future__ import annotations

import re
import sys
import time
from datetime import datetime
from pathlib import Path

import click

import strife
from strife.cli._base import EXIT_FAILED, EXIT_USAGE, db_option, fail, main, workers_option
from strife.cli.coding import (
    check_fetching,
    loaded_coder,
    progress_bar,
    report,
    server_of,
    server_options,
    summary_line,
)

_EVERY = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*", re.I)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """`15m`, `1h`, `90s`, `1d` (a bare number is minutes) as seconds; ValueError for anything else."""
    match = _EVERY.fullmatch(value)
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"--every {value!r} is not a period; give e.g. 90s, 15m, 1h or 1d")
    return float(match.group(1)) * _SECONDS[(match.group(2) or "m").lower()]


def poll_once(
    db: str,
    sources: tuple[str, ...],
    coder: strife.Coder | None,
    workers: int,
    server: strife.api.Server | None,
) -> bool:
    """One poll; False (after one line on stderr) when it could not run."""
    started = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    try:
        with strife.open_store(db) as store:
            result = store.poll(
                sources, coder=coder, workers=workers, progress=progress_bar(None), server=server
            )
    except strife.api.StoreError as error:
        click.echo(f"strife: poll at {started} skipped: {error}", err=True)
        return False
    except Exception as error:  # a bug or a fault below us: this poll is lost, the next one runs
        click.echo(f"strife: poll at {started} failed ({type(error).__name__}: {error})", err=True)
        return False
    report(result.ingest)
    ingested = summary_line(result.ingest, db, server=server.url if server else None)
    click.echo(
        f"poll {started}: sources {result.sources} (not modified {result.not_modified}), "
        f"pages fetched {result.pages} (to retry {result.retry}); {ingested}"
    )
    return True


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, help="time between polls: 90s, 15m, 1h, 1d")
@click.option("--once", is_flag=True, help="poll once and exit (for cron)")
@db_option
@workers_option
@server_options
def watch(
    sources: tuple[str, ...],
    every: str,
    once: bool,
    db: str,
    workers: int,
    server: str | None,
    token: str | None,
) -> None:
    """Poll SOURCES on a schedule and ingest what is new into the store.

    SOURCES are http(s) URLs of feeds (RSS, Atom, RDF) or pages, and files listing such URLs
    (one a line, or a CSV column named url), read again at every poll. Feeds are asked with
    conditional requests; a page already fetched is not fetched again. Ctrl-C stops. With
    --server, the articles are handed to that running server and --db keeps only what was
    fetched (give it a store of its own).
    """
    try:
        period = parse_every(every)
    except ValueError as error:
        fail(str(error), EXIT_USAGE)
        return
    missing = [s for s in sources if not s.startswith(("http://", "https://")) and not Path(s).is_file()]
    if missing:
        fail(f"source '{missing[0]}' is neither an http(s) URL nor a file of URLs; check it", EXIT_USAGE)
    check_fetching()
    running = server_of(server, token)
    coder = loaded_coder() if running is None else None
    try:
        while True:
            began = time.monotonic()
            done = poll_once(db, sources, coder, workers, running)
            if once:
                if not done:
                    sys.exit(EXIT_FAILED)
                return
            time.sleep(max(0.0, period - (time.monotonic() - began)))
    except KeyboardInterrupt:
        click.echo("strife: watch stopped", err=True)
