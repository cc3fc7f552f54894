"""The review tests' store: see tests/review_stores.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from review_stores import ingest

from strife.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "review.duckdb") as opened:
        ingest(opened, ["k1", "k2", "g1", "m1"])
        yield opened


@pytest.fixture(name="ingest")
def ingest_fixture() -> Callable[..., None]:
    return ingest
