import pytest

from strife.extract.agency import Agencies, parse

AGENCIES = Agencies.load()


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("a commander told AFP on Sunday", "AFP"),
        ("KABUL (AFP) - Fighting resumed", "AFP"),
        ("Reuters reported that the town fell", "Reuters"),
        ("according to the Associated Press, six died", "Associated Press"),
        ("a resident instructed AFP", "AFP"),
        ("the ap reported", None),  # lower-case "ap" is not the agency
        ("the commander said nothing", None),
        ("ANI: clashes in Kupwara", "ANI"),
    ],
)
def test_agency_named_as_origin(text: str, agency: str | None) -> None:
    assert AGENCIES.agency_of(text) == agency


def test_spellings_are_lower_case_for_claimants() -> None:
    assert {"afp", "reuters", "associated press"} <= AGENCIES.spellings


def test_bad_row_is_named() -> None:
    with pytest.raises(ValueError, match=r"agencies\.tsv:2: 1 cells"):
        parse("name\tspellings\nAFP", "agencies.tsv")
    with pytest.raises(ValueError, match=r"agencies\.tsv:2: expected 'name<TAB>spelling"):
        parse("name\tspellings\nAFP\t", "agencies.tsv")
