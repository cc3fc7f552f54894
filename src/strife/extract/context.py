"""What detection needs to know about the whole article, read once before its sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from strife.extract.mentions import ActorRef

_Day = date  # the type, for fields declared after the `date` field that shadows the name


@dataclass
class ArticleContext:
    """What detection needs to know about the whole article."""

    text: str
    date: date | None
    country: str | None
    places: Sequence[Any]  # PlaceMention
    anniversary: bool = False  # the story remembers a past event (CODEBOOK section 2: background)
    actors: Sequence[ActorRef] = ()  # every actor the dictionary finds in the text, in order
    anchor: _Day | None = None  # what relative times count from: the dateline's date, else the article's
