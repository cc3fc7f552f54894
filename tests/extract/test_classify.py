import pytest

from strife.extract.classify import classify
from strife.mentions import Typing


@pytest.mark.parametrize(
    ("kind", "agents", "patients", "sentence", "expected"),
    [
        ("kill", [2], [7], "Rebels killed five villagers.", ("Violence against civilians", "Attack")),
        ("kill", [2], [1], "Rebels killed five soldiers.", ("Battles", "Armed clash")),
        (
            "protest",
            [6],
            [],
            "Three officers were hurt when protesters tried to storm the police station.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "kill",
            [1],
            [6],
            "Police killed two protesters.",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "kill",
            [1],
            [],
            "Security forces shot dead a man during protests in the city.",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "kill",
            [1],
            [7],
            "Soldiers killed three farmers near the village.",
            ("Violence against civilians", "Attack"),
        ),
        ("capture", [2], [], "Rebels captured the town.", ("Battles", "Non-state actor overtakes territory")),
        ("recapture", [1], [], "The army retook the town.", ("Battles", "Government regains territory")),
        (
            "explosion",
            [],
            [],
            "A suicide bomber caused the blast.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "explosion",
            [],
            [],
            "A bomb exploded in the market.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "protest",
            [6],
            [],
            "Police fired tear gas at protesters.",
            ("Protests", "Protest with intervention"),
        ),
        ("protest", [6], [], "Protesters threw stones at shops.", ("Riots", "Violent demonstration")),
        ("flee", [7], [], "Villagers fled.", ("Displacement", "Forced to flee")),
        ("clash", [8], [7], "Gunmen clashed with residents.", ("Violence against civilians", "Attack")),
        ("attack", [6], [], "Protesters stormed the residence.", ("Riots", "Violent demonstration")),
    ],
)
def test_classify(kind, agents, patients, sentence, expected) -> None:
    typing = classify(kind, agents, patients, sentence)
    assert typing is not None
    assert (typing.event_type, typing.sub_event_type) == expected


@pytest.mark.parametrize(
    ("kind", "agents", "patients"),
    [
        ("flee", [2], []),  # fighters escaping are not displaced people
        ("attack", [], []),  # an attack with no one on either side is not codable
        ("capture", [], []),
    ],
)
def test_not_an_event(kind, agents, patients) -> None:
    assert classify(kind, agents, patients, "text") is None


def test_armed_men_marching_captives_is_not_a_protest() -> None:
    assert classify("protest", [8], [7], "The attackers marched the captives into the forest.") is None


@pytest.mark.parametrize(
    ("kind", "agents", "patients", "sentence", "expected"),
    [
        (
            "clash",
            [1],
            [],
            "Youths fought pitched battles with police who fired tear gas.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "clash",
            [],
            [],
            "Demonstrators and riot police fought running battles downtown.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "clash",
            [1],
            [2],
            "Soldiers fought rebels as protesters gathered in the capital.",
            ("Battles", "Armed clash"),
        ),
        (
            "capture",
            [1],
            [],
            "Troops seized a large arms cache hidden in a farmhouse.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "capture",
            [1],
            [],
            "Police found a stockpile of hand grenades and rifles.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "capture",
            [1],
            [],
            "Troops seized the hilltop village from the militants.",
            ("Battles", "Government regains territory"),
        ),
    ],
)
def test_crowd_battles_and_weapons_seizures(kind, agents, patients, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    typing = classify(kind, agents, patients, sentence)
    assert typing is not None and (typing.event_type, typing.sub_event_type) == expected


@pytest.mark.parametrize(
    ("kind", "agents", "patients", "sentence", "expected"),
    [
        (
            "clash",
            [1],
            [],
            "Two men died in clashes at an opposition rally in the port city on Monday.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "kill",
            [],
            [1],
            "An officer was killed as violence broke out during rallies in the capital.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "kill",
            [1],
            [],
            "Police shot three after youths protesting power cuts stormed a council office.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "attack",
            [],
            [6],
            "Guards were hurt when demonstrators raided the governor's compound.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "kill",
            [1],
            [],
            "Soldiers shot dead two men during protests over fuel prices.",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "kill",
            [2],
            [1],
            "Rebels killed four soldiers a week after protests in the capital.",
            ("Battles", "Armed clash"),
        ),
        (
            "clash",
            [1],
            [],
            "Troops clashed with fighters near the border in March.",
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_violence_at_a_gathering_is_a_riot(kind, agents, patients, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    typing = classify(kind, agents, patients, sentence)
    assert typing is not None and (typing.event_type, typing.sub_event_type) == expected


@pytest.mark.parametrize(
    ("kind", "agents", "patients", "sentence", "expected"),
    [
        (
            "kill",
            [1],
            [7],
            "Mortars fired by the army hit a market, killing nine shoppers.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "kill",
            [8],
            [7],
            "A drone strike on a wedding party killed twelve guests.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "kill",
            [2],
            [7],
            "Gunmen killed six traders with rocket-propelled grenades and rifles.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "kill",
            [2],
            [7],
            "Gunmen shot dead six traders near the bus stop.",
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_harm_from_a_remote_weapon_is_the_strike(kind, agents, patients, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    typing = classify(kind, agents, patients, sentence)
    assert typing is not None and (typing.event_type, typing.sub_event_type) == expected


@pytest.mark.parametrize(
    ("kind", "agents", "patients", "sentence"),
    [
        ("kill", [8], [7], "Eight of our men were killed in action during an attack on the outpost."),
        ("kill", [2], [7], "Two officers died in the line of duty when gunmen opened fire."),
    ],
)
def test_combatant_deaths_are_a_battle(kind, agents, patients, sentence) -> None:  # type: ignore[no-untyped-def]
    typing = classify(kind, agents, patients, sentence)
    assert typing is not None and (typing.event_type, typing.sub_event_type) == ("Battles", "Armed clash")


def test_unrest_without_a_crowd_is_no_riot() -> None:
    assert classify("riot", [], [], "Nine villagers killed in northern unrest", strong=False) is None


def test_unrest_with_a_crowd_is_a_riot() -> None:
    typing = classify("riot", [6], [], "Protesters stoned shops as unrest spread", strong=False)
    assert typing is not None and typing.event_type == "Riots"


def test_a_deal_is_an_agreement_of_the_conflict_only_when_an_armed_group_signs_it() -> None:
    assert classify("agreement", [2], [], "Rebels signed a deal with the army.", strong=False) == Typing(
        "Strategic developments", "Agreement"
    )
    assert classify("agreement", [1], [], "The government signed a deal with a bank.", strong=False) is None
    assert classify("agreement", [1], [], "The two sides agreed a truce.", strong=True) is not None


def test_forces_equipment_destroyed_is_combat_not_property_destruction() -> None:
    assert classify("loot", [2], [1], "Militants destroyed two army trucks.") is None
    assert classify("loot", [2], [7], "Militants destroyed the homes of villagers.") == Typing(
        "Strategic developments", "Looting/property destruction"
    )


def test_a_new_leader_is_a_change_to_an_armed_group_only() -> None:
    assert classify("leader", [2], [], "The rebels named a new leader.", strong=False) == Typing(
        "Strategic developments", "Change to group/activity"
    )
    assert classify("leader", [1], [], "The government named a new leader.", strong=False) is None
