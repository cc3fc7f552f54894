"""strife's public Python API: code a text, code many, keep a store. Re-exported by `strife`.

    >>> import strife
    >>> events = strife.extract("...", date="2024-05-02")          # one article, no store
    >>> coder = strife.Coder()                                      # the loaded pipeline, reusable
    >>> for outcome in coder.extract_many(articles, workers=2): ...
    >>> with strife.open_store("strife.duckdb") as store:
    ...     store.ingest(["examples/"]); store.export("acled-csv", "events.csv", country="Sudan")

The command line and the web server call this package and nothing under it. Its modules:
`coding` (no store: `extract`, `Coder`, `read`, `evaluate`, `train`), `dataset` (`open_store`
and the `Dataset` it gives), `remote` (fetch settings, URL lists, the `Server` hand-off).
"""

from __future__ import annotations

from strife.api.coding import (
    API_ORIGIN,
    Coder,
    article,
    article_or_rejection,
    credits,
    evaluate,
    extract,
    fetch_settings,
    import_gazetteer,
    read,
    train,
)
from strife.api.dataset import Dataset, ingest_to_parquet, open_parquet, open_store
from strife.api.remote import PollSummary, Server, url_sources
from strife.export import FORMATS, format_table
from strife.export import export as write_events
from strife.ingest.count import count_articles
from strife.ingest.fetch import FetchSettings
from strife.ingest.limits import MAX_CHARS
from strife.pipeline import Outcome, setting
from strife.pipeline.storing import IngestSummary
from strife.store import StoreError, StoreNeedsMigration

__all__ = [
    "API_ORIGIN",
    "FORMATS",
    "MAX_CHARS",
    "Coder",
    "Dataset",
    "FetchSettings",
    "IngestSummary",
    "Outcome",
    "PollSummary",
    "Server",
    "StoreError",
    "StoreNeedsMigration",
    "article",
    "article_or_rejection",
    "count_articles",
    "credits",
    "evaluate",
    "extract",
    "fetch_settings",
    "format_table",
    "import_gazetteer",
    "ingest_to_parquet",
    "open_parquet",
    "open_store",
    "read",
    "setting",
    "train",
    "url_sources",
    "write_events",
]
