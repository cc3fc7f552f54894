"""ACLED precedence between event families inside one article (data/type_precedence.tsv).

"Seven killed by a missile" and "the missile strike killed seven civilians" are one Explosions/
Remote violence event with civilians as actor2, not a strike and an attack on civilians. The table
says which type of event holds a mention of another type when both report one occurrence."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from strife.mentions import Mention
from strife.tables import read_table

WHEN = ("always", "reference")
COLUMNS = ("host", "joined", "when", "why")


@dataclass(frozen=True)
class Precedence:
    pairs: frozenset[tuple[str, str, str]]  # (host type, joined type or "type/sub-type", when)

    @classmethod
    def load(cls, path: Path | None = None) -> Precedence:
        pairs = set()
        for row in read_table(
            path or "type_precedence.tsv", COLUMNS, WHEN, optional={"why"}, kind_column="when"
        ):
            host, joined = row["host"].strip(), row["joined"].strip()
            if not host or not joined:
                raise row.error(f"expected {'<TAB>'.join(COLUMNS)} with a host and a joined type")
            pairs.add((host, joined, row["when"].strip()))
        return cls(frozenset(pairs))

    def holds(self, host_type: str, m: Mention, reference: bool = False) -> bool:
        """Whether an event of `host_type` holds mention m when both report one occurrence;
        `reference`: m is a definite reference ("the attack"), which the `reference` rows also allow."""
        if m.typing is None:
            return False
        whens = ("always", "reference") if reference else ("always",)
        joined = (m.typing.event_type, f"{m.typing.event_type}/{m.typing.sub_event_type}")
        return any((host_type, j, w) in self.pairs for j in joined for w in whens)
