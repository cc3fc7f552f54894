from __future__ import annotations

from typing import Any

import pytest
from evaluate_helpers import gold_event, news_gold, news_row, predicted

from strife.dedupe.groups import article_groups, same_occurrence
from strife.evaluate import score
from strife.evaluate.news import allowed, field_outcomes
from strife.records import Article, Event, Source


def outcomes(gold: dict[str, Any], pred: dict[str, Any], name: str) -> list[bool]:
    return [ok for field, ok, _, _ in field_outcomes(gold, pred) if field == name]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ({}, {}, True),
        ({}, {"event_type": "Riots"}, False),
        ({}, {"country": "Sudland"}, False),
        ({}, {"country": "ruritania"}, True),
        ({"country": None}, {"country": "Sudland"}, True),  # gold without a country: any
        ({}, {"date_start": "2023-03-07", "date_end": "2023-03-10", "event_date": "2023-03-10"}, True),
        ({}, {"date_start": "2023-03-08", "date_end": "2023-03-10", "event_date": "2023-03-10"}, False),
        ({}, {"date_start": None, "date_end": None, "event_date": "2023-02-20"}, False),  # falls back
        ({}, {"date_start": None, "date_end": None, "event_date": None}, True),  # no window: allowed
        ({"date_start": None, "date_end": None}, {"event_date": "2020-01-01"}, True),
    ],
)
def test_pair_allowed(gold: dict[str, Any], pred: dict[str, Any], expected: bool) -> None:
    assert allowed(gold_event(**gold), predicted(**pred)) is expected


def test_matching_prediction_is_a_true_positive() -> None:
    report = score(news_gold(news_row("a1", [gold_event()])), {"a1": [predicted()]})
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
    assert report.f1 == 1.0


def test_wrong_type_is_a_false_positive_and_a_false_negative() -> None:
    report = score(news_gold(news_row("a1", [gold_event()])), {"a1": [predicted(event_type="Riots")]})
    assert (report.tp, report.fp, report.fn) == (0, 1, 1)


def test_missing_article_in_predictions_means_no_events() -> None:
    report = score(news_gold(news_row("a1", [gold_event()])), {})
    assert (report.tp, report.fp, report.fn) == (0, 0, 1)


def test_each_gold_event_pairs_at_most_once() -> None:
    report = score(news_gold(news_row("a1", [gold_event()])), {"a1": [predicted(), predicted()]})
    assert (report.tp, report.fp, report.fn) == (1, 1, 0)


def test_predictions_pair_with_the_gold_events_they_agree_with() -> None:
    north = gold_event(location=["Oldbridge"], admin1=["North Vale"])
    south = gold_event(location=["Fenmoor"], admin1=["South Vale"], latitude=None, longitude=None)
    preds = [predicted(location="Fenmoor", admin1="South Vale"), predicted()]
    report = score(news_gold(news_row("a1", [north, south])), {"a1": preds})
    assert report.fields["location"] == (2, 2)
    assert report.fields["admin1"] == (2, 2)


@pytest.mark.parametrize(
    ("preds", "counts"),
    [
        ([], (0, 0, 0)),  # optional and missed: not a false negative
        ([predicted()], (1, 0, 0)),  # optional and found: a true positive
    ],
)
def test_optional_gold_events(preds: list[dict[str, Any]], counts: tuple[int, int, int]) -> None:
    report = score(news_gold(news_row("a1", [gold_event(optional=True)])), {"a1": preds})
    assert (report.tp, report.fp, report.fn) == counts


def test_a_prediction_prefers_the_required_gold_event_on_a_tie() -> None:
    row = news_row("a1", [gold_event(optional=True), gold_event()])
    report = score(news_gold(row), {"a1": [predicted()]})
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)


def test_every_prediction_on_a_negative_article_is_a_false_positive() -> None:
    report = score(news_gold(news_row("a1", [])), {"a1": [predicted(), predicted(event_type="Riots")]})
    assert (report.tp, report.fp, report.fn) == (0, 2, 0)


