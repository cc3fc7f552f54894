"""ACLED's public CSV layout, filled from strife's events so that the file joins with ACLED's.

Displacement is not an ACLED event type: `acled_events` leaves those events out and counts
them, and the `acled-csv` export says how many (export them with the other formats). What
fills each column is in strife.export.acled.row; the knowledge (ACLED's country names and
regions, its inter codes, outlets and their scale, English admin1 names) is in
data/acled/.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from strife.export.acled.row import (
    ACLED_COLUMNS,
    COLUMNS,
    DISORDER_BY_TYPE,
    STRIFE_COLUMNS,
    AcledTables,
    acled_row,
    disorder_type,
    event_id_cnty,
    is_acled_type,
)
from strife.records import Event


def acled_events(events: Iterable[Event], left_out: Counter[str] | None = None) -> Iterator[Event]:
    """The events of ACLED's types; the others are counted by type in `left_out`."""
    for event in events:
        if is_acled_type(event):
            yield event
        elif left_out is not None:
            left_out[event.event_type] += 1


__all__ = [
    "ACLED_COLUMNS",
    "COLUMNS",
    "DISORDER_BY_TYPE",
    "STRIFE_COLUMNS",
    "AcledTables",
    "acled_events",
    "acled_row",
    "disorder_type",
    "event_id_cnty",
    "is_acled_type",
]
