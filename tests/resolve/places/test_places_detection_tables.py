"""The tables of toponym detection: pattern words (keywords.tsv) and name particles
(particles.txt) load, and detection reads them. Sentences are our own."""

from __future__ import annotations

from dataclasses import replace

from strife.resolve.places import Gazetteer
from strife.resolve.places.detection_tables import Keywords, Tables
from strife.resolve.places.runs import runs
from strife.resolve.places.toponyms import Detector


def test_keywords_load_with_kinds_most_likely_first() -> None:
    keywords = Keywords.load()
    assert keywords.kinds["province"] == ("admin1", "admin2")
    assert keywords.kinds["district"] == ("admin2", "city", "admin1")
    assert keywords.settlements == {"city", "town", "village", "neighbourhood", "neighborhood"}


def test_particles_load() -> None:
    assert {"al", "bin", "ibn", "de"} <= Tables.load().particles


def test_a_particle_joins_a_run_of_capitalised_words() -> None:
    text = "Shelling hit Deir al Balah on Monday."
    assert [[w.text for w in run] for run in runs(text, {"al"})][1] == ["Deir", "al", "Balah"]
    assert [[w.text for w in run] for run in runs(text, set())][1:] == [["Deir"], ["Balah"], ["Monday"]]


def test_a_pattern_word_added_to_the_table_keeps_an_unknown_name(gazetteer: Gazetteer) -> None:
    text = "Gunmen raided Vorqabinda hamlet on Sunday."
    tables = Tables.load()
    assert not Detector(gazetteer, tables).mentions(text, None)
    keywords = Keywords({**tables.keywords.kinds, "hamlet": ("city",)}, tables.keywords.settlements)
    found = Detector(gazetteer, replace(tables, keywords=keywords)).mentions(text, None)
    assert [(m.surface, m.kind, m.place) for m in found] == [("Vorqabinda", "city", None)]
