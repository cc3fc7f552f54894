"""The public API: what `import strife` offers, and that it stays what the README says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import strife
import strife.extract.detect

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Gunmen attacked the village of Kaya in Burkina Faso on Tuesday, killing 12 civilians, officials said."


def test_extract_is_the_function_even_after_its_subpackage_is_imported() -> None:
    assert callable(strife.extract) and strife.extract.__module__ == "strife.api.coding"


def test_every_public_name_resolves() -> None:
    for name in strife.__all__:
        assert getattr(strife, name) is not None, name


@pytest.fixture(scope="module")
def coder() -> strife.Coder:
    return strife.Coder()


def test_coder_extracts_one_text(coder: strife.Coder) -> None:
    (event,) = coder.extract(TEXT, date=date(2024, 3, 7))
    assert (event.country, event.location, event.fatalities) == ("Burkina Faso", "Kaya", 12)


@pytest.mark.parametrize("bad", ["2024-13-01", "9999-12-31", "0001-01-01"])
def test_a_bad_date_is_a_value_error_with_the_reason(coder: strife.Coder, bad: str) -> None:
    with pytest.raises(ValueError, match="date"):
        coder.extract(TEXT, date=bad)


def test_extract_many_keeps_input_order_and_rejections(coder: strife.Coder) -> None:
    rejection = strife.Rejection("x.bin", "read", "binary file")
    outcomes = list(coder.extract_many([TEXT, rejection, "The council met on Monday."]))
    assert [o.rejection is not None for o in outcomes] == [False, True, False]
    assert outcomes[0].events and not outcomes[2].events


def test_store_ingest_is_idempotent_and_queries_filter(tmp_path: Path, coder: strife.Coder) -> None:
    with strife.open_store(tmp_path / "s.duckdb") as store:
        first = store.ingest([ROOT / "examples"], coder=coder)
        again = store.ingest([ROOT / "examples"], coder=coder)
        assert first.stored > 0 and again.stored == 0 and again.duplicates == first.stored
        sudan = list(store.events(country="Sudan"))
        assert sudan and all(e.country == "Sudan" for e in sudan)
        assert store.export("jsonl", tmp_path / "sudan.jsonl", country="Sudan") == len(sudan)
        assert len(list(store.events(per_report=True))) >= len(list(store.events()))
