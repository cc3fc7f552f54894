"""One occurrence per place of a list (CODEBOOK section 1), through the real pipeline."""

import pytest
from story import coded_events

from strife.pipeline import Pipeline


def test_a_count_for_each_town_is_an_event_for_each(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed four farmers in Gusau, two in Kaura Namoda and one near Anka in Zamfara state, "
        "Nigeria, on Friday, police said."
    )
    events = sorted(coded_events(pipeline, text), key=lambda e: e.fatalities or 0)
    assert [e.location for e in events] == ["Anka", "Kaura Namoda", "Gusau"]
    assert [e.fatalities for e in events] == [1, 2, 4]


def test_families_evacuated_in_each_province(pipeline: Pipeline) -> None:
    text = (
        "Officials in the Philippines said 3,000 families were evacuated in Sorsogon; 1,200 families "
        "in Catanduanes; and 800 families in Masbate ahead of the typhoon."
    )
    events = coded_events(pipeline, text)
    assert len({(e.admin2, e.location) for e in events}) == 3
    assert {e.sub_event_type for e in events} == {"Evacuated"}


@pytest.mark.parametrize(
    "text",
    [
        # a place and where it lies: one event
        "Gunmen killed five villagers in Gusau, the capital of Zamfara state, Nigeria, on Friday.",
        "Gunmen killed five villagers in Anka, 100 km west of Gusau, in Nigeria on Friday.",
        # a town and its province: one event
        "Militants attacked a police post in Bannu, Khyber Pakhtunkhwa, Pakistan, on Friday, killing two.",
    ],
)
def test_a_place_and_its_setting_are_one_event(pipeline: Pipeline, text: str) -> None:
    assert len(coded_events(pipeline, text)) == 1
