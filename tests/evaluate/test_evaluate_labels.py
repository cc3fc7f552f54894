from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from strife.evaluate import GoldSet, score
from strife.evaluate.labels import argument_found, load_label_maps

CODEBOOK_DISPLACEMENT = {"Forced to flee", "Evacuated", "Displaced", "Sheltered", "Returned"}


def idmc_set(*labels: dict[str, Any]) -> GoldSet:
    rows = tuple(
        {"id": f"i{n}", "source": "idmc", "date": None, "text": "A made-up flood report.", "labels": label}
        for n, label in enumerate(labels, start=1)
    )
    return GoldSet(path=Path("idmc.jsonl"), kind="idmc", rows=rows)


def displacement(figure: int | None, unit: str | None, term: str = "Displaced") -> dict[str, Any]:
    return {
        "event_type": "Displacement",
        "sub_event_type": term,
        "displaced_figure": figure,
        "displaced_unit": unit,
    }


FLOOD = {"tag": "Disasters", "figure": 40, "term": "In Relief Camp", "unit": "households"}
RAID = {"tag": "Conflict and violence", "figure": 900, "term": "Forced to Flee", "unit": "people"}


def test_label_maps_point_at_codebook_subtypes() -> None:
    maps = load_label_maps()
    assert set(maps.idmc_terms.values()) <= CODEBOOK_DISPLACEMENT
    assert set(maps.idmc_units.values()) == {"people", "households"}
    assert maps.idmc_terms["Returns"] == "Returned"


@pytest.mark.parametrize(
    ("preds", "expected"),
    [
        ({}, {"displacement detected": (0, 2), "figure": (0, 2), "unit": (0, 2), "term": (0, 2)}),
        (
            {"i1": [displacement(40, "families", "Sheltered")], "i2": [displacement(90, "people")]},
            {"displacement detected": (2, 2), "figure": (1, 2), "unit": (2, 2), "term": (1, 2)},
        ),
        (  # the event with the labelled figure is the one whose unit and term are scored
            {"i1": [displacement(7, "people"), displacement(40, "households", "Sheltered")]},
            {"displacement detected": (1, 2), "figure": (1, 2), "unit": (1, 2), "term": (1, 2)},
        ),
        (  # another event type does not count as detection
            {"i1": [{"event_type": "Battles", "sub_event_type": "Armed clash"}]},
            {"displacement detected": (0, 2), "figure": (0, 2)},
        ),
    ],
)
def test_idmc_scoring(preds: dict[str, list[dict[str, Any]]], expected: dict[str, tuple[int, int]]) -> None:
    report = score(idmc_set(FLOOD, RAID), preds)
    assert {name: report.fields[name] for name in expected} == expected


def test_idmc_detection_per_tag() -> None:
    report = score(idmc_set(FLOOD, RAID), {"i2": [displacement(900, "people", "Forced to flee")]})
    assert report.fields["detected (Conflict and violence)"] == (1, 1)
    assert report.fields["detected (Disasters)"] == (0, 1)


def test_idmc_rows_labelled_not_displacement_are_negatives() -> None:
    report = score(
        idmc_set(FLOOD, {"tag": "Not displacement", "figure": None, "term": None, "unit": None}),
        {"i2": [displacement(5, "people")]},
    )
    assert report.fields["negatives with displacement predicted"] == (1, 1)
    assert report.fields["displacement detected"] == (0, 1)


def test_idmc_report_ends_with_detection() -> None:
    report = score(idmc_set(FLOOD), {})
    assert report.format().splitlines()[-1] == "displacement detected 0/1 = 0.00"
    assert report.f1 is None


def wiki_set(*docs: list[dict[str, Any]]) -> GoldSet:
    rows = tuple(
        {
            "id": f"w{n}",
            "source": "wikievents",
            "date": None,
            "text": "A made-up report.",
            "labels": {"events": events},
        }
        for n, events in enumerate(docs, start=1)
    )
    return GoldSet(path=Path("wiki.jsonl"), kind="wikievents", rows=rows)


ATTACK_DOC = [
    {
        "event_type": "Conflict.Attack.DetonateExplode",
        "trigger": "blast",
        "arguments": [
            {"role": "Attacker", "text": "the Orange Front"},
            {"role": "Place", "text": "Port-Noir"},
        ],
    },
    {
        "event_type": "Life.Die.Unspecified",
        "trigger": "killed",
        "arguments": [
            {"role": "Victim", "text": "shoppers"},
            {"role": "Victim", "text": "who"},
            {"role": "Place", "text": "Port Noir"},
        ],
    },
    {
        "event_type": "Contact.Contact.Broadcast",
        "trigger": "said",
        "arguments": [{"role": "Communicator", "text": "police"}],
    },
]
QUIET_DOC = [{"event_type": "Contact.Contact.Meet", "trigger": "met", "arguments": []}]


def bombing(**fields: Any) -> dict[str, Any]:
    return {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Remote explosive/landmine/IED",
    } | fields


def test_wikievents_attack_documents() -> None:
    report = score(wiki_set(ATTACK_DOC, QUIET_DOC), {"w1": [bombing()], "w2": [bombing()]})
    assert report.fields["attack documents detected"] == (1, 1)
    assert report.fields["non-attack documents flagged"] == (1, 1)
    assert report.format().splitlines()[-1] == "attack documents detected 1/1 = 1.00"


def test_wikievents_protest_is_not_attack_detection() -> None:
    report = score(
        wiki_set(ATTACK_DOC), {"w1": [{"event_type": "Protests", "sub_event_type": "Peaceful protest"}]}
    )
    assert report.fields["attack documents detected"] == (0, 1)


def test_wikievents_argument_recall() -> None:
    evidence = [
        {"field": "actor2", "article_id": "w1", "sentence": "Two shoppers died.", "start": 0, "end": 1}
    ]
    pred = bombing(actor1="Orange Front", location="Port Noir", evidence=evidence)
    report = score(wiki_set(ATTACK_DOC), {"w1": [pred]})
    # Port-Noir and Port Noir are one argument; "who" is a pronoun; Communicator is not scored.
    assert (report.fields["Attacker"], report.fields["Victim"], report.fields["Place"]) == (
        (1, 1),
        (1, 1),
        (1, 1),
    )
    assert report.fields["arguments"] == (3, 3)


@pytest.mark.parametrize(
    ("argument", "names", "sentences", "expected"),
    [
        ("gunmen", ["Unidentified Armed Group (Ruritania)"], [], False),
        ("Ruritania", ["civilians ruritania"], [], True),
        ("the Orange Front fighters", ["orange front"], [], True),  # name inside the argument
        ("soldiers", [], ["three soldiers were killed"], True),
        ("soldier", [], ["three soldiers were killed"], False),
    ],
)
def test_argument_found(argument: str, names: list[str], sentences: list[str], expected: bool) -> None:
    assert argument_found(argument, names, sentences) is expected


def test_wikievents_evidence_for_other_fields_does_not_count() -> None:
    evidence = [
        {"field": "fatalities", "article_id": "w1", "sentence": "Two shoppers died.", "start": 0, "end": 1}
    ]
    report = score(wiki_set(ATTACK_DOC), {"w1": [bombing(evidence=evidence)]})
    assert report.fields["Victim"] == (0, 1)
