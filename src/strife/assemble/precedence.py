"""ACLED precedence between event families inside one article (data/type_precedence.tsv).

"Seven killed by a missile" and "the missile strike killed seven civilians" are one Explosions/
Remote violence event with civilians as actor2, not a strike and an attack on civilians. The table
says which type of event holds a mention of another type when both report one occurrence."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from strife.mentions import Mention

WHEN = ("always", "reference")


@dataclass(frozen=True)
class Precedence:
    pairs: frozenset[tuple[str, str, str]]  # (host type, joined type or "type/sub-type", when)

    @classmethod
    def load(cls, path: Path | None = None) -> Precedence:
        source = path or resources.files("strife.data").joinpath("type_precedence.tsv")
        pairs = set()
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            cells = [c.strip() for c in cells]
            if len(cells) < 3 or not cells[0] or not cells[1] or cells[2] not in WHEN:
                raise ValueError(
                    f"{source}:{number}: expected 'host<TAB>joined<TAB>when<TAB>why' with `when` one of "
                    f"{', '.join(WHEN)}, got {line!r}"
                )
            pairs.add((cells[0], cells[1], cells[2]))
        return cls(frozenset(pairs))

    def holds(self, host_type: str, m: Mention, reference: bool = False) -> bool:
        """Whether an event of `host_type` holds mention m when both report one occurrence;
        `reference`: m is a definite reference ("the attack"), which the `reference` rows also allow."""
        if m.typing is None:
            return False
        whens = ("always", "reference") if reference else ("always",)
        joined = (m.typing.event_type, f"{m.typing.event_type}/{m.typing.sub_event_type}")
        return any((host_type, j, w) in self.pairs for j in joined for w in whens)
