"""Headlines and lead clauses as scraped pages give them, cleaned into titles."""

from __future__ import annotations

import pytest

from storyline.model import EntityMention, Sentence
from storyline.narrate.headlines import (
    CLAUSE_MAX_WORDS,
    clean_headline,
    detokenise,
    lead_clause,
    remove_stamps,
    strip_lead,
)


@pytest.mark.parametrize(("raw", "names", "clean"), [
    # Site names after a bar or a dash, sections, a domain.
    ("Oil prices climb as Gulf supply fears grow | Reuters", (),
     "Oil prices climb as Gulf supply fears grow"),
    ("Quake survivors pulled from rubble - BBC News", (), "Quake survivors pulled from rubble"),
    ("Iraq war: the hidden toll | World news | The Guardian", (), "Iraq war: the hidden toll"),
    ("Ministers meet over flood defences - The Guardian", (), "Ministers meet over flood defences"),
    ("Haiti quake toll rises – example-news.com", (), "Haiti quake toll rises"),
    ("Port strike ends after talks - Harbour Herald", ("Harbour Herald",),
     "Port strike ends after talks"),
    # Wire and page labels before the headline.
    ("UPDATE 2-Oil prices climb as supply fears grow", (), "Oil prices climb as supply fears grow"),
    ("EXCLUSIVE: Regulator knew of cement flaws before the blast", (),
     "Regulator knew of cement flaws before the blast"),
    ("BREAKING NEWS - Quake hits island capital", (), "Quake hits island capital"),
    ("Analysis: Why the summit matters", (), "Why the summit matters"),
    # Timestamps before or after, a "Last updated" line.
    ("Monday 24 January 2005 02.16 GMT Troops plagued by mission fatigue", (),
     "Troops plagued by mission fatigue"),
    ("Last updated: 14 January, 2010 - 17:26 GMT Expats fear for their relatives", (),
     "Expats fear for their relatives"),
    ("Flood waters recede in the valley, 3 March 2021 14:05 UTC", (),
     "Flood waters recede in the valley"),
    # Bylines and breadcrumbs.
    ("Rescue efforts intensify - By John Smith", (), "Rescue efforts intensify"),
    ("Home » Blog » Leaders Move Closer on Security at Rare Summit", (),
     "Leaders Move Closer on Security at Rare Summit"),
    # A subject before a colon is news, not a label: it stays.
    ("Iraq: election turnout higher than expected", (),
     "Iraq: election turnout higher than expected"),
    ("BP: leak slows as cap holds", (), "BP: leak slows as cap holds"),
    ("Obama - A Profile Of The Candidate From Chicago Who Won", (),
     "Obama - A Profile Of The Candidate From Chicago Who Won"),
])
def test_clean_headline(raw: str, names: tuple[str, ...], clean: str) -> None:
    assert clean_headline(raw, names) == clean


@pytest.mark.parametrize("raw", [
    None, "", "World news", "By Jane Doe",
    # A lede in the title slot is no headline.
    "Japanese officials finished a landmark visit to the capital with pledges to seek "
    "cooperation on high-tech goods and commitments on a renewed reliance between the two "
    "countries who are key to security policies.",
])
def test_no_headline_left(raw: str | None) -> None:
    assert clean_headline(raw) is None


def test_strip_lead_removes_datelines_and_stamps() -> None:
    assert strip_lead("SEOUL, May 7 (Bloomberg): The leaders met at a rare summit today.") \
        == "The leaders met at a rare summit today."
    assert strip_lead("(Bloomberg) — The leaders met at a rare summit today.") \
        == "The leaders met at a rare summit today."
    assert strip_lead("WASHINGTON (Reuters) - The leaders met at a rare summit today.") \
        == "The leaders met at a rare summit today."
    assert strip_lead("Friday 29 April 2005 12.53 BST A sergeant was led from court.") \
        == "A sergeant was led from court."
    # A sentence that merely starts with a capitalised word keeps it.
    kept = "NATO leaders met in Brussels on Tuesday."
    assert strip_lead(kept) == kept


