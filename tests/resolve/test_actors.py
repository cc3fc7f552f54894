"""The actor dictionary: aliases, dates, generic nouns, demonyms, mention spans and the data files."""

from __future__ import annotations

import csv
import json
from datetime import date
from importlib import resources
from itertools import combinations
from pathlib import Path

import pytest

from strife.mentions import Actor
from strife.resolve.actors import ActorDictionary

BEFORE = date(2021, 7, 1)  # the Taliban still a rebel group
AFTER = date(2022, 5, 14)  # the Taliban the state


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize(
    ("phrase", "on", "country", "name"),
    [
        ("NRF", AFTER, "Afghanistan", "National Resistance Front"),
        ("NRF forces", AFTER, "Afghanistan", "National Resistance Front"),
        ("the National Resistance Front of Afghanistan", AFTER, None, "National Resistance Front"),
        ("the resistance", AFTER, "Afghanistan", "National Resistance Front"),
        ("resistance fighters", AFTER, "Afghanistan", "National Resistance Front"),
        ("the Front", AFTER, "Afghanistan", "National Resistance Front"),
        ("ISIS-K", AFTER, None, "Islamic State Khorasan Province"),
        ("IS-K", AFTER, None, "Islamic State Khorasan Province"),
        ("ISKP", AFTER, None, "Islamic State Khorasan Province"),
        ("Islamic State Khorasan", AFTER, None, "Islamic State Khorasan Province"),
        ("Islamic State militants", AFTER, "Afghanistan", "Islamic State Khorasan Province"),
        ("Islamic State militants", AFTER, "Nigeria", "Islamic State West Africa Province"),
        ("the Pakistani Taliban", AFTER, "Pakistan", "Tehreek-e-Taliban Pakistan"),
        ("al-Shabaab militants", AFTER, "Somalia", "Al Shabaab"),
        ("Al-Shabab", AFTER, "Somalia", "Al Shabaab"),
        ("Houthi rebels", AFTER, "Yemen", "Ansar Allah"),
        ("the Saudi-led coalition", AFTER, "Yemen", "Military Forces of Saudi Arabia"),
        ("JNIM fighters", AFTER, "Burkina Faso", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Jnim", AFTER, "Burkina Faso", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("M23 rebels", AFTER, "Democratic Republic of Congo", "March 23 Movement"),
        ("Tigray Defence Forces", AFTER, "Ethiopia", "Tigray People's Liberation Front"),
        ("the junta", AFTER, "Myanmar", "Military Forces of Myanmar (2021-)"),
        ("the Tatmadaw", AFTER, "Myanmar", "Military Forces of Myanmar (2021-)"),
        ("People's Defense Forces", AFTER, "Myanmar", "People's Defence Force"),
        ("the IDF", AFTER, "Palestine", "Military Forces of Israel"),
        ("Hamas's armed wing", AFTER, "Palestine", "Hamas"),
        ("Carabineros", date(2019, 10, 20), "Chile", "Police Forces of Chile"),
        ("Naxalites", AFTER, "India", "Communist Party of India (Maoist)"),
        ("Maoist rebels", AFTER, "India", "Communist Party of India (Maoist)"),
        ("Viv Ansanm gang members", date(2024, 11, 12), "Haiti", "Viv Ansanm"),
        ("the Taliban's elite Badri unit", AFTER, None, "Military Forces of Afghanistan (2021-)"),
        ("Taliban commanders", AFTER, None, "Military Forces of Afghanistan (2021-)"),
        ("coalition warplanes", date(2017, 12, 20), "Yemen", "Military Forces of Saudi Arabia"),
        ("Russian mercenaries", AFTER, "Mali", "Wagner Group"),
        ("resistance fighters", AFTER, "Myanmar", "People's Defence Force"),
        ("al-Shabaab", date(2020, 5, 1), "Mozambique", "Islamic State (Central Africa Province)"),
        ("al-Shabaab", date(2020, 5, 1), None, "Al Shabaab"),
        ("Abu Sayyaf gunmen", AFTER, "Philippines", "Abu Sayyaf"),
        ("ULFA-I cadres", AFTER, "India", "United Liberation Front of Asom"),
        ("JEM rebels", date(2012, 5, 1), "Sudan", "Justice and Equality Movement"),
        ("Ahrar al-Sham fighters", date(2015, 5, 1), "Syria", "Ahrar al-Sham"),
        ("the Beltran Leyva cartel", AFTER, "Mexico", "Beltran Leyva Organization"),
        ("Seleka rebels", date(2013, 3, 1), "Central African Republic", "Seleka"),
    ],
)
def test_alias_resolves_to_canonical_name(
    actors: ActorDictionary, phrase: str, on: date, country: str | None, name: str
) -> None:
    actor = actors.resolve(phrase, on=on, country=country)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    ("on", "name", "type_", "assoc"),
    [
        (date(2021, 8, 14), "Taliban", 2, None),
        (date(2021, 8, 15), "Military Forces of Afghanistan (2021-)", 1, "Taliban"),
        (BEFORE, "Taliban", 2, None),
        (AFTER, "Military Forces of Afghanistan (2021-)", 1, "Taliban"),
        (None, "Military Forces of Afghanistan (2021-)", 1, "Taliban"),
    ],
)
def test_taliban_change_type_on_2021_08_15(
    actors: ActorDictionary, on: date | None, name: str, type_: int, assoc: str | None
) -> None:
    assert actors.resolve("Taliban fighters", on=on) == Actor(
        name, type_, "Afghanistan", assoc, "Taliban fighters"
    )


