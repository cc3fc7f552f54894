"""ACLED's inter codes for strife's actor types (data/acled/inter_codes.tsv).

strife and ACLED number the same eight kinds of actor, but draw two lines differently:
strife types an unnamed armed group by what the text calls it (gunmen 8, rebels 2), while
ACLED codes every "Unidentified Armed Group" as a political militia (3). The table says
so per type and, where it matters, per actor name.
"""

from __future__ import annotations

from dataclasses import dataclass

from strife.tables import read_table

CODES = range(1, 9)


@dataclass(frozen=True)
class InterCodes:
    by_type: dict[int, int]
    by_name: tuple[tuple[int, str, int], ...]  # (strife type, name start, ACLED code)

    @classmethod
    def load(cls) -> InterCodes:
        by_type: dict[int, int] = {}
        by_name: list[tuple[int, str, int]] = []
        for row in read_table("acled/inter_codes.tsv", ("type", "actor", "inter", "why")):
            try:
                kind, code = int(row["type"]), int(row["inter"])
            except ValueError:
                raise row.error("type and inter must be whole numbers") from None
            if kind not in CODES or code not in CODES:
                raise row.error(f"type and inter must be codes 1-8, not {kind} and {code}")
            if row["actor"].strip():
                by_name.append((kind, row["actor"].strip(), code))
            else:
                by_type[kind] = code
        missing = [kind for kind in CODES if kind not in by_type]
        if missing:
            raise ValueError(f"data/acled/inter_codes.tsv: no row for strife type(s) {missing}")
        # the longest name first, so a more specific row wins
        return cls(by_type, tuple(sorted(by_name, key=lambda r: -len(r[1]))))

    def inter(self, actor: str | None, actor_type: int | None) -> int | None:
        """ACLED's inter code of an actor, None when strife has no type for it."""
        if actor_type is None:
            return None
        for kind, start, code in self.by_name:
            if kind == actor_type and actor and actor.startswith(start):
                return code
        return self.by_type.get(actor_type)
