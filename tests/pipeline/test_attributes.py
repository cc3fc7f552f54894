"""The indexed attribute ruler finds exactly the matches of spaCy's Matcher, so the parse is unchanged."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from strife.pipeline import Resources
from strife.pipeline.attributes import IndexedRuler, index_attribute_ruler

SENTENCES = [
    "Gunmen killed nine villagers in a raid on the market town of Kaura, a local official said on Monday.",
    "I told them it's gonna be hard, y'all know that, but there is no other road out of the valley.",
    "She gets the convoy through; he got his own men out, and we ain't leaving until they do.",
    "Let's say the army had done what it said: those who fled would have come home by now.",
    "Nobody   knows\n\nwhether   the  ceasefire will hold -- everything depends on the militia.",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(Resources().model, exclude=["ner"])


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_the_model_ruler_finds_the_matchers_matches(stock: Language) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    indexed = IndexedRuler(ruler)
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(stock.pipe(SENTENCES))
    for doc in docs:
        assert indexed(doc) == AttributeRuler.match(ruler, doc)


def test_strife_parses_with_the_same_annotations_as_spacy(stock: Language) -> None:
    nlp = Resources().nlp
    assert isinstance(nlp.get_pipe("attribute_ruler").match, IndexedRuler)
    for ours, theirs in zip(nlp.pipe(SENTENCES), stock.pipe(SENTENCES), strict=True):
        assert _annotations(ours) == _annotations(theirs)


def _tagged(nlp: Language, words: list[str], tags: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=["dep"] * len(words), heads=list(range(len(words))))


def test_patterns_of_every_supported_kind_match_as_the_matcher_does() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"TAG": "NN", "LOWER": "raid"}]], {"LEMMA": "raid"})
    ruler.add([[{"LOWER": {"IN": ["fled", "flee"]}}]], {"LEMMA": "flee"})
    ruler.add([[{"TAG": {"NOT_IN": ["NN", ""]}, "IS_SPACE": False}]], {"POS": "X"})
    ruler.add([[{"LOWER": {"REGEX": "^gun"}}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"})
    ruler.add([[{"TAG": "VBD", "LOWER": "got"}], [{"TAG": "VBZ", "LOWER": "gets"}]], {"LEMMA": "get"})
    words = ["Gunmen", "fled", "the", "raid", "gon", "na", "got", "gets", "raid"]
    tags = ["NNS", "VBD", "DT", "NN", "VBG", "TO", "VBD", "VBZ", "VB"]
    doc = _tagged(nlp, words, tags)
    expected = AttributeRuler.match(ruler, doc)
    assert len(expected) > len(words)  # several patterns match some tokens
    assert IndexedRuler(ruler)(doc) == expected
    assert index_attribute_ruler(nlp)
    ruler(doc)
    assert [t.lemma_ for t in doc][1:8] == ["flee", "", "raid", "go", "", "get", "get"]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "fled", "OP": "?"}],  # an operator
        [{"ENT_TYPE": "GPE"}],  # an attribute the index does not hold
        [{"LENGTH": {">=": 3}}],  # a comparison
    ],
)
def test_a_pattern_it_cannot_index_leaves_the_ruler_as_it_is(pattern: list[dict[str, object]]) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([pattern], {"POS": "VERB"})
    assert not index_attribute_ruler(nlp)
    assert "match" not in vars(ruler)


def test_a_pipeline_without_a_ruler_is_left_alone() -> None:
    assert not index_attribute_ruler(spacy.blank("en"))
