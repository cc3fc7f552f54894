"""Boilerplate removal: the header, promos, link lists, credits; body text left alone."""

from __future__ import annotations

import pytest

from strife.clean import BoilerplateRules, Cleaner

BODY = "Gunmen attacked a checkpoint on Monday, officials said."
AFTER = "Two police officers were wounded."


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner.default()


@pytest.mark.parametrize(
    ("noise", "reason"),
    [
        (
            "For all the latest headlines follow our Google News channel online or via the app.",
            "follow-us promo",
        ),
        ("Follow us on Twitter", "follow-us promo"),
        ("Subscribe to our newsletter", "subscribe promo"),
        ("Sign up for our free daily newsletter", "subscribe promo"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Share this article", "share buttons"),
        ("Facebook Twitter Email", "share buttons"),
        ("Photo: AFP", "photo credit"),
        ("In this file photo taken on May 2, 2019, soldiers patrol a road.", "photo caption"),
        ("3 min read", "page metadata"),
        ("Skip to main content", "navigation link"),
        ("2. Skip to more regional sites", "navigation link"),
        ("Right Menu", "site menu"),
        ("Toggle navigation", "site menu"),
        ("Please upgrade your browser", "browser warning"),
        ("Your browser is not supported, and some features of this page may not work.", "browser warning"),
        ("This video can't be displayed because your privacy settings block it.", "blocked embed notice"),
        ("Image caption", "photo caption or gallery link"),
        ("Image caption and copyright details", "photo caption or gallery link"),
        ("Enlarge photo", "photo caption or gallery link"),
        ("Photo gallery", "photo caption or gallery link"),
        ("IN PICTURES: Floods sweep through the valley", "photo caption or gallery link"),
        ("Jane Roe/AFP via Getty Images", "photo credit"),
        (
            "Fighters stand on a ridge above the town of Kaya, Burkina Faso March 3, 2024. "
            "Picture taken with a drone. REUTERS/Jane Roe",
            "photo caption (a line ending in a wire photographer's credit, e.g. 'REUTERS/Jane Roe')",
        ),
        ("Leave a comment", "comment form"),
        ("Please enter your email address here", "comment form"),
        ("Tags: security, elections, north", "page metadata"),
        ("View more on Channel Seven", "link text"),
        (">", "link text"),
        ("Last updated: 10 Mar 2024 15:36", "page metadata (the page's date, not an event's)"),
        ("Published in The Herald, March 9th, 2024", "page metadata (the page's date, not an event's)"),
        ("2024-03-09 14:21:15", "page metadata (a date line: the page's date, not an event's)"),
        ("Sat, March 9, 2024 10:45 AM", "page metadata (a date line: the page's date, not an event's)"),
    ],
)
def test_boilerplate_line_is_dropped(cleaner: Cleaner, noise: str, reason: str) -> None:
    cleaned = cleaner(f"{BODY}\n\n{noise}\n\n{AFTER}")
    assert cleaned.text == f"{BODY}\n\n{AFTER}"
    assert [r for _, _, r in cleaned.removed] == [reason]


@pytest.mark.parametrize("heading", ["Read more:", "Read extra:", "Related:", "Also read", "Related stories"])
def test_heading_and_its_headline_list_are_dropped(cleaner: Cleaner, heading: str) -> None:
    text = f"{BODY}\n\n{heading}\n\nRebels seize border town\n\nPrices rise again in the capital"
    assert cleaner(text).text == BODY


def test_headline_list_ends_where_body_resumes(cleaner: Cleaner) -> None:
    text = f"{BODY}\n\nRead more: Army retakes hill\nCeasefire talks stall\n\n{AFTER}"
    assert cleaner(text).text == f"{BODY}\n\n{AFTER}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{BODY} (Photo by Jane Doe/AFP)", BODY),
        (f"{BODY} (Photo: Reuters)\n{AFTER}", f"{BODY}\n\n{AFTER}"),
        (f"{BODY} [File Photo: AFP]\n{AFTER}", f"{BODY}\n\n{AFTER}"),
        (f"{BODY} (John Smith/Getty Images)", BODY),
    ],
)
def test_inline_photo_credit_is_dropped(cleaner: Cleaner, text: str, expected: str) -> None:
    assert cleaner(text).text == expected


def test_caption_run_into_the_body_drops_only_the_caption(cleaner: Cleaner) -> None:
    text = f"(FILES) In this file photo taken on May 2, 2019, soldiers patrol a road. - {BODY} {AFTER}"
    assert cleaner(text).text == f"{BODY} {AFTER}"


