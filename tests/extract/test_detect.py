"""Detection and assembly through the real pipeline, from a table of our own sentences."""

from datetime import date
from pathlib import Path

import pytest
from story import DAY, coded_events

from strife.pipeline import Pipeline
from strife.records import Article


@pytest.mark.parametrize(
    "text",
    [
        "The army denied shelling the town of Goma in North Kivu province.",
        "The rebels vowed to attack the capital of Somalia next week.",
        "If the militants capture the town, they will kill the prisoners, Malian officials warned.",
        "Massoud was assassinated in 2001 by al-Qaeda in Afghanistan.",
        "The striker scored twice as the club won the battle for the league title in Nairobi.",
    ],
)
def test_not_an_event(pipeline: Pipeline, text: str) -> None:
    assert coded_events(pipeline, text) == []


def test_counts_of_two_sides_from_one_source_add_up(pipeline: Pipeline) -> None:
    text = "Five insurgents and two Mozambican soldiers died in a clash near Palma in Cabo Delgado on Friday."
    (event,) = coded_events(pipeline, text)
    assert (event.event_type, event.fatalities) == ("Battles", 7)


def test_wounded_are_not_counted(pipeline: Pipeline) -> None:
    text = "Gunmen killed 14 villagers, including children, and wounded 10 others in Zamfara state, Nigeria."
    events = coded_events(pipeline, text)
    assert [e.fatalities for e in events if e.event_type == "Violence against civilians"] == [14]


def test_a_vague_word_under_a_counted_figure_is_not_a_second_figure(pipeline: Pipeline) -> None:
    # The headline's "dozens killed" agrees with the story's "at least 23 people were killed".
    text = (Path(__file__).parents[2] / "examples" / "sudan-el-obeid-wire.txt").read_text(encoding="utf-8")
    battles = [e for e in coded_events(pipeline, text) if e.event_type == "Battles"]
    assert [(e.fatalities, e.fatalities_disputed) for e in battles] == [(23, False)]


def test_weekday_resolves_against_article_date(pipeline: Pipeline) -> None:
    text = "Gunmen killed four farmers in Zamfara state, Nigeria, on Thursday, police said."
    (event,) = coded_events(pipeline, text)
    assert (event.event_date, event.time_precision) == (date(2024, 3, 7), 1)
    assert event.reported_by == "police"


def test_every_coded_field_has_evidence_in_the_text(pipeline: Pipeline) -> None:
    text = "Russian shelling killed five civilians in Kharkiv, Ukraine, on Friday, the governor said."
    (event,) = coded_events(pipeline, text)
    assert event.actor1 == "Military Forces of Russia"
    fields = {e.field for e in event.evidence}
    assert {"event_type", "actor1", "actor2", "location", "fatalities", "event_date"} <= fields
    for ev in event.evidence:
        assert ev.sentence in text and 0 <= ev.start < ev.end <= len(text)


def test_every_evidence_span_lies_in_its_sentence(pipeline: Pipeline, examples_dir: Path) -> None:
    from strife.ingest import ReadOptions, read_inputs

    checked = 0
    for article in read_inputs((str(examples_dir),), ReadOptions()):
        if not isinstance(article, Article):
            continue
        for event in pipeline(article).events:
            for ev in event.evidence:
                sentence_at = article.text.find(ev.sentence)
                while sentence_at != -1 and sentence_at + len(ev.sentence) < ev.end:
                    sentence_at = article.text.find(ev.sentence, sentence_at + 1)
                assert sentence_at != -1 and sentence_at <= ev.start, (event.event_id, ev.field, ev.sentence)
                checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # demonstrators who turn violent are rioters (ACLED)
        (
            "Protesters clashed with police in Nairobi, Kenya, on Tuesday, hurling stones and burning tyres.",
            ("Riots", "Rioters (Kenya)", 5, "Police Forces of Kenya"),
        ),
        # an attack on civilians nobody is named for: the country's unidentified armed group
        (
            "Five farmers were attacked and killed in their fields near Ndele in the Central African "
            "Republic on Friday.",
            (
                "Violence against civilians",
                "Unidentified Armed Group (Central African Republic)",
                8,
                "Civilians (Central African Republic)",
            ),
        ),
    ],
)
def test_actors_as_acled_codes_them(pipeline: Pipeline, text: str, expected: tuple[object, ...]) -> None:
    events = coded_events(pipeline, text)
    assert [(e.event_type, e.actor1, e.actor1_type, e.actor2) for e in events] == [expected]


def test_anaphora_reads_through_a_possessive() -> None:
    from strife.assemble.sides import anaphor_key

    assert anaphor_key("The insurgents\u2019") == anaphor_key("the insurgents'") == "the insurgents"
    assert anaphor_key("the group's") == "the group"


def test_the_dateline_anchors_every_sentence(pipeline: Pipeline) -> None:
    # Printed on Sunday 10 March, filed on Friday 8 March: "yesterday" is the 7th.
    text = (
        "GOMA, March 8 (AFP) - Residents counted the damage after a night of shelling.\n\n"
        "M23 rebels shelled the town of Sake in North Kivu province yesterday, killing two civilians."
    )
    events = list(pipeline(Article("t", text, date(2024, 3, 10))).events)
    shelling = [e for e in events if e.location == "Sake"]
    assert shelling and all(e.event_date == date(2024, 3, 7) for e in shelling)


def test_a_sentence_without_a_time_continues_the_day_before_it(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed four farmers near Kaura in Kaduna state, Nigeria, on Thursday. "
        "Police clashed with protesters in the city of Kaduna, hurling tear gas."
    )
    events = coded_events(pipeline, text)
    second = [e for e in events if e.evidence[0].sentence.startswith("Police")]
    assert second and {e.event_date for e in events} == {date(2024, 3, 7)}
    assert all(any(ev.field == "event_date" for ev in e.evidence) for e in second)


