from dedupe_helpers import report

from strife.dedupe.families import Families

FAMILIES = Families.load()


def test_precedence_links_types_both_ways() -> None:
    strike = report("a", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    attack = report("b", event_type="Violence against civilians", sub_event_type="Attack")
    assert FAMILIES.linked(strike, attack) == "Explosions/Remote violence holds Violence against civilians"
    assert FAMILIES.linked(attack, strike) == FAMILIES.linked(strike, attack)
    protest = report("c", event_type="Protests", sub_event_type="Peaceful protest")
    assert FAMILIES.linked(strike, protest) is None


def test_a_record_is_compared_with_its_own_and_linked_types() -> None:
    assert FAMILIES.neighbours("Explosions/Remote violence")[0] == "Explosions/Remote violence"
    assert "Violence against civilians" in FAMILIES.neighbours("Explosions/Remote violence")
    assert FAMILIES.neighbours("Displacement") == ("Displacement",)


def test_actors() -> None:
    a = report("a")
    assert FAMILIES.actors_agree(a, report("b", actor1="Unidentified Armed Group (Sudan)")) == ""
    assert FAMILIES.actors_agree(a, report("b", actor1=a.actor2, actor2=a.actor1)) == ""  # a battle's sides
    assert FAMILIES.actors_agree(a, report("b", actor2="Sudan Liberation Movement/Army")) is None
    victims = FAMILIES.actors_agree(a, report("b", actor2="Civilians (Sudan)"))
    assert victims and "told differently" in victims


def test_only_actors_that_name_a_party_count_as_shared() -> None:
    a = report("a", actor2="Civilians (Sudan)")
    assert FAMILIES.telling_actors(a, report("b", actor2="Civilians (Sudan)")) == ["Military Forces of Sudan"]


def test_a_state_force_of_another_period_is_the_same_party() -> None:
    """An undated page names the forces for today's period, its dated copy for the period of its date."""
    dated = report("a", actor1="Military Forces of Syria (2000-2024)", actor2="Islamic State (Syria)")
    undated = report("b", actor1="Military Forces of Syria (2024-)", actor2="Islamic State (Syria)")
    assert FAMILIES.actors_agree(dated, undated) == ""
    assert FAMILIES.telling_actors(dated, undated) == ["Islamic State (Syria)", "Military Forces of Syria"]
    assert FAMILIES.actors_agree(dated, report("c", actor1="Military Forces of Iraq (2003-)")) is None
