"""The result of scoring one gold file: counts per field, event P/R/F1, duplicate pairs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def ratio(part: int, whole: int) -> float:
    """part/whole, 0.0 when whole is 0 (the counts beside it show that nothing was there)."""
    return part / whole if whole else 0.0


def harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _count_line(name: str, correct: int, total: int) -> str:
    return f"{name} {correct}/{total} = {ratio(correct, total):.2f}" if total else f"{name} 0/0 = -"


@dataclass(frozen=True)
class Report:
    """Scores of one gold file.

    `fields` maps a field (or, for label sets, a criterion) to (correct, total). News gold
    also has event counts (tp/fp/fn) and duplicate-pair counts. `format()` ends with the
    figures that matter most: the compact field line, then the events line (news) or the
    lead criterion (label sets), so the last lines of the output are the summary.
    """

    path: Path
    kind: str
    rows: int
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)
    tp: int | None = None
    fp: int | None = None
    fn: int | None = None
    duplicates: tuple[int, int, int] | None = None  # article pairs: tp, fp, fn
    lead: str | None = None  # label sets: the criterion printed last
    notes: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def precision(self) -> float | None:
        return None if self.tp is None else ratio(self.tp, self.tp + (self.fp or 0))

    @property
    def recall(self) -> float | None:
        return None if self.tp is None else ratio(self.tp, self.tp + (self.fn or 0))

    @property
    def f1(self) -> float | None:
        if self.precision is None or self.recall is None:
            return None
        return harmonic(self.precision, self.recall)

    @property
    def duplicates_precision(self) -> float | None:
        return (
            None
            if self.duplicates is None
            else ratio(self.duplicates[0], self.duplicates[0] + self.duplicates[1])
        )

    @property
    def duplicates_recall(self) -> float | None:
        return (
            None
            if self.duplicates is None
            else ratio(self.duplicates[0], self.duplicates[0] + self.duplicates[2])
        )

    def accuracy(self, name: str) -> float:
        correct, total = self.fields[name]
        return ratio(correct, total)

    def events_line(self) -> str | None:
        if self.tp is None:
            return None
        return (
            f"events P {self.precision:.2f} R {self.recall:.2f} F1 {self.f1:.2f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )

    def format(self, errors: bool = False) -> str:
        """Readable report; with `errors`, first the missed, spurious and mismatched events."""
        lines: list[str] = []
        if errors:
            lines += [f"{self.path.name}: {len(self.errors)} errors"]
            lines += [f"  {e}" for e in self.errors]
        lines.append(
            f"{self.path.name} ({self.kind}, {self.rows} rows)" + "".join(f"; {n}" for n in self.notes)
        )
        lines += [_count_line(name, *counts) for name, counts in self.fields.items() if name != self.lead]
        if self.duplicates is not None:
            tp, fp, fn = self.duplicates
            lines.append(
                f"duplicates P {self.duplicates_precision:.2f} R {self.duplicates_recall:.2f} "
                f"(article pairs: tp {tp}, fp {fp}, fn {fn})"
            )
        compact = [f"{name} {c}/{t}" for name, (c, t) in self.fields.items() if name != self.lead]
        if compact:
            lines.append("fields " + " ".join(compact))
        events = self.events_line()
        if events is not None:
            lines.append(events)
        if self.lead is not None:
            lines.append(_count_line(self.lead, *self.fields[self.lead]))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        events: dict[str, Any] | None = None
        if self.tp is not None:
            events = {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision}
            events |= {"recall": self.recall, "f1": self.f1}
        duplicates: dict[str, Any] | None = None
        if self.duplicates is not None:
            tp, fp, fn = self.duplicates
            duplicates = {"tp": tp, "fp": fp, "fn": fn}
            duplicates |= {"precision": self.duplicates_precision, "recall": self.duplicates_recall}
        return {
            "path": str(self.path),
            "kind": self.kind,
            "rows": self.rows,
            "events": events,
            "fields": {
                name: {"correct": c, "total": t, "accuracy": ratio(c, t)}
                for name, (c, t) in self.fields.items()
            },
            "duplicates": duplicates,
            "lead": self.lead,
            "notes": list(self.notes),
            "errors": list(self.errors),
        }
