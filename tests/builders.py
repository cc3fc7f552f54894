"""The one builder of test events: a suite passes its own defaults, so the values its assertions
depend on stay written in the suite, and only the building is shared.

    from builders import build_event

    def make_event(event_id: str, article_id: str, **changes: Any) -> Event:
        return build_event(dict(event_id=event_id, event_type="Battles", ...), **changes)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from strife.records import Event


def build_event(defaults: Mapping[str, Any], **changes: Any) -> Event:
    """An Event of a suite's `defaults` with `changes` laid over them (a change of None clears a field)."""
    return Event(**{**defaults, **changes})
