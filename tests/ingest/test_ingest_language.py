"""Languages: a confidently non-English article is a rejection naming its language; English and
texts too short to tell are read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strife.ingest import ReadOptions, read_inputs
from strife.ingest.language import LanguageCheck, Languages, not_supported
from strife.records import Article, Rejection

ENGLISH = (
    "Gunmen killed five villagers in an attack on a village in Zamfara state on Tuesday, police said. "
    "Residents said the attackers arrived on motorcycles and burned several houses."
)
OTHERS = {
    "fr": "Des hommes armés ont tué cinq villageois mardi dans l'État de Zamfara, a indiqué la police. "
    "Les assaillants sont arrivés à moto et ont incendié plusieurs maisons.",
    "es": "Hombres armados mataron a cinco aldeanos el martes en el estado de Zamfara, según informó la "
    "policía. Los atacantes llegaron en motocicletas e incendiaron varias casas.",
    "de": "Bewaffnete haben am Dienstag im Bundesstaat Zamfara fünf Dorfbewohner getötet, teilte die "
    "Polizei mit. Die Angreifer kamen auf Motorrädern und zündeten mehrere Häuser an.",
    "ar": "قتل مسلحون خمسة قرويين في هجوم على قرية في ولاية زامفارا يوم الثلاثاء، حسبما ذكرت الشرطة.",
}


@pytest.fixture(scope="module")
def check() -> LanguageCheck:
    return LanguageCheck()


def article(text: str) -> Article:
    return Article(id="a1", text=text, origin="story.txt")


@pytest.mark.parametrize("code", sorted(OTHERS))
def test_a_non_english_article_is_a_rejection_naming_its_language(check: LanguageCheck, code: str) -> None:
    found = check(article(OTHERS[code]))
    assert found == Rejection("story.txt", "language", f"language {code} not supported (English only)", "a1")


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        "Al-Shabaab militants attacked Mogadishu.",  # short and full of names: too short to tell
        "Taliban fighters clashed with ANDSF in Kunduz on Monday, officials in the province said.",
        "Kabul",
    ],
)
def test_english_and_too_short_texts_are_read(check: LanguageCheck, text: str) -> None:
    assert check(article(text)) == article(text)


def test_the_reason_is_the_documented_one() -> None:
    assert not_supported("fr") == "language fr not supported (English only)"


def test_the_languages_table_codes_english() -> None:
    table = Languages.load()
    assert table.coded == {"en"} and table.accepts("en") and not table.accepts("fr")


def test_read_inputs_rejects_a_french_row_and_keeps_the_english_one(tmp_path: Path) -> None:
    rows = tmp_path / "mixed.jsonl"
    lines = [
        {"id": "en1", "date": "2024-05-07", "text": ENGLISH},
        {"id": "fr1", "date": "2024-05-07", "text": OTHERS["fr"]},
    ]
    rows.write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8"
    )
    found = list(read_inputs([rows]))
    assert isinstance(found[0], Article) and found[0].id == "en1"
    assert isinstance(found[1], Rejection) and found[1].stage == "language" and found[1].article_id == "fr1"


def test_english_only_can_be_turned_off(tmp_path: Path) -> None:
    story = tmp_path / "fr.txt"
    story.write_text(OTHERS["fr"], encoding="utf-8")
    [found] = read_inputs([story], ReadOptions(english_only=False))
    assert isinstance(found, Article)
