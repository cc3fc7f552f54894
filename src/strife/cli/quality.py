"""Commands about coding quality: `eval` against gold files, `train` the learned heads."""

from __future__ import annotations

import json
from pathlib import Path

import click

import strife
from strife.cli._base import EXIT_USAGE, fail, main


@main.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", is_flag=True, help="list each missed and spurious event with its evidence")
@click.option("--json", "as_json", is_flag=True, help="print the figures as JSON")
def eval_command(gold: tuple[str, ...], errors: bool, as_json: bool) -> None:
    """Score strife against gold files (news gold, IDMC or WikiEvents label sets)."""
    try:
        reports = strife.api.evaluate([Path(p) for p in gold])
    except ValueError as error:
        fail(f"{error}", EXIT_USAGE)
        return
    for report in reports:
        click.echo(json.dumps(report.to_dict()) if as_json else report.format(errors=errors))


@main.command("train")
@click.option("--evaluate", "evaluate_only", is_flag=True, help="score the committed heads; do not retrain")
@click.option(
    "--extra", "--with-reviews", "extra", type=click.Path(exists=True, dir_okay=False),
    help="a TSV of more training examples, e.g. reviewed events (strife review export --format training)",
)  # fmt: skip
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
        fail(str(error), EXIT_USAGE)
        return
    click.echo(table)
