from dataclasses import replace
from datetime import date

import pytest

from strife.dedupe import combine, merge, same_event
from strife.records import Claim, Event, Source


def _event(article: str, **fields: object) -> Event:
    base = dict(
        event_id=f"{article}#1",
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=date(2024, 3, 9),
        date_start=date(2024, 3, 8),
        date_end=date(2024, 3, 9),
        actor1="March 23 Movement",
        actor2="Military Forces of Democratic Republic of Congo",
        country="Democratic Republic of Congo",
        admin1="Nord-Kivu",
        location="Sake",
        latitude=-1.57,
        longitude=29.04,
        geo_precision=1,
        fatalities=4,
        sources=(Source(article),),
    )
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


A = _event("a")
FEB = date(2024, 2, 2)


@pytest.mark.parametrize(
    ("other", "same"),
    [
        (_event("b"), True),
        (_event("b", actor1=A.actor2, actor2=A.actor1), True),  # a battle's sides in either order
        (_event("b", location="Goma", latitude=-1.68, longitude=29.22), True),  # about 23 km away
        (_event("b", location="Beni", latitude=0.49, longitude=29.47), False),  # about 230 km away
        (_event("b", event_type="Violence against civilians"), False),
        (
            _event("b", date_start=date(2024, 2, 1), date_end=date(2024, 2, 2), event_date=date(2024, 2, 2)),
            False,
        ),
        (_event("b", actor1="Allied Democratic Forces"), False),
        (_event("b", location=None, latitude=None, longitude=None), True),  # same province, no coordinates
    ],
)
def test_same_event(other: Event, same: bool) -> None:
    assert same_event(A, other) is same


def test_merge_keeps_every_source_and_the_lowest_figure() -> None:
    copy = _event("b", fatalities=9, geo_precision=2)
    (merged,) = merge([A, copy])
    assert {s.article_id for s in merged.sources} == {"a", "b"}
    assert merged.fatalities == 4 and merged.fatalities_disputed
    assert merged.geo_precision == 1


def test_one_articles_own_events_stay_apart() -> None:
    second = replace(A, event_id="a#2", location="Goma", latitude=-1.68, longitude=29.22)
    assert len(merge([A, second])) == 2


def test_copies_need_only_the_same_country() -> None:
    moved = _event("b", location="Beni", latitude=0.49, longitude=29.47)
    assert not same_event(A, moved)
    assert same_event(A, moved, copies=True)
    assert not same_event(A, replace(moved, country="Rwanda"), copies=True)


def test_combined_record_takes_the_lowest_positive_figure_and_keeps_the_dispute() -> None:
    none_yet = _event("b", fatalities=0)
    more = _event("c", fatalities=9)
    merged = combine([A, none_yet, more], "a#1")
    assert merged.fatalities == 4 and merged.fatalities_disputed and merged.disputed
    assert [s.article_id for s in merged.sources] == ["a", "b", "c"]
    assert merged.corroboration == 3


def test_combined_record_takes_place_and_date_from_the_most_precise_reports() -> None:
    day = date(2024, 3, 9)
    vague_place = _event("b", location=None, latitude=None, longitude=None, geo_precision=3,
                         event_date=day, date_start=day, time_precision=1)  # fmt: skip
    vague_date = _event("a", time_precision=3, date_start=date(2024, 3, 1), date_end=date(2024, 3, 9))
    merged = combine([vague_place, vague_date], "x")
    assert merged.event_id == "x"
    assert (merged.location, merged.geo_precision) == ("Sake", 1)
    assert (merged.date_start, merged.time_precision) == (date(2024, 3, 9), 1)


def test_copies_of_one_story_count_once_toward_corroboration() -> None:
    merged = combine([A, _event("b"), _event("c")], "a#1", {"a": "a", "b": "a", "c": "c"})
    assert [s.chain for s in merged.sources] == ["a", "a", "c"]
    assert merged.corroboration == 2


def test_evidence_and_claims_are_kept_once_each() -> None:
    claim = Claim("the army", "The army said four died.", 4)
    one = replace(A, claims=(claim,))
    two = replace(_event("b"), claims=(claim, Claim("rebels", "Rebels said nine died.", 9)))
    assert len(combine([one, two], "a#1").claims) == 2


def test_an_unnamed_actor_agrees_with_a_named_one_and_gives_way_to_it() -> None:
    gunmen = _event("b", actor1="Unidentified Armed Group (Democratic Republic of Congo)", actor1_type=3)
    assert same_event(A, gunmen)
    named = replace(A, actor1_type=2)
    merged = combine([replace(gunmen, geo_precision=0), named], "b#1")  # the unnamed report is the base
    assert (merged.actor1, merged.actor1_type) == ("March 23 Movement", 2)
    assert merged.actor2 == A.actor2


def test_named_actors_in_conflict_keep_reports_apart() -> None:
    assert not same_event(A, _event("b", actor1="Allied Democratic Forces"))
