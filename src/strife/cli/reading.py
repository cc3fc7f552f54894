"""Commands that read or prune a store: `events`, `export`, `merges`, `delete`."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

import click

import strife
from strife.cli._base import (
    EXIT_USAGE,
    db_option,
    fail,
    filter_options,
    filtered,
    main,
    no_match_hint,
    open_dataset,
    parquet_option,
    per_report_option,
    terminal_width,
)


@main.command()
@db_option
@parquet_option
@filter_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True
)
@per_report_option
def events(db: str, parquet: str | None, fmt: str, per_report: bool, **filters: Any) -> None:
    """Query the stored events: one merged record per occurrence, listing every source, with its review."""
    with open_dataset(db, parquet=parquet) as store:
        found = list(filtered(store, per_report, **filters))
        # per-report records are not reviewed (reviews are of merged events): all pending
        reviews = None if per_report else store.review_marks
        if found and fmt == "table":
            marks = reviews([event.event_id for event in found]) if reviews else {}
            click.echo(strife.api.format_table(found, width=terminal_width(), marks=marks))
        elif found:
            strife.api.write_events(found, fmt, sys.stdout, reviews=reviews)
    if not found:
        # an empty table says nothing: say why, and what the store has instead
        click.echo(f"0 events: {no_match_hint(db, per_report, parquet, **filters)}", err=True)
        if fmt != "table":
            strife.api.write_events([], fmt, sys.stdout)


@main.command("export")
@db_option
@parquet_option
@filter_options
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "acled-csv", "geojson", "parquet", "xlsx"]))  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="output file (required for parquet and xlsx)")  # fmt: skip
@per_report_option
def export_command(
    db: str, parquet: str | None, fmt: str, output: str | None, per_report: bool, **filters: Any
) -> None:
    """Export stored events (one merged record per occurrence) as JSONL, CSV, ACLED CSV, GeoJSON, Parquet
    or an Excel workbook (events, sources and evidence sheets)."""
    if fmt in ("parquet", "xlsx") and not output:
        fail(f"{fmt} is binary: pass --output FILE.{fmt}", EXIT_USAGE)
    left_out: Counter[str] = Counter()
    with open_dataset(db, parquet=parquet) as store:
        found = filtered(store, per_report, **filters)
        reviews = None if per_report else store.review_marks
        target: Path | TextIO = Path(output) if output else sys.stdout
        count = strife.api.write_events(found, fmt, target, left_out=left_out, reviews=reviews)
    if output:
        click.echo(f"{count} events written to {output}", err=True)
    if count == 0 and not left_out:
        click.echo(f"0 events: {no_match_hint(db, per_report, parquet, **filters)}", err=True)
    for event_type, skipped in sorted(left_out.items()):
        click.echo(
            f"{skipped} {event_type} events left out: not an ACLED event type "
            f"(export them with --format csv --type {event_type})",
            err=True,
        )


@main.command()
@db_option
@parquet_option
@click.argument("event_id", required=False)
def merges(db: str, parquet: str | None, event_id: str | None) -> None:
    """Show which stored records were merged into one event, and why.

    With EVENT_ID (an event's id or the id of one of the reports merged into it),
    only that event: its reports, their articles and source chains, and each decision.
    """
    with open_dataset(db, parquet=parquet) as store:
        try:
            members, decisions = store.merges(event_id)
        except KeyError:
            source = f"--parquet {parquet}" if parquet else f"--db {db}"
            fail(f"no stored event '{event_id}'; list events with 'strife events {source}'", EXIT_USAGE)
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
@db_option
@click.argument("article_ids", nargs=-1, required=True)
def delete(db: str, article_ids: tuple[str, ...]) -> None:
    """Remove stored articles with their events, chains and occurrences (what they shared is re-merged).

    ARTICLE_IDS are article ids as `strife events --format jsonl` lists them in `sources`.
    """
    with open_dataset(db, write=True) as store:
        removed = store.delete(list(article_ids))
    if removed == 0:
        fail(f"no stored article has the id(s) {', '.join(article_ids)}; nothing removed", EXIT_USAGE)
    click.echo(f"{removed} articles removed from {db}")