@pytest.mark.parametrize(("on", "type_"), [(date(2023, 4, 14), 1), (date(2023, 4, 15), 2)])
def test_rsf_become_rebels_when_the_sudan_war_starts(actors: ActorDictionary, on: date, type_: int) -> None:
    actor = actors.resolve("the RSF", on=on, country="Sudan")
    assert actor is not None and (actor.name, actor.type) == ("Rapid Support Forces", type_)


@pytest.mark.parametrize(
    ("phrase", "country", "name", "type_"),
    [
        ("residents", "Sudan", "Civilians (Sudan)", 7),
        ("villagers", "Burkina Faso", "Civilians (Burkina Faso)", 7),
        ("a group of worshippers", "Pakistan", "Civilians (Pakistan)", 7),
        ("demonstrators", "Iraq", "Protesters (Iraq)", 6),
        ("an angry mob", "Haiti", "Rioters (Haiti)", 5),
        ("riot police", "Chile", "Police Forces of Chile", 1),
        ("security forces", "Iran", "Military Forces of Iran", 1),
        ("unknown gunmen", "Nigeria", "Unidentified Armed Group (Nigeria)", 8),
        ("bandits", "Nigeria", "Unidentified Armed Group (Nigeria)", 8),
        ("insurgents", "Mozambique", "Unidentified Armed Group (Mozambique)", 8),
        ("rebels", "Cameroon", "Unidentified Armed Group (Cameroon)", 2),
        ("residents", None, "Civilians", 7),
    ],
)
def test_generic_noun_takes_the_country_given(
    actors: ActorDictionary, phrase: str, country: str | None, name: str, type_: int
) -> None:
    actor = actors.resolve(phrase, on=AFTER, country=country)
    assert actor is not None and (actor.name, actor.type) == (name, type_)


