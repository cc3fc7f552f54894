import pytest

from strife.dedupe.similarity import (
    EncoderSimilarity,
    LexicalSimilarity,
    default_similarity,
    encoder_enabled,
)

LEAD = "At least 12 troops were killed in an attack by suspected jihadists on a military post."
SAME = "Twelve soldiers died when jihadists stormed an army post."
OTHER = "The finance minister presented the budget to parliament on Tuesday."


def test_word_overlap() -> None:
    similarity = LexicalSimilarity()
    assert similarity(LEAD, LEAD) == 1.0
    assert similarity(LEAD, SAME) > similarity(LEAD, OTHER) == 0.0


@pytest.mark.parametrize(("value", "enabled"), [("on", True), ("off", False), ("0", False), ("OFF ", False)])
def test_the_encoder_setting(monkeypatch: pytest.MonkeyPatch, value: str, enabled: bool) -> None:
    monkeypatch.setenv("STRIFE_ENCODER", value)
    assert encoder_enabled() is enabled
    assert isinstance(default_similarity(), EncoderSimilarity if enabled else LexicalSimilarity)


def test_the_encoder_reads_paraphrases_as_alike() -> None:
    similarity = EncoderSimilarity()
    assert similarity(LEAD, SAME) >= similarity.related > similarity(LEAD, OTHER)
