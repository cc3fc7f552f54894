"""Review in a real headless browser (Debian's chromium driven by playwright), as issue 14 asks:
a reviewer corrects the type and the place of an event, rejects another, merges two, approves one
with a key; the history shows each change; a re-ingest keeps them; a client without the token sees
no edit control; hostile text stays inert in the full-article view.

Skipped where /usr/bin/chromium is absent. STRIFE_UPDATE_SCREENSHOT=1 copies the screenshots of
the form and the queue to docs/ (docs/review.png, docs/review-queue.png).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import TIMEOUT_MS, Server, needs_chromium
from review_stores import ingest, review_store
from test_browser import IMG, ROOT, SCRIPT, hostile_store

from strife.store import Store

pytestmark = needs_chromium
expect = pytest.importorskip("playwright.sync_api").expect  # waits for the page to match

TOKEN = "review-token"


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = browser.new_page(viewport={"width": 1700, "height": 1100})
    opened.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.errors = errors
    yield opened
    opened.close()


def open_view(page: Any, server: Server, query: str = "") -> Any:
    page.goto(f"{server.url}/{query}")
    page.wait_for_selector("body[data-ready]")
    return page


def sign_in(page: Any) -> None:
    page.fill("#reviewer-name", "amina")
    page.fill("#reviewer-token", TOKEN)
    page.click("#review-signin button[type=submit]")
    page.wait_for_selector("#queue-list li")


def record(page: Any, server: Server, event_id: str) -> dict[str, Any]:
    answer: dict[str, Any] = page.request.get(f"{server.url}/api/events/{event_id}").json()
    return answer


def screenshot(page: Any, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=False)
    if os.environ.get("STRIFE_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(path, ROOT / "docs" / name)


def test_a_reviewer_corrects_rejects_merges_and_approves(page: Any, tmp_path: Path) -> None:
    db = review_store(tmp_path / "review.duckdb")
    with Server(db, token=TOKEN) as server:
        open_view(page, server)
        assert page.locator("#review-box").is_hidden()  # no edit control before signing in
        sign_in(page)
        queue = page.locator("#queue-list li")
        assert queue.count() == 3 and queue.first.get_attribute("data-event-id") == "m1-1"
        assert "low confidence" in queue.first.inner_text()
        assert page.locator("#queue-counts tr[data-country='Mali']").inner_text().split() == [
            "Mali",
            "0",
            "2",
            "0",
        ]
        screenshot(page, tmp_path, "review-queue.png")

        # Correct the type and the place of the Kaya clash, the place from the gazetteer.
        queue.locator("xpath=..").locator("li[data-event-id='k1-1'] button.open").click()
        page.wait_for_selector("#review-form")
        page.select_option("#f-event_type", "Violence against civilians")
        page.select_option("#f-sub_event_type", "Attack")
        page.click("#place-map")  # a map pick fills the coordinates...
        page.locator("#map").click(position={"x": 80, "y": 300})
        picked = (page.input_value("#f-latitude"), page.input_value("#f-longitude"))
        assert picked != ("13.09", "-1.08") and all(float(value) for value in picked)
        page.fill("#f-location", "Kaya")  # ...and the gazetteer names the place
        page.click("#place-find")
        # The first look-up opens the gazetteer, compiling it when missing (half a minute, once).
        page.locator("ul.place-options button", has_text="Burkina Faso").first.click(timeout=90_000)
        assert page.input_value("#f-admin1") == "Centre-Nord"
        page.fill("#f-location", "Kaya market")
        page.fill("#f-reason", "the army fired on unarmed traders")
        page.locator("#detail-body").wait_for()
        screenshot(page, tmp_path, "review.png")
        page.click("#review-save")
        page.wait_for_selector("#review-status.status-corrected")
        kaya = record(page, server, "k1-1")
        assert (kaya["event_type"], kaya["sub_event_type"], kaya["location"]) == (
            "Violence against civilians", "Attack", "Kaya market",
        )  # fmt: skip
        # The history list is drawn after the saved status shows: wait for the line, then read them all.
        page.locator("#review-history li", has_text="Violence against civilians").first.wait_for()
        history = page.locator("#review-history li").all_inner_texts()
        assert any("event_type" in line and "Violence against civilians" in line for line in history)
        assert any("location" in line and "Kaya market" in line for line in history)

        # Reject the Mopti attack with the keyboard: r, a reason, Enter.
        page.goto(f"{server.url}/?event=m1-1")
        page.wait_for_selector("#review-form")
        page.locator("body").press("r")
        assert page.evaluate("() => document.activeElement.id") == "reject-reason"
        page.select_option("#reject-category", "background")
        page.keyboard.type("a massacre of 2019 recalled")
        page.keyboard.press("Enter")
        page.wait_for_function("() => !location.search.includes('m1-1')")
        assert record(page, server, "m1-1")["review"]["status"] == "rejected"
        expect(page.locator("#events tbody")).not_to_contain_text("m1-1")  # waits for the redraw

        # Merge the Gao strike into the Kaya event.
        page.goto(f"{server.url}/?event=g1-1")
        page.wait_for_selector("#merge-form")
        page.fill("#merge-other", "k1-1")
        page.click("#review-merge")
        page.wait_for_function("() => document.querySelectorAll('#detail-body ul.sources > li').length === 3")
        merged = record(page, server, "g1-1")
        assert sorted(a["id"] for a in merged["articles"]) == ["g1", "k1", "k2"]

        # Approve with the keyboard; the queue is empty.
        page.goto(f"{server.url}/?event=k1-1")
        page.wait_for_selector("#review-form")
        page.locator("body").press("a")
        page.wait_for_selector("#review-status.status-approved")
        expect(page.locator("#queue-count")).to_have_text(re.compile(r"^0"))  # waits for the redraw
        history = page.request.get(f"{server.url}/api/events/k1-1/history").json()["history"]
        assert [h["action"] for h in history if h["action"] != "edit"] == ["merge", "approve"]
        edited = {h["field"] for h in history if h["action"] == "edit"}
        assert {"event_type", "sub_event_type", "location"} <= edited
        assert page.errors == []

    with Store.open(db) as store:  # a re-ingest of the same articles and a new report
        ingest(store, ["k1", "k2", "g1", "m1", "k8"])
    with Server(db, token=TOKEN) as server:
        open_view(page, server, "?event=k1-1")
        kaya = record(page, server, "k1-1")
        assert (kaya["event_type"], kaya["location"], kaya["review"]["status"]) == (
            "Violence against civilians", "Kaya market", "approved",
        )  # fmt: skip
        assert record(page, server, "m1-1")["review"]["status"] == "rejected"
        expect(page.locator("#detail-body")).to_contain_text("Kaya market")  # once the detail has loaded


@pytest.mark.parametrize("token", [None, TOKEN])
def test_without_the_token_there_is_no_edit_control(page: Any, tmp_path: Path, token: str | None) -> None:
    db = review_store(tmp_path / "review.duckdb")
    with Server(db, token=token) as server:
        open_view(page, server, "?event=k1-1")
        page.wait_for_selector("#detail-body h2")
        assert page.locator("#review-form, #reject-form, #merge-form, #queue-list").count() == 0
        assert page.locator("#review-signin-box").is_hidden() is (token is None)
        answer = page.request.patch(f"{server.url}/api/events/k1-1", data={"fatalities": 1})
        assert answer.status == (403 if token is None else 401)
        assert page.errors == []


def test_the_full_article_text_marks_the_evidence_and_stays_inert(page: Any, tmp_path: Path) -> None:
    with Server(hostile_store(tmp_path / "hostile.duckdb")) as server:
        open_view(page, server, "?event=evil%231")
        page.click("#detail-body button.fulltext")
        text = page.locator("#fulltext .article-text")
        text.wait_for()
        assert page.locator("#fulltext mark").all_inner_texts() == [SCRIPT, IMG]
        assert SCRIPT in text.inner_text() and IMG in text.inner_text()
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator("img").count() == 0 and page.locator("[onerror]").count() == 0
        assert page.errors == []