@pytest.mark.parametrize(
    ("on", "country", "name"),
    [
        (date(2020, 6, 1), "Afghanistan", "Military Forces of Afghanistan (2004-2021)"),
        (AFTER, "Afghanistan", "Military Forces of Afghanistan (2021-)"),
        (date(2021, 1, 15), "Myanmar", "Military Forces of Myanmar (2016-2021)"),
        (AFTER, "Myanmar", "Military Forces of Myanmar (2021-)"),
        (AFTER, "Kenya", "Military Forces of Kenya"),
    ],
)
def test_generic_soldiers_take_the_dated_regime_name(
    actors: ActorDictionary, on: date, country: str, name: str
) -> None:
    actor = actors.resolve("soldiers", on=on, country=country)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    ("phrase", "country", "name", "type_"),
    [
        ("Russian troops", "Ukraine", "Military Forces of Russia", 8),
        ("Ukrainian soldiers", "Ukraine", "Military Forces of Ukraine", 1),
        ("Afghan civilians", None, "Civilians (Afghanistan)", 7),
        ("Somali security forces", "Somalia", "Military Forces of Somalia", 1),
        ("Somalia's army", None, "Military Forces of Somalia", 1),
        ("U.S. troops", "Syria", "Military Forces of the United States", 8),
        ("Burkina Faso soldiers", "Burkina Faso", "Military Forces of Burkina Faso", 1),
        ("South Sudanese civilians", "Sudan", "Civilians (South Sudan)", 7),
        ("the S. Sudan government", "South Sudan", "Government of South Sudan", 1),
        ("the Chilean government", "Chile", "Government of Chile", 1),
    ],
)
def test_demonym_gives_a_generic_noun_its_country(
    actors: ActorDictionary, phrase: str, country: str | None, name: str, type_: int
) -> None:
    actor = actors.resolve(phrase, on=AFTER, country=country)
    assert actor is not None and (actor.name, actor.type) == (name, type_)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("the weather", None),
        ("the front line", "Afghanistan"),  # "=the Front" is case-sensitive
        ("what is left", None),  # "IS" matches only in capitals
        ("let them go", "Pakistan"),  # "=LeT" matches only as written
        ("a long pdf", "Myanmar"),  # short acronyms match only in capitals
        ("Hama", "Syria"),  # a city, not a plural of Hamas
        ("the resistance", "Chile"),  # a local alias outside its country
        ("the junta", None),  # several countries' juntas, no country to choose
        ("Russian shelling", "Ukraine"),  # a demonym alone is no actor
    ],
)
def test_unknown_phrase_resolves_to_none(actors: ActorDictionary, phrase: str, country: str | None) -> None:
    assert actors.resolve(phrase, on=AFTER, country=country) is None


def test_named_actor_out_of_its_period_is_still_named(actors: ActorDictionary) -> None:
    actor = actors.resolve("the Afghan National Army", on=AFTER)
    assert actor is not None and actor.name == "Military Forces of Afghanistan (2004-2021)"


def test_matched_keeps_the_text_as_written(actors: ActorDictionary) -> None:
    actor = actors.resolve("dozens of Al-Shabab fighters", country="Somalia")
    assert actor is not None and actor.matched == "Al-Shabab fighters"


def test_find_returns_spans_of_every_mention(actors: ActorDictionary) -> None:
    text = "Taliban fighters clashed with NRF forces on Monday. Unknown gunmen later killed five villagers."
    found = actors.find(text, on=AFTER, country="Afghanistan")
    assert [(text[s:e], a.name) for s, e, a in found] == [
        ("Taliban fighters", "Military Forces of Afghanistan (2021-)"),
        ("NRF forces", "National Resistance Front"),
        ("Unknown gunmen", "Unidentified Armed Group (Afghanistan)"),
        ("villagers", "Civilians (Afghanistan)"),
    ]


def test_find_takes_the_longest_alias(actors: ActorDictionary) -> None:
    text = "The Islamic State Khorasan Province claimed the bombing."
    found = actors.find(text, on=AFTER, country="Afghanistan")
    assert [(text[s:e], a.name) for s, e, a in found] == [
        ("Islamic State Khorasan Province", "Islamic State Khorasan Province")
    ]


def test_find_does_not_join_words_across_a_sentence_break(actors: ActorDictionary) -> None:
    text = "They met the Pakistani. Taliban officials declined to comment."
    found = actors.find(text, on=AFTER, country="Afghanistan")
    assert [(text[s:e], a.name) for s, e, a in found] == [
        ("Taliban", "Military Forces of Afghanistan (2021-)")
    ]


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Civilians (Sudan)", "Sudan"),
        ("Military Forces of Afghanistan (2021-)", "Afghanistan"),
        ("Military Forces of the United States", "United States"),
        ("Unidentified Armed Group (Democratic Republic of Congo)", "Democratic Republic of Congo"),
        ("Hamas", "Palestine"),
        ("Islamic State", None),
        ("Nobody in particular", None),
    ],
)
def test_country_of_canonical_name(actors: ActorDictionary, name: str, country: str | None) -> None:
    assert actors.country_of(name) == country


