"""The `strife` command line: parse options, call the library, format output. Nothing else.

Errors become one line naming the input, the cause and the fix, with a non-zero exit.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from strife import __version__
from strife.records import Article, Rejection
from strife.resources import Resources, setting

EXIT_USAGE, EXIT_FAILED = 2, 1


def _fail(message: str, code: int = EXIT_FAILED) -> None:
    click.echo(f"strife: error: {message}", err=True)
    sys.exit(code)


def _about() -> str:
    from strife.resolve.places import CREDIT

    return f"strife {__version__}\n{CREDIT}"


def _read(inputs: tuple[str, ...], max_bytes: int) -> Iterator[Article | Rejection]:
    from strife.ingest import ReadOptions, read_inputs

    for name in inputs:
        if name != "-" and not Path(name).exists():
            _fail(f"input '{name}' does not exist; check the path (use '-' for standard input)", EXIT_USAGE)
    return read_inputs(inputs, ReadOptions(max_bytes=max_bytes))


def _report_rejections(rejections: list[Rejection]) -> None:
    for r in rejections:
        click.echo(f"rejected {r.origin} [{r.stage}]: {r.reason}", err=True)


_inputs = click.argument("inputs", nargs=-1, required=True)
_workers = click.option("--workers", default=1, show_default=True, help="worker processes (one model each)")
_max_bytes = click.option(
    "--max-bytes", default=int(setting("STRIFE_MAX_BYTES")), show_default=True,
    help="largest single-article file to read; larger ones are rejected",
)  # fmt: skip
_db = click.option("--db", default=lambda: setting("STRIFE_DB"), show_default="strife.duckdb",
                   help="DuckDB store file")  # fmt: skip


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, message=_about())
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
    from strife.runner import run

    rejections: list[Rejection] = []
    articles = 0
    for outcome in run(_read(inputs, max_bytes), Resources(), workers=workers, focus=not explain):
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

    from strife.service import ingest as ingest_into
    from strife.store import Store

    def progress(outcomes: Any) -> Any:
        return tqdm(outcomes, unit=" articles", disable=None, file=sys.stderr, mininterval=1.0)

    with Store.open(db) as store:
        summary = ingest_into(
            store, _read(inputs, max_bytes), Resources(), workers=workers, progress=progress
        )
    rejections = summary.rejections
    _report_rejections(rejections)
    click.echo(
        f"articles read {summary.read}, stored {summary.stored}, "
        f"duplicates skipped {summary.duplicates}, "
        f"rejected {len(rejections)}, events {summary.events}, "
        f"occurrences updated {summary.occurrences} (store: {db})"
    )
    if show:
        from strife.export import format_table

        click.echo(format_table(_query(db, False, **dict.fromkeys(_FILTER_NAMES))))
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


def _query(db: str, per_report: bool = False, **f: Any) -> Iterator[Any]:
    from strife.store import EventFilter, Store

    if not Path(db).exists():
        _fail(
            f"store '{db}' does not exist; run 'strife ingest INPUT...' first or pass --db PATH", EXIT_USAGE
        )
    since: date | None = f["since"].date() if f["since"] else None
    until: date | None = f["until"].date() if f["until"] else None
    flt = EventFilter(country=f["country"], admin1=f["admin1"], event_type=f["event_type"],
                      date_from=since, date_to=until, actor=f["actor"])  # fmt: skip
    with Store.open(db) as store:
        yield from (store.events(flt) if per_report else store.occurrences(flt))


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
    from strife.export import export, format_table

    found = list(_query(db, per_report, **filters))
    if fmt == "table":
        click.echo(format_table(found))
    else:
        export(found, fmt, sys.stdout)


@main.command("export")
@_db
@_filters
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "acled-csv", "geojson", "parquet"]))  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="output file (required for parquet)")
@_per_report
def export_command(db: str, fmt: str, output: str | None, per_report: bool, **filters: Any) -> None:
    """Export stored events (one merged record per occurrence) as JSONL, CSV, ACLED CSV, GeoJSON, Parquet."""
    from strife.export import export

    if fmt == "parquet" and not output:
        _fail("parquet is binary: pass --output FILE.parquet", EXIT_USAGE)
    found: Any = _query(db, per_report, **filters)
    if output:
        count = export(found, fmt, Path(output))
        click.echo(f"{count} events written to {output}", err=True)
    else:
        export(found, fmt, sys.stdout)


@main.command()
@_db
@click.argument("event_id", required=False)
def merges(db: str, event_id: str | None) -> None:
    """Show which stored records were merged into one event, and why.

    With EVENT_ID (an event's id or the id of one of the reports merged into it),
    only that event: its reports, their articles and source chains, and each decision.
    """
    from strife.store import Store

    if not Path(db).exists():
        _fail(
            f"store '{db}' does not exist; run 'strife ingest INPUT...' first or pass --db PATH", EXIT_USAGE
        )
    with Store.open(db) as store:
        try:
            members, decisions = store.merge_log(event_id)
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
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="address to listen on (loopback by default)"
)
@click.option("--port", default=8000, show_default=True, type=int, help="port to listen on")
@click.option("--token", envvar="STRIFE_TOKEN", default=None,
              help="enable POST /api/articles for clients sending this bearer token")  # fmt: skip
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the dashboard and the JSON API over the store (read-only unless --token is given)."""
    from strife.store import StoreError
    from strife.web import serve as serve_app

    if not Path(db).exists():
        _fail(f"store '{db}' does not exist; run 'strife ingest INPUT... --db {db}' first", EXIT_USAGE)
    click.echo(f"strife: serving {db} on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    try:
        serve_app(db, host=host, port=port, token=token)
    except (StoreError, ValueError) as error:
        _fail(str(error), EXIT_USAGE)


@main.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", is_flag=True, help="list each missed and spurious event with its evidence")
@click.option("--json", "as_json", is_flag=True, help="print the figures as JSON")
def eval_command(gold: tuple[str, ...], errors: bool, as_json: bool) -> None:
    """Score strife against gold files (news gold, IDMC or WikiEvents label sets)."""
    from strife.evaluate import evaluate
    from strife.stages import default_pipeline

    pipeline = default_pipeline(Resources())

    def extract_one(article: Article) -> Any:
        outcome = pipeline(article)
        return outcome.events

    try:
        reports = evaluate([Path(p) for p in gold], extract_one)
    except ValueError as error:
        _fail(f"{error}", EXIT_USAGE)
        return
    for report in reports:
        click.echo(json.dumps(report.to_dict()) if as_json else report.format(errors=errors))


@main.group()
def gazetteer() -> None:
    """Manage the offline gazetteer (GeoNames data)."""


@gazetteer.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def gazetteer_import(file: str) -> None:
    """Add a GeoNames dump (allCountries.txt or a country file) for village-level coverage."""
    from strife.resolve.places import import_geonames

    try:
        added = import_geonames(Path(file))
    except ValueError as error:
        _fail(f"{file}: {error}", EXIT_USAGE)
    click.echo(f"{added} places imported from {file}")


if __name__ == "__main__":
    main()