def test_merged_regions_keep_every_reason(cleaner: Cleaner) -> None:
    cleaned = cleaner(f" date 2021-06-21 Advertisement\n\n{BODY}")
    assert [r for _, _, r in cleaned.removed] == ["scraped date header; advertisement"]


def test_inline_removal_inside_a_line_leaves_a_space(cleaner: Cleaner) -> None:
    assert cleaner("Smoke rose (Photo: AP) over the town.").text == "Smoke rose over the town."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f" date 2022-05-14 {BODY}", BODY),
        (f"date 2022-05-14\n{BODY}", BODY),
        (f"  date 2022-05 {BODY}", BODY),
        (f" date 2021-06-21 Advertisement\n\n{BODY}", BODY),
    ],
)
def test_scraped_header_is_stripped(cleaner: Cleaner, text: str, expected: str) -> None:
    assert cleaner(text).text == expected


def test_header_word_inside_text_is_kept(cleaner: Cleaner) -> None:
    text = "Officials set a date 2022-05-14 for the talks."
    assert cleaner(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        f"{BODY}\n\n{AFTER}",
        "Residents followed the convoy out of town.\n\nRelated clashes were reported in the south.",
        "The photo showed burned homes.",
        "Most voters backed the ceasefire, according to a Reuters/Ipsos poll.",
    ],
)
def test_text_without_boilerplate_is_unchanged(cleaner: Cleaner, text: str) -> None:
    cleaned = cleaner(text)
    assert cleaned.text == text
    assert cleaned.removed == ()


def test_removed_region_leaves_a_paragraph_break(cleaner: Cleaner) -> None:
    cleaned = cleaner(f"{BODY}\nAdvertisement\n{AFTER}")
    assert cleaned.text == f"{BODY}\n\n{AFTER}"


def test_unknown_rule_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        BoilerplateRules.parse("kind\tpattern\treason\nparagraph\tfoo\tbar\n")


def test_bad_pattern_names_the_line() -> None:
    with pytest.raises(ValueError, match=r"<rules>:2"):
        BoilerplateRules.parse("kind\tpattern\treason\nline\t(unclosed\tbar\n")


def test_shipped_rules_load() -> None:
    assert {rule.kind for rule in BoilerplateRules.load().rules} == {
        "header",
        "line",
        "inline",
        "heading",
        "menu",
    }


def test_related_and_author_list_heading_drops_its_headlines(cleaner: Cleaner) -> None:
    noise = (
        "RELATED POSTSMORE FROM THE AUTHOR\n\n"
        "Town council approves new market\nFarmers count losses after the dry season"
    )
    cleaned = cleaner(f"{BODY}\n\n{noise}\n\n{AFTER}")
    assert "council" not in cleaned.text and "Farmers" not in cleaned.text
    assert AFTER in cleaned.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{BODY} [Getty]", BODY),
        (f"{BODY} [Reuters/File]", BODY),
        (f"{BODY} Photo credit: Ann Smith.", BODY),
    ],
)
def test_inline_agency_credit_is_dropped(cleaner: Cleaner, text: str, expected: str) -> None:
    assert cleaner(text).text.strip() == expected


def test_site_menu_of_section_names_is_dropped(cleaner: Cleaner) -> None:
    menu = "Home\n\nWorld News\nBorder War\n\nOpinion & Analysis\nSports\nContact Us"
    cleaned = cleaner(f"{menu}\n\n{BODY}\n\n{AFTER}")
    assert cleaned.text.strip() == f"{BODY}\n\n{AFTER}"
    assert [r for _, _, r in cleaned.removed] == ["site menu of section names"]


def test_a_title_and_a_byline_are_not_a_menu(cleaner: Cleaner) -> None:
    text = f"Convoy Ambushed\n\nBy Staff Reporter\n\n{BODY}\n\n{AFTER}"
    assert cleaner(text).text == text


def test_menu_offsets_map_back_to_the_original(cleaner: Cleaner) -> None:
    text = f"Home\nWorld\nBusiness\nSport\n\n{BODY}"
    cleaned = cleaner(text)
    start = cleaned.text.index("Gunmen")
    original_start, original_end = cleaned.to_original(start, start + 6)
    assert text[original_start:original_end] == "Gunmen"


def test_a_sentence_that_opens_with_a_date_is_kept(cleaner: Cleaner) -> None:
    text = f"{BODY}\n\nOn March 3, 2024 gunmen burned the market.\n\n{AFTER}"
    assert cleaner(text).text == text