# -- the data files -------------------------------------------------------------------------------


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("strife.data").joinpath(name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("name", ["actors.tsv", "generic_actors.tsv"])
def test_every_row_has_a_type_code_1_to_8(name: str) -> None:
    assert {row["type"] for row in _rows(name)} <= {str(code) for code in range(1, 9)}


def test_every_date_parses_and_periods_run_forward() -> None:
    for row in _rows("actors.tsv"):
        start, end = (date.fromisoformat(row[k]) if row[k] else None for k in ("valid_from", "valid_to"))
        assert not (start and end and start > end), row["name"]


def test_no_alias_names_two_actors_at_once(actors: ActorDictionary) -> None:
    clashes = []
    for key, senses in actors.alias_senses():
        for (a, a_local), (b, b_local) in combinations(senses, 2):
            same_scope = a_local == b_local and (not a_local or a.local_in & b.local_in)
            overlap = (a.valid_to is None or b.valid_from is None or b.valid_from <= a.valid_to) and (
                b.valid_to is None or a.valid_from is None or a.valid_from <= b.valid_to
            )
            if a.name != b.name and same_scope and overlap:
                clashes.append((" ".join(key), a.name, b.name))
    assert clashes == []


def test_generic_templates_have_a_country_slot() -> None:
    assert all("{country}" in row["template"] for row in _rows("generic_actors.tsv"))


def test_load_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "actors.tsv"
    path.write_text(
        "name\ttype\tcountry\taliases\tlocal_aliases\tlocal_in\tvalid_from\tvalid_to\tassoc\tnotes\n"
        "Some Group\t9\tChad\t\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"actors\.tsv:2: type '9'"):
        ActorDictionary.load(path)


def test_gold_actor_names_follow_the_dictionary_conventions(shared: Path, actors: ActorDictionary) -> None:
    """A dev-gold canonical name the dictionary knows gets the type gold gives it (conventions only)."""
    mismatches = []
    for line in (shared / "eval" / "dev" / "news_dev.jsonl").read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        on = date.fromisoformat(article["date"]) if article.get("date") else None
        for event in article["events"]:
            for names, type_ in zip(event["actors"], event["actor_types"], strict=False):
                actor = actors.resolve(names[0], on=on, country=event.get("country"))
                if actor is not None and actor.name in names and actor.type != type_:
                    mismatches.append((names[0], actor.type, type_))
    assert len(mismatches) <= 2, mismatches


# -- matching on small dictionaries of invented actors ---------------------------------------------

_HEADER = "name\ttype\tcountry\taliases\tlocal_aliases\tlocal_in\tvalid_from\tvalid_to\tassoc\tnotes\n"


@pytest.fixture(scope="module")
def invented(tmp_path_factory: pytest.TempPathFactory) -> ActorDictionary:
    """Invented actors whose aliases share leading words, differ only in case, or carry accents."""
    folder = tmp_path_factory.mktemp("invented")
    rows = [
        "Alpha Beta Union\t2\tRuritania\tAlpha Beta|the Alpha Beta\t\t\t\t\t\t",
        "Alpha Beta Gamma Front\t3\tRuritania\tAlpha Beta Gamma Front|ABG Front\t\t\t\t\t\t",
        "Isle Watch\t4\tRuritania\tIS|=Watchers\t\t\t\t\t\t",
        "Kilo Lima Movement\t2\tRuritania\tKLMV\t\t\t\t\t\t",
        "\u00c9clair Brigade\t3\tRuritania\t\u00c9clair Brigade\t\t\t\t\t\t",
    ]
    (folder / "actors.tsv").write_text(_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    (folder / "generic.tsv").write_text(
        "template\ttype\tafter_name\taliases\tnotes\n"
        "Civilians ({country})\t7\tno\tvillager|villagers\t\n"
        "Unidentified Armed Group ({country})\t3\tyes\tgunmen|fighters\t\n",
        encoding="utf-8",
    )
    (folder / "demonyms.tsv").write_text(
        "aliases\tcountry\tmilitia\nRuritanian\tRuritania\n", encoding="utf-8"
    )
    return ActorDictionary.load(folder / "actors.tsv", folder / "generic.tsv", folder / "demonyms.tsv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A longer alias that shares its first words but does not complete leaves the shorter one.
        (
            "Alpha Beta Gamma fighters",
            [("Alpha Beta", "Alpha Beta Union"), ("fighters", "Unidentified Armed Group")],
        ),
        ("Alpha Beta Gamma Front", [("Alpha Beta Gamma Front", "Alpha Beta Gamma Front")]),
        # The last word may be plural or possessive; the words before it may not.
        ("the Alpha Beta Gamma Front's", [("Alpha Beta Gamma Front's", "Alpha Beta Gamma Front")]),
        ("Alpha Betas", [("Alpha Betas", "Alpha Beta Union")]),
        ("Alphas Beta", []),
        ("Alpha. Beta Gamma Front", []),
        ("The Alpha Beta", [("The Alpha Beta", "Alpha Beta Union")]),
        # Exact-case aliases: "IS" is not "is"; a long acronym may be written as a word.
        ("IS claimed it and the claim is false", [("IS", "Isle Watch")]),
        ("the claim is false", []),
        ("Klmv and KLMV", [("Klmv", "Kilo Lima Movement"), ("KLMV", "Kilo Lima Movement")]),
        ("klmv", []),
        ("Watchers and watchers", [("Watchers", "Isle Watch")]),
        # Accents and typographic apostrophes are folded.
        ("eclair brigade\u2019s positions", [("eclair brigade\u2019s", "\u00c9clair Brigade")]),
        ("\u00c9CLAIR BRIGADES", [("\u00c9CLAIR BRIGADES", "\u00c9clair Brigade")]),
        # A generic noun after a name is that actor; after a demonym it takes the demonym's country.
        ("Alpha Beta fighters", [("Alpha Beta fighters", "Alpha Beta Union")]),
        ("Ruritanian villagers", [("Ruritanian villagers", "Civilians (Ruritania)")]),
        ("villagers", [("villagers", "Civilians")]),
        ("", []),
    ],
)
def test_invented_aliases_match_by_words(
    invented: ActorDictionary, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(text[s:e], a.name) for s, e, a in invented.find(text)] == expected


def test_repeated_words_resolve_the_same_in_every_text(invented: ActorDictionary) -> None:
    """Words met before (in any case) match as they did the first time, text after text."""
    texts = ["is it IS", "IS or is", "Watchers watchers", "watchers Watchers", "is it IS"]
    first = [[(t[s:e], a.name) for s, e, a in invented.find(t)] for t in texts]
    again = [[(t[s:e], a.name) for s, e, a in invented.find(t)] for t in reversed(texts)]
    assert first == list(reversed(again))
    assert first[0] == [("IS", "Isle Watch")] and first[3] == [("Watchers", "Isle Watch")]


def test_mentions_at_both_ends_of_a_long_text(invented: ActorDictionary) -> None:
    text = "Alpha Beta " + "and then " * 500 + "the Alpha Beta Gamma Front"
    found = [(text[s:e], a.name) for s, e, a in invented.find(text)]
    assert found == [("Alpha Beta", "Alpha Beta Union"), ("Alpha Beta Gamma Front", "Alpha Beta Gamma Front")]


def test_abbreviation_full_stop_keeps_a_name_together(actors: ActorDictionary) -> None:
    actor = actors.resolve("U.S. troops", on=AFTER)
    assert actor is not None and actor.name == "Military Forces of the United States"


# -- aliases kept to their countries, modifiers, coordination, groups' militias ------------------------


@pytest.mark.parametrize(
    ("phrase", "on", "country", "name"),
    [
        # A canonical name listed as a local alias is local too: plain words name the ELN only there.
        ("the National Liberation Army", AFTER, "Colombia", "National Liberation Army"),
        ("the National Liberation Army", AFTER, "Venezuela", "National Liberation Army"),
        # "coalition" alone is too broad; coalition strikes in Yemen are the Saudi-led coalition's.
        ("coalition airstrikes", date(2018, 8, 9), "Yemen", "Military Forces of Saudi Arabia"),
        ("the US-led coalition", date(2024, 1, 12), "Yemen", "Military Forces of the United States"),
        ("the US-led coalition", date(2017, 6, 1), "Iraq", "Global Coalition Against Daesh"),
        ("the anti-IS coalition", date(2017, 6, 1), None, "Global Coalition Against Daesh"),
        ("NATO troops", date(2010, 3, 1), "Afghanistan", "North Atlantic Treaty Organization"),
        ("al-Qaeda", AFTER, None, "Al Qaeda"),
        # "Border Police" and "Federal Police" are any country's, not only Israel's or Iraq's.
        ("Border Police", AFTER, "Mexico", "Police Forces of Mexico"),
        ("the Federal Police", AFTER, "Brazil", "Police Forces of Brazil"),
        # A longer alias that spans a hyphenated modifier still names its actor.
        ("anti-coup fighters", AFTER, "Myanmar", "People's Defence Force"),
        ("Turkish-backed rebels", AFTER, "Syria", "Syrian National Army"),
        ("ISIS-claimed bombings", AFTER, "Iraq", "Islamic State (Iraq)"),
        # Village heads, chiefs and clergy are civilians.
        ("the village head", AFTER, "Nigeria", "Civilians (Nigeria)"),
        ("a local imam", AFTER, "Pakistan", "Civilians (Pakistan)"),
        ("a Catholic priest", AFTER, "Cameroon", "Civilians (Cameroon)"),
    ],
)
def test_alias_scope_and_new_actors(
    actors: ActorDictionary, phrase: str, on: date, country: str | None, name: str
) -> None:
    actor = actors.resolve(phrase, on=on, country=country)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("the National Liberation Army", "Myanmar"),  # the ELN's plain name outside Colombia
        ("the coalition", "Yemen"),  # bare "coalition": a government coalition as often as the Saudi one
        ("a PDF copy of the report", "Nigeria"),  # short acronyms of one country's actors stay local
        ("Shane Warne", "Australia"),
        ("the FDS", "Burkina Faso"),
        ("pro-Houthi media", "Yemen"),  # a name inside a hyphenated modifier is no mention
        ("a rebel-held town", "Syria"),
        ("the Hamas-run health ministry", "Palestine"),
        ("an al-Qaeda-linked cell", "Mali"),
        ("the Kordofan Patriotic Army", "Sudan"),  # a group the dictionary lacks is not the state's army
        ("the Kosovo Liberation Army", "Serbia"),
        ("a youth was shot", "South Sudan"),  # "youth" is a militia only after a group's name
    ],
)
def test_phrase_names_no_actor_here(actors: ActorDictionary, phrase: str, country: str | None) -> None:
    assert actors.resolve(phrase, on=AFTER, country=country) is None


