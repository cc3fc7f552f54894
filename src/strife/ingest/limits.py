"""The size limits on one article, checked before any work is spent on it.

Two gates, in this order:

1. bytes (`MAX_BYTES`, the `--max-bytes` option and `STRIFE_MAX_BYTES`): a file is
   refused by its size on disk before it is opened for reading, a collection row by its
   length while its line is read, so a huge input is never held in memory whole;
2. characters (`MAX_CHARS`): the decoded text of one article is counted before it is
   parsed, and refused with a one-line reason naming the limit.

Why characters: the parser's limit is spaCy's `nlp.max_length`, 1,000,000 characters,
and past it spaCy raises only after the text has been tokenised, with a long message.
Bytes say little about characters (UTF-8 spends 1 to 4 bytes on one, UTF-16 2 or 4), so
the limit that matters is counted in characters. It sits 10% below spaCy's because the
text grows a little on its way to the parser (Unicode normalisation turns one ligature
into two letters; the cleaning stage may rewrite phrases), and a text the reader
accepts must never fail in the parser for its length.
"""

from __future__ import annotations

MAX_BYTES = 10 * 1024 * 1024

# Fetching (fetch.py; the settings table and the README repeat these defaults).
RATE = 1.0  # requests per second to one host
CONCURRENCY = 4  # fetches at once, all hosts together
PER_HOST = 2  # fetches at once to one host
TIMEOUT = 20.0  # seconds for one whole fetch
MAX_FETCH_BYTES = 5 * 1024 * 1024
MAX_CHARS = 900_000
SPACY_MAX_CHARS = 1_000_000  # spaCy's default nlp.max_length, for the reason below


def too_many_chars(length: int, limit: int = MAX_CHARS) -> str | None:
    """None for a text of `length` characters within `limit`, else the one-line reason."""
    if length <= limit:
        return None
    return (
        f"text is {length} characters, over the {limit}-character limit for one article "
        f"(spaCy parses at most {SPACY_MAX_CHARS}); split it into several articles"
    )
