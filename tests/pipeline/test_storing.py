"""What an ingest's summary says about skipped duplicates: where each came from and which stored
article it repeats (a real store, outcomes made directly: no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.cli.coding import report
from strife.pipeline import Outcome, Resources
from strife.pipeline.storing import IngestSummary, store_outcomes
from strife.records import Article
from strife.store import Store

TEXT = "Police fired tear gas at protesters outside the parliament on Tuesday, witnesses said."


def _outcome(article_id: str, text: str, origin: str) -> Outcome:
    return Outcome(Article(id=article_id, text=text, origin=origin))


@pytest.fixture
def summary(tmp_path: Path) -> IngestSummary:
    with Store.open(tmp_path / "s.duckdb") as store:
        store_outcomes(store, [_outcome("first", TEXT, "wire/first.txt")], Resources(learned=False))
        return store_outcomes(
            store,
            [_outcome("copy", TEXT, "blog/copy.txt"), _outcome("other", "Rebels took the border post.", "x")],
            Resources(learned=False),
        )


def test_the_summary_names_the_stored_article_a_duplicate_repeats(summary: IngestSummary) -> None:
    assert (summary.duplicates, summary.duplicate_origins, summary.duplicate_of) == (
        1, ["blog/copy.txt"], ["first"],
    )  # fmt: skip


def test_the_report_says_which_stored_article(
    summary: IngestSummary, capsys: pytest.CaptureFixture[str]
) -> None:
    report(summary)
    assert "duplicate skipped: blog/copy.txt (same text as stored article first)" in capsys.readouterr().err


def test_a_servers_summary_names_none(capsys: pytest.CaptureFixture[str]) -> None:
    report(IngestSummary(duplicates=1, duplicate_origins=["a.txt"], duplicate_of=[""]))
    assert "duplicate skipped: a.txt (the same text is already stored)" in capsys.readouterr().err