@pytest.mark.parametrize(
    ("phrase", "country", "name", "type_"),
    [
        ("Murle youth", "South Sudan", "Murle Ethnic Militia (South Sudan)", 4),
        ("armed Dinka youths", "South Sudan", "Dinka Ethnic Militia (South Sudan)", 4),
        ("Fulani gunmen", "Mali", "Fulani Ethnic Militia (Mali)", 4),
        ("Fulani gunmen", None, "Fulani Ethnic Militia (Nigeria)", 4),
        ("Dogon hunters", "Mali", "Dogon Ethnic Militia (Mali)", 4),
        (
            "Hema militiamen",
            "Democratic Republic of Congo",
            "Hema Ethnic Militia (Democratic Republic of Congo)",
            4,
        ),
        ("Pokot raiders", "Kenya", "Pokot Ethnic Militia (Kenya)", 4),
        (
            "Fulani herders",
            "Nigeria",
            "Civilians (Nigeria)",
            7,
        ),  # not a militia noun: the group gives nothing
        ("armed youth", "South Sudan", "Unidentified Communal Militia (South Sudan)", 4),
        ("cattle raiders", "Kenya", "Unidentified Communal Militia (Kenya)", 4),
        ("clan militiamen", "Somalia", "Unidentified Clan Militia (Somalia)", 4),
        ("armed tribesmen", "Yemen", "Unidentified Tribal Militia (Yemen)", 4),
        ("the White Army", "South Sudan", "Nuer Ethnic Militia (South Sudan)", 4),
    ],
)
def test_group_word_names_its_militia(
    actors: ActorDictionary, phrase: str, country: str | None, name: str, type_: int
) -> None:
    actor = actors.resolve(phrase, on=AFTER, country=country)
    assert actor is not None and (actor.name, actor.type) == (name, type_)


