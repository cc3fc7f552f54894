"""What every outcome of a reader must be, however hostile its input: the `sound` check.

An Article has text within the character limit, a date in strife's range or none, and
only strings DuckDB can store (valid UTF-8). A Rejection has an origin and a reason of
one printable line each, and no reason says a reader hit an unexpected error (which
would mean a bug turned into a rejection by the last-resort guard in files.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

import pytest

from strife.ingest.files import UNEXPECTED
from strife.ingest.limits import MAX_CHARS
from strife.records import Article, Rejection, date_in_range

Check = Callable[[object], None]


def _one_line(value: str) -> bool:
    return len(value.splitlines()) == 1 and "\n" not in value


def check_sound(item: object) -> None:
    assert isinstance(item, Article | Rejection), item
    for name in (f.name for f in fields(item)):
        value = getattr(item, name)
        if isinstance(value, str):
            value.encode("utf-8")  # raises on a lone surrogate
    if isinstance(item, Article):
        assert item.id and item.text.strip() and len(item.text) <= MAX_CHARS
        assert item.date is None or date_in_range(item.date)
        assert item.origin is not None and _one_line(item.origin)
    else:
        assert _one_line(item.origin) and _one_line(item.reason), item
        assert not item.reason.startswith(UNEXPECTED), item


@pytest.fixture(scope="session")
def sound() -> Check:
    return check_sound
