"""The spun-wording table: each pair, case, word boundaries, and the data file itself."""

from __future__ import annotations

import pytest

from strife.clean import Cleaner, Rewrite, RewriteTable


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner.default()


@pytest.mark.parametrize(
    ("spun", "plain"),
    [
        ("Residents mentioned the town was quiet.", "Residents said the town was quiet."),
        ("A farmer instructed AFP he had fled.", "A farmer told AFP he had fled."),
        ("An official instructed Reuters the road was shut.", "An official told Reuters the road was shut."),
        ("A nurse instructed Al Jazeera about the wounded.", "A nurse told Al Jazeera about the wounded."),
        ("The group seized the town final yr.", "The group seized the town last year."),
        ("Clashes broke out final week.", "Clashes broke out last week."),
        ("Talks collapsed final month.", "Talks collapsed last month."),
        ("It was a stronghold in the Nineteen Nineties.", "It was a stronghold in the 1990s."),
        ("Rebels held the pass in the Eighties.", "Rebels held the pass in the 1980s."),
        ("The town grew in the late Seventies.", "The town grew in the late 1970s."),
        ("The valley was a website of resistance.", "The valley was a site of resistance."),
        ("Combating spread to the north.", "Fighting spread to the north."),
        ("They launched an offensive towards the army.", "They launched an offensive against the army."),
        ("The last to carry out towards the regime.", "The last to hold out against the regime."),
        ("Heavy preventing was reported.", "Heavy fighting was reported."),
        ("Dozens died in latest days.", "Dozens died in recent days."),
        ("Both sides declare to have won.", "Both sides claim to have won."),
        ("The group seized energy in a coup.", "The group seized power in a coup."),
        ("Their first for the reason that the war ended.", "Their first since the war ended."),
        ("It happened two days earlier than the vote.", "It happened two days before the vote."),
        ("Dozens were killed in the course of the raid.", "Dozens were killed during the raid."),
        ("The assaults continued.", "The attacks continued."),
        ("He was referred to as the leader.", "He was called the leader."),
        ("Rebels introduced an offensive on Monday.", "Rebels launched an offensive on Monday."),
        ("The offensive would proceed, they said.", "The offensive would continue, they said."),
        ("Fighting throughout 12 provinces.", "Fighting across 12 provinces."),
        ("Ten troopers were hurt.", "Ten soldiers were hurt."),
        ("Safety forces closed the road.", "Security forces closed the road."),
        ("Authorities forces shelled the village.", "Government forces shelled the village."),
        ("The blast left 5 useless.", "The blast left 5 dead."),
        ("The raid left seven lifeless.", "The raid left seven dead."),
        ("Lots of of homes burned.", "Hundreds of homes burned."),
        ("No less than 12 people died.", "At least 12 people died."),
        ("Greater than 40 families fled.", "More than 40 families fled."),
        ("Troops set fireplace to round 200 homes.", "Troops set fire to around 200 homes."),
        ("A number of different individuals fled.", "A number of other people fled."),
        ("He spoke, including that the road was shut.", "He spoke, adding that the road was shut."),
        ("Troops raided a close by village.", "Troops raided a nearby village."),
        ("Images showed the stays of burned trucks.", "Images showed the remains of burned trucks."),
    ],
)
def test_spun_wording_becomes_plain(cleaner: Cleaner, spun: str, plain: str) -> None:
    assert cleaner(spun).text == plain


@pytest.mark.parametrize(
    "text",
    [
        "The commander instructed his troops to withdraw.",  # 'instructed' not before an agency
        "She is in her eighties.",  # an age, not a decade
        "A sexual assaults case was opened.",  # kept, not 'attacks'
        "The first lady visited the camp.",
        "The finalists met last week.",  # 'final' only inside a word
        "Efforts to combat the disease.",
        "It came earlier than expected.",  # 'earlier than' not before a time noun
        "Costs rose, including that of fuel.",
    ],
)
def test_legitimate_wording_is_kept(cleaner: Cleaner, text: str) -> None:
    assert cleaner(text).text == text


def test_first_letter_case_is_kept() -> None:
    table = RewriteTable([Rewrite("mentioned", "said")])
    edits = table.edits("Mentioned twice, mentioned once.")
    assert [e.replacement for e in edits] == ["Said", "said"]


def test_capitalised_row_matches_only_capitalised_text() -> None:
    table = RewriteTable([Rewrite("Eighties", "1980s")])
    assert table.edits("in his eighties") == []


def test_longer_row_shields_shorter_row() -> None:
    table = RewriteTable([Rewrite("assaults", "attacks"), Rewrite("sexual assaults", "sexual assaults")])
    assert table.edits("reports of sexual assaults") == []


def test_overlapping_rows_both_apply_when_their_changes_do_not_overlap() -> None:
    table = RewriteTable(
        [
            Rewrite("introduced an offensive", "launched an offensive"),
            Rewrite("offensive towards", "offensive against"),
        ]
    )
    edits = table.edits("introduced an offensive towards them")
    assert sorted(e.replacement for e in edits) == ["against", "launched"]


def test_placeholder_counts_must_agree() -> None:
    with pytest.raises(ValueError, match="same number"):
        Rewrite("{num} useless", "dead")


def test_table_header_is_required() -> None:
    with pytest.raises(ValueError, match="header"):
        RewriteTable.parse("mentioned\tsaid\n")


def test_shipped_table_rows_are_well_formed() -> None:
    table = RewriteTable.load()
    assert len(table.rows) > 100
    assert all(row.spun and row.plain for row in table.rows)
    assert len({row.spun for row in table.rows}) == len(table.rows)
