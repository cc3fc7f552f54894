"""Which event types two reports of one occurrence may give it, and which actor names tell something.

Two outlets code one occurrence differently when they tell it differently: "a drone strike
killed five civilians" is Explosions/Remote violence, "gunmen on motorbikes killed five
villagers" is Violence against civilians. Within one article the codebook's family
precedence (`data/type_precedence.tsv`, CODEBOOK section 1) says which type holds which;
across reports the same pairs say which two types may be one occurrence. Merging compares a
record with the records of its own type and of the types linked to it (`neighbours`), so a
strike and an attack of one week and country are compared at all.

Shared actors count as evidence only when the name tells something: "Civilians (Sudan)",
"Protesters (Chile)" or an unidentified group name nobody in particular (`telling_actors`).
A name's period ("Military Forces of Syria (2000-2024)") is left out of the comparison: an
article that lost its date has its state forces named for today's period, the dated copy of the
same story for the period of its date, and two dated reports of one occurrence share a period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strife.assemble.precedence import Precedence
from strife.records import Event
from strife.tables import read_table

# Generic actor types that name a crowd rather than a party (data/generic_actors.tsv `type`):
# 5 rioters, 6 protesters, 7 civilians.
_CROWD_TYPES = {"5", "6", "7"}
_UNNAMED = "Unidentified "
_GENERIC_COLUMNS = ("template", "type", "after_name", "aliases", "notes")
_PERIOD = re.compile(r" \(\d{4}-(?:\d{4})?\)$")  # "Military Forces of Syria (2000-2024)"


@dataclass(frozen=True)
class Families:
    pairs: frozenset[tuple[str, str]]  # (host type, joined type or "type/sub-type"), either `when`
    linked_types: dict[str, tuple[str, ...]]  # event type -> the types a row links it with
    crowds: tuple[str, ...]  # name prefixes of crowd actors ("Civilians", "Protesters", ...)

    @classmethod
    def load(cls) -> Families:
        precedence = Precedence.load()
        pairs = frozenset((host, joined) for host, joined, _ in precedence.pairs)
        links: dict[str, set[str]] = {}
        for host, joined in pairs:
            other = joined.split("/")[0]
            links.setdefault(host, set()).add(other)
            links.setdefault(other, set()).add(host)
        crowds = tuple(
            row["template"].split("(")[0].split("{")[0].strip()
            for row in read_table(
                "generic_actors.tsv",
                ("template", "type", "after_name", "aliases", "notes"),
                optional={"notes"},
            )
            if row["type"].strip() in _CROWD_TYPES
        )
        linked = {name: tuple(sorted(others - {name})) for name, others in links.items()}
        return cls(pairs, linked, tuple(sorted(set(crowds))))

    def neighbours(self, event_type: str) -> tuple[str, ...]:
        """This type and the types a precedence row links it with: whom its records are compared with."""
        return (event_type, *self.linked_types.get(event_type, ()))

    def linked(self, a: Event, b: Event) -> str | None:
        """Words naming the precedence row that lets two differently typed records be one occurrence."""
        for host, joined in ((a, b), (b, a)):
            for name in (joined.event_type, f"{joined.event_type}/{joined.sub_event_type}"):
                if (host.event_type, name) in self.pairs:
                    return f"{host.event_type} holds {name}"
        return None

    def actors_agree(self, a: Event, b: Event) -> str | None:
        """Whether the two records' actors can be one occurrence's: None when a position names two
        different parties (a battle's sides in either order); "" when they agree (an unidentified
        group agrees with any, the second report knows more); words when only a crowd stands
        where the other names a party ("Civilians" / "Government of Yemen": the victims told
        differently), which the decision then asks more evidence for."""
        mine, theirs = _parties(a), _parties(b)
        orders = [theirs, theirs[::-1]] if "Battles" in (a.event_type, b.event_type) else [theirs]
        soft: str | None = None
        for other in orders:
            crowds = []
            for p, q in zip(mine, other, strict=True):
                if p is None or q is None or p == q or p.startswith(_UNNAMED) or q.startswith(_UNNAMED):
                    continue
                if self._crowd(p) or self._crowd(q):
                    crowds.append(f"{p} / {q}")
                else:
                    break
            else:
                if not crowds:
                    return ""
                soft = soft or f"actors told differently ({'; '.join(crowds)})"
        return soft

    def telling_actors(self, a: Event, b: Event) -> list[str]:
        """Actor names both records give that name a party: not unidentified, not a crowd."""
        mine = {_party(n) for n in (a.actor1, a.actor2) if n and self._telling(n)}
        return sorted(mine & {_party(n) for n in (b.actor1, b.actor2) if n})

    def _telling(self, name: str) -> bool:
        return not name.startswith(_UNNAMED) and not self._crowd(name)

    def _crowd(self, name: str) -> bool:
        return any(name.startswith(c) for c in self.crowds if c)


def _party(name: str) -> str:
    """An actor name without its period."""
    return _PERIOD.sub("", name)


def _parties(event: Event) -> tuple[str | None, str | None]:
    first, second = event.actor1, event.actor2
    return (None if first is None else _party(first), None if second is None else _party(second))
