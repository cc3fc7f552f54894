from datetime import date
from itertools import permutations

from dedupe_helpers import report

from strife.dedupe.grouping import Grouping, blocks, merge
from strife.records import Event


def groups(events: list[Event], chains: dict[str, str] | None = None) -> set[frozenset[str]]:
    grouping = Grouping(chains=chains or {})
    for event in events:
        grouping.place(event)
    return {frozenset(members) for members in grouping.members.values()}


def test_grouping_does_not_depend_on_arrival_order() -> None:
    # c bridges a (El Obeid) and b (40 km east): whichever comes first, all three are one.
    a = report("a")
    b = report("b", location="Um Ruwaba area", latitude=13.18, longitude=30.59)
    c = report("c", location="Kazgil", latitude=13.18, longitude=30.40)
    far = report("d", location="Nyala", latitude=12.05, longitude=24.88)
    results = {frozenset(groups(list(order))) for order in permutations([a, b, c, far])}
    assert len(results) == 1
    assert set(next(iter(results))) == {frozenset({"a#1", "b#1", "c#1"}), frozenset({"d#1"})}


def test_one_articles_records_never_share_an_occurrence() -> None:
    first, second = report("a", 1), report("a", 2)
    assert groups([first, second, report("b")]) == {frozenset({"a#1", "b#1"}), frozenset({"a#2"})}


def test_copies_merge_across_places_in_one_country() -> None:
    a = report("a")
    moved = report("b", location="Nyala", latitude=12.05, longitude=24.88)
    assert len(groups([a, moved])) == 2
    assert len(groups([a, moved], {"a": "a", "b": "a"})) == 1


def test_decisions_say_which_record_matched_and_why() -> None:
    grouping = Grouping()
    grouping.place(report("a"))
    grouping.place(report("b"))
    (decision,) = grouping.decisions
    assert (decision.occurrence_id, decision.event_id, decision.matched) == ("a#1", "b#1", "a#1")
    assert "same place (El Obeid)" in decision.reason


def test_records_are_compared_only_within_their_blocks() -> None:
    other_week = report("b", event_date=date(2024, 3, 20))
    assert not set(blocks(report("a"))) & set(blocks(other_week))
    assert len(groups([report("a"), other_week])) == 2
    wide = report("c", date_start=date(2024, 2, 1), date_end=date(2024, 2, 20), event_date=date(2024, 2, 20))
    assert len(blocks(wide)) == 4  # ISO weeks 5 to 8


def test_merge_combines_each_occurrence_in_order_of_first_report() -> None:
    merged = merge([report("a"), report("z", event_type="Riots"), report("b")])
    assert [e.event_id for e in merged] == ["a#1", "z#1"]
    assert [s.article_id for s in merged[0].sources] == ["a", "b"]


def test_a_copys_records_join_the_occurrence_of_their_own_place() -> None:
    # A story of clashes in two towns and its copy: each of the copy's records joins its own town,
    # though copies need only the same country to match.
    town_a, town_b = report("w", 1), report("w", 2, location="Nyala", latitude=12.05, longitude=24.88)
    copy_b, copy_a = report("c", 1, location="Nyala", latitude=12.05, longitude=24.88), report("c", 2)
    assert groups([town_a, town_b, copy_b, copy_a], {"w": "w", "c": "w"}) == {
        frozenset({"w#1", "c#2"}),
        frozenset({"w#2", "c#1"}),
    }
