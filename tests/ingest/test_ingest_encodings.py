"""Encodings: UTF-8 first, cp1252 for Latin text over rare code pages, other scripts by detection."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest

from strife.ingest import ReadOptions, read_inputs
from strife.ingest.decode import DecodeError, choose_encoding, decode_document
from strife.records import Article, Rejection

LATIN = [
    "Café",
    "Ñandú",
    "São Paulo",
    "Zürich",
    "In Zürich demonstrierten am Montag tausende Menschen gegen die Regierung.",
    "Les réfugiés ont quitté la ville à cause des combats, a déclaré l'élu.",
    "Em São Paulo, a polícia disse que três pessoas morreram após confrontos.",
    "Un ñandú fue visto cerca de Asunción; el ejército señaló “daños” \u2013 nada más…",
]
OTHER_SCRIPTS = [
    ("Беженцы покинули город из-за боёв, сообщили местные власти.", "cp1251"),
    ("Беженцы покинули город из-за боёв, сообщили местные власти.", "koi8_r"),
    ("Żołnierze weszli do Łodzi; źródło podało, że ścieżka była zamknięta.", "cp1250"),
    ("Η αστυνομία χρησιμοποίησε δακρυγόνα εναντίον των διαδηλωτών στην Αθήνα.", "cp1253"),  # noqa: RUF001
    ("قال مسؤولون محليون إن مسلحين هاجموا القرية يوم الثلاثاء.", "cp1256"),
    ("東京で大規模な抗議活動が行われ、警察によると数千人が参加した。", "shift_jis"),
    ("据当地官员称，武装分子周二袭击了该村，造成十二名平民死亡。", "gb18030"),  # noqa: RUF001
    ("據當地官員稱，武裝分子週二襲擊了該村，造成十二名平民死亡。", "big5"),  # noqa: RUF001
]


# These texts are in many languages: what is tested is their decoding, not the language check.
DECODING_ONLY = ReadOptions(english_only=False)


def _read_text_file(tmp_path: Path, data: bytes) -> Article | Rejection:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    (outcome,) = read_inputs([path], DECODING_ONLY)
    return outcome


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(text, "cp1252") for text in LATIN] + [(text, "latin-1") for text in LATIN if max(map(ord, text)) < 256],
)
def test_latin_text_comes_back_intact(tmp_path: Path, text: str, encoding: str) -> None:
    article = _read_text_file(tmp_path, text.encode(encoding))
    assert isinstance(article, Article) and article.text == text


@pytest.mark.parametrize(("text", "encoding"), OTHER_SCRIPTS)
def test_other_scripts_are_detected(tmp_path: Path, text: str, encoding: str) -> None:
    article = _read_text_file(tmp_path, text.encode(encoding))
    assert isinstance(article, Article) and article.text == text


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_byte_order_mark_names_the_encoding(tmp_path: Path, bom: bytes) -> None:
    text = "São Paulo: 東京 \u2013 Беженцы"
    encoding = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le"}.get(bom, "utf-16-be")
    article = _read_text_file(tmp_path, bom + text.encode(encoding))
    assert isinstance(article, Article) and article.text == text


def test_utf8_is_never_guessed_to_be_another_encoding(tmp_path: Path) -> None:
    text = "Zürich, São Paulo, Ñandú, Café \u2013 “quoted”"
    article = _read_text_file(tmp_path, text.encode("utf-8"))
    assert isinstance(article, Article) and article.text == text


def test_jsonl_in_cp1252_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    rows = [{"text": text} for text in LATIN]
    path.write_bytes("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("cp1252"))
    assert [getattr(item, "text", None) for item in read_inputs([path], DECODING_ONLY)] == LATIN


@pytest.mark.parametrize(
    "data",
    [
        random.Random(1).randbytes(4096).replace(b"\x00", b"\x01"),
        bytes(range(1, 256)) * 8,
        b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(512).replace(b"\x00", b"\x02"),
        b"\x1f\x8b\x08" + random.Random(3).randbytes(300).replace(b"\x00", b"\x03"),
    ],
    ids=["random", "all-bytes", "png-like", "gzip-like"],
)
def test_binary_blobs_without_nul_bytes_are_still_rejected(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode_document(data)


def test_damaged_utf8_is_rejected_not_read_as_cp1252() -> None:
    data = "Réfugiés ont quitté Goma ".encode() + b"\xff\xfe\x81"
    assert choose_encoding(data, complete=True) == "utf-8"
    with pytest.raises(DecodeError, match="not valid utf-8"):
        decode_document(data)


def test_a_cut_sample_may_end_mid_character() -> None:
    data = "Zürich".encode()[:2]  # b"Z\xc3": the rest is beyond the sample
    assert choose_encoding(data) == "utf-8"