@pytest.mark.parametrize(
    ("name", "gold", "pred", "expected"),
    [
        ("sub_event_type", {"sub_event_type": ["Armed clash", "Government regains territory"]}, {}, [True]),
        ("sub_event_type", {}, {"sub_event_type": "Government regains territory"}, [False]),
        ("admin1", {}, {"admin1": "the north vale"}, [True]),
        ("admin1", {}, {"admin1": "South Vale"}, [False]),
        ("admin1", {"admin1": None}, {"admin1": "South Vale"}, []),  # not scored
        ("location", {}, {"location": "Old-Bridge", "latitude": None}, [True]),
        ("location", {}, {"location": "Newtown", "latitude": 10.3, "longitude": 20.2}, [True]),  # ~40 km
        ("location", {}, {"location": "Newtown", "latitude": 10.6, "longitude": 20.0}, [False]),  # ~67 km
        ("location", {"location": None, "latitude": None, "longitude": None}, {"location": "Newtown"}, []),
        ("location", {"location": None}, {"location": "Newtown", "latitude": 10.1}, [True]),
        ("fatalities", {}, {"fatalities": 4}, [True]),
        ("fatalities", {}, {"fatalities": 10}, [True]),
        ("fatalities", {}, {"fatalities": 11}, [False]),
        ("fatalities", {}, {"fatalities": None}, [False]),
        ("fatalities", {"fatalities": None}, {"fatalities": 3}, []),
        ("displaced_people", {"displaced_people": [60, 120]}, {"displaced_people": 72}, [True]),
        ("displaced_people", {"displaced_people": [60, 120]}, {"displaced_people": 12}, [False]),
        ("event_date", {}, {"event_date": "2023-03-07"}, [True]),
        ("event_date", {}, {"event_date": "2023-03-08"}, [False]),
        ("event_date", {}, {"event_date": None, "date_end": "2023-03-02"}, [True]),
        ("event_date", {"date_start": None, "date_end": None}, {}, []),
    ],
)
def test_field_rules(name: str, gold: dict[str, Any], pred: dict[str, Any], expected: list[bool]) -> None:
    assert outcomes(gold_event(**gold), predicted(**pred), name) == expected


@pytest.mark.parametrize(
    ("event_type", "pred", "names", "types"),
    [
        ("Battles", {}, [True, True], [True, True]),
        (
            "Battles",
            {"actor1": "army", "actor1_type": 1, "actor2": "VLA", "actor2_type": 2},
            [True, True],
            [True, True],
        ),
        (
            "Violence against civilians",
            {"actor1": "army", "actor1_type": 1, "actor2": "VLA", "actor2_type": 2},
            [False, False],
            [False, False],
        ),
        ("Violence against civilians", {}, [True, True], [True, True]),
        (
            "Battles",
            {"actor1": "Orange Front", "assoc_actor1": "Vale Liberation Army"},
            [True, True],
            [True, True],
        ),
        ("Battles", {"actor2": None, "actor2_type": None}, [True, False], [True, False]),
        ("Battles", {"actor1": "The V.L.A.", "actor1_type": 3}, [True, True], [False, True]),
    ],
)
def test_actor_names_and_types(
    event_type: str, pred: dict[str, Any], names: list[bool], types: list[bool]
) -> None:
    gold = gold_event(event_type=event_type)
    assert outcomes(gold, predicted(event_type=event_type, **pred), "actors") == names
    assert outcomes(gold, predicted(event_type=event_type, **pred), "actor_types") == types


def test_actor_assoc_names_split_on_semicolons() -> None:
    pred = predicted(actor1="Orange Front", assoc_actor1="Blue Guard; VLA")
    assert outcomes(gold_event(), pred, "actors") == [True, True]


def test_fields_are_counted_over_paired_events_only() -> None:
    row = news_row("a1", [gold_event(), gold_event(event_type="Riots")])
    report = score(news_gold(row), {"a1": [predicted(admin1="South Vale")]})
    assert report.fields["admin1"] == (0, 1)
    assert report.fields["actors"] == (2, 2)


def duplicate_set() -> tuple[Any, dict[str, list[dict[str, Any]]]]:
    gold = news_gold(
        news_row("a1", [gold_event()], cluster="vale-march"),
        news_row("a2", [gold_event()], cluster="vale-march"),
        news_row("a3", [gold_event()], cluster="fen-april"),
        news_row("a4", [gold_event()]),  # no cluster: not part of the duplicate pairs
    )
    far = {"location": "Fenmoor", "admin1": "South Vale", "latitude": 14.0, "longitude": 20.0}
    preds = {"a1": [predicted()], "a2": [predicted(location="Old Bridge")], "a3": [predicted(**far)]}
    preds["a4"] = [predicted()]
    return gold, preds


