"""Review actions on a store merged by the real merger: corrections, decisions, split and merge,
and that they hold through later ingests and merges."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from strife.review import Review, ReviewError, UnknownEvent
from strife.store import MergeDecision, Store, occurrences, review_queue
from strife.store import review as reviewed


def shown(store: Store) -> dict[str, dict[str, object]]:
    return {e.event_id: e.to_dict() for e in store.occurrences()}


def test_the_merger_made_one_occurrence_of_the_two_kaya_reports(store: Store) -> None:
    assert sorted(shown(store)) == ["g1-1", "k1-1", "m1-1"]


def test_a_correction_shows_in_the_merged_record_and_the_history(store: Store) -> None:
    review = Review(store)
    record = review.correct("k2-1", {"fatalities": 14}, reviewer="amina", reason="the hospital's count")
    assert record["fatalities"] == 14 and shown(store)["k1-1"]["fatalities"] == 14
    [line] = review.history("k1-1")
    assert (line.action, line.field, line.before, line.after, line.reviewer, line.reason) == (
        "edit", "fatalities", 12, 14, "amina", "the hospital's count",
    )  # fmt: skip


def test_a_correction_survives_a_reingest_and_a_new_report_that_agrees(
    store: Store, ingest: Callable[..., None]
) -> None:
    Review(store).correct("k1-1", {"location": "Kaya town", "fatalities": 14}, reviewer="amina")
    ingest(store, ["k1", "k2"])  # the same articles again: nothing new
    ingest(store, ["k3"], k3={"fatalities": 12})  # a third report of the same clash, agreeing
    record = shown(store)["k1-1"]
    assert (record["location"], record["fatalities"]) == ("Kaya town", 14)
    assert len(record["sources"]) == 3
    assert reviewed.decisions(store.cursor())["k1-1"].flagged is None


def test_a_new_report_that_moves_the_machine_values_flags_the_review(
    store: Store, ingest: Callable[..., None]
) -> None:
    Review(store).approve("k1-1", reviewer="amina")
    ingest(store, ["k4"], k4={"fatalities": 2})  # lower figure: the machine's merged count moves to 2
    record = shown(store)["k1-1"]
    decision = reviewed.decisions(store.cursor())["k1-1"]
    assert decision.flagged is not None and "k4" in decision.flagged and "fatalities" in decision.flagged
    assert record["fatalities"] == 2  # approved, not corrected: the machine's value shows
    assert review_queue.queue(store.cursor())[0]["event_id"] == "k1-1"


def test_a_rejected_event_leaves_the_events_and_stays_out_after_a_new_report(
    store: Store, ingest: Callable[..., None]
) -> None:
    review = Review(store)
    review.reject("k1-1", "background", reviewer="amina", reason="a clash of 2014 recalled")
    assert "k1-1" not in shown(store)
    ingest(store, ["k5"])
    assert "k1-1" not in shown(store)
    _, record, decision = review.locate(store.cursor(), "k2-1")
    assert decision is not None and decision.status == "rejected" and record["location"] == "Kaya"


def test_a_split_holds_through_later_merges(store: Store, ingest: Callable[..., None]) -> None:
    review = Review(store)
    kept, new = review.split("k1-1", ["k2-1"], reviewer="amina", reason="two clashes a day apart")
    assert (kept, new) == ("k1-1", "k2-1")
    assert [s["article_id"] for s in shown(store)["k2-1"]["sources"]] == ["k2"]
    ingest(store, ["k6"])  # a report matching both: the merger would join all three again
    events = shown(store)
    assert "k2" not in [s["article_id"] for s in events["k1-1"]["sources"]]
    assert [s["article_id"] for s in events["k2-1"]["sources"]] == ["k2"]


def test_a_merge_makes_one_and_keeps_it(store: Store, ingest: Callable[..., None]) -> None:
    review = Review(store)
    assert review.merge("g1-1", "m1-1", reviewer="amina", reason="one raid") == "g1-1"
    events = shown(store)
    assert "m1-1" not in events
    assert sorted(s["article_id"] for s in events["g1-1"]["sources"]) == ["g1", "m1"]
    ingest(store, ["k7"])
    assert "m1-1" not in shown(store)
    assert [line.action for line in review.history("m1-1")] == ["merge"]


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"sub_event_type": "Bombing"}, "not a sub-type of 'Battles'"),
        ({"event_type": "Protests"}, "'Armed clash' is not a sub-type of 'Protests'"),
        ({"event_date": "2999-01-01"}, "event_date"),
        ({"fatalities": -3}, "must be at least 0"),
        ({"fatalities": "many"}, "not a whole number"),
        ({"fatalities_low": 9, "fatalities_high": 3}, "fatalities_low is after fatalities_high"),
        ({"latitude": 123.0}, "between -90 and 90"),
        ({"article_id": "x"}, "cannot be changed"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(
    store: Store, changes: dict[str, object], complaint: str
) -> None:
    before = shown(store)
    with pytest.raises(ReviewError, match=complaint):
        Review(store).correct("k1-1", changes, reviewer="amina")
    assert shown(store) == before
    assert Review(store).history("k1-1") == []


def test_an_unknown_event_and_a_missing_reviewer_are_refused(store: Store) -> None:
    with pytest.raises(UnknownEvent):
        Review(store).approve("nope-1", reviewer="amina")
    with pytest.raises(ReviewError, match="no reviewer"):
        Review(store).approve("k1-1", reviewer=" ")


def test_a_change_of_type_and_sub_type_together_passes(store: Store) -> None:
    Review(store).correct(
        "m1-1", {"event_type": "Battles", "sub_event_type": "Armed clash"}, reviewer="amina", reason="x"
    )
    assert shown(store)["m1-1"]["event_type"] == "Battles"


def test_counts_per_country(store: Store) -> None:
    Review(store).approve("g1-1", reviewer="amina")
    Review(store).reject("m1-1", "duplicate", reviewer="amina")
    counts = {c["country"]: c for c in review_queue.counts_by_country(store.cursor())}
    assert (counts["Mali"]["reviewed"], counts["Mali"]["pending"], counts["Mali"]["rejected"]) == (1, 0, 1)
    assert (counts["Burkina Faso"]["reviewed"], counts["Burkina Faso"]["pending"]) == (0, 1)


def test_the_queue_puts_low_confidence_first_and_leaves_reviewed_out(store: Store) -> None:
    queue = review_queue.queue(store.cursor())
    assert queue[0]["event_id"] == "m1-1" and "low confidence" in queue[0]["reasons"]
    Review(store).approve("m1-1", reviewer="amina")
    assert "m1-1" not in [item["event_id"] for item in review_queue.queue(store.cursor())]


def test_a_pair_merging_left_uncertain_puts_both_occurrences_in_the_queue(store: Store) -> None:
    queued = {item["event_id"]: item for item in review_queue.queue(store.cursor(), limit=100)}
    first, second = sorted(queued)[:2]
    member = occurrences.members_of(store.cursor(), [second])[second][0]
    decision = MergeDecision(first, member, "place", "uncertain, not merged: score 2.20 (same town)")
    occurrences.log(store.cursor(), [decision])
    queued = {item["event_id"]: item for item in review_queue.queue(store.cursor(), limit=100)}
    assert "uncertain merge" in queued[first]["reasons"] and "uncertain merge" in queued[second]["reasons"]
    others = set(queued) - {first, second}
    assert others and not any("uncertain merge" in queued[e]["reasons"] for e in others)


def test_a_reapply_looks_only_at_what_the_merger_rewrote(store: Store, ingest: Callable[..., None]) -> None:
    from strife.review import reapply

    assert reapply(store) == 0  # nothing reviewed
    review = Review(store)
    review.correct("k1-1", {"fatalities": 14}, reviewer="amina")
    review.reject("m1-1", "duplicate", reviewer="amina")
    assert reapply(store) == 0  # reviewed, but nothing rewritten since
    ingest(store, ["k9"])  # the merger rewrites the Kaya event
    assert shown(store)["k1-1"]["fatalities"] == 14 and "m1-1" not in shown(store)
