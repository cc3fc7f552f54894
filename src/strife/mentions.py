"""The intermediate nouns of coding, beside the records: what the stages hand each other.

resolve makes `Actor`s, `Place`s, `PlaceMention`s and the `ArticleContext`; extract reads
sentences into `Mention`s (with `Typing`, `Figure`, `TimeExpr`, `Location`, `Attribution`
and `ActorRef`s); assemble turns mentions into `Event`s (records.py). All offsets are
character offsets into the cleaned article text. This module imports nothing of strife.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

_Day = date  # the type, for fields declared after a field named `date` that shadows it

# ACLED's actor type codes (CODEBOOK section 4): the digits of the interaction code.
ACTOR_TYPES: dict[int, str] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


@dataclass(frozen=True)
class Actor:
    """A resolved actor: canonical name, type code 1-8, home country, associated actor, matched text."""

    name: str
    type: int
    country: str | None
    assoc: str | None = None
    matched: str = ""  # the alias text matched


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
class Place:
    """One gazetteer entry. `country` is the analysts' name ("Syria"), not GeoNames'."""

    name: str
    geonameid: int | None
    country: str | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    kind: str  # "country" | "admin1" | "admin2" | "city" | "feature"
    population: int = 0


@dataclass(frozen=True)
class PlaceMention:
    """A toponym found in a text: the char span, what it resolved to (None: unknown)."""

    start: int
    end: int
    surface: str
    kind: str  # a Place kind, "demonym", or the kind a pattern implies when unresolved
    place: Place | None
    near: bool


@dataclass(frozen=True)
class Location:
    """The location fields of an event (CODEBOOK section 6) and the span they came from."""

    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    start: int | None
    end: int | None
    unresolved: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class TimeExpr:
    """A time expression: its span in the text and the window it resolves to."""

    start: int
    end: int
    text: str
    date_start: date | None
    date_end: date | None
    precision: int | None
    kind: str
    background: bool
    note: str | None = None


@dataclass(frozen=True)
class Typing:
    """The event type and sub-event type a trigger is coded as."""

    event_type: str
    sub_event_type: str


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's statement is attributed to ("the NRF said", "told AFP")."""

    claimant: str | None
    verb: str
    contested: bool
    agency: str | None
    start: int  # char span of the claimant phrase in the doc text
    end: int


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
    """One trigger in one sentence, with everything read around it; assemble merges them into events."""

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
    time: TimeExpr | None = None  # offsets made absolute
    location: Location | None = None
    destination: Location | None = None
    attribution: Attribution | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def event_type(self) -> str | None:
        return self.typing.event_type if self.typing else None


@dataclass
class ArticleContext:
    """What extraction needs to know about the whole article, resolved once before its sentences."""

    text: str
    date: date | None
    country: str | None
    places: Sequence[PlaceMention]
    anniversary: bool = False  # the story remembers a past event (CODEBOOK section 2: background)
    actors: Sequence[ActorRef] = ()  # every actor the dictionary finds in the text, in order
    anchor: _Day | None = None  # what relative times count from: the dateline's date, else the article's
    focus: Location | None = None  # the admin1 area the article is mostly about, for events naming none
