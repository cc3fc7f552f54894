"""What every command shares: the `main` group, common options, one-line failures, store opening.

Errors become one line naming the input, the cause and the fix, with a non-zero exit.
"""

from __future__ import annotations

import difflib
import os
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

import strife
from strife.api import setting

EXIT_USAGE, EXIT_FAILED = 2, 1


def fail(message: str, code: int = EXIT_FAILED) -> None:
    click.echo(f"strife: error: {message}", err=True)
    sys.exit(code)


def about() -> str:
    return f"strife {strife.__version__}\n{strife.api.credits()}"


def check_inputs(inputs: tuple[str, ...]) -> None:
    for name in inputs:
        if name != "-" and not name.startswith(("http://", "https://")) and not os.path.lexists(name):
            fail(f"input '{name}' does not exist; check the path (use '-' for standard input)", EXIT_USAGE)


def report_rejections(rejections: list[strife.Rejection]) -> None:
    for r in rejections:
        click.echo(f"rejected {r.origin} [{r.stage}]: {r.reason}", err=True)


inputs_argument = click.argument("inputs", nargs=-1, required=True)
workers_option = click.option(
    "--workers", default=1, show_default=True, help="worker processes (one model each)"
)
max_bytes_option = click.option(
    "--max-bytes", default=int(setting("STRIFE_MAX_BYTES")), show_default=True, type=click.IntRange(1, 2**40),
    help="largest single-article file to read; larger ones are rejected",
)  # fmt: skip
db_option = click.option("--db", default=lambda: setting("STRIFE_DB"), show_default="strife.duckdb",
                   help="DuckDB store file")  # fmt: skip


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(strife.__version__, message=about())
def main() -> None:
    """strife: dated news reports in, verifiable conflict and displacement events out."""


FILTER_NAMES = ("country", "admin1", "event_type", "since", "until", "actor")


def filter_options(func: Any) -> Any:
    options = [
        click.option("--country", help="country name, e.g. Afghanistan"),
        click.option("--admin1", help="province or state"),
        click.option("--type", "event_type", help="event type, e.g. Battles"),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="first event date (YYYY-MM-DD)"),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="last event date (YYYY-MM-DD)"),
        click.option("--actor", help="part of an actor's name"),
    ]
    for option in reversed(options):
        func = option(func)
    return func


parquet_option = click.option(
    "--parquet", metavar="DIR", default=None, type=click.Path(file_okay=False),
    help="read the Parquet dataset of `strife ingest --engine ray --output DIR` instead of --db",
)  # fmt: skip


def open_dataset(db: str, *, write: bool = False, parquet: str | None = None) -> strife.Dataset:
    """The store at `db`, read-only unless `write` (so reading works beside a running server); with
    `parquet`, the Parquet dataset in that folder instead (read-only).

    A missing store (unless `write`, which creates it) or one that cannot open is a one-line error.
    """
    if parquet is not None:
        try:
            return strife.api.open_parquet(parquet)
        except strife.api.StoreError as error:
            fail(str(error), EXIT_USAGE)
            raise  # unreachable: fail exits
    if not write and not Path(db).exists():
        fail(f"store '{db}' does not exist; run 'strife ingest INPUT...' first or pass --db PATH", EXIT_USAGE)
    try:
        return strife.open_store(db) if write else open_to_read(db)
    except strife.api.StoreError as error:
        fail(str(error))
        raise  # unreachable: fail exits


def open_to_read(db: str) -> strife.Dataset:
    try:
        return strife.open_store(db, read_only=True)
    except strife.api.StoreNeedsMigration as old:
        # An older store is migrated by one writing open, as every command did before reads were
        # read-only; if another process holds it, the migration's own message says what to do.
        try:
            strife.open_store(db).close()
        except strife.api.StoreError as error:
            raise old from error
        return strife.open_store(db, read_only=True)


def query(db: str, per_report: bool = False, parquet: str | None = None, **f: Any) -> Iterator[strife.Event]:
    with open_dataset(db, parquet=parquet) as store:
        yield from filtered(store, per_report, **f)


def filtered(store: strife.Dataset, per_report: bool = False, **f: Any) -> Iterator[strife.Event]:
    """The events of an open store that pass the filter options' values."""
    since: date | None = f["since"].date() if f["since"] else None
    until: date | None = f["until"].date() if f["until"] else None
    return store.events(
        country=f["country"], admin1=f["admin1"], event_type=f["event_type"],
        since=since, until=until, actor=f["actor"], per_report=per_report,
    )  # fmt: skip


def terminal_width() -> int:
    """The terminal's width (the COLUMNS setting wins); 120 when the output is not a terminal."""
    return shutil.get_terminal_size(fallback=(120, 24)).columns


# The filters that name a stored value, and the option that sets each.
NAMED_FILTERS = (("country", "--country"), ("admin1", "--admin1"), ("event_type", "--type"))


def no_match_hint(db: str, per_report: bool, parquet: str | None = None, **filters: Any) -> str:
    """Why a query found nothing, when a named filter matches no stored value: the closest
    values the store has (difflib), else some it has; else that the filters together match nothing."""
    given = [(name, option, filters[name]) for name, option in NAMED_FILTERS if filters.get(name)]
    if not given:
        return "no stored events match these filters"
    stored: dict[str, set[str]] = {name: set() for name, _, _ in given}
    with open_dataset(db, parquet=parquet) as store:
        for event in store.events(per_report=per_report):
            for name in stored:
                value = getattr(event, name)
                if value:
                    stored[name].add(value)
    for name, option, value in given:
        known = {known.casefold(): known for known in stored[name]}
        if value.casefold() in known:
            continue
        # names that hold what was typed ("Khyber"), then those spelled alike ("Sudn")
        holding = sorted(name for name in known if value.casefold() in name)
        alike = difflib.get_close_matches(value.casefold(), list(known), n=3, cutoff=0.6)
        close = list(dict.fromkeys(holding + alike))[:3]
        if close:
            suggestions = " or ".join(known[c] for c in close)
            return f"no stored event has {option} '{value}'; did you mean {suggestions}?"
        some = sorted(stored[name])
        listed = ", ".join(some[:10]) + (f" and {len(some) - 10} more" if len(some) > 10 else "")
        return f"no stored event has {option} '{value}'; the store has {listed or 'none'}"
    return "no stored events match these filters together"


per_report_option = click.option(
    "--per-report", is_flag=True,
    help="each article's own records, unmerged (default: one merged record per occurrence, CODEBOOK §9)",
)  # fmt: skip
