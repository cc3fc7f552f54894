"""Fixtures for the places tests: one gazetteer (compiled once under the strife home) and a geocoder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from strife.resolve.places import Gazetteer, Geocoder


@pytest.fixture(scope="session")
def gazetteer() -> Iterator[Gazetteer]:
    """The compiled gazetteer; the first run on a machine compiles it (about half a minute)."""
    loaded = Gazetteer.load()
    yield loaded
    loaded.close()


@pytest.fixture(scope="session")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    return Geocoder(gazetteer)
