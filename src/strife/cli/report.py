"""`strife report`: a brief on one country (or admin1 area) over a period, as HTML, Markdown or PDF."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from strife.cli._base import EXIT_USAGE, db_option, fail, main, open_dataset, parquet_option

_DAY = click.DateTime(["%Y-%m-%d"])


@main.command()
@db_option
@parquet_option
@click.option("--country", required=True, help="country name, e.g. Sudan")
@click.option("--admin1", help="brief on one province or state of the country")
@click.option("--from", "date_from", required=True, type=_DAY, help="first day of the period (YYYY-MM-DD)")
@click.option("--to", "date_to", required=True, type=_DAY, help="last day of the period (YYYY-MM-DD)")
@click.option(
    "--compare", type=click.Choice(["previous", "same-last-year"]), default="previous", show_default=True,
    help="compare with the as-long period just before, or with the same days a year earlier",
)  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["html", "md", "pdf"]),
              help="output format (default: from the output file's suffix)")  # fmt: skip
@click.option(
    "--output", "-o", required=True, type=click.Path(dir_okay=False), help="file to write the brief to"
)
def report(
    db: str,
    parquet: str | None,
    country: str,
    admin1: str | None,
    date_from: datetime,
    date_to: datetime,
    compare: str,
    fmt: str | None,
    output: str,
) -> None:
    """Write a brief: headline figures against a comparison period, a map, weekly trends by type,
    top areas and actors, notable and contested events with their evidence and sources, methods.

    Every number is what `strife events --country C [--admin1 A] --since FROM --until TO` lists.
    A Markdown brief writes its charts as PNG files beside it.
    """
    with open_dataset(db, parquet=parquet) as store:
        try:
            brief = store.report(
                country=country, admin1=admin1, since=date_from.date(), until=date_to.date(), compare=compare
            )
            written = brief.write(Path(output), fmt)
        except ValueError as error:
            fail(str(error), EXIT_USAGE)
            return
        except OSError as error:
            fail(
                f"cannot write '{output}': {error.strerror or error}; check the folder exists and is writable"
            )
            return
    what = (
        f"{brief.current.events} events" if not brief.empty else "no events in the period (the brief says so)"
    )
    files = ", ".join(map(str, written))
    click.echo(f"brief on {brief.request.place}, {brief.request.period}: {what}; wrote {files}")
