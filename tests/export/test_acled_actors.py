"""ACLED's inter codes for strife's actor types (data/acled/inter_codes.tsv)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from acled_helpers import acled_rows

from strife.export.acled.actors import CODES, InterCodes
from strife.records import Event

EventFactory = Callable[..., Event]


@pytest.fixture(scope="module")
def codes() -> InterCodes:
    return InterCodes.load()


def test_every_strife_type_has_a_code(codes: InterCodes) -> None:
    assert sorted(codes.by_type) == list(CODES)


@pytest.mark.parametrize(
    ("actor", "strife_type", "inter"),
    [
        ("Military Forces of Nigeria", 1, 1),
        ("Government of Sudan", 1, 1),
        ("National Resistance Front", 2, 2),
        ("Unidentified Armed Group (Nigeria)", 8, 3),  # gunmen: ACLED's political militia
        ("Unidentified Armed Group (Cameroon)", 2, 3),  # unnamed separatists: still 3 in ACLED
        ("Unidentified Communal Militia (South Sudan)", 4, 4),
        ("Military Forces of Russia", 8, 8),  # state forces abroad stay external forces
        ("Civilians (Mali)", 7, 7),
        ("Protesters (Kenya)", 6, 6),
        (None, None, None),
    ],
)
def test_inter_code(codes: InterCodes, actor: str | None, strife_type: int | None, inter: int | None) -> None:
    assert codes.inter(actor, strife_type) == inter


def test_interaction_is_made_of_acleds_codes(tmp_path: Path, event_factory: EventFactory) -> None:
    event = event_factory(actor1="Unidentified Armed Group (Afghanistan)", actor1_type=8, interaction=78)
    row = acled_rows(tmp_path, [event])[0]
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("3", "7", "37")


def test_a_lone_actor_is_x0(tmp_path: Path, event_factory: EventFactory) -> None:
    row = acled_rows(tmp_path, [event_factory(actor2=None, actor2_type=None)])[0]
    assert (row["inter2"], row["interaction"]) == ("", "10")
