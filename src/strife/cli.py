"""The `strife` command line: parse options, call the library, format output. Nothing else.

Errors become one line naming the input, the cause and the fix, with a non-zero exit.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

import strife
from strife.api import setting

EXIT_USAGE, EXIT_FAILED = 2, 1


def _fail(message: str, code: int = EXIT_FAILED) -> None:
    click.echo(f"strife: error: {message}", err=True)
    sys.exit(code)


def _about() -> str:
    return f"strife {strife.__version__}\n{strife.api.credits()}"


def _check_inputs(inputs: tuple[str, ...]) -> None:
    for name in inputs:
        if name != "-" and not os.path.lexists(name):
            _fail(f"input '{name}' does not exist; check the path (use '-' for standard input)", EXIT_USAGE)


def _report_rejections(rejections: list[strife.Rejection]) -> None:
    for r in rejections:
        click.echo(f"rejected {r.origin} [{r.stage}]: {r.reason}", err=True)


_inputs = click.argument("inputs", nargs=-1, required=True)
_workers = click.option("--workers", default=1, show_default=True, help="worker processes (one model each)")
_max_bytes = click.option(
    "--max-bytes", default=int(setting("STRIFE_MAX_BYTES")), show_default=True, type=click.IntRange(1, 2**40),
    help="largest single-article file to read; larger ones are rejected",
)  # fmt: skip
_db = click.option("--db", default=lambda: setting("STRIFE_DB"), show_default="strife.duckdb",
                   help="DuckDB store file")  # fmt: skip


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(strife.__version__, message=_about())
def main() -> None:
    """strife: dated news reports in, verifiable conflict and displacement events out."""


@main.command()
@_inputs
@click.option("--explain", is_flag=True, help="say per sentence why it was or was not coded")
@_workers
@_max_bytes
def extract(inputs: tuple[str, ...], explain: bool, workers: int, max_bytes: int) -> None:
    """Print one JSON line per article: {"id": ..., "events": [...]}. No store involved.

    INPUTS are files, folders (read recursively) or '-' for standard input.
    """
    _check_inputs(inputs)
    rejections: list[strife.Rejection] = []
    articles = 0
    coder = strife.Coder(explain=explain)
    for outcome in coder.extract_many(strife.read(inputs, max_bytes=max_bytes), workers=workers):
        if outcome.rejection is not None:
            rejections.append(outcome.rejection)
            continue
        assert outcome.article is not None
        articles += 1
        line: dict[str, Any] = {"id": outcome.article.id, "events": [e.to_dict() for e in outcome.events]}
        if explain:
            line["explain"] = [x.to_dict() for x in outcome.explanations]
        click.echo(json.dumps(line, ensure_ascii=False))
    _report_rejections(rejections)
    if articles == 0:
        _fail(
            f"no article could be read from {', '.join(inputs)} ({len(rejections)} rejected, reasons above)"
        )


@main.command()
@_inputs
@_db
@_workers
@_max_bytes
@click.option("--show", is_flag=True, help="print the stored events as a table afterwards")
def ingest(inputs: tuple[str, ...], db: str, workers: int, max_bytes: int, show: bool) -> None:
    """Extract events from INPUTS and store articles, events and rejections in the DuckDB store.

    Re-running on the same inputs adds nothing: articles are keyed by a hash of their text.
    """
    from tqdm import tqdm

    def progress(outcomes: Any) -> Any:
        return tqdm(outcomes, unit=" articles", disable=None, file=sys.stderr, mininterval=1.0)

    _check_inputs(inputs)
    with _open(db, write=True) as store:
        summary = store.ingest(list(inputs), workers=workers, max_bytes=max_bytes, progress=progress)
    rejections = summary.rejections
    _report_rejections(rejections)
    for origin in summary.duplicate_origins:
        click.echo(f"duplicate skipped: {origin} (the same text is already stored)", err=True)
    for _, reason in summary.not_merged:
        click.echo(f"not merged: {reason}", err=True)
    click.echo(
        f"articles read {summary.read}, stored {summary.stored}, "
        f"duplicates skipped {summary.duplicates}, "
        f"rejected {len(rejections)}, events {summary.events}, "
        f"occurrences updated {summary.occurrences} (store: {db})"
    )
    if show:
        click.echo(strife.api.format_table(_query(db, False, **dict.fromkeys(_FILTER_NAMES))))
    if summary.read == 0 and rejections:
        sys.exit(EXIT_FAILED)


_FILTER_NAMES = ("country", "admin1", "event_type", "since", "until", "actor")


def _filters(func: Any) -> Any:
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


def _open(db: str, *, write: bool = False) -> strife.Dataset:
    """The store at `db`, read-only unless `write` (so reading works beside a running server).

    A missing store (unless `write`, which creates it) or one that cannot open is a one-line error.
    """
    if not write and not Path(db).exists():
        _fail(
            f"store '{db}' does not exist; run 'strife ingest INPUT...' first or pass --db PATH", EXIT_USAGE
        )
    try:
        return strife.open_store(db) if write else _open_to_read(db)
    except strife.api.StoreError as error:
        _fail(str(error))
        raise  # unreachable: _fail exits


def _open_to_read(db: str) -> strife.Dataset:
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


def _query(db: str, per_report: bool = False, **f: Any) -> Iterator[strife.Event]:
    since: date | None = f["since"].date() if f["since"] else None
    until: date | None = f["until"].date() if f["until"] else None
    with _open(db) as store:
        yield from store.events(
            country=f["country"], admin1=f["admin1"], event_type=f["event_type"],
            since=since, until=until, actor=f["actor"], per_report=per_report,
        )  # fmt: skip


_per_report = click.option(
    "--per-report", is_flag=True,
    help="each article's own records, unmerged (default: one merged record per occurrence, CODEBOOK §9)",
)  # fmt: skip


@main.command()
@_db
@_filters
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True
)
@_per_report
def events(db: str, fmt: str, per_report: bool, **filters: Any) -> None:
    """Query the stored events: one merged record per occurrence, listing every source."""
    found = list(_query(db, per_report, **filters))
    if fmt == "table":
        click.echo(strife.api.format_table(found))
    else:
        strife.api.write_events(found, fmt, sys.stdout)


@main.command("export")
@_db
@_filters
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "acled-csv", "geojson", "parquet"]))  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="output file (required for parquet)")
@_per_report
def export_command(db: str, fmt: str, output: str | None, per_report: bool, **filters: Any) -> None:
    """Export stored events (one merged record per occurrence) as JSONL, CSV, ACLED CSV, GeoJSON, Parquet."""
    if fmt == "parquet" and not output:
        _fail("parquet is binary: pass --output FILE.parquet", EXIT_USAGE)
    found: Any = _query(db, per_report, **filters)
    if output:
        count = strife.api.write_events(found, fmt, Path(output))
        click.echo(f"{count} events written to {output}", err=True)
    else:
        strife.api.write_events(found, fmt, sys.stdout)


@main.command()
@_db
@click.argument("event_id", required=False)
def merges(db: str, event_id: str | None) -> None:
    """Show which stored records were merged into one event, and why.

    With EVENT_ID (an event's id or the id of one of the reports merged into it),
    only that event: its reports, their articles and source chains, and each decision.
    """
    with _open(db) as store:
        try:
            members, decisions = store.merges(event_id)
        except KeyError:
            _fail(f"no stored event '{event_id}'; list events with 'strife events --db {db}'", EXIT_USAGE)
            return
        if event_id is not None:
            click.echo(f"{len(members)} reports:")
            for member, article in members.items():
                click.echo(f"  {member}  (article {article})")
        click.echo(f"{len(decisions)} merge decisions:")
        for d in decisions:
            when = f"{d.at:%Y-%m-%d %H:%M:%S}" if d.at else "?"
            click.echo(f"  {when}  {d.event_id} -> {d.occurrence_id}  matched {d.matched}: {d.reason}")


@main.command()
@_db
@click.argument("article_ids", nargs=-1, required=True)
def delete(db: str, article_ids: tuple[str, ...]) -> None:
    """Remove stored articles with their events, chains and occurrences (what they shared is re-merged).

    ARTICLE_IDS are article ids as `strife events --format jsonl` lists them in `sources`.
    """
    with _open(db, write=True) as store:
        removed = store.delete(list(article_ids))
    if removed == 0:
        _fail(f"no stored article has the id(s) {', '.join(article_ids)}; nothing removed", EXIT_USAGE)
    click.echo(f"{removed} articles removed from {db}")


@main.command()
@_db
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="address to listen on (loopback by default)"
)
@click.option("--port", default=8000, show_default=True, type=int, help="port to listen on")
@click.option("--token", envvar="STRIFE_TOKEN", default=None,
              help="enable POST /api/articles for clients sending this bearer token")  # fmt: skip
@click.option("--allow-remote", is_flag=True,
              help="allow a --host that is not loopback (the API is then open to the network)")  # fmt: skip
def serve(db: str, host: str, port: int, token: str | None, allow_remote: bool) -> None:
    """Serve the dashboard and the JSON API over the store (read-only unless --token is given)."""
    from strife.web import serve as serve_app
    from strife.web.app import remote_check

    try:
        remote_check(host, allow_remote)  # its warning is logged by serve_app
    except ValueError as error:
        _fail(str(error), EXIT_USAGE)
    if not Path(db).exists():
        _fail(f"store '{db}' does not exist; run 'strife ingest INPUT... --db {db}' first", EXIT_USAGE)

    def opened() -> None:
        click.echo(
            f"strife: serving {db} on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True
        )

    try:
        serve_app(db, host=host, port=port, token=token, allow_remote=allow_remote, opened=opened)
    except strife.api.StoreError as error:
        _fail(str(error))
    except ValueError as error:
        _fail(str(error), EXIT_USAGE)


@main.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", is_flag=True, help="list each missed and spurious event with its evidence")
@click.option("--json", "as_json", is_flag=True, help="print the figures as JSON")
def eval_command(gold: tuple[str, ...], errors: bool, as_json: bool) -> None:
    """Score strife against gold files (news gold, IDMC or WikiEvents label sets)."""
    try:
        reports = strife.api.evaluate([Path(p) for p in gold])
    except ValueError as error:
        _fail(f"{error}", EXIT_USAGE)
        return
    for report in reports:
        click.echo(json.dumps(report.to_dict()) if as_json else report.format(errors=errors))


@main.command("train")
@click.option("--evaluate", "evaluate_only", is_flag=True, help="score the committed heads; do not retrain")
@click.option("--extra", type=click.Path(exists=True, dir_okay=False), help="a TSV of more training examples")
@click.option(
    "--out", type=click.Path(file_okay=False), help="folder to write the heads to (default: the package's)"
)
def train_command(evaluate_only: bool, extra: str | None, out: str | None) -> None:
    """Retrain the learned heads (sub-type, event-hood) from data/training/ and print held-out accuracy."""
    try:
        table = strife.api.train(
            evaluate_only=evaluate_only, extra=Path(extra) if extra else None, out=Path(out) if out else None
        )
    except ValueError as error:
        _fail(str(error), EXIT_USAGE)
        return
    click.echo(table)


@main.group()
def gazetteer() -> None:
    """Manage the offline gazetteer (GeoNames data)."""


@gazetteer.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def gazetteer_import(file: str) -> None:
    """Add a GeoNames dump (allCountries.txt or a country file) for village-level coverage."""
    try:
        added = strife.api.import_gazetteer(Path(file))
    except ValueError as error:
        _fail(f"{file}: {error}", EXIT_USAGE)
    click.echo(f"{added} places imported from {file}")


if __name__ == "__main__":
    main()
