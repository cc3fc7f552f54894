"""Commands that code articles: `extract` (print) and `ingest` (store)."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

import strife
from strife.cli._base import (
    EXIT_FAILED,
    FILTER_NAMES,
    check_inputs,
    db_option,
    fail,
    inputs_argument,
    main,
    max_bytes_option,
    open_dataset,
    query,
    report_rejections,
    workers_option,
)


@main.command()
@inputs_argument
@click.option("--explain", is_flag=True, help="say per sentence why it was or was not coded")
@workers_option
@max_bytes_option
def extract(inputs: tuple[str, ...], explain: bool, workers: int, max_bytes: int) -> None:
    """Print one JSON line per article: {"id": ..., "events": [...]}. No store involved.

    INPUTS are files, folders (read recursively) or '-' for standard input.
    """
    check_inputs(inputs)
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
    report_rejections(rejections)
    if articles == 0:
        fail(f"no article could be read from {', '.join(inputs)} ({len(rejections)} rejected, reasons above)")


@main.command()
@inputs_argument
@db_option
@workers_option
@max_bytes_option
@click.option("--show", is_flag=True, help="print the stored events as a table afterwards")
def ingest(inputs: tuple[str, ...], db: str, workers: int, max_bytes: int, show: bool) -> None:
    """Extract events from INPUTS and store articles, events and rejections in the DuckDB store.

    Re-running on the same inputs adds nothing: articles are keyed by a hash of their text.
    """
    from tqdm import tqdm

    def progress(outcomes: Any) -> Any:
        return tqdm(outcomes, unit=" articles", disable=None, file=sys.stderr, mininterval=1.0)

    check_inputs(inputs)
    with open_dataset(db, write=True) as store:
        summary = store.ingest(list(inputs), workers=workers, max_bytes=max_bytes, progress=progress)
    rejections = summary.rejections
    report_rejections(rejections)
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
        click.echo(strife.api.format_table(query(db, False, **dict.fromkeys(FILTER_NAMES))))
    if summary.read == 0 and rejections:
        sys.exit(EXIT_FAILED)
