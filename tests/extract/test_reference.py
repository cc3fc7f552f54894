"""Definite references to an occurrence already reported (extract/reference.py)."""

import pytest

from strife.extract.reference import refers_back


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
    ],
)
def test_refers_back(nlp, sentence: str, word: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    head = next(t for t in doc if t.text == word)
    assert refers_back(head) is expected
