"""Stores to brief on: the example articles coded by the real pipeline (once per session), and
small stores of merged events written through the store's own writer, for exact cases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import strife
from strife.records import Event
from strife.store import Store, occurrences


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    """A store file holding the coded examples/ (read it with read_only=True)."""
    path = tmp_path_factory.mktemp("report") / "examples.duckdb"
    with strife.open_store(path) as store:
        summary = store.ingest([examples_dir])
    assert summary.stored > 10 and not summary.rejections
    return path


@pytest.fixture
def made_store(tmp_path: Path) -> Callable[[Sequence[Event]], Path]:
    """A builder of a store file holding exactly these merged events."""

    def build(events: Sequence[Event]) -> Path:
        path = tmp_path / "made.duckdb"
        with Store.open(path) as store:
            cursor = store.cursor()
            try:
                occurrences.write(cursor, list(events))
            finally:
                cursor.close()
        return path

    return build
