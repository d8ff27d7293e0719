from __future__ import annotations

from datasketch import MinHash

from storyline.provenance.minhash import BandIndex, band_layout, decode, encode, signatures
from storyline.provenance.passages import SentenceRow, match_sentences
from storyline.provenance.shingles import shingles, text_key


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The cat, the HAT.", 2) == shingles("the cat the hat", 2)
    assert shingles("two words", 5) == frozenset({"two words"})
    assert shingles("", 5) == frozenset()
    assert text_key("A  b.\nC") == text_key("a b c")


def test_signature_round_trip_and_estimate_close_to_datasketch() -> None:
    a = shingles(" ".join(f"w{i}" for i in range(300)), 5)
    b = shingles(" ".join(f"w{i}" for i in range(100, 400)), 5)
    ours_a, ours_b = signatures([a, b], 128)
    assert decode(encode(ours_a), 128) == ours_a
    assert decode(encode(ours_a), 64) is None
    estimate = sum(x == y for x, y in zip(ours_a, ours_b, strict=True)) / 128
    reference_a, reference_b = MinHash(num_perm=128), MinHash(num_perm=128)
    reference_a.update_batch([s.encode() for s in a])
    reference_b.update_batch([s.encode() for s in b])
    exact = len(a & b) / len(a | b)
    assert abs(estimate - exact) < 0.15
    assert abs(reference_a.jaccard(reference_b) - exact) < 0.15


def test_band_index_finds_similar_not_unrelated() -> None:
    base = [f"w{i}" for i in range(200)]
    sets = [shingles(" ".join(base), 5), shingles(" ".join(base[:120]), 5),
            shingles(" ".join(f"x{i}" for i in range(200)), 5)]
    digests = signatures(sets, 128)
    index = BandIndex(0.1, 128)
    for key, digest in zip(["full", "part", "other"], digests, strict=True):
        index.add(key, digest)
    assert {"full", "part"} <= index.query(digests[0])
    assert "other" not in index.query(digests[0])
    bands, rows = band_layout(0.1, 128)
    assert bands * rows <= 128


def test_contained_sentence_matches_with_offsets() -> None:
    inner = "His proposal, which involves firms contributing to a fund, was not welcomed."
    outer = "In the wake of the move, " + inner
    a = SentenceRow("a", 0, 10, 10 + len(inner), inner)
    b = SentenceRow("b", 3, 50, 50 + len(outer), outer)
    match = match_sentences(a, b, 0.85, 40)
    assert match is not None
    assert match.a_start == 10 and match.a_end == 10 + len(inner)
    assert match.b_end - match.b_start >= len(inner) - 2
    assert match_sentences(a, SentenceRow("c", 0, 0, 20, "Something else again."), 0.85, 40) \
        is None