def scored_with_merging(gold: Any, preds: dict[str, list[dict[str, Any]]]) -> Any:
    """Score with strife's own verdict on which articles report one occurrence."""
    texts = iter(["Rain fell on the hills.", "Markets opened late today.", "A bridge was repainted blue.",
                  "The choir sang in spring."])  # fmt: skip
    reports = []
    for article_id, found in preds.items():
        article = Article(article_id, next(texts))
        events = [
            Event.from_dict({**e, "event_id": f"{article_id}#{i}", "sources": [Source(article_id).to_dict()]})
            for i, e in enumerate(found)
        ]
        reports.append((article, events))
    groups = article_groups(reports, clean=lambda text: text)
    return score(gold, preds, lambda a, b: same_occurrence(groups, a, b))


def test_duplicates_precision_and_recall() -> None:
    gold, preds = duplicate_set()
    report = scored_with_merging(gold, preds)
    assert report.duplicates == (1, 0, 0)


def test_duplicates_count_a_false_merge() -> None:
    gold, preds = duplicate_set()
    preds["a3"] = [predicted(latitude=10.2)]
    report = scored_with_merging(gold, preds)
    assert report.duplicates == (1, 2, 0)
    assert report.duplicates_precision == pytest.approx(1 / 3)


def test_duplicates_count_a_missed_pair() -> None:
    gold, preds = duplicate_set()
    preds["a2"] = [predicted(actor1="Orange Front")]
    assert scored_with_merging(gold, preds).duplicates == (0, 0, 1)


def test_no_verdict_no_duplicate_figures() -> None:
    gold, preds = duplicate_set()
    assert score(gold, preds).duplicates is None


def test_no_clusters_no_duplicate_figures() -> None:
    assert score(news_gold(news_row("a1", [gold_event()])), {}).duplicates is None


def test_format_ends_with_fields_and_events_lines() -> None:
    report = score(news_gold(news_row("a1", [gold_event()])), {"a1": [predicted(admin1="South Vale")]})
    last = report.format().splitlines()[-2:]
    assert last[0].startswith("fields ") and "admin1 0/1" in last[0]
    assert last[1] == "events P 1.00 R 1.00 F1 1.00 (tp 1, fp 0, fn 0)"
    assert "admin1 0/1 = 0.00" in report.format()


def test_format_with_errors_lists_missed_spurious_and_mismatches() -> None:
    row = news_row("a1", [gold_event(), gold_event(event_type="Protests", evidence="Crowds marched.")])
    evidence = [
        {"field": "event_type", "article_id": "a1", "sentence": "Looters  struck.", "start": 0, "end": 1}
    ]
    preds = [predicted(admin1="South Vale"), predicted(event_type="Riots", evidence=evidence)]
    text = score(news_gold(row), {"a1": preds}).format(errors=True)
    assert 'a1 missed Protests: "Crowds marched."' in text
    assert "a1 spurious Riots/Armed clash" in text and '"Looters struck."' in text
    assert "a1 Battles admin1: expected ['North Vale'], got South Vale" in text
    assert text.splitlines()[-1].startswith("events P")


def test_to_dict_carries_the_figures() -> None:
    data = score(news_gold(news_row("a1", [gold_event()])), {"a1": [predicted()]}).to_dict()
    assert data["events"]["f1"] == 1.0
    assert data["fields"]["admin1"] == {"correct": 1, "total": 1, "accuracy": 1.0}


def test_a_single_clustered_article_gives_no_duplicate_figures() -> None:
    assert score(news_gold(news_row("a1", [gold_event()], cluster="vale-march")), {}).duplicates is None


@pytest.mark.parametrize(
    ("pred", "reason"),
    [
        ({"event_type": "Riots"}, "(no gold event of this type)"),
        ({"country": None}, "(gold #1: country None, expected Ruritania)"),
        (
            {"date_start": "2023-04-01", "date_end": "2023-04-01"},
            "(gold #1: dates 2023-04-01..2023-04-01 outside 2023-03-01..2023-03-07)",
        ),
    ],
)
def test_spurious_lines_say_why_no_gold_event_paired(pred: dict[str, Any], reason: str) -> None:
    report = score(news_gold(news_row("a1", [gold_event()])), {"a1": [predicted(**pred)]})
    (spurious,) = [e for e in report.errors if " spurious " in e]
    assert spurious.endswith(reason)


def test_spurious_line_for_a_second_prediction_of_one_event() -> None:
    report = score(news_gold(news_row("a1", [gold_event()])), {"a1": [predicted(), predicted()]})
    (spurious,) = [e for e in report.errors if " spurious " in e]
    assert spurious.endswith("(gold #1: already paired)")
