"""The embedded DuckDB store: articles, events (with claims, sources, evidence), rejections.

with Store.open("strife.duckdb") as store:
    store.add(article, events)          # AddResult.STORED / DUPLICATE / ID_CONFLICT
    for event in store.events(EventFilter(country="Afghanistan")):
        ...
"""

from strife.store.occurrences import MergeDecision
from strife.store.schema import (
    MIGRATIONS,
    Migration,
    StoreError,
    StoreNeedsMigration,
    StoreVersionError,
    migrate,
)
from strife.store.store import AddResult, EventFilter, Store

__all__ = [
    "MIGRATIONS",
    "AddResult",
    "EventFilter",
    "MergeDecision",
    "Migration",
    "Store",
    "StoreError",
    "StoreNeedsMigration",
    "StoreVersionError",
    "migrate",
]
