"""What one stage asks of another's resources: small interfaces, so no hand-off is `Any`.

resolve/ provides them (`ActorDictionary`, `Geocoder`); extract/ and the pipeline's
stages use them. Any object with these methods will do, e.g. a fake in a test.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from strife.mentions import Actor, Location, PlaceMention


class ActorLookup(Protocol):
    def resolve(self, phrase: str, on: date | None = None, country: str | None = None) -> Actor | None:
        """The actor a noun phrase names, or None."""
        ...

    def find(
        self, text: str, on: date | None = None, country: str | None = None
    ) -> list[tuple[int, int, Actor]]:
        """All actor mentions in a text as (char start, char end, actor), in text order."""
        ...

    def mentions(
        self, text: str, on: date | None = None, country: str | None = None
    ) -> list[tuple[int, int, Actor, bool]]:
        """find(), with whether each mention names an actor (True) or is a generic noun (False)."""
        ...


class PlaceLookup(Protocol):
    def mentions(self, text: str, country: str | None = None) -> list[PlaceMention]:
        """All toponyms in the text, resolved in `country` when it is given."""
        ...

    def article_country(
        self, text: str, mentions: Sequence[PlaceMention] | None = None, hints: Sequence[str] = ()
    ) -> str | None:
        """The country the article is about."""
        ...

    def locate(
        self,
        text: str,
        mentions: Sequence[PlaceMention],
        start: int,
        end: int,
        country: str | None,
        anchor: int | None = None,
    ) -> Location | None:
        """The event's place in text[start:end]."""
        ...

    def destination(
        self, text: str, mentions: Sequence[PlaceMention], start: int, end: int, country: str | None
    ) -> Location | None:
        """Where displaced people went, or None."""
        ...

    def focus(self, text: str, mentions: Sequence[PlaceMention], country: str | None) -> Location | None:
        """The admin1 area the article is mostly about."""
        ...
