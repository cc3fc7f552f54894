"""Death figures: which count of a sentence is the toll, and how an event weighs its figures
(CODEBOOK section 7). Sentences are our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from story import coded_events

from strife.extract.displacement import DisplacementCues
from strife.extract.figure_cues import FigureCues
from strife.extract.figures import Figures
from strife.extract.quantities import find_quantities, load_vague_table
from strife.mentions import Figure
from strife.pipeline import Pipeline

LEAD = "Militants attacked an army base near Diffa, Niger, on Thursday."


@pytest.fixture(scope="module")
def figures() -> Figures:
    return Figures(DisplacementCues.load())


def _deaths(nlp, figures: Figures, text: str) -> Figure | None:  # type: ignore[no-untyped-def]
    sent = next(nlp(text).sents)
    figure, _, _ = figures.deaths(sent, find_quantities(sent.text, load_vague_table()))
    return figure


def _fatalities(pipeline: Pipeline, text: str) -> list[tuple[str, int]]:
    return [(e.event_type, e.fatalities) for e in coded_events(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At least 28 gang members were killed and hundreds of rounds seized in the raid.", 28),
        ("At least 14 people were killed and 10 others injured in the attack.", 14),
        ("Three guards were attacked and killed at the checkpoint.", 3),
        ("The clashes left twelve dead.", 12),
        ("Residents said 31 people had died, but the army put the toll at 19.", 19),
        ("Two more died in hospital, bringing the toll to seven.", 7),
        ("A local commander was killed along with three of his guards.", 4),
        ("Gunmen killed 12 villagers; two of the dead were children.", 12),
        ("Four guards were killed and 18 wounded when the convoy was hit.", 4),
        ("The shelling came three days after 40 farmers were killed near the river.", 40),
        ("Rebels killed 9 herders including 6 others wounded, a chief said.", 9),
    ],
)
def test_the_count_of_the_dead(nlp, figures: Figures, text: str, value: int) -> None:  # type: ignore[no-untyped-def]
    figure = _deaths(nlp, figures, text)
    assert figure is not None and figure.value == value


@pytest.mark.parametrize(
    "text",
    [
        "The attack follows the murders of two soldiers in a nearby town.",
        "The ambush came after the killing of four fighters last month.",
        "More than 10,000 people have been killed in the war.",
    ],
)
def test_dead_of_another_occurrence_give_no_figure(nlp, figures: Figures, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _deaths(nlp, figures, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Tens of thousands were killed or left homeless when the storm struck the coast.",
        "Millions died of hunger and disease as the floods swept the delta.",
        "Hundreds of thousands of people have died, aid groups say.",
    ],
)
def test_a_vague_word_above_thousands_is_no_death_count(nlp, figures: Figures, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _deaths(nlp, figures, text) is None


def test_thousands_is_still_a_count(nlp, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    figure = _deaths(nlp, figures, "Thousands were killed when troops stormed the city.")
    assert figure is not None and figure.value == 1000


def test_a_numbered_list_item_is_no_count(nlp, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    figure = _deaths(nlp, figures, "1. Africa\nMilitants killed 10 soldiers in an ambush.")
    assert figure is not None and figure.value == 10


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Soldiers shot dead a young man during the protest.", 1),
        ("The district chief was killed in the ambush.", 1),
        ("He died of his wounds in hospital.", 1),
    ],
)
def test_a_single_victim_is_an_implied_one(nlp, figures: Figures, text: str, value: int) -> None:  # type: ignore[no-untyped-def]
    figure = _deaths(nlp, figures, text)
    assert figure is not None and (figure.value, figure.implied) == (value, True)


def test_a_family_is_no_single_victim(nlp, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    assert _deaths(nlp, figures, "A family was killed when the shell hit their house.") is None


@pytest.mark.parametrize(
    ("text", "revision"),
    [
        ("Initially, five officers were killed in the blast.", "preliminary"),
        ("The death toll rose to 14 on Friday.", "update"),
        ("At least 14 people were killed in the blast.", None),
    ],
)
def test_first_counts_and_new_tolls_are_marked(
    nlp, figures: Figures, text: str, revision: str | None
) -> None:  # type: ignore[no-untyped-def]
    figure = _deaths(nlp, figures, text)
    assert figure is not None and figure.revision == revision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a death figure in a sentence with no event word joins the event before it
        (f"{LEAD} Five bodies were recovered.", [("Battles", 5)]),
        (f"{LEAD} Residents said 31 people had died, but the army put the toll at 19.", [("Battles", 19)]),
        # a new toll replaces the first count, even when the report dates it later
        (
            f"{LEAD[:-1]}, killing 10 soldiers. The toll rose to 14 on Friday, officials said.",
            [("Battles", 14)],
        ),
        # a first count yields to the final one
        (
            "Initially, five police officers were killed when a bomb hit their vehicle near Maiduguri in "
            "Borno state, Nigeria, on Thursday. Two more died in hospital, bringing the toll to seven.",
            [("Explosions/Remote violence", 7)],
        ),
        # not lent: a count that adds to an earlier one, the toll of a whole conflict, a past event
        (f"{LEAD[:-1]}, killing 20 soldiers. Another five died in hospital on Friday.", [("Battles", 20)]),
        (f"{LEAD} The insurgency has killed 10,000 people since 2015.", [("Battles", 0)]),
        (f"{LEAD} In 2019, 40 people died in a similar raid nearby.", [("Battles", 0)]),
        # a single victim is 1, not the 3 of deaths without a figure
        ("Soldiers shot dead a protester in Lagos, Nigeria, on Thursday, witnesses said.", [("Protests", 1)]),
    ],
)
def test_event_fatalities(pipeline: Pipeline, text: str, expected: list[tuple[str, int]]) -> None:
    assert _fatalities(pipeline, text) == expected


def test_figure_cues_reject_an_unknown_kind(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("initially\tfirst_count\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind 'first_count'"):
        FigureCues.load(path)


@pytest.mark.parametrize(
    ("noun", "unit"),
    [("residents", None), ("families", "families"), ("familles", "families"), ("homes", "households")],
)
def test_displaced_nouns_and_units(figures: Figures, noun: str, unit: str | None) -> None:
    assert noun in figures.people
    assert figures.unit(noun) == unit


def test_a_displaced_noun_added_to_the_table_is_read() -> None:
    cues = DisplacementCues({"people": frozenset({"herders"}), "homes": frozenset({"compounds"})})
    figures = Figures(cues)
    assert {"herders", "compounds"} <= figures.people
    assert figures.unit("compounds") == "households"
    assert "residents" not in figures.people


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The attack on Friday follows the murders of three farmers in a nearby town.", "attack", True),
        ("The raid on Friday came after the killing of four fighters.", "raid", True),
        ("The raid on Friday killed four fighters.", "raid", False),
    ],
)
def test_an_event_set_against_another_killing(
    nlp, figures: Figures, text: str, word: str, expected: bool
) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.text == word)
    assert figures.set_against_other_killing(token) is expected


def test_a_killing_with_no_killer_reports_the_dead_of_the_event_before(pipeline: Pipeline) -> None:
    text = f"{LEAD} At least 28 people were killed, officials said."
    assert _fatalities(pipeline, text) == [("Battles", 28)]


def test_a_count_of_places_or_attacks_is_no_count_of_the_dead(nlp, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    assert _deaths(nlp, figures, "The killings occurred in four northern provinces.") is None


@pytest.mark.parametrize(
    "text",
    [
        "At least 40 people were injured when police fired on the crowd.",
        "Police arrested 60 people after the clashes left one man dead.",
        "The fighting has displaced 12,000 residents and killed a farmer.",
        "The storm affected 30,000 people in the province, where two died.",
        "Nearly 8,000 people have been killed in the fighting since the start of the revolt.",
    ],
)
def test_counts_of_others_never_become_deaths(nlp, figures: Figures, text: str) -> None:  # type: ignore[no-untyped-def]
    figure = _deaths(nlp, figures, text)
    assert figure is None or figure.value <= 2


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds marched in the capital against the killings of three students by police.",
        "Crowds gathered outside parliament to condemn the killing of a journalist.",
    ],
)
def test_deaths_a_protest_is_about_are_not_its_dead(nlp, figures: Figures, text: str) -> None:  # type: ignore[no-untyped-def]
    sent = next(nlp(text).sents)
    figure, mentioned, _ = figures.deaths(sent, find_quantities(sent.text, load_vague_table()))
    assert (figure, mentioned) == (None, False)


def test_a_running_total_is_dropped_with_its_reason(nlp, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    sent = next(nlp("More than 6,000 people have been killed in the region, officials said.").sents)
    quantities = find_quantities(sent.text, load_vague_table())
    assert figures.deaths(sent, quantities)[0] is None
    assert figures.dropped(sent, quantities) == [
        "figure 'More than 6,000' dropped: a running total ('have been killed'), not one event's dead"
    ]


def test_a_protest_against_killings_has_no_fatalities(pipeline: Pipeline) -> None:
    text = "Students held a demonstration in Lagos, Nigeria, on Friday against the killings of protesters."
    assert [f for kind, f in _fatalities(pipeline, text) if kind == "Protests"] == [0]


@pytest.mark.parametrize(
    "text",
    [
        "A teacher and a nurse were killed and more than 90 people, including pupils, were injured.",
        "Two guards were shot dead and 15 hurt in the ambush.",
    ],
)
def test_a_count_that_ends_on_a_wound_word_is_of_the_wounded(nlp, figures: Figures, text: str) -> None:  # type: ignore[no-untyped-def]
    figure = _deaths(nlp, figures, text)
    assert figure is None or figure.value not in {90, 15}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A soldier and a shepherd were killed in the raid.", 2),
        ("Troops opened fire on the crowd, killing one of them near the bridge.", 1),
    ],
)
def test_single_victims_without_a_count(nlp, figures: Figures, text: str, value: int) -> None:  # type: ignore[no-untyped-def]
    figure = _deaths(nlp, figures, text)
    assert figure is not None and figure.implied and figure.value == value


def test_soldiers_and_a_name_are_no_single_victims(nlp, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    assert _deaths(nlp, figures, "Soldiers and a shepherd were killed in the raid.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dead of the clause on "after" are another occurrence's: the raid founds its own event
        # without them, and the clause's ambush is coded apart with its own dead
        (
            "Gunmen raided a market in Gao, Mali, on Friday, killing 14 traders. The raid came a day "
            "after nine herders were killed in an ambush near Gao.",
            [14, 9],
        ),
    ],
)
def test_a_clause_that_tells_another_occurrence_keeps_its_dead(
    pipeline: Pipeline, text: str, expected: list[int]
) -> None:
    assert sorted(f for _, f in _fatalities(pipeline, text)) == sorted(expected)


def test_a_sequel_clause_is_found(nlp, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The blast happened hours after three guards died in a clash.")
    assert figures.earlier_clause(next(t for t in doc if t.text == "died")) is not None
    assert figures.earlier_clause(next(t for t in doc if t.text == "blast")) is None
    fled = nlp("Gunmen fled after they killed five villagers.")
    assert figures.earlier_clause(next(t for t in fled if t.text == "killed")) is None


def test_the_object_of_follow_is_another_occurrence(nlp, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The latest attack followed bombings over the weekend that killed four people.")
    assert figures.earlier_clause(next(t for t in doc if t.text == "killed")) is not None
    assert figures.earlier_clause(next(t for t in doc if t.text == "attack")) is None
