from storyline.clean.body import clean_body
from storyline.clean.wires import load_wires

WIRES = load_wires()
LEDE = ("The leaders of two neighbouring countries agreed on Sunday to cooperate on security "
        "and trade, officials said.")
SECOND = ("The talks were the first formal summit in the capital in a dozen years, and both "
          "sides called them a success.")


def reasons(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {line.text: line.reason for line in result.removed}


def texts(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [block.text for block in result.blocks]


def test_headline_repeated_after_wire_prefix_is_removed() -> None:
    raw = f"{LEDE}\n(Bloomberg) — {LEDE}\n{SECOND}\n©2023 Example L.P."
    result = clean_body(raw, None, WIRES)
    assert texts(result) == [LEDE, SECOND]
    assert result.wire == "Bloomberg"
    assert reasons(result)[LEDE] == "headline-repeat"
    assert reasons(result)["©2023 Example L.P."] == "copyright"


def test_title_taken_from_first_short_line_and_labels_dropped() -> None:
    raw = (
        "Home » Blog » Neighbours Agree to Cooperate\n"
        "World Asia News\n\n"
        "Neighbours Agree to Cooperate\n\n"
        f"SEOUL, May 7 (Reuters): {LEDE}\n\n{SECOND} – Reuters\n\nSource : The Valley Courier"
    )
    result = clean_body(raw, None, WIRES)
    assert result.title == "Neighbours Agree to Cooperate"
    assert texts(result) == [LEDE, SECOND]
    assert result.dateline == "SEOUL, May 7"
    assert result.wire == "Reuters"
    assert result.publisher == "The Valley Courier"
    found = reasons(result)
    assert found["World Asia News"] == "section-label"
    assert found["Neighbours Agree to Cooperate"] == "headline-repeat"
    assert found["Source : The Valley Courier"] == "publisher-credit"
    assert found["Home » Blog » Neighbours Agree to Cooperate"] == "breadcrumb"


def test_given_title_is_removed_where_repeated() -> None:
    result = clean_body(f"Valley Courier | Latest News\n\nA Title\n\n{LEDE}", "A Title", WIRES)
    assert texts(result) == [LEDE]
    assert reasons(result) == {"Valley Courier | Latest News": "site-header",
                               "A Title": "headline-repeat"}


def test_credits_signatures_and_headings() -> None:
    raw = "\n".join([LEDE, "Looming Uncertainty", SECOND, "Team Newsdesk",
                     "(With inputs from Reuters)"])
    result = clean_body(raw, None, WIRES)
    assert texts(result) == [LEDE, "Looming Uncertainty", SECOND]
    assert [block.kind for block in result.blocks] == ["body", "heading", "body"]
    assert result.wire == "Reuters"
    assert reasons(result) == {"Team Newsdesk": "byline",
                               "(With inputs from Reuters)": "wire-credit"}


def test_byline_line_sets_byline_and_wire() -> None:
    result = clean_body(f"By Jane Roe | AP\n\n{LEDE}\n\n{SECOND}", "Some Title", WIRES)
    assert result.byline == "Jane Roe"
    assert result.wire == "AP"
    assert texts(result) == [LEDE, SECOND]


def test_removed_lines_are_in_document_order() -> None:
    raw = f"Skip to content\n\n{LEDE}\n\nAdvertisement\n\n{SECOND}\n\nLeave a Reply"
    result = clean_body(raw, "Unrelated title", WIRES)
    assert [line.text for line in result.removed] == [
        "Skip to content", "Advertisement", "Leave a Reply"]
