"""A unit's outcomes as Parquet shards, written so that a killed run leaves nothing half-trusted.

Layout of a shard folder:

    outcomes/part-KEY.parquet                       every outcome of the unit, in read order
    events/country=C/month=YYYY-MM/part-KEY.parquet its events, partitioned for readers
    done/KEY.json                                   written last: the unit is finished

A unit without its `done` marker is coded again; its old parts are removed first, so a
shard is never a mix of two runs. Records travel as their JSON (`to_dict`), which is how
the store keeps them too, so a record read back equals the one coded.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from strife.pipeline.core import Outcome
from strife.records import Article, Event, Rejection

OUTCOMES, EVENTS, DONE = "outcomes", "events", "done"


@dataclass(frozen=True)
class ShardCounts:
    """What one finished unit holds."""

    articles: int
    rejections: int
    events: int


def is_done(root: Path, key: str) -> bool:
    return (root / DONE / f"{key}.json").is_file()


def write_shard(
    root: Path, key: str, origin: str, outcomes: Sequence[Outcome], seconds: float
) -> ShardCounts:
    """Write a unit's outcomes and events, then its `done` marker (atomic renames throughout)."""
    import pyarrow as pa

    _remove_parts(root, key)
    rows = [_outcome_row(seq, outcome) for seq, outcome in enumerate(outcomes)]
    _write(pa.Table.from_pylist(rows, schema=_OUTCOME_SCHEMA()), root / OUTCOMES / f"part-{key}.parquet")
    partitions: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for seq, outcome in enumerate(outcomes):
        for index, event in enumerate(outcome.events):
            record = event.to_dict()
            partitions[_partition(record)].append(
                {"seq": seq, "index": index, "event_id": event.event_id, "record": json.dumps(record)}
            )
    for (country, month), event_rows in sorted(partitions.items()):
        folder = root / EVENTS / f"country={country}" / f"month={month}"
        _write(pa.Table.from_pylist(event_rows, schema=_EVENT_SCHEMA()), folder / f"part-{key}.parquet")
    counts = ShardCounts(
        articles=sum(1 for o in outcomes if o.rejection is None and o.article is not None),
        rejections=sum(1 for o in outcomes if o.rejection is not None),
        events=sum(len(o.events) for o in outcomes),
    )
    marker = {"origin": origin, "seconds": round(seconds, 3), **counts.__dict__}
    _atomic_text(root / DONE / f"{key}.json", json.dumps(marker, ensure_ascii=False))
    return counts


def read_shard(root: Path, key: str) -> Iterator[Outcome]:
    """The outcomes of a finished unit, in the order they were coded, each with its events."""
    import pyarrow.parquet as pq

    events: dict[int, list[tuple[int, Event]]] = defaultdict(list)
    for part in sorted((root / EVENTS).glob(f"*/*/part-{key}.parquet")):
        for row in pq.read_table(part).to_pylist():
            events[row["seq"]].append((row["index"], Event.from_dict(json.loads(row["record"]))))
    for row in pq.read_table(root / OUTCOMES / f"part-{key}.parquet").to_pylist():
        article = Article.from_dict(json.loads(row["article"])) if row["article"] else None
        rejection = Rejection.from_dict(json.loads(row["rejection"])) if row["rejection"] else None
        found = tuple(event for _, event in sorted(events[row["seq"]], key=lambda pair: pair[0]))
        yield Outcome(article, found, rejection)


def _outcome_row(seq: int, outcome: Outcome) -> dict[str, Any]:
    article, rejection = outcome.article, outcome.rejection
    return {
        "seq": seq,
        "article_id": article.id if article else (rejection.article_id if rejection else None),
        "article": json.dumps(article.to_dict(), ensure_ascii=False) if article else None,
        "rejection": json.dumps(rejection.to_dict(), ensure_ascii=False) if rejection else None,
    }


def _partition(record: dict[str, Any]) -> tuple[str, str]:
    # Hive-style folder names: a country with a '/' or '=' must not make a new level.
    country = quote(str(record.get("country") or "unknown"), safe=" ")
    day = str(record.get("event_date") or "")
    return country, day[:7] if len(day) >= 7 else "unknown"


def _OUTCOME_SCHEMA() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("seq", pa.int32()),
            ("article_id", pa.string()),
            ("article", pa.string()),
            ("rejection", pa.string()),
        ]
    )


def _EVENT_SCHEMA() -> Any:
    import pyarrow as pa

    return pa.schema(
        [("seq", pa.int32()), ("index", pa.int32()), ("event_id", pa.string()), ("record", pa.string())]
    )


def _write(table: Any, path: Path) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    pq.write_table(table, partial)
    os.replace(partial, path)


def _atomic_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _remove_parts(root: Path, key: str) -> None:
    (root / DONE / f"{key}.json").unlink(missing_ok=True)
    for part in [*(root / EVENTS).glob(f"*/*/part-{key}.parquet*"), *(root / OUTCOMES).glob(f"part-{key}.*")]:
        part.unlink(missing_ok=True)
