"""Versions and story sides: which story an article continues, and when it is a new version."""

from __future__ import annotations

from storyline.provenance.relations import (
    Doc,
    Settings,
    group_documents,
    overlap,
    pair_key,
    shares_story,
    story_claim,
)
from storyline.provenance.roles import assign_roles
from storyline.provenance.shingles import lede_shingles, shingle_sequence, shingles, text_key
from storyline.provenance.versions import (
    new_runs,
    paragraph_changes,
    text_changes,
    version_evidence,
)

SETTINGS = Settings(story_containment=0.5, lede_min_share=0.5, lede_shingles=56)


def words(prefix: str, count: int, start: int = 0) -> str:
    return " ".join(f"{prefix}{i}" for i in range(start, start + count))


def doc(doc_id: str, text: str, seq: int, *, title: str = "", source: str | None = None,
        wire: str | None = None, published: str | None = None) -> Doc:
    sequence = shingle_sequence(text, 5)
    return Doc(doc_id, seq, frozenset(sequence), text_key(text), source=source, wire=wire,
               published=published, published_precision="day" if published else "unknown",
               lede=lede_shingles(text, 5, 60), title=shingles(title, 5),
               sequence=tuple(sequence))


def roles_of(docs: list[Doc], settings: Settings = SETTINGS):  # type: ignore[no-untyped-def]
    by_id = {d.id: d for d in docs}
    links = {}
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            found = overlap(a.shingles, b.shingles)
            if shares_story(a, b, found, settings):
                links[pair_key(a.id, b.id)] = found
    grouping = group_documents(by_id, links, settings)
    return grouping, assign_roles(grouping, by_id, links, settings)


def test_new_runs_need_consecutive_unknown_shingles() -> None:
    sequence = ["a", "x1", "x2", "x3", "b", "y1", "c"]
    known = {"a", "b", "c"}.__contains__
    assert new_runs(sequence, known, 3) == [(1, 4)]
    assert new_runs(sequence, known, 1) == [(1, 4), (5, 6)]
    assert new_runs(["x", "y"], known, 2) == [(0, 2)]


def test_version_evidence_counts_new_passages_and_the_new_lede() -> None:
    earlier = shingle_sequence(words("o", 100), 5)
    later = shingle_sequence(words("n", 30) + " " + words("o", 100), 5)
    evidence = version_evidence(later, set(earlier).__contains__, 8, 56)
    assert evidence.new == 30  # 30 new words: 26 shingles of their own + 4 across the seam
    assert evidence.new_top == 30


def test_paragraph_changes_add_remove_rewrite() -> None:
    kept = shingles(words("k", 30), 5)
    rewritten_old = shingles(words("r", 30), 5)
    rewritten_new = shingles(words("r", 15) + " " + words("z", 15), 5)
    dropped = shingles(words("d", 30), 5)
    added = shingles(words("a", 30), 5)
    changes = paragraph_changes([added, kept, rewritten_new], [kept, rewritten_old, dropped])
    assert (changes.added, changes.removed, changes.rewritten) == (1, 1, 1)
    assert changes.summary() == "paragraphs: 1 added, 1 removed, 1 rewritten"
    assert paragraph_changes([kept], [kept]).summary() == "paragraphs: none changed"
    earlier = "\n".join([words("k", 30), words("d", 30)])
    later = "\n\n".join([words("a", 30), words("k", 30)])
    assert text_changes(later, earlier).summary() == "paragraphs: 1 added, 1 removed"


def test_an_article_carrying_two_stories_goes_with_the_headline_it_keeps() -> None:
    # An update of story A whose new top is the whole of story B (another wire's report
    # of the event): it shares more with B than with A, but it keeps A's headline.
    story_a, story_b = words("a", 150), words("b", 120)
    a = doc("a", story_a, 0, title="Storm hits the coast overnight", source="AP")
    b = doc("b", story_b, 1, title="Rescuers search flooded towns", source="Reuters")
    update = doc("u", "Storm hits the coast overnight " + story_b + " " + words("a", 60), 2,
                 title="UPDATE 1-Storm hits the coast overnight", source="Daily Courier")
    assert story_claim(update, a) == 2 and story_claim(update, b) == 0
    assert len(update.shingles & b.shingles) > len(update.shingles & a.shingles)
    grouping, roles = roles_of([a, b, update])
    group_of = {m: g for g, ms in grouping.groups.items() for m in ms}
    assert group_of["u"] == group_of["a"] != group_of["b"]
    assert roles["u"].reprint_of == "a"


