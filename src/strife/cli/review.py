"""`strife review`: the review queue, an event's audit trail, and the reviews exported to teach the
coder (a gold file for `strife eval`, training examples for `strife train --extra`). Reviewing
itself happens in the dashboard (`strife serve --token`) or through its API."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from strife.cli._base import EXIT_USAGE, db_option, fail, main, open_dataset
from strife.review import UnknownEvent
from strife.review.teach import write_gold, write_suggestions, write_training


@main.group()
def review() -> None:
    """Review: what waits for review, an event's history, and reviews exported to teach the coder."""


@review.command("queue")
@db_option
@click.option("--country", help="only events of this country")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True, help="events shown")
def queue_command(db: str, country: str | None, limit: int) -> None:
    """Events waiting for review, most in need of eyes first, with why; then counts per country."""
    with open_dataset(db) as dataset:
        waiting = dataset.review.queue(limit=limit, country=country)
        counts = dataset.review.counts()
    for item in waiting:
        place = ", ".join(str(v) for v in (item["location"], item["country"]) if v)
        click.echo(
            f"{item['event_id']}  {item['event_date'] or '?'}  {item['event_type']}  {place}  "
            f"fatalities {item['fatalities'] if item['fatalities'] is not None else '-'}  "
            f"({', '.join(item['reasons']) or 'no signal'})"
        )
    click.echo(f"{len(waiting)} events shown; per country (reviewed / pending / rejected):")
    for row in counts:
        click.echo(
            f"  {row['country'] or '(none)'}: {row['reviewed']} / {row['pending']} / {row['rejected']}"
        )


@review.command("history")
@db_option
@click.argument("event_id")
def history_command(db: str, event_id: str) -> None:
    """The audit trail of one event: when, who, what changed from what to what, and why."""
    with open_dataset(db) as dataset:
        try:
            changes = dataset.review.history(event_id)
        except UnknownEvent:
            fail(f"no stored event '{event_id}'; list events with 'strife events --db {db}'", EXIT_USAGE)
            return
    if not changes:
        click.echo(f"event {event_id} has not been reviewed")
    for change in changes:
        what = f" {change.field}: {change.before!r} -> {change.after!r}" if change.field else ""
        why = f"  ({change.reason})" if change.reason else ""
        click.echo(f"{change.at:%Y-%m-%d %H:%M:%S}  {change.reviewer}  {change.action}{what}{why}")


@review.command("export")
@db_option
@click.option(
    "--format", "fmt", required=True, type=click.Choice(["gold", "training", "suggestions"]),
    help="gold: a gold JSONL file for `strife eval` (articles with their reviewed events and "
    "rejections); training: a TSV of labelled sentences for `strife train --extra FILE`; "
    "suggestions: a TSV of corrected actors and places (the article's words, the machine's and the "
    "reviewer's value) to add to the actor dictionary or the place aliases",
)  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="output file (required for training)")
def export_command(db: str, fmt: str, output: str | None) -> None:
    """Write the reviews so that they teach the coder: a gold file, or training examples."""
    if fmt == "training" and not output:
        fail("training examples go to a file: pass --output FILE.tsv", EXIT_USAGE)
    with open_dataset(db) as dataset:
        if fmt == "training":
            count = write_training(dataset.store, Path(str(output)))
            click.echo(f"{count} training examples written to {output}", err=True)
        else:
            write = write_gold if fmt == "gold" else write_suggestions
            what = "gold articles" if fmt == "gold" else "suggestions"
            if output:
                with open(output, "w", encoding="utf-8") as out:
                    count = write(dataset.store, out)
                click.echo(f"{count} {what} written to {output}", err=True)
            else:
                count = write(dataset.store, sys.stdout)
    if count == 0:
        click.echo("nothing reviewed yet: review events in `strife serve --token` first", err=True)