@pytest.mark.parametrize(
    "text",
    [
        "The armed group was founded in the mid-1990s and fought the army in northern Mali.",
        "Rebels fought for the town of Bunia in Ituri province in the early 2000s.",
    ],
)
@pytest.mark.parametrize("day", [DAY, None])
def test_history_dated_by_a_year_or_decade_is_background(
    pipeline: Pipeline, text: str, day: date | None
) -> None:
    assert list(pipeline(Article("t", text, day)).events) == []


def test_an_article_about_an_old_occurrence_codes_it(pipeline: Pipeline) -> None:
    text = (
        "Survivors recount how gunmen killed 14 villagers on January 12\n\n"
        "Gunmen killed 14 villagers in the village of Kauru in Kaduna state, Nigeria, on January 12.\n\n"
        "The gunmen burned dozens of homes in Kauru on January 12, survivors said."
    )
    events = coded_events(pipeline, text)
    assert events and {e.event_date for e in events} == {date(2024, 1, 12)}


def test_an_old_occurrence_outside_the_lead_stays_background(pipeline: Pipeline) -> None:
    text = (
        "Troops clash with bandits in Kaduna\n\n"
        "Soldiers clashed with bandits near Kauru in Kaduna state, Nigeria, on Thursday.\n\n"
        "Gunmen killed 14 villagers in the village of Zonkwa in Kaduna state on January 12."
    )
    events = coded_events(pipeline, text)
    assert events and all(e.event_date == date(2024, 3, 7) for e in events)


def test_a_story_remembering_an_occurrence_long_ago_does_not_code_it(pipeline: Pipeline) -> None:
    text = (
        "Villagers mark the day gunmen killed 14 people in Kauru\n\n"
        "Gunmen killed 14 villagers in the village of Kauru in Kaduna state, Nigeria, on 12 June 2023."
    )
    assert coded_events(pipeline, text) == []


def test_force_used_to_disperse_a_crowd_is_coded(pipeline: Pipeline) -> None:
    text = "Police in Lagos, Nigeria, fired tear gas on Friday to disperse hundreds of protesters."
    assert [e.event_type for e in coded_events(pipeline, text)] == ["Protests"]


def test_a_wire_dateline_dates_the_report_not_the_event(pipeline: Pipeline) -> None:
    text = (
        "KABUL, March 9 (Xinhua) -- Afghan security forces seized a weapons cache in Farah province "
        "on Thursday, officials said."
    )
    (event,) = coded_events(pipeline, text)
    assert event.event_date == date(2024, 3, 7)


def test_the_day_of_a_statement_dates_the_report(pipeline: Pipeline) -> None:
    text = "Troops seized a weapons cache in Farah province, Afghanistan, said a statement on Thursday."
    (event,) = coded_events(pipeline, text)
    assert event.event_date != date(2024, 3, 7)


def test_an_earlier_occurrence_the_attack_followed_neither_counts_nor_dates_it(pipeline: Pipeline) -> None:
    text = (
        "Gunmen shot dead a village headman in Narathiwat, Thailand, on Wednesday night, police said. "
        "The latest attack followed bombings over the weekend that killed four people, including a child."
    )
    (event,) = coded_events(pipeline, text)
    assert event.event_date == date(2024, 3, 6)
    assert event.fatalities == 1


def test_a_time_in_a_clause_about_a_place_does_not_date_the_event(pipeline: Pipeline) -> None:
    # "where the revolt began in 2011" tells about Deraa, not when the man was killed
    text = (
        "Soldiers shot dead a man on Friday in Deraa, the southern city where the revolt began in 2011, "
        "Syria."
    )
    (event,) = coded_events(pipeline, text)
    assert event.event_date == date(2024, 3, 8)


def test_a_time_a_span_counts_from_does_not_make_the_event_old(pipeline: Pipeline) -> None:
    text = (
        "Soldiers clashed with jihadists near Kidal, Mali, in the heaviest fighting in the region since 2015."
    )
    (event,) = coded_events(pipeline, text)
    assert event.event_type == "Battles"


def test_an_attack_repelled_is_a_battle(pipeline: Pipeline) -> None:
    text = "An attack by bandits on Dansadau in Zamfara, Nigeria, was repelled by soldiers on Friday."
    assert [e.sub_event_type for e in coded_events(pipeline, text)] == ["Armed clash"]


def test_a_villager_murdered_is_an_attack(pipeline: Pipeline) -> None:
    text = "Gunmen murdered a villager in Kauru, Kaduna state, Nigeria, on Friday night."
    assert [e.sub_event_type for e in coded_events(pipeline, text)] == ["Attack"]


def test_an_armed_group_naming_its_new_leader_is_a_change_to_the_group(pipeline: Pipeline) -> None:
    text = "Boko Haram named a new leader on Friday after its commander was killed in Borno, Nigeria."
    events = coded_events(pipeline, text)
    assert "Change to group/activity" in [e.sub_event_type for e in events]


def test_a_town_population_fleeing_is_displacement(pipeline: Pipeline) -> None:
    text = "Much of the population of Macomia, Mozambique, fled into the bush on Friday after the raid."
    events = coded_events(pipeline, text)
    assert "Forced to flee" in [e.sub_event_type for e in events]


def test_a_village_attacked_by_no_one_named_is_an_attack_on_its_people(pipeline: Pipeline) -> None:
    text = (
        "Islamist insurgents have been active in Cabo Delgado, Mozambique, police said. "
        "On Friday night Chitima village was attacked."
    )
    events = coded_events(pipeline, text)
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Attack", "Civilians (Mozambique)")]
