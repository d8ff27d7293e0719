"""Sentence boundaries: the rule-based repairs (no model) and the step's offsets."""

from __future__ import annotations

import pytest

from storyline.language.sentences import refine_spans, split_plain


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def _cut_at(text: str, *markers: str) -> list[tuple[int, int]]:
    """Spans as a bad splitter would give them: cut just before each marker."""
    cuts = [text.index(marker) for marker in markers]
    bounds = [0, *cuts, len(text)]
    return list(zip(bounds, bounds[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("Officials in the U.S. said on Monday they would wait.", ["said on"]),
        ("The talks were led by Mr. Smith of the ministry.", ["Smith of"]),
        ("“It was over quickly,” Const. Tim Fanning said.", ["Tim Fanning"]),
        ("He was ranked No. 5 in the world last year.", ["5 in"]),
        ("President George W. Bush spoke first.", ["Bush spoke"]),
        ("“We will fight,” he said, “and we will win.”", ["he said", "“and"]),
        ("He hailed the move to “deepen the relationship of trust,” as the leaders met.",
         ["as the"]),
        ("Kishida said he would “work together.” and left.", ["and left"]),
    ],
)
def test_false_boundaries_are_merged(text: str, markers: list[str]) -> None:
    assert _texts(text, refine_spans(text, _cut_at(text, *markers))) == [text]


def test_true_boundaries_are_kept_and_quotes_stay_with_their_sentence() -> None:
    text = "“We won. It was hard.” Smith said it twice. The U.S. team left."
    spans = refine_spans(text, _cut_at(text, "It was", "” Smith", "The U.S."))
    assert _texts(text, spans) == ["“We won.", "It was hard.”", "Smith said it twice.",
                                   "The U.S. team left."]


@pytest.mark.parametrize("text", [
    "“ Our crews are out here all day. ” Palmer firemen were hosing down hotspots.",
    "`` We failed us . '' For more than a week , Greece was shaken .",
    '"This is a statement. " "I do feel bad," said a man.',
])
def test_a_quote_ending_its_sentence_is_cut_even_when_the_parser_ran_on(text: str) -> None:
    spans = refine_spans(text, [(0, len(text))])
    assert len(spans) == 2


def test_a_quote_running_into_its_attribution_is_not_cut() -> None:
    text = "“ We won the vote. ” said Lopez, smiling."
    assert refine_spans(text, [(0, len(text))]) == [(0, len(text))]


def test_opening_quote_moves_to_the_next_sentence() -> None:
    text = "He spoke. “Now we start.”"
    spans = refine_spans(text, [(0, 11), (11, len(text))])  # the cut fell after “
    assert _texts(text, spans) == ["He spoke.", "“Now we start.”"]


def test_spans_are_trimmed_and_exact() -> None:
    text = "  First one.   Second one.  "
    spans = refine_spans(text, [(0, 15), (15, len(text))])
    assert _texts(text, spans) == ["First one.", "Second one."]


def test_plain_splitter_handles_abbreviations() -> None:
    text = "Der Präsident kam um 9 Uhr. Mr. Smith war da. Dann ging er."
    assert _texts(text, split_plain(text)) == ["Der Präsident kam um 9 Uhr.", "Mr. Smith war da.",
                                               "Dann ging er."]


def test_a_clock_time_runs_on_into_its_day_or_zone() -> None:
    text = ("He will leave at 5 p.m. Friday. It expires at 5 p.m. EST Nov. 9. "
            "It closed at 4 p.m. Traders left.")
    assert _texts(text, split_plain(text)) == [
        "He will leave at 5 p.m. Friday.", "It expires at 5 p.m. EST Nov. 9.",
        "It closed at 4 p.m.", "Traders left."]
