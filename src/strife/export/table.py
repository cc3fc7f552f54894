"""A plain-text table of events for the terminal, as wide as the terminal it is shown in.

Sizing: the id, the date and the numbers are never clipped (a clipped one reads as a different
value). The text columns share what is left: while they cannot each keep `_ROOMY` characters
(or their whole text, when shorter), the least needed column is left out (`_DROP_ORDER`), and
the footer says which; then the widest text column is narrowed, a character at a time, until
the row fits, its cells ending in "…". The review columns (status and reviewer) come last and
are the first left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from strife.export.review import PENDING, ReviewMark
from strife.records import Event

# (header, the Event attribute the cell is read from), in display order.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "event_id"),
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
    ("reviewed", "reviewed"),
    ("reviewer", "reviewed_by"),
)
_UNCLIPPED = frozenset({"id", "date", "fatalities", "sources"})
_NUMBERS = frozenset({"fatalities", "sources"})  # right-aligned
# The text columns left out first when the terminal is narrow; the rest always stay. The type
# goes first: each sub-event type belongs to one type, so the sub-type says both.
_DROP_ORDER = ("reviewer", "reviewed", "type", "admin1", "actor2", "country", "location")
_GAP = "  "
_ROOMY = 14  # a text column narrower than this is worth less than the columns beside it
_NARROWEST = 4  # a cell is never squeezed below this (three letters and "…")


def sources_cell(event: Event) -> str:
    """'chains / reports', as the dashboard shows it: independent source chains (copies of one
    story count once) over the reports merged into the event; "-" when chains are not counted."""
    chains = "-" if event.corroboration is None else str(event.corroboration)
    return f"{chains} / {len(event.sources)}"


def _cell(event: Event, mark: ReviewMark, attribute: str) -> str:
    if attribute == "sources":
        return sources_cell(event)
    if attribute == "reviewed":
        return mark.status
    value = mark.reviewer if attribute == "reviewed_by" else getattr(event, attribute)
    return "" if value is None else str(value)


def _least(headers: list[str], natural: dict[str, int]) -> int:
    """The narrowest the row can be while each text column keeps _ROOMY characters."""
    cells = sum(natural[h] if h in _UNCLIPPED else min(natural[h], _ROOMY) for h in headers)
    return cells + len(_GAP) * (len(headers) - 1)


def _fit(headers: list[str], natural: dict[str, int], width: int) -> list[int]:
    """Narrow the widest text columns, a character at a time, until the row fits `width`.

    Stops at _NARROWEST per column, so a very small width gives a wider table.
    """
    widths = [natural[h] for h in headers]
    room = width - len(_GAP) * (len(widths) - 1)
    narrowable = [i for i, header in enumerate(headers) if header not in _UNCLIPPED]
    while sum(widths) > room and narrowable:
        widest = max(narrowable, key=lambda i: widths[i])
        if widths[widest] <= _NARROWEST:
            break
        widths[widest] -= 1
    return widths


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(
    events: Iterable[Event], width: int = 120, marks: Mapping[str, ReviewMark] | None = None
) -> str:
    """The events as an aligned text table no wider than `width` (when it can be), then a line
    that counts them and names any column left out for want of width. `marks` are the reviewed
    events' reviews by event id (the others are pending)."""
    every = [header for header, _ in _COLUMNS]
    found = marks or {}
    rows = [
        {header: _cell(event, found.get(event.event_id, PENDING), name) for header, name in _COLUMNS}
        for event in events
    ]
    natural = {header: max([len(header), *(len(row[header]) for row in rows)]) for header in every}
    headers = list(every)
    for droppable in _DROP_ORDER:
        if _least(headers, natural) <= width:
            break
        headers.remove(droppable)
    widths = _fit(headers, natural, width)

    def line(cells: dict[str, str]) -> str:
        parts = [
            _clip(cells[h], w).rjust(w) if h in _NUMBERS else _clip(cells[h], w).ljust(w)
            for h, w in zip(headers, widths, strict=True)
        ]
        return _GAP.join(parts).rstrip()

    rule = _GAP.join("-" * w for w in widths)
    footer = f"{len(rows)} event{'' if len(rows) == 1 else 's'}"
    left_out = [h for h in every if h not in headers]
    if left_out:
        footer += f"; not shown at this width: {', '.join(left_out)} (widen the terminal or use --format csv)"
    return "\n".join([line(dict(zip(every, every, strict=True))), rule, *(line(row) for row in rows), footer])
