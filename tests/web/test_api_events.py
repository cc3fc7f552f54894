"""GET /api/events and /api/events/{id}: filters, sort, paging, the full record, highlights."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from strife.records import Evidence, Source
from strife.store import Store, occurrences
from strife.store.browse import SUMMARY_FIELDS as BROWSE_FIELDS
from strife.store.review_queue import REVIEW_FIELDS
from strife.web.api.detail import highlight

SUMMARY_FIELDS = (*BROWSE_FIELDS, *REVIEW_FIELDS)  # every summary says where its review stands


def _ids(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    return [event["event_id"] for event in response.json()["events"]]


def test_list_gives_summaries_newest_first(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 8 and body["page"] == 1 and body["page_size"] == 50
    assert [e["event_id"] for e in body["events"]] == [f"a{n}-1" for n in range(8, 0, -1)]
    assert set(body["events"][0]) == set(SUMMARY_FIELDS)
    first = body["events"][-1]
    assert first["event_date"] == "2021-09-07" and first["source_count"] == 1 and first["fatalities"] == 7


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=MALI", ["a4-1", "a5-1", "a8-1"]),
        ("country=Mali&admin1=mopti", ["a4-1", "a8-1"]),
        ("event_type=battles", ["a1-1", "a2-1", "a8-1"]),
        ("sub_event_type=AIR/DRONE STRIKE", ["a5-1"]),
        ("actor=taliban", ["a2-1"]),
        ("actor=civilians (mali)", ["a4-1", "a5-1", "a8-1"]),
        ("date_from=2021-09-19&date_to=2021-09-25", ["a3-1", "a4-1"]),
        ("date_from=2021-10-13", ["a7-1", "a8-1"]),
        ("bbox=60,30,75,40", ["a1-1", "a2-1", "a3-1"]),
        ("bbox=-10,10,5,20", ["a4-1", "a5-1"]),
        ("bbox=170,-20,-60,0", ["a7-1"]),  # crosses the antimeridian: 170 east round to 60 west
        ("q=report number 6", ["a6-1"]),
        ("q=KABUL", ["a2-1", "a3-1"]),
        ("country=&q=", [f"a{n}-1" for n in range(1, 9)]),  # empty form fields filter nothing
        ("country=Narnia", []),
    ],
)
def test_filters(client: TestClient, query: str, expected: list[str]) -> None:
    assert sorted(_ids(client, f"{query}&sort=event_date")) == expected


def test_total_counts_all_matches_and_pages_do_not_overlap(client: TestClient) -> None:
    pages = [client.get(f"/api/events?page={n}&page_size=3&sort=fatalities").json() for n in (1, 2, 3, 4)]
    assert all(page["total"] == 8 for page in pages)
    ids = [e["event_id"] for page in pages for e in page["events"]]
    assert len(ids) == 8 == len(set(ids)) and pages[3]["events"] == []


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        ("fatalities", "a3-1", "a6-1"),  # 0 first, unknown (None) last
        ("-fatalities", "a4-1", "a6-1"),  # unknown last either way
        ("country", "a1-1", "a6-1"),
        ("event_date", "a1-1", "a8-1"),
        ("-displaced_people", "a6-1", "a8-1"),
    ],
)
def test_sort(client: TestClient, sort: str, first: str, last: str) -> None:
    ids = _ids(client, f"sort={sort}")
    assert ids[0] == first and ids[-1] == last


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("page=0", "page"),
        ("page=x", "page"),
        ("page_size=501", "page_size"),
        ("page_size=0", "page_size"),
        ("sort=notes", "sort"),
        ("sort=-", "sort"),
        ("sort=event_date;DROP TABLE occurrences", "sort"),
        ("date_from=2021-9-5", "date_from"),
        ("date_to=yesterday", "date_to"),
        ("date_from=2021-02-30", "date_from"),
        ("date_from=2021-10-01&date_to=2021-09-01", "date_from"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=0,0,200,10", "bbox"),
        ("bbox=0,50,10,40", "bbox"),
        ("bbox=nan,0,1,1", "bbox"),
        ("country=" + "x" * 201, "country"),
    ],
)
def test_bad_parameters_are_422_with_one_line(client: TestClient, query: str, names: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and names in detail


def test_quotes_and_wildcards_in_filters_are_values_not_sql(client: TestClient) -> None:
    for value in ("' OR 1=1 --", "%", "_", '"; DROP TABLE occurrences; --'):
        assert _ids(client, f"country={value}") == []
        assert _ids(client, f"q={value}") == []
    assert client.get("/api/health").json()["events"] == 8


def test_record_in_full_with_highlights_and_articles(client: TestClient) -> None:
    record = client.get("/api/events/a1-1").json()
    assert record["event_id"] == "a1-1" and record["actor1"] == "Military Forces of Afghanistan"
    assert record["claims"][0]["figure"] == 20 and record["sources"][0]["article_id"] == "a1"
    [evidence] = record["evidence"]
    assert (evidence["highlight_start"], evidence["highlight_end"]) == (0, 8)
    assert record["articles"] == [
        {
            "id": "a1",
            "title": "Clashes (a1)",
            "url": "https://news.example/a1",
            "outlet": "Example News",
            "date": "2021-09-08",
        }
    ]


def test_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/api/events/no-such-event")
    assert response.status_code == 404 and "no-such-event" in response.json()["detail"]


def test_source_not_stored_falls_back_to_the_source_and_null_highlight(
    tmp_path: Path,
    serve: Callable[..., TestClient],
    make_event: Callable[..., Any],
    build_store: Callable[..., Path],
) -> None:
    event = make_event(
        "m-1",
        "gone",
        sources=(Source(article_id="gone", url="https://elsewhere.example/1", outlet="Elsewhere"),),
        evidence=(Evidence("event_type", "gone", "Shelling hit the town.", 10, 18),),
    )
    client = serve(build_store(tmp_path / "s.duckdb", [], [event]))
    record = client.get("/api/events/m-1").json()
    assert record["articles"] == [
        {
            "id": "gone",
            "title": None,
            "url": "https://elsewhere.example/1",
            "outlet": "Elsewhere",
            "date": None,
        }
    ]
    assert record["evidence"][0]["highlight_start"] is None


def test_member_event_id_leads_to_its_occurrence(
    tmp_path: Path,
    serve: Callable[..., TestClient],
    make_article: Callable[..., Any],
    make_event: Callable[..., Any],
    build_store: Callable[..., Path],
) -> None:
    path = build_store(tmp_path / "s.duckdb", [make_article("a1")], [make_event("a1-1", "a1")])
    with Store.open(path) as store:
        cursor = store.cursor()
        occurrences.assign(cursor, {"b7-2": "a1-1"})
        cursor.close()
    assert serve(path).get("/api/events/b7-2").json()["event_id"] == "a1-1"


TEXT = "Intro line. Troops shelled Rukha on Monday. Later, troops shelled Rukha again."
TWICE = "Troops shelled Rukha. Troops shelled Rukha."


@pytest.mark.parametrize(
    ("sentence", "start", "end", "text", "expected"),
    [
        ("Troops shelled Rukha on Monday.", 19, 26, TEXT, (7, 14)),
        # The sentence repeats in the text: the copy holding the span counts.
        ("Troops shelled Rukha.", 29, 36, TWICE, (7, 14)),
        ("troops shelled Rukha again.", 58, 65, TEXT, (7, 14)),
        # The sentence is not a copy of the text (cleaned); the span's own words are found.
        ("Troops  shelled Rukha on Monday.", 19, 26, TEXT, (8, 15)),
        ("Troops shelled Rukha on Monday.", 19, 26, None, (None, None)),  # article not stored
        ("Troops shelled Rukha on Monday.", 19, 999, TEXT, (None, None)),  # span past the text
        ("Something else entirely.", 19, 26, TEXT, (None, None)),
    ],
)
def test_highlight(
    sentence: str, start: int, end: int, text: str | None, expected: tuple[int | None, int | None]
) -> None:
    assert highlight(sentence, start, end, text) == expected
    if expected[0] is not None and text is not None:
        assert sentence[expected[0] : expected[1]] == text[start:end]


@pytest.mark.parametrize("event_id", ["story#1", "inbox/story.txt#2", "naïve id 1"])
def test_ids_with_fragment_slash_or_space_work_percent_encoded(
    tmp_path: Path,
    serve: Callable[..., TestClient],
    make_article: Callable[..., Any],
    make_event: Callable[..., Any],
    build_store: Callable[..., Path],
    event_id: str,
) -> None:
    article_id = event_id.split("#")[0]
    path = build_store(tmp_path / "s.duckdb", [make_article(article_id)], [make_event(event_id, article_id)])
    client = serve(path)
    record = client.get("/api/events/" + quote(event_id, safe="")).json()
    assert record["event_id"] == event_id and record["articles"][0]["id"] == article_id
    assert client.get("/api/articles/" + quote(article_id, safe="")).json()["id"] == article_id


@pytest.mark.parametrize("sort", ["fatalities", "-event_date", "country"])
def test_next_cursor_walks_the_pages_that_page_numbers_give(client: TestClient, sort: str) -> None:
    by_number = [client.get(f"/api/events?page={n}&page_size=3&sort={sort}").json() for n in (1, 2, 3)]
    walked, after = [], ""
    for number in (1, 2, 3):
        body = client.get(f"/api/events?page_size=3&sort={sort}{after}").json()
        assert body["page"] == number and body["total"] == 8
        walked.append([e["event_id"] for e in body["events"]])
        after = f"&after={body['next']}" if body["next"] else ""
    assert walked == [[e["event_id"] for e in page["events"]] for page in by_number]
    assert body["next"] is None and by_number[0]["next"] is not None


@pytest.mark.parametrize("after", ["x", "W10", "eyJ"])
def test_bad_cursor_is_422(client: TestClient, after: str) -> None:
    response = client.get(f"/api/events?after={after}")
    assert response.status_code == 422 and "after" in response.json()["detail"]


def test_cursor_of_another_sort_is_422(client: TestClient) -> None:
    cursor = client.get("/api/events?page_size=2&sort=country").json()["next"]
    response = client.get(f"/api/events?after={cursor}&sort=-country")
    assert response.status_code == 422 and "sort" in response.json()["detail"]
