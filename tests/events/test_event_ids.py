from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.events.ids import merged_aliases, stable_ids


def test_new_groups_get_deterministic_ids():
    first = stable_ids([["b", "a"], ["c"]], {}, "ev")
    assert first == stable_ids([["a", "b"], ["c"]], {}, "ev")
    assert all(name.startswith("ev-") for name in first)
    assert len(set(first)) == 2


def test_growing_group_keeps_its_id():
    previous = {"ev-old": {"a", "b"}}
    assert stable_ids([["a", "b", "z"], ["q"]], previous, "ev")[0] == "ev-old"


def test_split_keeps_id_on_larger_part():
    previous = {"ev-old": {"a", "b", "c"}}
    ids = stable_ids([["a"], ["b", "c"]], previous, "ev")
    assert ids[1] == "ev-old" and ids[0] != "ev-old"


def _overlaps_by_pairs(groups, previous):
    """Every group against every previous group: what the index must give."""
    found = []
    for index, members in enumerate(groups):
        for old_id, old_members in previous.items():
            if overlap := len(set(members) & old_members):
                found.append((overlap, index, old_id))
    return found


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdefghij"), min_size=1, max_size=5), max_size=6),
       st.dictionaries(st.sampled_from(["ev-1", "ev-2", "ev-3", "ev-4"]),
                       st.sets(st.sampled_from("abcdefghij"), min_size=1), max_size=4))
def test_names_equal_those_of_comparing_every_pair(groups, previous):
    names = stable_ids(groups, previous, "ev")
    # Re-derive the matching the way the first version did and compare.
    chosen: dict[int, str] = {}
    used: set[str] = set()
    for _, index, old_id in sorted(_overlaps_by_pairs(groups, previous),
                                   key=lambda c: (-c[0], c[1], c[2])):
        if index not in chosen and old_id not in used:
            chosen[index] = old_id
            used.add(old_id)
    assert {i: n for i, n in enumerate(names) if n in previous} == chosen


def test_a_merge_keeps_the_larger_id_and_records_the_other_as_alias():
    previous = {"ev-old": {"a", "b", "c"}, "ev-small": {"d"}}
    groups = [["a", "b", "c", "d", "e"], ["f"]]
    names = stable_ids(groups, previous, "ev")
    assert names[0] == "ev-old"
    assert merged_aliases(names, groups, previous) == {"ev-small": "ev-old"}


def test_ids_that_carry_over_or_vanish_are_no_aliases():
    previous = {"ev-1": {"a"}, "ev-2": {"z"}}  # z is gone from the corpus
    groups = [["a", "b"]]
    names = stable_ids(groups, previous, "ev")
    assert merged_aliases(names, groups, previous) == {}