def test_coordinated_demonyms_share_the_noun(actors: ActorDictionary) -> None:
    text = "Fighting between Russian and Ukrainian forces went on near Bakhmut."
    found = actors.find(text, on=AFTER, country="Ukraine")
    assert [(text[s:e], a.name, a.type) for s, e, a in found] == [
        ("Russian", "Military Forces of Russia", 8),
        ("Ukrainian forces", "Military Forces of Ukraine", 1),
    ]


def test_modifier_drops_only_the_name_inside_it(actors: ActorDictionary) -> None:
    text = "Gunmen attacked a pro-government militia in a Houthi-held district."
    found = actors.find(text, on=AFTER, country="Yemen")
    assert [(text[s:e], a.name) for s, e, a in found] == [
        ("Gunmen", "Unidentified Armed Group (Yemen)"),
        ("militia", "Unidentified Armed Group (Yemen)"),
    ]


@pytest.mark.parametrize("noun", ["jihadists", "gunmen", "militant group", "terrorist group"])
def test_anaphora_nouns_are_read_as_generic_nouns(actors: ActorDictionary, noun: str) -> None:
    """A noun in anaphora.tsv points back only when the dictionary reads it, whole, as a generic noun."""
    anaphora = {line.strip() for line in _rows_text("anaphora.tsv") if not line.startswith("#")}
    found = actors.mentions(f"The {noun} attacked the town.", on=AFTER, country="Mali")
    assert noun in anaphora and [(a.matched, named) for _, _, a, named in found] == [(noun, False)]


