"""The one reader of src/strife/data/: its header convention and its `file:line` errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from strife.tables import DataFileError, parse_table, read_table


def test_comments_blank_lines_and_header() -> None:
    text = "# a comment\n\n# word\tkind\nword\tkind\n# between rows\nflood\thazard\n\n"
    rows = parse_table(text, "t.tsv", ["word", "kind"])
    assert [(r.line, r["word"], r["kind"]) for r in rows] == [(6, "flood", "hazard")]
    assert rows[0].where == "t.tsv:6"


def test_columns_are_read_by_name_in_any_order() -> None:
    rows = parse_table("kind\tword\nhazard\tflood\n", "t.tsv", ["word", "kind"])
    assert rows[0]["word"] == "flood"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("word\tcolour\nflood\tblue\n", "t.tsv:1: unknown column 'colour'"),
        ("word\nflood\n", "t.tsv:1: missing column 'kind'"),
        ("# only comments\n\n", "t.tsv:1: no header line"),
        ("word\tkind\nflood\n", "t.tsv:2: 1 cells, expected 2"),
        ("word\tkind\n\nflood\thazard\textra\n", "t.tsv:3: 3 cells, expected 2"),
        ("word\tkind\nflood\thazzard\n", "t.tsv:2: unknown kind 'hazzard'; expected one of hazard, housing"),
    ],
)
def test_errors_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DataFileError) as error:
        parse_table(text, "t.tsv", ["word", "kind"], kinds={"hazard", "housing"})
    assert str(error.value).startswith(message)


def test_optional_trailing_columns_may_be_left_off() -> None:
    rows = parse_table(
        "word\tkind\tnote\nflood\thazard\n", "t.tsv", ["word", "kind", "note"], optional={"note"}
    )
    assert rows[0]["note"] == ""
    with pytest.raises(DataFileError, match=r"t.tsv:2: 1 cells, expected 2 to 3"):
        parse_table("word\tkind\tnote\nflood\n", "t.tsv", ["word", "kind", "note"], optional={"note"})


def test_a_data_file_error_is_a_value_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("word\tkind\nflood\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"{path}:2: "):
        read_table(path, ["word", "kind"])


def _loaders() -> dict[str, Callable[[], object]]:
    """Each shipped data file and the loader that reads it: a broken edit fails here, at file:line."""
    from strife.assemble.precedence import Precedence
    from strife.assemble.sides import load_anaphora
    from strife.clean.boilerplate import BoilerplateRules
    from strife.clean.rewrites import RewriteTable
    from strife.dedupe.fingerprint import Vocabulary
    from strife.export.acled import AcledTables
    from strife.extract.actor_reading import load_side_cues
    from strife.extract.agency import Agencies
    from strife.extract.displacement import DisplacementCues
    from strife.extract.figure_cues import FigureCues
    from strife.extract.lexicon import TriggerLexicon
    from strife.extract.modality import ModalityCues
    from strife.extract.quantities import load_number_words, load_vague_table
    from strife.extract.relevance import RelevanceWords
    from strife.ingest.language import Languages
    from strife.learn.revise import load_deathless
    from strife.resolve.actors import ActorDictionary
    from strife.resolve.places.detection_tables import Keywords
    from strife.resolve.places.names import place_table
    from strife.resolve.places.not_places import NotPlaces

    return {
        "actors.tsv generic_actors.tsv actor_demonyms.tsv admin_units.tsv": ActorDictionary.load,
        "agencies.tsv": Agencies.load,
        "anaphora.tsv": load_anaphora,
        "boilerplate.tsv": BoilerplateRules.load,
        "displacement_cues.tsv": DisplacementCues.load,
        "figure_cues.tsv": FigureCues.load,
        "languages.tsv": Languages.load,
        "modality.tsv": ModalityCues.load,
        "side_cues.tsv": load_side_cues,
        "number_words.tsv": load_number_words,
        "relevance_cues.tsv irregular_forms.tsv": RelevanceWords.load,
        "rewrites.tsv": RewriteTable.load,
        "stopwords.txt synonyms.tsv": Vocabulary.load,
        "triggers.tsv": TriggerLexicon.load,
        "type_precedence.tsv": Precedence.load,
        "deathless_subtypes.tsv": load_deathless,
        "vague_quantities.tsv": load_vague_table,
        "places/admin1.tsv": lambda: place_table("admin1.tsv"),
        "places/aliases.tsv": lambda: place_table("aliases.tsv"),
        "places/excluded.tsv": lambda: place_table("excluded.tsv"),
        "places/countries.tsv": lambda: place_table("countries.tsv"),
        "places/demonyms.tsv": lambda: place_table("demonyms.tsv"),
        "places/common_words.txt": lambda: place_table("common_words.txt"),
        "places/keywords.tsv": Keywords.load,
        "places/particles.txt": lambda: place_table("particles.txt"),
        "places/abbreviations.tsv": lambda: place_table("abbreviations.tsv"),
        "places/not_places.tsv": NotPlaces.load,
        "acled/countries.tsv acled/admin1.tsv acled/inter_codes.tsv "
        "acled/outlets.tsv acled/generic_tlds.tsv": AcledTables.load,
    }


@pytest.mark.parametrize("names", sorted(_loaders()))
def test_every_data_file_loads(names: str) -> None:
    assert _loaders()[names]()


def test_every_data_table_has_a_loader() -> None:
    data = Path(__file__).parents[1] / "src" / "strife" / "data"
    shipped = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.suffix in {".tsv", ".txt"}}
    # training/ is read by `strife learn` (learn/), not by the pipeline: its own tests read it
    shipped = {name for name in shipped if not name.startswith("training/")}
    assert shipped == {name for names in _loaders() for name in names.split()}


def _bad_relevance_cues(path: Path) -> object:
    from strife.extract.relevance import RelevanceWords

    return RelevanceWords.load(cues=path)


def _bad_irregular_forms(path: Path) -> object:
    from strife.extract.relevance import RelevanceWords

    return RelevanceWords.load(irregular=path)


def _bad_not_places(path: Path) -> object:
    from strife.resolve.places.not_places import NotPlaces

    return NotPlaces.load(path)


def _bad_actors(path: Path) -> object:
    from strife.resolve.actors import ActorDictionary

    return ActorDictionary.load(path)


def _bad_generic_actors(path: Path) -> object:
    from strife.resolve.actors import ActorDictionary

    return ActorDictionary.load(generic_path=path)


def _bad_actor_demonyms(path: Path) -> object:
    from strife.resolve.actors import ActorDictionary

    return ActorDictionary.load(demonym_path=path)


def _bad_rewrites(path: Path) -> object:
    from strife.clean.rewrites import RewriteTable

    return RewriteTable.load(path)


def _bad_boilerplate(path: Path) -> object:
    from strife.clean.boilerplate import BoilerplateRules

    return BoilerplateRules.load(path)


ACTORS_HEADER = "name\ttype\tcountry\taliases\tlocal_aliases\tlocal_in\tvalid_from\tvalid_to\tassoc\tnotes\n"
# A loader given a file of its own with one bad line: the error names that file and line.
BROKEN_EDITS: list[tuple[Callable[[Path], object], str, str]] = [
    (
        _bad_relevance_cues,
        "word\tkind\tweight\ntroop\tactor\t1\ngunman\tgunmen\t1\n",
        ":3: unknown kind 'gunmen'",
    ),
    (_bad_relevance_cues, "word\tkind\tweight\ntroop\tactor\theavy\n", ":2: weight 'heavy'"),
    (_bad_irregular_forms, "word\tform\nflee\tfled\n", ":1: unknown column 'form'"),
    (_bad_not_places, "# c\nword\tclass\nKurd\tethnic group\n", ":3: unknown class 'ethnic group'"),
    (_bad_actors, "name\ttype\tcountry\n", ":1: missing column 'aliases'"),
    (_bad_actors, ACTORS_HEADER + "Some Group\t2\tChad\n", ":2: 3 cells, expected 9 to 10"),
    (_bad_actors, ACTORS_HEADER + "Some Group\t2\t\t\t\t\t2021-13-01\t\t\t\n", ":2: date '2021-13-01'"),
    (_bad_generic_actors, "template\ttype\tafter\taliases\tnotes\n", ":1: unknown column 'after'"),
    (_bad_rewrites, "# c\nspun\tplain\tnote\nmentioned\n", ":3: 1 cells, expected 2 to 3"),
    (_bad_boilerplate, "kind\tpattern\treason\nparagraph\tfoo\tbar\n", ":2: unknown kind 'paragraph'"),
    (_bad_boilerplate, "kind\tpattern\treason\nline\t(unclosed\tbar\n", ":2: missing ), unterminated"),
    (_bad_actor_demonyms, "aliases\tcountry\tmilitia\nRussian\n", ":2: 1 cells, expected 2 to 3"),
]


@pytest.mark.parametrize(
    ("loader", "text", "message"), BROKEN_EDITS, ids=lambda v: getattr(v, "__name__", "")
)
def test_a_broken_edit_fails_at_file_and_line(
    tmp_path: Path, loader: Callable[[Path], object], text: str, message: str
) -> None:
    path = tmp_path / "edited.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        loader(path)
    assert str(error.value).startswith(f"{path}{message}")
