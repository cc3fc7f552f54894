"""A process killed in the middle of `Store.add` leaves no part of the article."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from strife.records import Article, Event
from strife.store import AddResult, Store

# Runs in a child process: stores article a1 whole, then starts on a2 and is
# SIGKILLed right after the insert into one table, before the commit (the test
# that redoes the add kills it after "events").
_CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from strife.records import Article, Claim, Event, Evidence, Source
    from strife.store import Store, _write as store_module

    path, kill_after = sys.argv[1], sys.argv[2]
    real_insert = store_module.insert

    def insert_then_die(con, table, columns, rows):
        real_insert(con, table, columns, rows)
        if table == kill_after:
            os.kill(os.getpid(), signal.SIGKILL)

    def event(event_id, article_id):
        return Event(
            event_id=event_id, event_type="Battles", sub_event_type="Armed clash",
            event_date=date(2021, 9, 5),
            claims=(Claim(claimant="officials", statement="five died", figure=5),),
            sources=(Source(article_id=article_id, outlet="Example News"),),
            evidence=(
                Evidence(field="event_type", article_id=article_id, sentence="Clashes.", start=0, end=8),
            ),
        )

    store = Store.open(path)
    store.add(Article(id="a1", text="first article"), [event("a1-1", "a1")])
    store_module.insert = insert_then_die
    store.add(Article(id="a2", text="second article"), [event("a2-1", "a2"), event("a2-2", "a2")])
    print("not killed")
    """
)


@pytest.mark.parametrize("kill_after", ["articles", "claims"])
def test_killed_add_leaves_no_partial_article(tmp_path: Path, kill_after: str) -> None:
    path = tmp_path / "s.duckdb"
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), kill_after], capture_output=True, text=True, timeout=60
    )
    assert child.returncode == -9, child.stderr
    with Store.open(path) as store:
        assert store.counts() == {
            "articles": 1,
            "events": 1,
            "claims": 1,
            "evidence": 1,
            "sources": 1,
            "rejections": 0,
        }


def test_killed_add_can_be_redone(tmp_path: Path, event_factory: Callable[..., Event]) -> None:
    path = tmp_path / "s.duckdb"
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), "events"], capture_output=True, timeout=60
    )
    assert child.returncode == -9
    with Store.open(path) as store:
        result = store.add(Article(id="a2", text="second article"), [event_factory("a2-1", "a2")])
        assert result is AddResult.STORED
        assert [e.event_id for e in store.events()] == ["a1-1", "a2-1"]