def test_a_copy_link_settles_the_group_before_a_contained_story() -> None:
    # Two wire originals never share a group. The reprint (the long story without its
    # last paragraph) contains all of the short one, and less than all of the long one,
    # but it is a copy (both ways) of the long one only: it must go with that one.
    wire_long = doc("long", words("l", 120), 0, source="AP")
    wire_short = doc("short", words("l", 30, start=40), 1, source="Reuters")
    reprint = doc("copy", words("l", 110) + " " + words("f", 6), 2, source="Daily Courier")
    with_long = overlap(reprint.shingles, wire_long.shingles)
    with_short = overlap(reprint.shingles, wire_short.shingles)
    assert with_short.containment > with_long.containment
    assert with_long.jaccard > with_short.jaccard
    grouping, _ = roles_of([wire_long, wire_short, reprint])
    group_of = {m: g for g, ms in grouping.groups.items() for m in ms}
    assert group_of["copy"] == group_of["long"] != group_of["short"]


def test_an_update_with_a_new_lede_is_a_version_copies_are_not() -> None:
    body = words("o", 120)
    original = doc("orig", body, 0, source="AP", published="2024-01-01",
                   title="Council backs harbour bridge after a long debate on the future of "
                         "the old docks")
    update = doc("upd", words("n", 40) + " " + body, 1, source="Daily Courier",
                 title="Council backs harbour bridge", published="2024-01-02")
    # A lightly edited copy: every twelfth word swapped (scattered, never a passage).
    edited_words = [f"s{i}" if i % 12 == 5 else f"o{i}" for i in range(120)]
    edited = doc("edit", " ".join(edited_words), 2, source="Evening Ledger",
                 published="2024-01-02")
    truncated = doc("trunc", words("o", 50), 3, source="Metro Herald", published="2024-01-01")
    # A full reprint published after the truncated copy restores text, but none of it is
    # new to the group: the original had it first.
    reprint = doc("full", body + " " + words("f", 5), 4, source="Harbor Gazette",
                  published="2024-01-03")
    # A reprint whose header prints the headline twice and whose footer is long: neither
    # is new text in its lede (the headline is the predecessor's).
    headline = "Council backs harbour bridge after a long debate on the future of the old docks"
    headed = doc("headed", f"Home News {headline} World {headline} " + body + " "
                 + words("f", 30), 5, source="Metro Herald", published="2024-01-02")
    _, roles = roles_of([original, update, edited, truncated, reprint, headed])
    assert roles["upd"].version_of == "orig"
    assert roles["upd"].reprint_of == "orig"
    for copy in ("edit", "trunc", "full", "headed"):
        assert roles[copy].version_of is None, copy
    assert roles["orig"].version_of is None and roles["orig"].reprint_of is None


def test_a_round_up_quoting_part_of_a_story_is_not_its_version() -> None:
    body = words("o", 150)
    original = doc("orig", body, 0, title="Council backs harbour bridge", source="AP",
                   published="2024-01-01")
    # Quotes 60 of the 150 words (kept 0.37 < version_min_kept) under a new opening.
    digest = doc("digest", words("n", 40) + " " + words("o", 60), 1, source="Daily Courier",
                 published="2024-01-02")
    _, roles = roles_of([original, digest])
    assert roles["digest"].reprint_of == "orig"
    assert roles["digest"].version_of is None


def test_a_wire_rewriting_its_own_story_may_keep_less_of_it() -> None:
    body = words("o", 100)
    first = doc("first", body, 0, source="Bloomberg", wire="Bloomberg", published="2024-01-01")
    # Keeps 55 % of the first version: too little for another outlet's copy, enough for
    # the same wire's update.
    text = words("n", 50) + " " + words("o", 58) + " " + words("m", 40)
    own = doc("own", text, 1, source="Blog", wire="Bloomberg", published="2024-01-02")
    other = doc("other", text, 1, source="Blog", published="2024-01-02")
    assert roles_of([first, own])[1]["own"].version_of == "first"
    assert roles_of([first, other])[1]["other"].version_of is None


def test_a_copy_of_an_earlier_member_is_nobodys_predecessor() -> None:
    # A digest quoting a truncated copy whole keeps all of the copy, but the copy brought
    # no text of its own: measured against the story it copies, the digest keeps a third.
    body = words("o", 120)
    original = doc("orig", body, 0, source="AP", published="2024-01-01")
    truncated = doc("trunc", words("o", 40), 1, source="Metro Herald", published="2024-01-02")
    digest = doc("digest", words("n", 40) + " " + words("o", 40) + " " + words("z", 40), 2,
                 source="Daily Courier", published="2024-01-03")
    _, roles = roles_of([original, truncated, digest])
    assert roles["digest"].reprint_of == "orig"
    assert roles["digest"].version_of is None
