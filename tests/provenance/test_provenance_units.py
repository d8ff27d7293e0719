from __future__ import annotations

from datasketch import MinHash

from storyline.provenance.minhash import BandIndex, band_layout, decode, encode, signatures
from storyline.provenance.passages import SentenceRow, match_sentences
from storyline.provenance.relations import (
    Doc,
    Grouping,
    Settings,
    is_link,
    overlap,
    shares_story,
)
from storyline.provenance.roles import assign_roles
from storyline.provenance.shingles import lede_shingles, shingles, text_key


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


def test_lede_shingles_are_the_opening_words_only() -> None:
    text = " ".join(f"w{i}" for i in range(50))
    assert lede_shingles(text, 5, 10) == shingles(" ".join(f"w{i}" for i in range(10)), 5)
    assert lede_shingles(text, 5, 10) <= shingles(text, 5)


def _doc(doc_id: str, text: str, lede_words: int = 20) -> Doc:
    return Doc(doc_id, 0, shingles(text, 5), text_key(text),
               lede=lede_shingles(text, 5, lede_words))


def test_weak_link_holds_only_with_a_lede_in_the_other_text() -> None:
    background = " ".join(f"b{i}" for i in range(60))
    first = _doc("a", " ".join(f"a{i}" for i in range(80)) + " " + background)
    second = _doc("b", " ".join(f"c{i}" for i in range(80)) + " " + background)
    digest = _doc("r", " ".join(f"a{i}" for i in range(40)) + " "
                  + " ".join(f"d{i}" for i in range(60)))
    settings = Settings(story_containment=0.5, lede_min_share=0.5)
    shared_background = overlap(first.shingles, second.shingles)
    assert is_link(shared_background, settings)  # 0.3 ≤ containment < 0.5
    assert not shares_story(first, second, shared_background, settings)
    quoted = overlap(first.shingles, digest.shingles)
    assert is_link(quoted, settings) and quoted.containment < 0.5
    assert shares_story(first, digest, quoted, settings)  # the round-up quotes a's lede
    # With story_containment at the link threshold (the dataclass default) nothing changes.
    assert shares_story(first, second, shared_background, Settings())


def test_wire_copy_stored_after_its_reprint_stays_the_original() -> None:
    text = " ".join(f"w{i}" for i in range(40))
    reprint = Doc("reprint", 0, shingles(text, 5), text_key(text), source="Daily Courier",
                  wire="Reuters", published="2023-01-02", published_precision="day")
    wire = Doc("wire", 1, shingles(text, 5), text_key(text), source="Reuters",
               wire="Reuters", published="2023-01-01", published_precision="day")
    docs = {"reprint": reprint, "wire": wire}
    links = {("reprint", "wire"): overlap(reprint.shingles, wire.shingles)}
    roles = assign_roles(Grouping({"g": ["reprint", "wire"]}), docs, links, Settings())
    assert roles["reprint"].exact_duplicate_of == "wire"
    assert roles["reprint"].reprint_of == "wire"
    assert roles["wire"].reprint_of is None and roles["wire"].exact_duplicate_of is None
