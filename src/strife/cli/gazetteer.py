"""`strife gazetteer`: manage the offline gazetteer."""

from __future__ import annotations

from pathlib import Path

import click

import strife
from strife.cli._base import EXIT_USAGE, fail, main


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
        fail(f"{file}: {error}", EXIT_USAGE)
    click.echo(f"{added} places imported from {file}")
