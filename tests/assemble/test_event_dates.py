"""How the builder dates an event from its mentions (CODEBOOK section 5): an event word named "a day
after" another time, and an undated later sentence of a story whose lead gives its day."""

from datetime import date, timedelta

from story import DAY, coded_events

from strife.pipeline import Pipeline


def test_an_event_named_a_day_after_a_time_is_dated_the_day_before(pipeline: Pipeline) -> None:
    text = (
        "Police in Kisumu, Kenya, on Friday detained an opposition organiser, a day after deadly "
        "riots in the city left three people dead."
    )
    riots = [e for e in coded_events(pipeline, text) if e.event_type == "Riots"]
    assert riots and riots[0].event_date == date(2024, 3, 7)


def test_an_undated_later_sentence_ends_on_the_day_the_lead_gives(pipeline: Pipeline) -> None:
    text = (
        "Gunmen kill four in central Mali\n\n"
        "Gunmen killed four villagers in Djenne, Mali, on Thursday, local officials said.\n\n"
        "The town's mayor said the army had launched an offensive against the group. "
        "Officials gave no further details.\n\n"
        "In a separate incident, soldiers clashed with militants near Mopti, leaving two soldiers dead."
    )
    battles = [e for e in coded_events(pipeline, text) if e.event_type == "Battles"]
    assert battles
    assert battles[0].date_end == date(2024, 3, 7)
    assert battles[0].date_start == DAY - timedelta(days=6)
