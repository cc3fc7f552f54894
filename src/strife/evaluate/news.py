"""Scoring predictions against news gold (FORMAT.md): event pairing, P/R/F1, fields, duplicates.

Per article, predicted events are paired with gold events by a maximum-weight one-to-one
assignment (`best_pairing`). A pair is allowed when the event types are equal, the
country is equal where gold has one, and the date windows overlap where both have them.
Among the allowed pairings the one with the most pairs wins, then the one with the most
agreeing fields (admin1, location, and the share of gold actors matched), then the one
pairing more non-optional gold events. Most pairs first, because a field agreement
should decide *which* gold event a prediction is, never turn a true positive into a
false positive.

A prediction paired with an optional gold event is a true positive: the event is real
and coded correctly, so a system that finds it should not be penalised for precision;
an optional gold event left unpaired is simply not counted (no false negative).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations
from typing import Any

from strife.evaluate.assignment import best_pairing
from strife.evaluate.compare import (
    actor_matches,
    as_date,
    in_range,
    name_in,
    name_key,
    near,
    window,
    windows_overlap,
)
from strife.evaluate.gold import GoldSet
from strife.evaluate.report import Report

FIELDS = (
    "sub_event_type",
    "admin1",
    "location",
    "actors",
    "actor_types",
    "fatalities",
    "displaced_people",
    "event_date",
)
# Lexicographic weights: a pair always outweighs any agreement, agreement any optionality.
PAIR_WEIGHT, AGREEMENT_WEIGHT, REQUIRED_WEIGHT = 1000.0, 10.0, 1.0

Outcome = tuple[str, bool, Any, Any]  # field, correct, expected, got


def allowed(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Type equal; country equal where gold has one; date windows overlap where both have them."""
    if gold.get("event_type") != pred.get("event_type"):
        return False
    if gold.get("country") and name_key(gold["country"]) != name_key(pred.get("country")):
        return False
    return windows_overlap(window(gold), window(pred))


def _as_list(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value)


