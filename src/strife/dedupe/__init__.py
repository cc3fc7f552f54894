"""One occurrence, one event (CODEBOOK section 9).

- `fingerprint`, `chains`: near-duplicate articles (syndicated, edited or spun copies)
  found by MinHash LSH form source chains that count once toward corroboration.
- `match`: when two event records describe the same occurrence, and how they combine.
- `occurrences`: grouping records into occurrences, blocked by type, country and week.
- `incremental`: the same, against the store, for each new ingest.
"""

from strife.dedupe.grouping import merge
from strife.dedupe.match import combine, same_event

__all__ = ["combine", "merge", "same_event"]
