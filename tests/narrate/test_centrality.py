from __future__ import annotations

from storyline.narrate.centrality import SentenceSpace
from storyline.narrate.summary import trim_title


def test_select_skips_near_duplicates_and_cites_preferred_copy() -> None:
    texts = [
        "The council approved the harbour bridge on Monday after a long debate.",
        "The council approved the harbour bridge on Monday, after a long debate.",
        "Engineers expect the harbour bridge work to start in spring.",
        "A cat sat on a mat.",
    ]
    space = SentenceSpace(texts)
    preference = [(1, 0), (0, 1), (0, 2), (0, 3)]  # row 1 is the original of row 0
    chosen = space.select([0, 1, 2, 3], 2, preference)
    assert len(chosen) == 2
    assert 1 in chosen and 0 not in chosen
    assert 2 in chosen


def test_stop_words_only_does_not_crash() -> None:
    space = SentenceSpace(["the and of", "it is"])
    assert space.select([0, 1], 1, [0, 1]) in ([0], [1])


def test_trim_title() -> None:
    assert trim_title("short  title") == "short title"
    long = "word " * 60
    trimmed = trim_title(long, 30)
    assert len(trimmed) <= 31 and trimmed.endswith("…")
