"""Definite references to an occurrence already reported (extract/reference.py)."""

import pytest

from strife.extract.reference import is_sequel, names_own_place, refers_back


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The attack left the village empty.", "attack", True),
        ("Police said that blast was heard across the city.", "blast", True),
        ("The kidnapped engineers were freed on Monday.", "kidnapped", True),
        ("A second attack hit the market an hour later.", "attack", False),
        ("The previous attack on the town killed five.", "attack", False),
        ("An attack on the convoy killed three soldiers.", "attack", False),
        ("The attacks have continued for months.", "attacks", False),
        ("The mayor said among those killed was a schoolteacher.", "killed", True),
        ("Gunmen killed a schoolteacher near the market.", "killed", False),
        ("In the ensuing exchange of fire, two soldiers died.", "exchange", True),
        ("The resulting clashes lasted until dawn.", "clashes", True),
    ],
)
def test_refers_back(nlp, sentence: str, word: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    head = next(t for t in doc if t.text == word)
    assert refers_back(head) is expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("In the ensuing gunfight, two soldiers died.", "gunfight", True),
        ("The attack on the camp lasted an hour.", "attack", False),
        ("A new clash broke out at dawn.", "clash", False),
    ],
)
def test_a_consequence_is_a_sequel(nlp, sentence: str, word: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    head = next(t for t in nlp(sentence) if t.text == word)
    assert is_sequel(head) is expected


def test_a_place_in_the_event_phrase_is_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The attack in Bor killed six, a spokesman in Juba said.")
    head = next(t for t in doc if t.text == "attack")
    assert names_own_place(head, doc.text.index("Bor"))
    assert not names_own_place(head, doc.text.index("Juba"))
    assert not names_own_place(head, None)