def field_outcomes(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> list[Outcome]:
    """Each scored field of a paired event (only where gold has it); actors once per gold actor."""
    out: list[Outcome] = []
    if gold.get("sub_event_type"):
        accepted = _as_list(gold["sub_event_type"])
        out.append(
            (
                "sub_event_type",
                name_in(pred.get("sub_event_type"), accepted),
                accepted,
                pred.get("sub_event_type"),
            )
        )
    if gold.get("admin1") is not None:
        accepted = _as_list(gold["admin1"])
        out.append(("admin1", name_in(pred.get("admin1"), accepted), accepted, pred.get("admin1")))
    has_coords = gold.get("latitude") is not None and gold.get("longitude") is not None
    if gold.get("location") is not None or has_coords:
        accepted = _as_list(gold.get("location") or [])
        ok = name_in(pred.get("location"), accepted) or near(gold, pred) is True
        got = f"{pred.get('location')} ({pred.get('latitude')}, {pred.get('longitude')})"
        expected = f"{accepted} ({gold.get('latitude')}, {gold.get('longitude')})"
        out.append(("location", ok, expected, got))
    names, types = actor_matches(gold, pred)
    got_actors = f"{pred.get('actor1')} / {pred.get('actor2')}"
    got_types = f"{pred.get('actor1_type')} / {pred.get('actor2_type')}"
    for i, ok in enumerate(names):
        out.append(("actors", ok, gold["actors"][i], got_actors))
    for i, type_ok in enumerate(types):
        if type_ok is not None:
            out.append(("actor_types", type_ok, gold["actor_types"][i], got_types))
    for name, got_name in (("fatalities", "fatalities"), ("displaced_people", "displaced_people")):
        if gold.get(name) is not None:
            out.append((name, in_range(pred.get(got_name), gold[name]), gold[name], pred.get(got_name)))
    start, end = window(gold)
    if gold.get("date_start") and gold.get("date_end"):
        got_date = as_date(pred.get("event_date")) or window(pred)[1]
        ok = got_date is not None and start <= got_date <= end  # type: ignore[operator]
        out.append(("event_date", ok, f"{start}..{end}", got_date))
    return out


def agreement(outcomes: Sequence[Outcome]) -> float:
    """admin1 + location + the share of gold actors matched: what decides among allowed pairs."""
    score = sum(1.0 for name, ok, _, _ in outcomes if ok and name in ("admin1", "location"))
    actors = [ok for name, ok, _, _ in outcomes if name == "actors"]
    return score + (sum(actors) / len(actors) if actors else 0.0)


def pair_events(
    gold_events: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """The (gold index, prediction index) pairs of one article."""
    weights: list[list[float | None]] = []
    for gold in gold_events:
        row: list[float | None] = []
        for pred in preds:
            if not allowed(gold, pred):
                row.append(None)
                continue
            required = 0.0 if gold.get("optional") else REQUIRED_WEIGHT
            row.append(PAIR_WEIGHT + AGREEMENT_WEIGHT * agreement(field_outcomes(gold, pred)) + required)
        weights.append(row)
    return best_pairing(weights)


def describe(pred: Mapping[str, Any]) -> str:
    """One line for a spurious prediction: type, sub-type, actors, place, date, first evidence."""
    place = ", ".join(str(pred[k]) for k in ("location", "admin1", "country") if pred.get(k)) or "no place"
    evidence = pred.get("evidence") or []
    sentence = " ".join(evidence[0].get("sentence", "").split()) if evidence else ""
    kind = f"{pred.get('event_type')}/{pred.get('sub_event_type')}"
    actors = f"{pred.get('actor1')} vs {pred.get('actor2')}"
    day = pred.get("event_date") or pred.get("date_end")
    return f'{kind}: {actors}; {place}; {day}; "{sentence}"'


def why_unpaired(pred: Mapping[str, Any], gold_events: Sequence[Mapping[str, Any]], paired: set[int]) -> str:
    """Why a spurious prediction found no gold event: the first rule that a same-type gold event fails."""
    same_type = [g for g, e in enumerate(gold_events) if e.get("event_type") == pred.get("event_type")]
    if not same_type:
        return "no gold event of this type"
    reasons = []
    for g in same_type:
        gold = gold_events[g]
        if gold.get("country") and name_key(gold["country"]) != name_key(pred.get("country")):
            reasons.append(f"gold #{g + 1}: country {pred.get('country')}, expected {gold['country']}")
        elif not windows_overlap(window(gold), window(pred)):
            start, end = window(gold)
            got_start, got_end = window(pred)
            reasons.append(f"gold #{g + 1}: dates {got_start}..{got_end} outside {start}..{end}")
        elif g in paired:
            reasons.append(f"gold #{g + 1}: already paired")
    return "; ".join(reasons)


def duplicate_pairs(gold: GoldSet, same: Callable[[str, str], bool]) -> tuple[int, int, int]:
    """Article pairs (among those with a cluster): tp, fp, fn of "same occurrence".

    `same(a, b)` is strife's verdict on two article ids (strife.dedupe.groups).
    """
    clustered = [row for row in gold.rows if row.get("cluster")]
    tp = fp = fn = 0
    for a, b in combinations(clustered, 2):
        truth = a["cluster"] == b["cluster"]
        guess = same(a["id"], b["id"])
        tp += truth and guess
        fp += guess and not truth
        fn += truth and not guess
    return tp, fp, fn


def score_news(
    gold: GoldSet,
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
    same: Callable[[str, str], bool] | None = None,
) -> Report:
    """Event P/R/F1, field accuracy over paired events, duplicate-pair P/R (see the module docstring)."""
    tp = fp = fn = 0
    counts = {name: [0, 0] for name in FIELDS}
    errors: list[str] = []
    total = sum(len(row["events"]) for row in gold.rows)
    optional = sum(bool(e.get("optional")) for row in gold.rows for e in row["events"])
    for row in gold.rows:
        aid, gold_events = row["id"], row["events"]
        preds = list(predictions.get(aid, ()))
        pairs = pair_events(gold_events, preds)
        paired_gold = {g for g, _ in pairs}
        paired_pred = {p for _, p in pairs}
        tp += len(pairs)
        for p, pred in enumerate(preds):
            if p not in paired_pred:
                fp += 1
                errors.append(
                    f"{aid} spurious {describe(pred)} ({why_unpaired(pred, gold_events, paired_gold)})"
                )
        for g, event in enumerate(gold_events):
            if g not in paired_gold and not event.get("optional"):
                fn += 1
                errors.append(f'{aid} missed {event.get("event_type")}: "{event.get("evidence", "")}"')
        for g, p in pairs:
            for name, ok, expected, got in field_outcomes(gold_events[g], preds[p]):
                counts[name][0] += ok
                counts[name][1] += 1
                if not ok:
                    errors.append(
                        f"{aid} {gold_events[g]['event_type']} {name}: expected {expected}, got {got}"
                    )
    # Duplicate figures need at least one pair of clustered articles to say anything.
    has_clusters = sum(bool(row.get("cluster")) for row in gold.rows) >= 2
    negatives = sum(not row["events"] for row in gold.rows)
    return Report(
        path=gold.path,
        kind=gold.kind,
        rows=len(gold.rows),
        fields={name: (c, t) for name, (c, t) in counts.items()},
        tp=tp,
        fp=fp,
        fn=fn,
        duplicates=duplicate_pairs(gold, same) if has_clusters and same is not None else None,
        notes=(f"{total} gold events, {optional} optional", f"{negatives} negative articles"),
        errors=tuple(errors),
    )
