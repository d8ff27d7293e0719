import pytest

from storyline.clean import metadata
from storyline.clean.wires import load_wires, parse_wire_list

WIRES = load_wires()


def test_wire_list_maps_aliases_to_canonical_names() -> None:
    assert WIRES.canonical("Associated Press") == "AP"
    assert WIRES.canonical("Reuters") == "Reuters"
    assert WIRES.canonical("Agence France-Presse") == "AFP"
    assert WIRES.canonical("Example Times") is None
    assert WIRES.find("a report from the Yonhap News Agency said") == "Yonhap"
    # Whole words only, case-sensitive for acronyms.
    assert WIRES.find("the apartment was empty") is None


def test_parse_wire_list_reads_comments_and_aliases() -> None:
    wires = parse_wire_list("# agencies\nAlpha Wire | AW | Alpha\n\nBeta\n")
    assert wires.canonical("AW") == "Alpha Wire"
    assert wires.canonical("Beta") == "Beta"
    assert wires.find("(AW) said") == "Alpha Wire"


@pytest.mark.parametrize(
    ("lede", "dateline", "wire", "rest"),
    [
        ("SEOUL, May 7 (Bloomberg): The leaders met.", "SEOUL, May 7", "Bloomberg",
         "The leaders met."),
        ("(Reuters) — The leaders met.", None, "Reuters", "The leaders met."),
        ("NEW DELHI (PTI) - The leaders met.", "NEW DELHI", "PTI", "The leaders met."),
        ("Paris, Jan. 3 (AFP) -- The leaders met.", "Paris, Jan. 3", "AFP", "The leaders met."),
        ("WASHINGTON — The leaders met.", "WASHINGTON", None, "The leaders met."),
    ],
)
def test_lede_prefix_gives_dateline_and_wire(
    lede: str, dateline: str | None, wire: str | None, rest: str
) -> None:
    prefix = metadata.parse_lede_prefix(lede, WIRES)
    assert prefix is not None
    assert (prefix.dateline, prefix.wire, lede[prefix.end:]) == (dateline, wire, rest)


@pytest.mark.parametrize(
    "lede",
    [
        "The leaders met in Seoul (the capital) - and talked.",
        "Officials (Finance Ministry) — said nothing.",
        "Tokyo and Seoul hit the reset button.",
    ],
)
def test_ordinary_ledes_have_no_prefix(lede: str) -> None:
    assert metadata.parse_lede_prefix(lede, WIRES) is None


def test_sign_off_is_split_from_last_paragraph() -> None:
    assert metadata.split_sign_off("The plant drew a backlash. – Bloomberg", WIRES) == (
        "The plant drew a backlash.", "Bloomberg")
    assert metadata.split_sign_off("It ended well. (AFP)", WIRES) == ("It ended well.", "AFP")
    assert metadata.split_sign_off("It ended well - for now.", WIRES) is None


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("(With inputs from Reuters)", "Reuters"),
        ("–With assistance from Jane Roe and John Doe.", None),
        ("Reporting by AP staff; Editing by the Valley desk", "AP"),
        ("Additional reporting by Jane Roe", None),
        ("- AFP", "AFP"),
    ],
)
def test_credit_lines(line: str, wire: str | None) -> None:
    assert metadata.credit_wire(line, WIRES) == (True, wire)


def test_prose_is_no_credit_line() -> None:
    assert metadata.credit_wire("He said reporting by the agency was late.", WIRES) == (
        False, None)


def test_publisher_credit() -> None:
    assert metadata.publisher_credit("Source : TheStar") == "TheStar"
    assert metadata.publisher_credit("This article first appeared in The Valley Courier.") == (
        "The Valley Courier")
    assert metadata.publisher_credit("Source: officials said the talks would resume") is None


def test_byline_and_signature() -> None:
    assert metadata.byline("By Jane Roe | Reuters", WIRES) == ("Jane Roe", "Reuters")
    assert metadata.byline("By Jane Roe and John Doe", WIRES) == ("Jane Roe and John Doe", None)
    assert metadata.byline("By the end of the day, prices fell sharply.", WIRES) is None
    assert metadata.is_signature("Team Newsroom")
    assert metadata.is_signature("Web Desk")
    assert not metadata.is_signature("The team won the final.")
