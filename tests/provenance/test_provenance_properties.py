"""Properties of the passage aligner: passages index both texts exactly."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.provenance.passages import (
    SentenceRow,
    candidate_sentence_pairs,
    match_article_pair,
    merge_matches,
)

FAST = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "100")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
MIN_CHARS = 40
THRESHOLD = 0.85

SENTENCES = [
    "The council approved the new tram line on Monday after a long debate.",
    "Work on the harbour bridge will begin in March and last two years.",
    "The mayor said the plan would cost twelve million euros in total.",
    "Residents near the depot complained about noise during the night.",
    "Opposition members voted against the motion, citing the rising costs.",
    "The first trams are expected to run again by the end of next year.",
]


def edit(sentence: str, data: st.DataObject) -> str:
    """A copy a republisher might make: unchanged, cut, or with a word changed."""
    choice = data.draw(st.sampled_from(["same", "prefix", "suffix", "word", "free"]))
    if choice == "prefix":
        return data.draw(st.text(max_size=30)) + sentence
    if choice == "suffix":
        return sentence[: data.draw(st.integers(0, len(sentence)))]
    if choice == "word":
        words = sentence.split()
        words[data.draw(st.integers(0, len(words) - 1))] = data.draw(st.text(max_size=8))
        return " ".join(words)
    if choice == "free":
        return data.draw(st.text(max_size=90))
    return sentence


def article(article_id: str, sentences: list[str],
            separators: list[str]) -> tuple[str, list[SentenceRow]]:
    text = ""
    rows = []
    for idx, sentence in enumerate(sentences):
        text += separators[idx % len(separators)]
        rows.append(SentenceRow(article_id, idx, len(text), len(text) + len(sentence), sentence))
        text += sentence
    return text, rows


@FAST
@given(st.data())
def test_passages_index_both_texts(data: st.DataObject) -> None:
    picks = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6)
    separators = st.lists(st.sampled_from([" ", "\n\n", "  ", " “", "” "]), min_size=1)
    a_sentences = data.draw(picks)
    b_sentences = [edit(s, data) for s in data.draw(picks)]
    text_a, rows_a = article("a", a_sentences, data.draw(separators))
    text_b, rows_b = article("b", b_sentences, data.draw(separators))
    pairs = candidate_sentence_pairs(rows_b, rows_a + rows_b, max_articles=50)
    for (first, second), candidates in pairs.items():
        assert (first, second) == ("a", "b")
        matches = match_article_pair({r.idx: r for r in rows_a}, {r.idx: r for r in rows_b},
                                     candidates, THRESHOLD, MIN_CHARS)
        for passage in merge_matches("a", "b", matches, text_a, text_b, MIN_CHARS):
            assert 0 <= passage.a_start < passage.a_end <= len(text_a)
            assert 0 <= passage.b_start < passage.b_end <= len(text_b)
            assert passage.a_text == text_a[passage.a_start : passage.a_end]
            assert passage.b_text == text_b[passage.b_start : passage.b_end]
            assert min(len(passage.a_text), len(passage.b_text)) >= MIN_CHARS
            assert THRESHOLD <= passage.similarity <= 1.0
