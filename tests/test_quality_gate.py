"""The quality gate: strife's scores on the gold files must not fall below the committed floors.

Floors live in tests/quality_floors.json, one table per gold file. They are raised
deliberately when the engine improves and never lowered without a note there
saying why. The gate runs only where ../shared (the gold files) is present.
"""

from __future__ import annotations

import json
from pathlib import Path

from strife.evaluate import Report, evaluate
from strife.pipeline import Resources, default_pipeline
from strife.records import Article, Event

FLOORS = Path(__file__).with_name("quality_floors.json")
EVENT_FIGURES = {
    "event_f1": "f1",
    "event_precision": "precision",
    "event_recall": "recall",
    "duplicates_precision": "duplicates_precision",
    "duplicates_recall": "duplicates_recall",
}


def load_floors() -> dict[str, dict[str, float]]:
    table = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {name: figures for name, figures in table.items() if not name.startswith("_")}


def figure(report: Report, name: str) -> float | None:
    """A named figure of a report: an event score, or a field's accuracy; None when it has neither."""
    if name in EVENT_FIGURES:
        value: float | None = getattr(report, EVENT_FIGURES[name])
        return value
    if name in report.fields:
        return report.accuracy(name)
    return None


def missed_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """One line per floor the report misses (or a figure it does not have)."""
    missed = []
    for name, floor in floors.items():
        value = figure(report, name)
        if value is None:
            missed.append(f"{report.path.name}: {name} not in the report (floor {floor:.3f})")
        elif value < floor:
            missed.append(f"{report.path.name}: {name} {value:.3f} below its floor {floor:.3f}")
    return missed


def test_floors_file_names_figures_between_zero_and_one() -> None:
    for gold, figures in load_floors().items():
        assert gold.endswith(".jsonl")
        assert figures, gold
        assert all(0.0 <= value <= 1.0 for value in figures.values()), gold


def test_floors_file_has_notes() -> None:
    assert json.loads(FLOORS.read_text(encoding="utf-8"))["_notes"]


def test_scores_meet_floors(shared: Path) -> None:
    paths = {p.name: p for p in sorted((shared / "eval" / "dev").glob("*.jsonl"))}
    seed = shared / "seed" / "seed_gold.jsonl"
    if seed.exists():
        paths[seed.name] = seed
    floors = load_floors()
    gated = [paths[name] for name in floors if name in paths]
    assert gated, f"none of the gold files named in {FLOORS.name} is under {shared}"
    pipeline = default_pipeline(Resources())

    def extract(article: Article) -> list[Event]:
        outcome = pipeline(article)
        return [] if outcome.rejection is not None else list(outcome.events)

    missed = []
    for report in evaluate(gated, extract):
        missed += missed_floors(report, floors[report.path.name])
    assert not missed, "quality floors missed:\n" + "\n".join(missed)
