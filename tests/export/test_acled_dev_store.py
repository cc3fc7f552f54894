"""The ACLED CSV of a store built from the development articles (../shared): the check of #13."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import strife
from strife.tables import read_table


@pytest.mark.slow
def test_dev_store_acled_csv_joins_with_acled(shared: Path, tmp_path: Path) -> None:
    dev = shared / "eval" / "dev"
    inputs = [dev / "news_dev.jsonl", dev / "news_dev_2.jsonl"]
    if not all(path.exists() for path in inputs):
        pytest.skip("the development articles are not in ../shared")
    with strife.open_store(tmp_path / "dev.duckdb") as store:
        store.ingest(inputs)
        store.export("acled-csv", tmp_path / "acled.csv")
    with (tmp_path / "acled.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    english = {
        row["geonameid"]: row["name"]
        for row in read_table("acled/admin1.tsv", ("iso2", "code", "geonameid", "geonames", "name"))
    }
    assert rows and all(row["source"] for row in rows)  # every dev article has a URL
    assert all(row["iso"] and row["region"] for row in rows if row["country"])
    named = [row for row in rows if row["admin1_geonameid"]]
    assert all(english[row["admin1_geonameid"]] == row["admin1"] for row in named)
    # every admin1 of a covered country is found, except a name two areas share (Maputo)
    unmatched = {row["admin1"] for row in rows if row["admin1"] and not row["admin1_geonameid"]}
    assert unmatched <= {"Maputo"}
