"""A plain-text table of events for the terminal."""

from __future__ import annotations

from collections.abc import Iterable

from strife.records import Event

# (header, how to read the cell) in display order.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "event_date"),
    ("type", "event_type"),
    ("sub-type", "sub_event_type"),
    ("actor1", "actor1"),
    ("actor2", "actor2"),
    ("country", "country"),
    ("admin1", "admin1"),
    ("location", "location"),
    ("fatalities", "fatalities"),
    ("sources", "sources"),
)
# Dates and numbers are never clipped: a clipped one reads as a different value.
_UNCLIPPED = frozenset({"date", "fatalities", "sources"})
_GAP = "  "
_NARROWEST = 4  # a cell is never squeezed below this (three letters and "…")


def _cell(event: Event, attribute: str) -> str:
    value = getattr(event, attribute)
    if attribute == "sources":
        # reports, and the independent ones among them when copies of one story are merged
        return (
            f"{len(value)}"
            if event.corroboration in (None, len(value))
            else f"{len(value)} ({event.corroboration})"
        )
    return "" if value is None else str(value)


def _fit(widths: list[int], width: int) -> list[int]:
    """Narrow the widest text columns, a character at a time, until the row fits `width`.

    Stops at _NARROWEST per column, so a very small width gives a wider table.
    """
    widths = list(widths)
    room = width - len(_GAP) * (len(widths) - 1)
    narrowable = [i for i, (header, _) in enumerate(_COLUMNS) if header not in _UNCLIPPED]
    while sum(widths) > room:
        widest = max(narrowable, key=lambda i: widths[i])
        if widths[widest] <= _NARROWEST:
            break
        widths[widest] -= 1
    return widths


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(events: Iterable[Event], width: int = 120) -> str:
    """The events as an aligned text table no wider than `width` (long cells end in "…")."""
    rows = [[_cell(event, attribute) for _, attribute in _COLUMNS] for event in events]
    headers = [header for header, _ in _COLUMNS]
    natural = [max([len(header), *(len(row[i]) for row in rows)]) for i, header in enumerate(headers)]
    widths = _fit(natural, width)
    numbers = {headers.index("fatalities"), headers.index("sources")}  # right-aligned

    def line(cells: list[str]) -> str:
        parts = [
            _clip(cell, w).rjust(w) if i in numbers else _clip(cell, w).ljust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return _GAP.join(parts).rstrip()

    rule = _GAP.join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])
