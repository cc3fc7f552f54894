"""One occurrence, one event (CODEBOOK section 1): references and ACLED precedence inside an article."""

from datetime import date
from pathlib import Path

import pytest

from strife.assemble.precedence import Precedence
from strife.mentions import Mention, Typing
from strife.pipeline import Pipeline, Resources, default_pipeline
from strife.records import Article, Event

DAY = date(2024, 3, 9)  # a Saturday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return default_pipeline(Resources())


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return list(pipeline(Article("t", text, DAY)).events)


def _mention(event_type: str, sub: str) -> Mention:
    return Mention(Typing(event_type, sub), "kill", False, 0, 0, 1, 0, 1)


@pytest.mark.parametrize(
    ("host", "event_type", "sub", "reference", "held"),
    [
        ("Explosions/Remote violence", "Violence against civilians", "Attack", False, True),
        ("Explosions/Remote violence", "Battles", "Armed clash", False, False),
        ("Explosions/Remote violence", "Battles", "Armed clash", True, True),
        ("Riots", "Strategic developments", "Looting/property destruction", False, True),
        ("Battles", "Violence against civilians", "Attack", False, False),
        ("Violence against civilians", "Explosions/Remote violence", "Air/drone strike", True, False),
    ],
)
def test_precedence_table(host: str, event_type: str, sub: str, reference: bool, held: bool) -> None:
    assert Precedence.load().holds(host, _mention(event_type, sub), reference=reference) is held


def test_precedence_table_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "p.tsv"
    bad.write_text("Riots\tBattles\tsometimes\twhy\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"p\.tsv:1"):
        Precedence.load(bad)


def test_civilians_killed_by_a_strike_are_the_strike(pipeline: Pipeline) -> None:
    text = (
        "Nine civilians were killed in Kafr Nabl, in Syria's Idlib province, on Friday. "
        "A government air strike hit the market of Kafr Nabl on Friday, killing nine civilians, "
        "the monitor said."
    )
    events = _events(pipeline, text)
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    assert events[0].fatalities == 9


def test_the_blast_refers_back_to_the_bombing(pipeline: Pipeline) -> None:
    text = (
        "A roadside bomb killed four police officers in Mardan district of Khyber Pakhtunkhwa, "
        "Pakistan, on Friday. Officials blamed the Pakistani Taliban for the blast, which hit "
        "army troops escorting the police."
    )
    events = _events(pipeline, text)
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]


def test_another_attack_is_a_new_event(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed six farmers in Zamfara state, Nigeria, on Thursday. "
        "In another attack on Friday, gunmen killed three traders in Kebbi state, Nigeria."
    )
    assert len(_events(pipeline, text)) == 2


def test_rioters_burning_a_station_are_the_riot(pipeline: Pipeline) -> None:
    text = (
        "Rioters clashed with police in Kisumu, Kenya, on Friday, throwing stones at officers. "
        "The rioters also set fire to a police post in Kisumu on Friday."
    )
    events = _events(pipeline, text)
    assert [e.event_type for e in events] == ["Riots"]
