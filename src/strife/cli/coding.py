"""Commands that code articles: `extract` (print) and `ingest` (store); the progress and summary they share.

`watch` (cli/watch.py) reuses the progress bar, the model-loading step and the summary.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
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
from strife.cli._distributed import address_option, engine_option, ingest_on_ray, output_option, shards_option


def check_fetching() -> None:
    """Fetch settings that parse (else a one-line usage error), and a word when no contact is set."""
    try:
        settings = strife.api.fetch_settings()
    except ValueError as error:
        fail(str(error), 2)
        return
    if not settings.contact:
        click.echo(
            "strife: set STRIFE_CONTACT (an e-mail address or URL) so that sites can reach you; "
            "it is sent in the User-Agent",
            err=True,
        )


def server_options(func: Any) -> Any:
    """--server URL and --token: hand the articles to a running `strife serve --token` instead."""
    func = click.option(
        "--token", envvar="STRIFE_TOKEN", default=None, help="the server's write token (with --server)"
    )(func)
    return click.option(
        "--server", metavar="URL", default=None,
        help="hand the articles to a running `strife serve --token` at URL (POST /api/articles)",
    )(func)  # fmt: skip


def server_of(url: str | None, token: str | None) -> strife.api.Server | None:
    if url is None:
        return None
    if not token:
        fail("--server needs the server's token: --token TOKEN or STRIFE_TOKEN", 2)
    return strife.api.Server(url, token or "")


url_lists_option = click.option(
    "--urls", "--feeds", "url_lists", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="a file of URLs of pages or feeds (one a line, or a CSV column named url); repeatable",
)  # fmt: skip


def interactive() -> bool:
    return sys.stderr.isatty()


def loaded_coder(show: bool | None = None) -> strife.Coder:
    """A Coder with its model loaded now, saying so on a terminal instead of sitting silent."""
    show = interactive() if show is None else show
    coder = strife.Coder()
    if show:
        click.echo(f"loading the model ({strife.api.setting('STRIFE_MODEL')}) ...", err=True, nl=False)
    started = time.monotonic()
    coder.resources.warm()
    if show:
        click.echo(f" ready in {time.monotonic() - started:.1f} s", err=True)
    return coder


def progress_bar(total: int | None, show: bool | None = None) -> Callable[[Iterator[Any]], Iterable[Any]]:
    """A progress bar over outcomes: the share done, rate and time left when the total is known,
    else the count and rate (never "1 articles": the count stands before "of N" or "coded")."""
    from tqdm import tqdm

    show = interactive() if show is None else show
    bar = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt} of {total_fmt} [{elapsed}<{remaining}, {rate_fmt}]"
    count = "{desc}: {n_fmt} coded [{elapsed}, {rate_fmt}]"

    def wrap(outcomes: Iterator[Any]) -> Iterable[Any]:
        return tqdm(
            outcomes, total=total, desc="articles", unit=" article", disable=not show, file=sys.stderr,
            mininterval=0.5, bar_format=bar if total else count, dynamic_ncols=True,
        )  # fmt: skip

    return wrap


def summary_line(summary: Any, db: str = "", *, server: str | None = None, parquet: str | None = None) -> str:
    """The one-line account of an ingest; rejections counted by their stage (fetch, language, ...).

    Handed to a server (`server`), merging is the server's: no occurrence count, and its URL.
    Written to a Parquet dataset (`parquet`), that folder instead of the store."""
    stages = Counter(r.stage for r in summary.rejections)
    by_stage = f" ({', '.join(f'{stage} {n}' for stage, n in stages.most_common())})" if stages else ""
    kept = f"Parquet dataset: {parquet}, read with --parquet {parquet}" if parquet else f"store: {db}"
    where = f"(server: {server})" if server else f"occurrences updated {summary.occurrences} ({kept})"
    return (
        f"articles read {summary.read}, stored {summary.stored}, "
        f"duplicates skipped {summary.duplicates}, "
        f"rejected {len(summary.rejections)}{by_stage}, events {summary.events}, {where}"
    )


def report(summary: Any) -> None:
    """Rejections, skipped duplicates (each by where it came from) and unmerged events, on stderr."""
    report_rejections(summary.rejections)
    for origin, original in zip(summary.duplicate_origins, summary.duplicate_of, strict=True):
        # a server's answer does not name the stored article ("")
        same = f"same text as stored article {original}" if original else "the same text is already stored"
        click.echo(f"duplicate skipped: {origin} ({same})", err=True)
    for _, reason in summary.not_merged:
        click.echo(f"not merged: {reason}", err=True)


@main.command()
@inputs_argument
@click.option("--explain", is_flag=True, help="say per sentence why it was or was not coded")
@workers_option
@max_bytes_option
def extract(inputs: tuple[str, ...], explain: bool, workers: int, max_bytes: int) -> None:
    """Print one JSON line per article: {"id": ..., "events": [...]}. No store involved.

    INPUTS are files, folders (read recursively), '-' for standard input, or http(s) URLs.
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
@click.argument("inputs", nargs=-1)
@url_lists_option
@db_option
@workers_option
@max_bytes_option
@click.option("--show", is_flag=True, help="print the stored events as a table afterwards")
@server_options
@engine_option
@address_option
@shards_option
@output_option
def ingest(
    inputs: tuple[str, ...],
    url_lists: tuple[str, ...],
    db: str,
    workers: int,
    max_bytes: int,
    show: bool,
    server: str | None,
    token: str | None,
    engine: str,
    address: str | None,
    shards: str | None,
    output: str | None,
) -> None:
    """Extract events from INPUTS and store articles, events and rejections in the DuckDB store.

    INPUTS are files, folders (read recursively), '-' for standard input, web archives
    (.warc, .warc.gz) or http(s) URLs of pages and feeds (RSS, Atom, RDF: each entry's page
    is fetched). Re-running on the same inputs adds nothing: articles are keyed by a hash of
    their text. With --server, the articles are handed to that running server (its store,
    not --db) and rejections are listed but not stored. With --engine ray --output DIR, the
    records go to a Parquet dataset in DIR instead of the store.
    """
    if not inputs and not url_lists:
        fail("give INPUTS to read or --urls FILE; see 'strife ingest --help'", 2)
    if output is not None and (engine != "ray" or server):
        fail("--output writes the Parquet dataset of a Ray run: add --engine ray (without --server)", 2)
    check_inputs(inputs)
    if url_lists or any(name.startswith(("http://", "https://")) for name in inputs):
        check_fetching()
    urls, unlisted = strife.api.url_sources(url_lists)
    total = None if url_lists or engine == "ray" else strife.api.count_articles(inputs)
    running = server_of(server, token)
    if running is not None:
        read = itertools.chain(unlisted, strife.read([*inputs, *urls], max_bytes=max_bytes))
        try:
            posted = running.post(read, progress=progress_bar(total))
        except strife.api.StoreError as error:
            fail(str(error))
            return
        report(posted)
        click.echo(summary_line(posted, server=running.url))
        sys.exit(EXIT_FAILED if posted.read == 0 and posted.rejections else 0)
    web = any(name.startswith(("http://", "https://")) for name in inputs)
    if engine == "ray" and (unlisted or urls or web):
        fail("--engine ray reads files and folders; fetch URLs with the local engine", 2)
    if output is not None:  # no store: the merged records go to a Parquet dataset
        summary = ingest_on_ray(
            output, list(inputs), workers=workers, max_bytes=max_bytes, address=address, shards=shards
        )
    else:
        with open_dataset(db, write=True) as store:
            if engine == "ray":
                summary = ingest_on_ray(
                    store, list(inputs), workers=workers, max_bytes=max_bytes, address=address, shards=shards
                )
            else:
                coder = loaded_coder()
                items: list[Any] = [*unlisted, *inputs, *urls]
                summary = store.ingest(
                    items, coder=coder, workers=workers, max_bytes=max_bytes, progress=progress_bar(total)
                )
    report(summary)
    click.echo(summary_line(summary, db, parquet=output))
    if show:
        click.echo(strife.api.format_table(query(db, False, parquet=output, **dict.fromkeys(FILTER_NAMES))))
    if summary.read == 0 and summary.rejections:
        sys.exit(EXIT_FAILED)