def test_every_group_names_a_militia_and_a_template_reads_it() -> None:
    groups = [row for row in _rows("actor_demonyms.tsv") if row.get("militia")]
    assert groups and all(row["militia"].endswith("Militia") for row in groups)
    assert any("{militia}" in row["template"] for row in _rows("generic_actors.tsv"))


def _rows_text(name: str) -> list[str]:
    return resources.files("strife.data").joinpath(name).read_text(encoding="utf-8").splitlines()


def test_title_case_headline_keeps_generic_nouns(actors: ActorDictionary) -> None:
    text = "Troops Repel Bandits In Zamfara Raid"
    found = actors.find(text, on=AFTER, country="Nigeria")
    assert [(text[s:e], a.name) for s, e, a in found] == [
        ("Troops", "Military Forces of Nigeria"),
        ("Bandits", "Unidentified Armed Group (Nigeria)"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # unnamed rebels and separatists are a rebel movement, type 2, though unnamed
        ("Rebels overran an army outpost near the border.", "Unidentified Armed Group (Chad)", 2),
        ("Separatist gunmen torched a clinic overnight.", "Unidentified Armed Group (Chad)", 2),
        ("A guerrilla unit ambushed the convoy.", "Unidentified Armed Group (Chad)", 2),
        # "suspected" rebels: no one claimed the act, so the group stays unidentified (type 8)
        ("Suspected rebels planted a bomb by the road.", "Unidentified Armed Group (Chad)", 8),
        ("Unknown gunmen shot a trader.", "Unidentified Armed Group (Chad)", 8),
        # vigilantes are a community's armed self-policing, an identity militia (type 4)
        ("Local vigilantes chased the kidnappers into the bush.", "Vigilante Militia (Chad)", 4),
        # armed herders and nomads are communal militias (type 4)
        ("Armed herders raided three farming hamlets.", "Unidentified Communal Militia (Chad)", 4),
        ("Armed nomads attacked the market.", "Unidentified Communal Militia (Chad)", 4),
    ],
)
def test_unnamed_armed_nouns_get_the_type_of_their_kind(
    actors: ActorDictionary, text: str, name: str, type_: int
) -> None:
    first = actors.find(text, on=date(2024, 3, 1), country="Chad")[0][2]
    assert (first.name, first.type) == (name, type_)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zaghawa gunmen attacked a camp.", "Zaghawa Ethnic Militia (Sudan)"),
        ("Misseriya militiamen raided cattle.", "Misseriya Ethnic Militia (Sudan)"),
        ("Karamojong raiders crossed the border.", "Karamojong Ethnic Militia (Sudan)"),
        ("Dozo hunters fired on the convoy.", "Dozo Communal Militia (Sudan)"),
    ],
)
def test_more_ethnic_group_words_name_their_militia(actors: ActorDictionary, text: str, name: str) -> None:
    first = actors.find(text, on=date(2024, 3, 1), country="Sudan")[0][2]
    assert (first.name, first.type) == (name, 4)


