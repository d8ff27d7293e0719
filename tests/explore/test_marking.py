from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.explore.marking import annotate


def test_overlapping_spans_cut_the_text_into_marked_pieces() -> None:
    text = "Mayor Ana Berg spoke on Monday in Ostbury."
    spans = [{"start": 6, "end": 14, "kind": "entity"}, {"start": 24, "end": 30, "kind": "date"},
             {"start": 0, "end": 30, "kind": "shared"}]
    pieces = annotate(text, spans, [{"text": "Heading", "offset": 15}])
    assert "".join(p.text for p in pieces if not p.heading) == text
    assert [p.text for p in pieces if p.first("entity")] == ["Ana Berg"]
    assert [p.text for p in pieces if p.first("date")] == ["Monday"]
    assert [p.text for p in pieces if p.heading] == ["Heading"]
    assert pieces[-1].kinds() == []


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)),
                                      max_size=6))
def test_pieces_always_give_back_the_text(text: str, bounds: list[tuple[int, int]]) -> None:
    spans = [{"start": a, "end": b, "kind": "x"} for a, b in bounds]
    assert "".join(p.text for p in annotate(text, spans)) == text
