import pytest

from strife.extract.lexicon import TriggerLexicon


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.load()


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Rebels and soldiers clashed near the bridge on Monday.", "clash"),
        ("An air strike hit the market.", "air"),
        ("A roadside bomb went off near the convoy.", "ied"),
        ("A suicide bomber blew himself up at the gate.", "suicide"),
        ("Gunmen kidnapped three engineers.", "abduct"),
        ("Thousands of residents fled the town.", "flee"),
        ("Police arrested the opposition leader.", "arrest"),
        ("The militants took control of the district centre.", "capture"),
        ("Thousands were forced out of their homes by the floods.", "flee"),
        ("Some 2,000 evacuees were housed in schools.", "evacuate"),
        ("Number of displaced: 452", "displaced"),
    ],
)
def test_finds_trigger_kind(lexicon: TriggerLexicon, nlp, sentence: str, kind: str) -> None:
    sent = next(nlp(sentence).sents)
    assert kind in {hit.kind for hit in lexicon.find(sent)}


def test_longest_phrase_wins(lexicon: TriggerLexicon, nlp) -> None:
    sent = next(nlp("A suicide bombing killed nine people.").sents)
    kinds = [hit.kind for hit in lexicon.find(sent)]
    assert kinds[0] == "suicide"
    assert "explosion" not in kinds


def test_part_of_speech_is_checked(lexicon: TriggerLexicon, nlp) -> None:
    sent = next(nlp("Teachers will strike next month over pay.").sents)
    assert "air" not in {hit.kind for hit in lexicon.find(sent)}


def test_every_row_is_well_formed(lexicon: TriggerLexicon) -> None:
    assert len(lexicon.triggers) > 100
    assert all(t.phrase and t.kind for t in lexicon.triggers)


def test_a_noun_phrase_is_read_from_the_word_it_hangs_by(lexicon: TriggerLexicon, nlp) -> None:  # type: ignore[no-untyped-def]
    sent = next(nlp("In the ensuing exchange of fire, two soldiers died.").sents)
    hit = next(lexicon.find(sent))
    assert sent.doc[hit.head].text == "exchange"
