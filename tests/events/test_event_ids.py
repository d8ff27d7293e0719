from storyline.events.ids import stable_ids


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
