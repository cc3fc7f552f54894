"""A Mention: one trigger in one sentence, with everything read around it.

Mentions are what the detection stage makes and the assembly stage merges into
events. All offsets are character offsets into the cleaned article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strife.extract.claims import Attribution
from strife.extract.classify import Typing


@dataclass(frozen=True)
class ActorRef:
    """A resolved actor and the words it was read from."""

    name: str
    type: int | None
    country: str | None
    start: int
    end: int
    assoc: str | None = None
    matched: str = ""  # the words the actor dictionary matched ("rebel group", "NRF forces")
    named: bool = True  # a named actor, not a generic noun ("troops", "gunmen")


@dataclass(frozen=True)
class Figure:
    """A count read from the text: deaths or displaced people."""

    value: int
    low: int | None
    high: int | None
    unit: str | None
    start: int
    end: int
    text: str
    vague: bool = False  # "dozens", "thousands": a word, not a count
    revision: str | None = None  # "preliminary" ("initially, five were killed") or "update" ("rose to 14")
    implied: bool = False  # no count: one victim per single person named ("a man was shot dead")


@dataclass
class Mention:
    typing: Typing | None  # None: an unclassified violent mention that only carries figures
    kind: str
    strong: bool
    sentence: int  # index of the sentence in the doc
    sent_start: int
    sent_end: int
    trigger_start: int
    trigger_end: int
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    deaths: Figure | None = None
    deaths_mentioned: bool = False
    displaced: Figure | None = None
    time: Any = None  # strife.extract.time.TimeExpr, offsets made absolute
    location: Any = None  # strife.resolve.places.Location
    destination: Any = None
    attribution: Attribution | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def event_type(self) -> str | None:
        return self.typing.event_type if self.typing else None