def test_lower_case_fur_is_no_ethnic_group(actors: ActorDictionary) -> None:
    found = actors.find("They sold fur hunters' pelts.", country="Sudan")
    assert all("Fur" not in a.name for _, _, a in found)


@pytest.mark.parametrize(
    "text",
    [
        "BAMAKO (Reuters) - Gunmen killed five traders near Mopti on Sunday.",
        "Mali Militants Kill Five Traders",  # a title-case headline
    ],
)
def test_a_capitalised_gunmen_after_a_capitalised_word_is_no_name(actors: ActorDictionary, text: str) -> None:
    found = actors.find(text, on=AFTER, country="Mali")
    assert "Unidentified Armed Group (Mali)" in [a.name for _, _, a in found]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("three gas company workers", "Civilians (Kenya)"),
        ("a local businessman", "Civilians (Kenya)"),
        ("armed robbers", "Unidentified Armed Group (Kenya)"),  # criminals who kill: unidentified
    ],
)
def test_workers_are_civilians_and_robbers_an_armed_group(
    actors: ActorDictionary, phrase: str, name: str
) -> None:
    actor = actors.resolve(phrase, on=AFTER, country="Kenya")
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    "text",
    [
        "Herders clashed with farmers in Kachia Local Government Area of Kaduna State.",
        "the Bassa Local Government Council chairman was abducted",
        "residents of Shiroro Local Government fled their homes",
        "the Kisumu County Government offices",
        "in a local government area of Plateau State",
    ],
)
def test_an_administrative_unit_named_with_government_is_no_actor(actors: ActorDictionary, text: str) -> None:
    names = [a.name for _, _, a in actors.find(text, AFTER, "Nigeria")]
    assert not any(name.startswith("Government of") for name in names)


@pytest.mark.parametrize(
    "text",
    ["The government imposed a curfew.", "the local government banned rallies", "state government troops"],
)
def test_a_government_outside_a_unit_name_is_still_the_state(actors: ActorDictionary, text: str) -> None:
    assert any(a.type == 1 for _, _, a in actors.find(text, AFTER, "Nigeria"))


@pytest.mark.parametrize(
    "phrase",
    ["two unidentified men", "unknown men", "men on motorbikes", "three men on a motorcycle", "armed men"],
)
def test_unnamed_men_who_attack_are_an_unidentified_armed_group(actors: ActorDictionary, phrase: str) -> None:
    actor = actors.resolve(phrase, AFTER, "Burkina Faso")
    assert actor is not None and (actor.name, actor.type) == ("Unidentified Armed Group (Burkina Faso)", 8)
