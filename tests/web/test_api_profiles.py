"""GET /api/compare, /api/profile/actor, /api/profile/place and /api/admin1 over the sample store
(eight events, 2021-09-07 to 2021-10-19, one every six days)."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_compare_counts_the_period_and_the_one_before(client: TestClient) -> None:
    answer = client.get("/api/compare?date_from=2021-09-19&date_to=2021-10-01").json()
    assert answer["period"] == {"from": "2021-09-19", "to": "2021-10-01", "days": 13}
    assert answer["previous_period"] == {"from": "2021-09-06", "to": "2021-09-18", "days": 13}
    # Events on 09-19, 09-25, 10-01 (fatalities 0 + 12 + 3) against 09-07, 09-13 (7 + 2).
    assert answer["current"] == {"events": 3, "fatalities": 15, "displaced": 0}
    assert answer["previous"] == {"events": 2, "fatalities": 9, "displaced": 0}


def test_compare_without_dates_takes_the_last_30_days_to_the_newest_event(client: TestClient) -> None:
    answer = client.get("/api/compare?country=mali").json()
    assert answer["period"] == {"from": "2021-09-20", "to": "2021-10-19", "days": 30}
    assert answer["current"]["events"] == 3  # Mali's events of 09-25, 10-01 and 10-19
    assert answer["previous"]["events"] == 0


def test_compare_of_an_empty_selection_says_so(client: TestClient) -> None:
    assert client.get("/api/compare?country=Chad").json() == {"current": None}


def test_actor_profile_has_places_counterparts_and_first_and_last_seen(client: TestClient) -> None:
    answer = client.get("/api/profile/actor?name=jnim").json()
    assert answer["events"] == 2 and answer["fatalities"] == 17
    assert (answer["first_seen"], answer["last_seen"]) == ("2021-09-25", "2021-10-19")
    assert answer["places"] == [{"country": "Mali", "admin1": "Mopti", "events": 2, "fatalities": 17}]
    assert answer["counterparts"] == [{"actor": "Civilians (Mali)", "events": 2, "fatalities": 17}]
    assert [m["period"] for m in answer["by_month"]] == ["2021-09", "2021-10"]


def test_unknown_actor_is_a_404_naming_it(client: TestClient) -> None:
    response = client.get("/api/profile/actor?name=Nobody")
    assert response.status_code == 404 and "Nobody" in response.json()["detail"]


def test_place_profile_of_an_admin1_area(client: TestClient) -> None:
    answer = client.get("/api/profile/place?country=Afghanistan&admin1=Kabul").json()
    assert answer["events"] == 2 and answer["fatalities"] == 2
    assert {a["actor"] for a in answer["actors"]} == {
        "Taliban",
        "Protesters (Afghanistan)",
    }
    assert {t["event_type"] for t in answer["event_types"]} == {"Battles", "Protests"}


def test_admin1_totals_follow_the_filter(client: TestClient) -> None:
    areas = client.get("/api/admin1?country=mali").json()["areas"]
    # The unlocated Mopti battle is left out: the layer places areas at their events' mean point.
    assert [(a["admin1"], a["events"], a["fatalities"]) for a in areas] == [("Gao", 1, 3), ("Mopti", 1, 12)]
    assert areas[1]["lat"] == 14.5 and areas[1]["lon"] == -4.2
