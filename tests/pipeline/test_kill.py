"""kill -9 in the middle of an ingest, N times at random points, then a resumed ingest: the store
ends identical to one clean run (articles, events and merged occurrences), nothing lost or doubled."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest

from strife.ingest import ReadOptions, read_inputs
from strife.pipeline import Resources
from strife.pipeline.storing import ingest
from strife.records import Article
from strife.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KILLS = 3


def _articles() -> list[Article]:
    """The bundled examples, each in several copies that differ by a closing line (distinct texts)."""
    base = [a for a in read_inputs([str(EXAMPLES)], ReadOptions()) if isinstance(a, Article)]
    return [
        Article(f"{a.id}-{n}", f"{a.text}\n\nFiled by desk {n}.", a.date, origin=a.origin)
        for n in range(4)
        for a in base
    ]


def _ingest(path: Path, articles: list[Article], resources: Resources) -> None:
    with Store.open(path) as store:
        ingest(store, articles, resources)


def _snapshot(path: Path) -> dict[str, object]:
    with Store.open(path, read_only=True) as store:
        return {
            "articles": sorted(row for row in _ids(store)),
            "events": sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.events()),
            "occurrences": sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.occurrences()),
        }


def _ids(store: Store) -> list[str]:
    return sorted(s.article_id for e in store.events() for s in e.sources)


@pytest.fixture(scope="module")
def resources() -> Resources:
    resources = Resources(learned=False)  # the store's consistency is under test, not the encoder
    resources.warm()  # forked children share the loaded model
    return resources


def test_killed_ingests_resume_to_the_clean_store(tmp_path: Path, resources: Resources) -> None:
    articles = _articles()
    clean = tmp_path / "clean.duckdb"
    started = time.perf_counter()
    _ingest(clean, articles, resources)
    full = time.perf_counter() - started

    killed = tmp_path / "killed.duckdb"
    draw = random.Random(os.environ.get("STRIFE_KILL_SEED", "7"))
    context = multiprocessing.get_context("fork")
    for _ in range(KILLS):
        child = context.Process(target=_ingest, args=(killed, articles, resources))
        child.start()
        time.sleep(draw.uniform(0.05, 0.9) * full)
        if child.pid is not None and child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
        child.join()
    _ingest(killed, articles, resources)  # the run that finishes the work
    assert _snapshot(killed) == _snapshot(clean)
