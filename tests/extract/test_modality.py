import pytest

from strife.extract.lexicon import TriggerLexicon
from strife.extract.modality import Modality, ModalityCues


@pytest.fixture(scope="module")
def judge() -> tuple[TriggerLexicon, Modality]:
    return TriggerLexicon.load(), Modality(ModalityCues.load())


def _reason(judge, nlp, sentence: str) -> str | None:
    lexicon, modality = judge
    sent = next(nlp(sentence).sents)
    hit = next(lexicon.find(sent))
    return modality.reason(sent.doc[hit.head], sent)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army denied shelling the town.", "denial"),
        ("Soldiers did not attack the village.", "negated"),
        ("The rebels vowed to attack the capital.", "intention"),
        ("The offensive would continue in the north.", "not yet happened"),
        ("If the rebels capture the town they will kill the prisoners.", "hypothetical"),
        ("The group has attacked the minority on numerous occasions.", "trend"),
        ("The striker scored twice in the battle for the league title.", "metaphor"),
        ("Gunmen killed four farmers in the village on Sunday.", None),
        ("The violence has killed thousands of people in the north.", "trend"),
        ("Gunmen opened fire on residents gathered near the market.", None),
        ("Soldiers fired rockets at mock targets during a live-fire drill near the border.", "exercise"),
        ("Rival militias met in the capital to end a war that has killed tens of thousands.", "trend"),
        ("More than 2,000 people were killed as a result of the conflict, aid agencies say.", "trend"),
        ("Families moved to towns where shelling, raids and gun battles were rare.", "habit"),
        ("Looting and abductions of travellers were rampant along the highway.", "habit"),
        ("Looting was reported after the raid, which was rare in the district.", None),
        ("Explosions shook the plain as troops staged the largest military exercise in years.", "exercise"),
        ("Separatists have been fighting for an independent state in the west.", "ongoing"),
        ("The rebels had been attacking convoys on the northern road.", "ongoing"),
        ("Rebel groups fighting the army met in the capital to choose a new leader.", "describes"),
        ("Militants have attacked a checkpoint near the border, police said.", None),
        ("Four men went on trial in Lagos over the bombing of a bus station.", "court case"),
        ("The commander was convicted of ordering the massacre of villagers.", "court case"),
        ("Police launched an operation to rescue the hostages and arrest the kidnappers.", "purpose"),
        ("Troops were sent to protect farmers who had fled the fighting.", None),
        (
            "Every resource was used to secure the release of the hostages and the arrest of the kidnappers.",
            "purpose",
        ),
        ("Militants were believed to be behind the attack on the market.", None),
    ],
)
def test_modality_reason(judge, nlp, sentence: str, expected: str | None) -> None:
    reason = _reason(judge, nlp, sentence)
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and expected in reason


def _reason_of(judge, nlp, sentence: str, word: str) -> str | None:  # type: ignore[no-untyped-def]
    lexicon, modality = judge
    sent = next(nlp(sentence).sents)
    hit = next(h for h in lexicon.find(sent) if sent.doc[h.head].text == word)
    return modality.reason(sent.doc[hit.head], sent)


def test_an_occurrence_the_story_event_followed_is_recalled(judge, nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "The latest raid followed two bombings at the market that killed nine traders."
    assert "recalls" in (_reason_of(judge, nlp, sentence, "bombings") or "")
    assert _reason_of(judge, nlp, sentence, "raid") is None
    chase = "Police followed the gunmen into the forest after the attack on the school."
    assert _reason_of(judge, nlp, chase, "attack") is None


def test_a_relative_clause_asserts_its_own_fact(judge, nlp) -> None:  # type: ignore[no-untyped-def]
    sentence = "Farmers left their fields for fear of being robbed by gunmen who raided two hamlets."
    assert _reason_of(judge, nlp, sentence, "raided") is None
    still = "Elders said the town would be the next target to be attacked by the militia."
    assert "not yet happened" in (_reason_of(judge, nlp, still, "attacked") or "")
