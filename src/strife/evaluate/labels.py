"""Scoring against outside label sets: IDMC displacement labels and WikiEvents attack arguments.

These sets do not code strife's events, so each is scored on what its labels can tell:

- idmc: is a Displacement event found for a row labelled with displacement (recall,
  per cause tag too); is the labelled figure found exactly (some predicted Displacement
  event's `displaced_figure`); for the event with that figure, else the first
  Displacement event, is the unit and the term (mapped to a codebook sub-type) right.
  Figure, unit and term are counted over all labelled rows, so a missed row counts as
  wrong in each. Rows tagged as not displacement (none in the dev set) are counted as
  negatives: how many got a Displacement event anyway.
- wikievents: documents with an attack-like event (Conflict.Attack.*) detected by at
  least one predicted Battles / Explosions/Remote violence / Violence against civilians
  / Riots event, and how many documents without one got such a prediction. Argument
  recall: the Attacker/Target/Victim/Place arguments of attack, death and injury events
  (distinct per document, pronouns left out), each matched when, after name
  normalisation, its head word (last word) is a word of some predicted actor or place
  name of that document, or of an evidence sentence given for an actor or place field,
  or when such a name appears whole inside the argument text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from strife.evaluate.compare import name_key, normalise_name, side_names
from strife.evaluate.gold import GoldSet
from strife.evaluate.report import Report

DISPLACEMENT = "Displacement"
PLACE_FIELDS = ("location", "admin1", "admin2", "country")
ACTOR_FIELD_PREFIXES = ("actor", "assoc_actor")

Predictions = Mapping[str, Sequence[Mapping[str, Any]]]


@dataclass(frozen=True)
class LabelMaps:
    """How outside labels map to the codebook (from labels.json, editable by a domain expert)."""

    idmc_terms: dict[str, str]
    idmc_units: dict[str, str]
    idmc_negative_tags: frozenset[str]
    attack_prefixes: tuple[str, ...]
    argument_prefixes: tuple[str, ...]
    argument_roles: tuple[str, ...]
    attack_types: frozenset[str]
    pronouns: frozenset[str]


def load_label_maps() -> LabelMaps:
    data = json.loads(resources.files("strife.evaluate").joinpath("labels.json").read_text(encoding="utf-8"))
    idmc, wiki = data["idmc"], data["wikievents"]
    return LabelMaps(
        idmc_terms=dict(idmc["terms"]),
        idmc_units=dict(idmc["units"]),
        idmc_negative_tags=frozenset(t.casefold() for t in idmc["negative_tags"]),
        attack_prefixes=tuple(wiki["attack_event_prefixes"]),
        argument_prefixes=tuple(wiki["argument_event_prefixes"]),
        argument_roles=tuple(wiki["argument_roles"]),
        attack_types=frozenset(wiki["strife_attack_types"]),
        pronouns=frozenset(wiki["pronouns"]),
    )


def _unit(maps: LabelMaps, unit: Any) -> str | None:
    return maps.idmc_units.get(str(unit).casefold().strip()) if unit else None


def _is_negative(maps: LabelMaps, labels: Mapping[str, Any]) -> bool:
    tag = str(labels.get("tag") or "").casefold()
    return tag in maps.idmc_negative_tags or (labels.get("figure") is None and labels.get("term") is None)


def score_idmc(gold: GoldSet, predictions: Predictions, maps: LabelMaps) -> Report:
    counts: dict[str, list[int]] = {"displacement detected": [0, 0]}
    tags: dict[str, list[int]] = {}
    figure, unit, term, negatives = [0, 0], [0, 0], [0, 0], [0, 0]
    errors: list[str] = []
    for row in gold.rows:
        labels = row.get("labels") or {}
        found = [p for p in predictions.get(row["id"], ()) if p.get("event_type") == DISPLACEMENT]
        if _is_negative(maps, labels):
            negatives[0] += bool(found)
            negatives[1] += 1
            if found:
                errors.append(
                    f"{row['id']} spurious: {len(found)} Displacement events on a row labelled "
                    "not displacement"
                )
            continue
        tag = str(labels.get("tag") or "untagged")
        for bucket in (counts["displacement detected"], tags.setdefault(tag, [0, 0])):
            bucket[0] += bool(found)
            bucket[1] += 1
        want = (
            labels.get("figure"),
            _unit(maps, labels.get("unit")),
            maps.idmc_terms.get(str(labels.get("term"))),
        )
        if not found:
            errors.append(
                f"{row['id']} missed displacement ({tag}: {want[0]} {want[1]}, {labels.get('term')})"
            )
        chosen = next((p for p in found if p.get("displaced_figure") == want[0]), found[0] if found else {})
        got = (
            chosen.get("displaced_figure"),
            _unit(maps, chosen.get("displaced_unit")),
            chosen.get("sub_event_type"),
        )
        for name, bucket, expected, value in zip(
            ("figure", "unit", "term"), (figure, unit, term), want, got, strict=True
        ):
            if expected is None:
                continue  # not labelled, or a term the map does not know: not scored
            bucket[0] += expected == value
            bucket[1] += 1
            if found and expected != value:
                errors.append(f"{row['id']} Displacement {name}: expected {expected}, got {value}")
    fields = {name: (c, t) for name, (c, t) in counts.items()}
    fields |= {f"detected ({tag})": (c, t) for tag, (c, t) in sorted(tags.items())}
    fields |= {"figure": (figure[0], figure[1]), "unit": (unit[0], unit[1]), "term": (term[0], term[1])}
    if negatives[1]:
        fields["negatives with displacement predicted"] = (negatives[0], negatives[1])
    return Report(
        gold.path, gold.kind, len(gold.rows), fields, lead="displacement detected", errors=tuple(errors)
    )


def gold_arguments(row: Mapping[str, Any], maps: LabelMaps) -> list[tuple[str, str]]:
    """Distinct (role, text) arguments of a document's attack, death and injury events."""
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for event in row["labels"]["events"]:
        if not str(event.get("event_type", "")).startswith(maps.argument_prefixes):
            continue
        for argument in event.get("arguments") or ():
            role, text = argument.get("role"), argument.get("text") or ""
            norm = normalise_name(text)
            if role in maps.argument_roles and norm and norm not in maps.pronouns:
                seen.setdefault((role, norm), (role, text))
    return list(seen.values())


