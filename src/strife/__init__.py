"""strife: dated news reports in, verifiable conflict and displacement event records out."""

from strife.records import SCHEMA_VERSION, Article, Claim, Event, Evidence, Rejection, Source

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Article", "Claim", "Event", "Evidence", "Rejection", "Source", "__version__"]
