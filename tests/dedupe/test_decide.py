"""Merge decisions: the codebook's test, and what the score adds for undated reports, two codings
of one occurrence, places named at two levels and copies of one story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from dedupe_helpers import report

from strife.dedupe.decide import Decider, Report
from strife.dedupe.families import Families
from strife.dedupe.similarity import LexicalSimilarity
from strife.records import Event

UNDATED = {"event_date": None, "date_start": None, "date_end": None, "time_precision": None}
LEAD = "Fighters of the Rapid Support Forces attacked army positions in El Obeid, killing 9 soldiers."
SAME_LEAD = "RSF fighters attacked army positions in El Obeid on Saturday, killing nine soldiers."
OTHER_LEAD = "Troops repelled an assault on a checkpoint east of the city, the army said."


@pytest.fixture(scope="module")
def decider() -> Decider:
    return Decider(Families.load(), LexicalSimilarity())


def told(event: Event, *sentences: str) -> Report:
    article = event.sources[0].article_id
    return Report(event, article, sentences=lambda: sentences, article_sentences=lambda: sentences)


def decide(
    decider: Decider, a: Event, b: Event, texts: Sequence[str] = (), copies: bool = False
) -> str | None:
    first = told(a, *texts[:1])
    second = told(b, *texts[1:2])
    verdict = decider.decide(first, second, copies=copies)
    return None if verdict is None else verdict.outcome


def test_the_codebooks_test_still_merges(decider: Decider) -> None:
    verdict = decider.decide(told(report("a")), told(report("b")))
    assert verdict is not None and verdict.outcome == "merge"
    assert "same place (El Obeid)" in verdict.reason() and "score" in verdict.reason()


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"country": "Chad"}, "another country"),
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, "types no precedence links"),
        ({"event_date": report("a").event_date.replace(month=5)}, "disjoint dates"),
        ({"actor2": "Sudan Liberation Movement/Army"}, "two named actors in one position"),
        (
            {"location": "Nyala", "admin1": "South Darfur", "latitude": 12.05, "longitude": 24.88},
            "far places",
        ),
    ],
)
def test_vetoes(decider: Decider, change: dict[str, object], why: str) -> None:
    assert decide(decider, report("a"), report("b", **change)) is None, why


def test_an_undated_report_never_merges_on_type_and_place_alone(decider: Decider) -> None:
    undated = report("b", **UNDATED)
    assert decide(decider, report("a"), undated) is None
    assert decide(decider, report("a", fatalities=9), replace(undated, fatalities=9)) is None


def test_an_undated_report_merges_on_like_sentences_at_the_same_town(decider: Decider) -> None:
    dated, undated = report("a", fatalities=9), report("b", fatalities=9, **UNDATED)
    assert decide(decider, dated, undated, (LEAD, SAME_LEAD)) == "merge"
    assert decide(decider, dated, undated, (LEAD, OTHER_LEAD)) is None
    # far-apart tolls of like sentences: left for a person at most
    assert decide(decider, dated, replace(undated, fatalities=40), (LEAD, SAME_LEAD)) != "merge"


def test_an_undated_copy_of_one_story_merges(decider: Decider) -> None:
    assert decide(decider, report("a"), report("b", **UNDATED), copies=True) == "merge"


def test_copies_with_two_tolls_are_judged_as_independent_reports(decider: Decider) -> None:
    far = {"location": "Nyala", "admin1": "South Darfur", "latitude": 12.05, "longitude": 24.88}
    assert (
        decide(decider, report("a", fatalities=3), report("b", fatalities=3, **far), copies=True) == "merge"
    )
    assert decide(decider, report("a", fatalities=3), report("b", fatalities=30, **far), copies=True) is None


def test_an_air_strike_and_an_attack_on_civilians_of_one_toll_merge(decider: Decider) -> None:
    strike = report(
        "a", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor2="Civilians (Sudan)", fatalities=21,
    )  # fmt: skip
    attack = report(
        "b", event_type="Violence against civilians", sub_event_type="Attack",
        actor1="Unidentified Armed Group (Sudan)", actor2="Civilians (Sudan)", fatalities=21,
    )  # fmt: skip
    assert decide(decider, strike, attack) == "merge"
    assert decide(decider, strike, replace(attack, fatalities=None)) is None  # nothing ties them


def test_a_town_inside_the_district_the_other_report_names(decider: Decider) -> None:
    district = report("b", location="Sheikan", admin2=None, latitude=None, longitude=None, geo_precision=2)
    verdict = decider.decide(told(report("a", admin2="Sheikan")), told(district))
    assert verdict is not None and verdict.outcome == "merge"
    assert "lies in the district Sheikan" in verdict.reason()


def test_gunmen_agree_with_the_group_another_report_names(decider: Decider) -> None:
    gunmen = report("b", actor2="Unidentified Armed Group (Sudan)")
    assert decide(decider, report("a"), gunmen) == "merge"


def test_a_place_resolved_wrongly_on_one_side_merges_only_on_identical_facts(decider: Decider) -> None:
    day = {"time_precision": 1, "fatalities": 22}
    wrong_place = report("b", location="Nyala", admin1="South Darfur", latitude=12.05, longitude=24.88, **day)
    assert decide(decider, report("a", **day), wrong_place) == "merge"
    assert decide(decider, report("a", **day), replace(wrong_place, fatalities=5)) is None


def test_a_weak_match_is_left_for_a_person(decider: Decider) -> None:
    # Province-level places and far-apart tolls: the codebook's test would merge, the score doubts.
    province = {"location": "North Kordofan", "geo_precision": 3, "actor1": None, "actor2": None}
    verdict = decider.decide(
        told(report("a", fatalities=4, **province)), told(report("b", fatalities=21, **province))
    )
    assert verdict is not None and verdict.outcome == "uncertain"
    assert verdict.reason().startswith("uncertain, not merged")


_FAR = {"location": "Nyala", "admin1": "South Darfur", "latitude": 12.05, "longitude": 24.88}


@pytest.mark.parametrize(
    ("change", "apart"),
    [
        ({"country": "Chad"}, True),
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, True),
        ({"event_date": report("a").event_date.replace(month=5)}, True),
        ({"actor2": "Sudan Liberation Movement/Army"}, True),
        (_FAR, False),  # copies of one story merge wherever each coded the place
        (UNDATED, False),
        ({}, False),
    ],
)
@pytest.mark.parametrize("tolls", [(3, 3), (3, 30)])
def test_a_pair_kept_apart_before_the_copies_are_known_is_never_merged(
    decider: Decider, change: dict[str, object], apart: bool, tolls: tuple[int, int]
) -> None:
    first, second = report("a", fatalities=tolls[0]), report("b", fatalities=tolls[1], **change)
    assert decider.apart(told(first), told(second)) is apart
    if apart:
        assert decide(decider, first, second, copies=False) is None
        assert decide(decider, first, second, copies=True) is None


def test_a_lent_date_does_not_keep_copies_apart(decider: Decider) -> None:
    # A date lent by a copy is taken back when the copies give two tolls: not a veto beforehand.
    stored = report("b", event_date=report("a").event_date.replace(month=5), fatalities=30)
    lent = Report(stored, "b", lent_from="c", unlent=replace(stored, **UNDATED))
    assert not decider.apart(told(report("a", fatalities=3)), lent)
