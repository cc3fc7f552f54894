"""Times that date a report, not the event (report_time.py), through the real pipeline on our own
sentences: the day a source spoke never becomes the day of the event."""

from datetime import date, timedelta

from story import DAY, coded_events

from strife.pipeline import Pipeline


def test_a_day_after_said_dates_the_report(pipeline: Pipeline) -> None:
    text = "Militants have abducted two engineers near Kohat, Pakistan, local officials said Wednesday."
    (event,) = coded_events(pipeline, text)
    assert event.event_date != date(2024, 3, 6)
    assert event.date_start == DAY - timedelta(days=6)


def test_a_statement_made_yesterday_evening_dates_the_report(pipeline: Pipeline) -> None:
    text = (
        "Suspected jihadists killed four soldiers near Dori, Burkina Faso, the army said in a "
        "statement made yesterday evening."
    )
    (event,) = coded_events(pipeline, text)
    assert event.event_date != date(2024, 3, 8)


def test_a_day_closing_the_reported_clause_dates_the_event(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed six farmers in a village in Zamfara state, Nigeria, on Monday, police officials "
        "said Wednesday."
    )
    (event,) = coded_events(pipeline, text)
    assert event.event_date == date(2024, 3, 4)
    assert event.date_start == date(2024, 3, 4)
