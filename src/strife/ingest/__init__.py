"""Input readers: scraped text, JSONL and CSV collections, saved HTML pages, web archives, folders,
stdin, and URLs of pages and feeds (fetched politely, fetch.py).

`read_inputs` yields Articles and, for every input that cannot be read, a Rejection with
its reason; it never raises for bad input.
"""

from strife.ingest.files import DEFAULT_OPTIONS, ReadOptions, read_inputs
from strife.ingest.html import parse_html
from strife.ingest.scraped import parse_scraped

__all__ = ["DEFAULT_OPTIONS", "ReadOptions", "parse_html", "parse_scraped", "read_inputs"]
