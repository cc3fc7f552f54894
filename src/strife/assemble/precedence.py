"""ACLED precedence between event families inside one article (data/type_precedence.tsv).

"Seven killed by a missile" and "the missile strike killed seven civilians" are one Explosions/
Remote violence event with civilians as actor2, not a strike and an attack on civilians. The table
says which type of event holds a mention of another type when both report one occurrence."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from strife.mentions import Mention, Typing
from strife.tables import read_table

WHEN = ("always", "reference")
REVISE = "revise"  # a row that pairs two families for the learned judge only (strife.learn.revise)
COLUMNS = ("host", "joined", "when", "why")


@dataclass(frozen=True)
class Precedence:
    pairs: frozenset[tuple[str, str, str]]  # (host type, joined type or "type/sub-type", when)
    revisable: frozenset[tuple[str, str]] = frozenset()  # the `revise` rows: (type or "type/sub-type", same)

    @classmethod
    def load(cls, path: Path | None = None) -> Precedence:
        pairs, revisable = set(), set()
        for row in read_table(
            path or "type_precedence.tsv", COLUMNS, (*WHEN, REVISE), optional={"why"}, kind_column="when"
        ):
            host, joined = row["host"].strip(), row["joined"].strip()
            if not host or not joined:
                raise row.error(f"expected {'<TAB>'.join(COLUMNS)} with a host and a joined type")
            if row["when"].strip() == REVISE:
                revisable.add((host, joined))
            else:
                pairs.add((host, joined, row["when"].strip()))
        return cls(frozenset(pairs), frozenset(revisable))

    def holds(self, host_type: str, m: Mention, reference: bool = False) -> bool:
        """Whether an event of `host_type` holds mention m when both report one occurrence;
        `reference`: m is a definite reference ("the attack"), which the `reference` rows also allow."""
        if m.typing is None:
            return False
        whens = ("always", "reference") if reference else ("always",)
        joined = (m.typing.event_type, f"{m.typing.event_type}/{m.typing.sub_event_type}")
        return any((host_type, j, w) in self.pairs for j in joined for w in whens)

    def confusable(self, a: Typing, b: Typing) -> bool:
        """Whether a row of any kind pairs the families of `a` and `b` (each side a type, or a
        type/sub-type that must match): one occurrence can be told as either, so a report coded
        as one may be the other (strife.learn.revise)."""
        rows = {(host, joined) for host, joined, _ in self.pairs} | self.revisable
        names_a = (a.event_type, f"{a.event_type}/{a.sub_event_type}")
        names_b = (b.event_type, f"{b.event_type}/{b.sub_event_type}")
        return any((x, y) in rows or (y, x) in rows for x in names_a for y in names_b)
