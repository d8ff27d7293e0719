from __future__ import annotations

from storyline.explore.compare import word_diff


def test_word_diff_marks_only_what_differs() -> None:
    left, right = word_diff("The tram line opens on Monday in Ostbury.",
                            "The tram line opens on Tuesday in Ostbury.")
    assert "".join(p["text"] for p in left) == "The tram line opens on Monday in Ostbury."
    assert [p["text"].strip() for p in left if p["changed"]] == ["Monday"]
    assert [p["text"].strip() for p in right if p["changed"]] == ["Tuesday"]
