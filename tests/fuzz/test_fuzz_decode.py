"""Property tests of the decoder: any bytes are text in a named encoding or a DecodeError, never a crash."""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from strife.ingest.decode import DecodeError, choose_encoding, decode_document, iter_lines

FUZZ = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
# Words with at least one ASCII letter each: a text of nothing but "à" is no article.
WORDS = (
    *("Café", "Ñandú", "São", "Paulo", "Zürich", "réfugiés", "quitté", "cause", "combats", "déclaré"),
    *("Straße", "Bürger", "Übergriff", "niño", "año", "ejército", "señaló", "polícia", "três", "ações"),
    *("não", "the", "army", "said", "on", "Monday", "that", "rebels", "attacked", "village", "killed"),
    *("people", "police", "official", "città", "perché"),
)


@FUZZ
@given(st.binary(max_size=4096), st.booleans())
def test_any_bytes_get_an_encoding_or_a_decode_error(data: bytes, complete: bool) -> None:
    try:
        encoding = choose_encoding(data, complete=complete)
    except DecodeError as exc:
        assert len(exc.reason.splitlines()) == 1
        return
    assert codecs.lookup(encoding)


@FUZZ
@given(st.binary(max_size=4096))
def test_a_decoded_document_is_text_that_utf8_can_store(data: bytes) -> None:
    try:
        text = decode_document(data)
    except DecodeError as exc:
        assert len(exc.reason.splitlines()) == 1
        return
    text.encode("utf-8")


@FUZZ
@given(st.text(max_size=2000))
def test_utf8_text_is_always_decoded_as_utf8(text: str) -> None:
    assume("\x00" not in text and not text.startswith("\ufeff"))
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates are no UTF-8 text
        assume(False)
    assert decode_document(data) == text


@FUZZ
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_latin_text_in_cp1252_comes_back_intact(words: list[str]) -> None:
    text = " ".join(words)
    assume(not text.isascii())
    assert decode_document(text.encode("cp1252")) == text


@FUZZ
@given(st.binary(max_size=3000), st.integers(min_value=1, max_value=200))
def test_lines_are_text_or_a_one_line_problem(data: bytes, max_bytes: int) -> None:
    import io

    for line in iter_lines(io.BytesIO(data), "utf-8", max_bytes):
        assert (line.text is None) == (line.problem is not None)
        if line.problem is not None:
            assert len(line.problem.splitlines()) == 1