def test_remove_stamps_inside_text() -> None:
    text = "Troops stay on Friday 21 January 2005 00.05 GMT For the city's residents"
    assert "GMT" not in remove_stamps(text)


def _sentence(text: str) -> Sentence:
    return Sentence(0, len(text), text)


def test_lead_clause_has_no_timestamp_and_is_short() -> None:
    text = ("Monday 24 January 2005 02.16 GMT Plagued by mission fatigue, casualties and a "
            "public starting to ask just how long the troops will stay")
    assert lead_clause(_sentence(text)) == "Plagued by mission fatigue"


def test_lead_clause_takes_the_headline_before_an_inner_timestamp() -> None:
    text = ("Care, confrontation and compromise are essential weapons Friday 21 January 2005 "
            "00.05 GMT For the country's 1.6m Muslims the year began badly")
    assert lead_clause(_sentence(text)) == \
        "Care, confrontation and compromise are essential weapons"


def test_lead_clause_cuts_before_a_subordinate_clause() -> None:
    text = ("Tokyo and Seoul hit the reset button on bilateral relationships as the two "
            "leaders met in the capital on Thursday.")
    assert lead_clause(_sentence(text)) == \
        "Tokyo and Seoul hit the reset button on bilateral relationships"


def test_lead_clause_drops_titles_before_names_when_too_long() -> None:
    text = ("Northern Prime Minister Ada Berg and Southern President Oskar Lind called to keep "
            "up the momentum behind an improvement in relations, which will be tested soon.")
    mentions = [EntityMention(name, label, text.index(name), text.index(name) + len(name))
                for name, label in [("Northern", "NORP"), ("Ada Berg", "PERSON"),
                                    ("Southern", "NORP"), ("Oskar Lind", "PERSON")]]
    clause = lead_clause(_sentence(text), mentions)
    assert clause == "Ada Berg and Oskar Lind called to keep up the momentum"
    assert len(clause.split()) <= CLAUSE_MAX_WORDS


def test_lead_clause_keeps_a_place_before_a_name() -> None:
    text = "Blogger rescues child from rubble in Valdora Erik Sand who runs a blog was there"
    mentions = [EntityMention("Valdora", "GPE", text.index("Valdora"), text.index("Valdora") + 7),
                EntityMention("Erik Sand", "PERSON", text.index("Erik"), text.index("Erik") + 9)]
    assert "Valdora" in lead_clause(_sentence(text), mentions)


def test_lead_clause_without_any_boundary_is_cut_and_marked() -> None:
    text = " ".join(["word"] * 30)
    clause = lead_clause(_sentence(text))
    assert clause.endswith("…") and len(clause.split()) == CLAUSE_MAX_WORDS


def test_detokenise() -> None:
    assert detokenise("Haiti 's quake -LRB- pictured -RRB- , `` a disaster '' .") \
        == "Haiti's quake (pictured), “a disaster”."


def test_lead_clause_splits_a_headline_run_into_its_lede() -> None:
    text = ("Navy rushes troops to Valdora earthquake zone On the ground in Valdora with "
            "survivors as they plead for help")
    assert lead_clause(_sentence(text)) == "Navy rushes troops to Valdora earthquake zone"


def test_lead_clause_ignores_a_colon_inside_a_time() -> None:
    text = "Reporter at the scene | 22:29 local time, the rescue teams arrived with dogs"
    assert "22" not in lead_clause(_sentence(text))


@pytest.mark.parametrize(("raw", "clean"), [
    ("By Ann Berg Members of the opposition shouted slogans in the square",
     "Members of the opposition shouted slogans in the square"),
    ("January 28, 2011 | By Ann Berg, XYZ Army soldiers stood guard outside the museum",
     "Army soldiers stood guard outside the museum"),
    ("From Omar Tawil, XYZ Hundreds of demonstrators were in the streets",
     "Hundreds of demonstrators were in the streets"),
    ("By Tim Lane and Emma Smith", ""),
])
def test_strip_lead_removes_bylines(raw: str, clean: str) -> None:
    assert strip_lead(raw) == clean
