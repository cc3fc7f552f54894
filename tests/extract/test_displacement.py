"""Displacement coding (CODEBOOK section 8) through the real pipeline, from our own sentences, and the
word lists of data/displacement_cues.tsv."""

import pytest
from story import coded_events

from strife.extract.displacement import DisplacementCues
from strife.extract.quantities import find_quantities
from strife.pipeline import Pipeline
from strife.records import Event


@pytest.fixture(scope="module")
def cues() -> DisplacementCues:
    return DisplacementCues.load()


def _displaced(pipeline: Pipeline, text: str) -> list[tuple[str, int | None, str | None]]:
    events: list[Event] = coded_events(pipeline, text)
    return [
        (e.sub_event_type, e.displaced_figure, e.displaced_unit)
        for e in events
        if e.event_type == "Displacement"
    ]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Heavy floods hit Kunar, Afghanistan. At least 45 homes were destroyed, officials said.",
            45,
        ),
        ("The earthquake destroyed more than 230 houses in Sindhupalchok district of Nepal.", 230),
        ("Cyclone winds ripped through coastal Odisha, India, and 1,200 houses collapsed overnight.", 1200),
        ("Torrential rains led to the destruction of 318 houses in Kassala, Sudan, the governor said.", 318),
        ("A landslide buried 14 homes in a village of Rasuwa district, Nepal, on Friday.", 14),
    ],
)
def test_homes_destroyed_by_a_hazard_are_displaced_households(
    pipeline: Pipeline, text: str, figure: int
) -> None:
    assert ("Displaced", figure, "households") in _displaced(pipeline, text)


def test_destroyed_homes_not_damaged_ones(pipeline: Pipeline) -> None:
    text = "In Baglung, Nepal, floods damaged 300 houses and destroyed 25 houses on Monday."
    assert _displaced(pipeline, text) == [("Displaced", 25, "households")]


def test_damaged_homes_alone_are_not_displacement(pipeline: Pipeline) -> None:
    assert _displaced(pipeline, "Floods damaged 300 houses in Baglung district of Nepal on Monday.") == []


def test_homes_destroyed_by_armed_men_are_not_a_disaster(pipeline: Pipeline) -> None:
    text = "Gunmen destroyed 40 homes in a village of Zamfara state, Nigeria, after heavy rains on Monday."
    assert all(sub != "Displaced" or unit != "households" for sub, _, unit in _displaced(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Floods in Assam, India, left 3,400 people homeless on Tuesday.", ("Displaced", 3400)),
        ("Some 8,000 residents of Guangxi, China, were relocated after the typhoon.", ("Evacuated", 8000)),
        (
            "Two people died in the storm and close to 1,500 were evacuated in Salzburg, Austria.",
            ("Evacuated", 1500),
        ),
        ("The floods forced 4,000 people to leave their homes in Jiangxi, China.", ("Forced to flee", 4000)),
        ("About 900 people lost their homes to the wildfire in Valparaiso, Chile.", ("Displaced", 900)),
        ("Some 2,300 people took shelter in schools after the cyclone hit Mozambique.", ("Sheltered", 2300)),
    ],
)
def test_relocated_homeless_and_sheltered(pipeline: Pipeline, text: str, expected: tuple[str, int]) -> None:
    assert expected in [(sub, figure) for sub, figure, _ in _displaced(pipeline, text)]


def test_figure_is_the_count_tied_to_the_trigger_not_a_clock_time(pipeline: Pipeline) -> None:
    text = "Of the 120,000 people affected by floods in Hunan, China, 9,400 had been evacuated as of 6 p.m."
    assert [figure for _, figure, _ in _displaced(pipeline, text)] == [9400]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Las lluvias en Salta, Argentina, dejaron más de 1.200 evacuados.", ("Evacuated", 1200, "people")),
        ("Hay 350 familias desalojadas por las inundaciones en Bolivia.", ("Evacuated", 350, "families")),
    ],
)
def test_spanish_displacement_words_and_dot_thousands(
    pipeline: Pipeline, text: str, expected: tuple[str, int, str]
) -> None:
    assert expected in _displaced(pipeline, text)


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("the hurricane-ravaged islands", "hurricane"),
        ("flooding in the north", "flooding"),
        ("a forest fire near the town", "forest fire"),
        ("las inundaciones en Salta", "inundaciones"),
        ("soldiers opened fire on the crowd", None),
        ("a cease-fire was agreed", None),
        ("a storm of criticism", None),
    ],
)
def test_hazard_words(cues: DisplacementCues, text: str, hazard: str | None) -> None:
    assert cues.hazard(text) == hazard


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("60 homes were destroyed", True),
        ("321 Houses destroyed", True),
        ("25,000 mud-and-thatch homes", True),
        ("24 viviendas destruidas", True),
        ("2,000 people whose homes were destroyed", False),
        ("14 buildings", False),
    ],
)
def test_counts_housing(cues: DisplacementCues, text: str, counts: bool) -> None:
    (q, *_) = find_quantities(text)
    assert cues.counts_housing(text, q) is counts


def test_every_cue_row_has_a_known_kind(cues: DisplacementCues) -> None:
    assert all(cues.of(kind) for kind in ("hazard", "not_hazard", "housing", "people", "household"))
