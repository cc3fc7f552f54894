"""The compiled index: look-ups, reuse without rebuilding, and the GeoNames import."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.resolve.places import Gazetteer, Geocoder, import_geonames
from strife.resolve.places.gazetteer import index_path
from strife.resolve.places.names import fold

# Two rows in GeoNames' allCountries format (19 tab-separated columns), invented for the test.
HEADER = [
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "lat",
    "lon",
    "fclass",
    "fcode",
    "cc",
    "cc2",
    "admin1",
    "admin2",
    "admin3",
    "admin4",
]
HEADER += ["population", "elevation", "dem", "tz", "modified"]
ROWS = [
    ["99000001", "Qala-e Zarghun", "Qala-e Zarghun", "Qala Zarghun,Qalay Zarghun", "35.40", "69.60",
     "P", "PPL", "AF", "", "42", "", "", "", "0", "", "2100", "Asia/Kabul", "2024-01-01"],
    ["99000002", "Dara-ye Sabzak", "Dara-ye Sabzak", "Sabzak Valley", "35.45", "69.70", "T", "VAL",
     "AF", "", "42", "", "", "", "0", "", "2300", "Asia/Kabul", "2024-01-01"],
    ["99000003", "Not a place", "Not a place", "", "35.0", "69.0", "V", "FRST",
     "AF", "", "42", "", "", "", "0", "", "2300", "Asia/Kabul", "2024-01-01"],
]  # fmt: skip


@pytest.fixture()
def home(tmp_path: Path, gazetteer: Gazetteer) -> Path:
    """A fresh strife home that shares the already compiled index (a link, not a rebuild)."""
    (tmp_path / index_path().name).symlink_to(index_path())
    return tmp_path


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "AF.txt"
    path.write_text("".join("\t".join(row) + "\n" for row in ROWS), encoding="utf-8")
    return path


def test_import_returns_rows_added(home: Path, dump: Path) -> None:
    assert import_geonames(dump, home) == 2


def test_import_twice_adds_nothing(home: Path, dump: Path) -> None:
    import_geonames(dump, home)
    assert import_geonames(dump, home) == 0


@pytest.mark.parametrize("name", ["Qala-e Zarghun", "Qalay Zarghun"])
def test_imported_village_is_found(home: Path, dump: Path, name: str) -> None:
    import_geonames(dump, home)
    places = Gazetteer.load(home).lookup(name)
    assert [(p.kind, p.admin1, p.country) for p in places] == [("city", "Panjshir", "Afghanistan")]


def test_imported_village_is_located(home: Path, dump: Path) -> None:
    import_geonames(dump, home)
    geocoder = Geocoder(Gazetteer.load(home))
    text = "Taliban fighters raided Qala-e Zarghun on Friday."
    found = geocoder.locate(text, geocoder.mentions(text, "Afghanistan"), 0, len(text), "Afghanistan")
    assert found is not None and (found.location, found.admin1, found.geo_precision) == (
        "Qala-e Zarghun",
        "Panjshir",
        1,
    )


def test_import_header_and_unknown_classes_are_skipped(tmp_path: Path, home: Path) -> None:
    path = tmp_path / "with-header.txt"
    path.write_text("\t".join(HEADER) + "\n" + "\t".join(ROWS[2]) + "\n", encoding="utf-8")
    assert import_geonames(path, home) == 0


def test_loading_again_reuses_the_compiled_index(gazetteer: Gazetteer) -> None:
    path = index_path()
    before = path.stat().st_mtime_ns
    Gazetteer.load().close()
    assert path.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    "name,kind,country",
    [("Bāzārak", "city", "Afghanistan"), ("Panjshir Province", "admin1", "Afghanistan"),
     ("Syrian Arab Republic", "country", "Syria"), ("Gezira State", "admin1", "Sudan")],
)  # fmt: skip
def test_lookup_folds_accents_and_suffixes(gazetteer: Gazetteer, name: str, kind: str, country: str) -> None:
    assert any(p.kind == kind and p.country == country for p in gazetteer.lookup(name))


@pytest.mark.parametrize(
    "raw,folded", [("Bāzārak", "bazarak"), ("Jab al-Seraj", "jab al seraj"), ("Sa\u2019dah", "sadah")]
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded
