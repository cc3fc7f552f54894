"""From a trigger's kind and its resolved actors to an event type (CODEBOOK section 3).

The same verb codes differently by who did what to whom: "killed" is an attack on
civilians when the victims are civilians, a battle when they are soldiers, and
excessive force when they are protesters. Taking ground is a government regaining
territory when state forces take it, a non-state takeover otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from strife.mentions import Typing

STATE, REBEL, MILITIA_POL, MILITIA_ID, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)
ARMED = {STATE, REBEL, MILITIA_POL, MILITIA_ID, EXTERNAL}

EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"

_FIXED: dict[str, tuple[str, str]] = {
    "clash": ("Battles", "Armed clash"),
    "air": (EXPLOSIONS, "Air/drone strike"),
    "shell": (EXPLOSIONS, "Shelling/artillery/missile attack"),
    "ied": (EXPLOSIONS, "Remote explosive/landmine/IED"),
    "suicide": (EXPLOSIONS, "Suicide bomb"),
    "grenade": (EXPLOSIONS, "Grenade"),
    "chemical": (EXPLOSIONS, "Chemical weapon"),
    "abduct": (VAC, "Abduction/forced disappearance"),
    "sexual": (VAC, "Sexual violence"),
    "riot": ("Riots", "Violent demonstration"),
    "mob": ("Riots", "Mob violence"),
    "agreement": (STRATEGIC, "Agreement"),
    "arrest": (STRATEGIC, "Arrests"),
    "offensive": (STRATEGIC, "Change to group/activity"),
    "leader": (STRATEGIC, "Change to group/activity"),
    "defuse": (STRATEGIC, "Disrupted weapons use"),
    "base": (STRATEGIC, "Headquarters or base established"),
    "loot": (STRATEGIC, "Looting/property destruction"),
    "withdraw": (STRATEGIC, "Non-violent transfer of territory"),
    "flee": ("Displacement", "Forced to flee"),
    "evacuate": ("Displacement", "Evacuated"),
    "displaced": ("Displacement", "Displaced"),
    "shelter": ("Displacement", "Sheltered"),
    "return": ("Displacement", "Returned"),
}
# Weapon kinds whose explosion is refined by other words in the same sentence.
_EXPLOSION_HINTS = (("suicide", "suicide"), ("drone", "air"), ("airstrike", "air"), ("mortar", "shell"),
                    ("rocket", "shell"), ("roadside", "ied"), ("ied", "ied"), ("landmine", "ied"),
                    ("grenade", "grenade"))  # fmt: skip
INTERVENTION_CUES = (
    "tear gas",
    "teargas",
    "disperse",
    "water cannon",
    "rubber bullet",
    "baton",
    "arrested",
    "detained",
)
# Words that put a killing by state forces at a demonstration ("shot dead a man during protests"):
# ACLED codes the state's force against a crowd as a protest event, not violence against civilians.
PROTEST_CONTEXT = ("protest", "demonstrat", "rally", "rallies", "march")
VIOLENT_PROTEST_CUES = (
    "stone",
    "rock",
    "torch",
    "set fire",
    "vandal",
    "loot",
    "clashed with police",
    "molotov",
)


# A crowd fighting the police: "pitched battles", "running battles" and "clashes" between
# protesters and police are a riot, not a battle between armed groups.
CROWD_WORDS = ("protester", "protestor", "demonstrator", "rioter", "tear gas", "teargas")
# A gathering named as the setting ("clashes at a rally", "violence erupted during protests"): with
# no non-state armed group in the sentence, the fighting and the dead are a riot's. "march" alone is
# left out: it is also the month.
_CROWD_EVENT = re.compile(
    r"\b(?:protests?|protesters?|protestors?|demonstrations?|demonstrators?|rally|rallies|marchers|sit-ins?)\b"
)
# The crowd itself doing violence ("youths demonstrating against X stormed the station"): ACLED codes
# force against a crowd that attacks as a violent demonstration, not excessive force.
_CROWD_VIOLENT = re.compile(
    r"\b(?:protesters|protestors|demonstrators|rioters|youths?|crowds?|mobs?)\b(?:\W+\w+){0,6}?\W+"
    r"(?:stormed|raided|stoned|torched|ransacked|looted|overran|pelted|set fire|threw stones|attacked|"
    r"smashed|set (?:\w+ ){1,3}(?:on fire|ablaze|alight)|(?:burned|burnt)(?! (?:\w+ )?(?:tyres|tires|effig|"
    r"flags?\b|pictures|portraits|posters|photos))|"
    r"(?:tried|attempted|sought) to (?:storm|raid|torch|ransack|loot|overrun|attack|burn))\b"
)
# A killing or attack done with a remote weapon ("shells fired by troops slammed into a building,
# killing 11"): ACLED codes the harm of a strike as the strike, Explosions/Remote violence.
_REMOTE_WEAPON = re.compile(
    r"\b(?:(?P<shell>shells|shelling|mortars?|artillery|missiles?|(?<!-)rockets(?!-propelled))|"
    r"(?P<air>air ?strikes?|airstrikes?|air raids?|drone strikes?|warplanes?|fighter jets?))\b"
)
# The dead were combatants: "killed in action", "fell in combat", "died in the line of duty" are
# said of soldiers, police and fighters, so the killing is a battle, never an attack on civilians.
_COMBAT_DEATH = re.compile(
    r"\b(?:killed|died|fell|fallen|wounded|martyred) in (?:action|combat)\b|\bin the line of duty\b"
)
# A crowd that could riot, beside the words of a protest story.
_CROWD = re.compile(r"\b(?:youths?|crowds?|mobs?)\b")
# Weapons taken rather than ground: a cache, a stockpile or a haul seized is disrupted weapons use.
_WEAPONS_SEIZED = re.compile(
    r"\b(?:weapons?|arms|ammunition|explosives?|munitions?|ammo)\s+(?:cache|caches|depot|depots|stockpile|"
    r"stockpiles|haul|dump|dumps)\b|\b(?:cache|caches|stockpile|stockpiles|haul)\s+of\s+(?:\w+\s+){0,2}"
    r"(?:weapons|arms|ammunition|explosives|munitions|rifles|guns|grenades|rockets)\b"
)


def _types(types: Sequence[int | None]) -> set[int]:
    return {t for t in types if t is not None}


def classify(
    kind: str,
    agent_types: Sequence[int | None],
    patient_types: Sequence[int | None],
    sentence: str,
    armed_nearby: bool = False,
    strong: bool = True,
) -> Typing | None:
    """The event type of one trigger, or None when its arguments do not make it political violence.

    `armed_nearby`: the sentence names an armed actor, so fire and stones in it may be theirs,
    not the crowd's ("gunmen torched the building where protesters camped"). `strong`: the trigger
    can found an event alone; a weak riot word ("unrest") with no crowd in sight names a state of
    affairs ("twelve killed in the unrest"), not a riot."""
    agents, patients = _types(agent_types), _types(patient_types)
    lowered = sentence.lower()
    if kind == "explosion":
        for word, refined in _EXPLOSION_HINTS:
            if word in lowered:
                kind = refined
                break
        else:
            kind = "ied"
    if kind in {"flee", "evacuate", "displaced", "shelter", "return"} and agents & ARMED and not patients:
        return None  # fighters "escaping to the mountains" are not displaced people
    crowd_story = any(word in lowered for word in CROWD_WORDS) or bool(_CROWD_EVENT.search(lowered))
    crowd_violent = bool(_CROWD_VIOLENT.search(lowered))
    if kind == "clash" and crowd_story and not (agents | patients) & (ARMED - {STATE}):
        return Typing("Riots", "Violent demonstration")  # "running battles with police" is a riot
    if kind in {"clash", "attack"} and (agents | patients) & {PROTESTERS, RIOTERS} and not agents & ARMED:
        return Typing("Riots", "Violent demonstration")  # demonstrators clashing with police, storming
    if kind == "clash" and (agents | patients) & {CIVILIANS} and (agents | patients) & ARMED:
        return Typing(VAC, "Attack")  # "gunmen clashed with residents": one side is unarmed
    crowd = crowd_story or bool(_CROWD.search(lowered)) or bool((agents | patients) & {PROTESTERS, RIOTERS})
    if kind == "riot" and not strong and not crowd:
        return None
    if kind == "loot" and patients and patients <= ARMED:
        return None  # "we destroyed four military vehicles": the forces' arms are destroyed in combat
    if kind == "leader" and not agents & (ARMED - {STATE}):
        return None  # "named its new leader": a change to an armed group, not to a government or a firm
    if kind == "agreement" and not strong and not (agents | patients) & (ARMED - {STATE}):
        return None  # "signed a deal": an agreement of the conflict only when an armed group signs it
    if kind in _FIXED:
        return _protest_refined(*_FIXED[kind], lowered) if kind == "riot" else Typing(*_FIXED[kind])
    if kind == "protest":
        if agents & ARMED and not agents & {PROTESTERS, RIOTERS}:
            return None  # "the attackers marched the captives away": armed men do not protest
        if armed_nearby:
            return Typing("Protests", "Peaceful protest")
        return _protest_refined("Protests", "Peaceful protest", lowered)
    if kind in {"capture", "recapture"} and _WEAPONS_SEIZED.search(lowered):
        return Typing(STRATEGIC, "Disrupted weapons use")  # "troops seized a weapons cache"
    if kind in {"capture", "recapture"}:
        if agents & {STATE}:
            return Typing("Battles", "Government regains territory")
        if agents & (ARMED - {STATE}):
            return Typing("Battles", "Non-state actor overtakes territory")
        return (
            Typing("Battles", "Government regains territory") if kind == "recapture" and not agents else None
        )
    if kind in {"attack", "kill"}:
        weapon = _REMOTE_WEAPON.search(lowered)
        if weapon is not None and not patients & {PROTESTERS}:
            return Typing(*_FIXED["shell" if weapon.group("shell") else "air"])
    if kind in {"attack", "kill", "massacre", "ambush"}:
        state_only = bool(agents & {STATE}) and not agents & (ARMED - {STATE})
        if state_only and not patients & ARMED and any(word in lowered for word in PROTEST_CONTEXT):
            if crowd_violent:
                return Typing("Riots", "Violent demonstration")  # police fired on a crowd storming a station
            return Typing("Protests", "Excessive force against protesters")  # killed "during protests"
        if patients & {PROTESTERS}:
            if agents & (ARMED - {STATE}):
                return Typing(VAC, "Attack")  # gunmen attacking a sit-in: violence against civilians
            if crowd_violent:
                return Typing("Riots", "Violent demonstration")
            return Typing("Protests", "Excessive force against protesters")  # the state's force
        unarmed_crowd = crowd_story and not (agents | patients) & (ARMED - {STATE})
        if patients & {STATE} and not agents & ARMED and unarmed_crowd:
            return Typing("Riots", "Violent demonstration")  # "a policeman died as rallies turned violent"
        if _COMBAT_DEATH.search(lowered) and not patients & {PROTESTERS}:
            return Typing("Battles", "Armed clash")  # "ten of our men were killed in action"
        if patients & {CIVILIANS}:
            return Typing(VAC, "Attack")
        if patients & ARMED or (kind == "ambush" and agents & ARMED):
            return Typing("Battles", "Armed clash")
        if kind == "massacre" or (agents & ARMED and kind == "kill"):
            return Typing(VAC, "Attack")
        return None
    return None


def _protest_refined(event_type: str, sub_type: str, lowered: str) -> Typing:
    if event_type == "Protests":
        # the crowd itself stormed or torched something: a violent demonstration (ACLED)
        if any(cue in lowered for cue in VIOLENT_PROTEST_CUES) or _CROWD_VIOLENT.search(lowered):
            return Typing("Riots", "Violent demonstration")
        if any(cue in lowered for cue in INTERVENTION_CUES):
            if any(cue in lowered for cue in ("shot dead", "killed", "live ammunition", "live fire")):
                return Typing("Protests", "Excessive force against protesters")
            return Typing("Protests", "Protest with intervention")
    return Typing(event_type, sub_type)