def predicted_texts(preds: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """Normalised actor and place names, and normalised evidence sentences for those fields."""
    names: list[str] = []
    sentences: list[str] = []
    for pred in preds:
        names += [normalise_name(n) for side in (1, 2) for n in side_names(pred, side)]
        names += [normalise_name(pred.get(f)) for f in PLACE_FIELDS if pred.get(f)]
        for evidence in pred.get("evidence") or ():
            field = str(evidence.get("field", ""))
            if field in PLACE_FIELDS or field.startswith(ACTOR_FIELD_PREFIXES):
                sentences.append(normalise_name(evidence.get("sentence")))
    return [n for n in names if n], [s for s in sentences if s]


def argument_found(text: str, names: Sequence[str], sentences: Sequence[str]) -> bool:
    """The argument's head word is a word of a name or sentence, or a name is inside the argument."""
    norm = normalise_name(text)
    head = norm.split()[-1]
    if any(head in candidate.split() for candidate in (*names, *sentences)):
        return True
    return any(f" {name} " in f" {norm} " or name_key(name) == name_key(norm) for name in names)


def score_wikievents(gold: GoldSet, predictions: Predictions, maps: LabelMaps) -> Report:
    detected, flagged = [0, 0], [0, 0]
    roles = {role: [0, 0] for role in maps.argument_roles}
    errors: list[str] = []
    for row in gold.rows:
        preds = predictions.get(row["id"], ())
        is_attack = any(
            str(e.get("event_type", "")).startswith(maps.attack_prefixes) for e in row["labels"]["events"]
        )
        predicted_attack = any(p.get("event_type") in maps.attack_types for p in preds)
        bucket = detected if is_attack else flagged
        bucket[0] += predicted_attack
        bucket[1] += 1
        if is_attack and not predicted_attack:
            errors.append(f"{row['id']} missed attack document")
        elif predicted_attack and not is_attack:
            errors.append(f"{row['id']} spurious attack on a document without one")
        names, sentences = predicted_texts(preds)
        for role, text in gold_arguments(row, maps):
            found = argument_found(text, names, sentences)
            roles[role][0] += found
            roles[role][1] += 1
            if not found:
                errors.append(f"{row['id']} missed {role} {text!r}")
    fields = {role: (c, t) for role, (c, t) in roles.items()}
    fields["arguments"] = (sum(c for c, _ in fields.values()), sum(t for _, t in fields.values()))
    fields["non-attack documents flagged"] = (flagged[0], flagged[1])
    fields["attack documents detected"] = (detected[0], detected[1])
    return Report(
        gold.path, gold.kind, len(gold.rows), fields, lead="attack documents detected", errors=tuple(errors)
    )
