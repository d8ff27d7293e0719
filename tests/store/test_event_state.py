"""The events step's state: partial updates of events, postings and aliases."""

from __future__ import annotations

from storyline.store.db import Store
from storyline.store.event_state import (
    EventState,
    FeatureRow,
    events_of_articles,
    events_with_keys,
    events_with_terms,
    feature_rows,
    key_counts,
    members_of_events,
    save_event_state,
    space_columns,
)
from storyline.store.events import EventRow, current_id, save_events


def stored(store: Store) -> Store:
    for article_id in "abcd":
        store.conn.execute("INSERT INTO articles (id, origin, content_hash, record, seq) "
                           "VALUES (?, 'o', 'h', '{}', ?)", (article_id, ord(article_id)))
    return store


def test_a_join_rewrites_only_the_events_it_names_and_merges_leave_aliases() -> None:
    store = stored(Store(":memory:"))
    save_events(store, [EventRow("ev-1", "sl-1", "2024-05", "month", ["a"]),
                        EventRow("ev-2", "sl-2", None, "unknown", ["b"]),
                        EventRow("ev-3", "sl-1", None, "unknown", ["c"])])
    save_event_state(store, EventState(
        replace_all=True, meta={"fitted": "3"}, space=[("doc", "bridge", 0, 1.5),
                                                      ("doc", "said", -1, 0.0)],
        features={"a": FeatureRow(b"", b"", "[]", "{}")},
        event_terms={"ev-1": [0], "ev-2": [0]}, event_keys={"ev-1": {"ostbury": 1.0}}))
    # ev-2 merges into ev-1 (with d, new); ev-3 moves to ev-1's storyline's successor.
    save_event_state(store, EventState(
        updates=[EventRow("ev-1", "sl-1", "2024-05", "month", ["a", "b", "d"])],
        removed_events=["ev-2"], aliases={"ev-2": "ev-1", "sl-2": "sl-1"},
        event_terms={"ev-1": [0, 1]}, event_keys={"ev-1": {"ostbury": 1.0, "ana ruiz": 0.5}},
        space=[("doc", "zorblat", 1, 4.0)], meta={"width": "2"},
        storylines_left=["sl-1", "sl-2"]))
    assert members_of_events(store, ["ev-1", "ev-2", "ev-3"]) == {"ev-1": ["a", "b", "d"],
                                                                  "ev-3": ["c"]}
    assert events_of_articles(store, ["b", "c"]) == {"b": "ev-1", "c": "ev-3"}
    assert events_with_terms(store, [1]) == {"ev-1"}
    assert events_with_keys(store, ["ana ruiz"]) == {"ana ruiz": {"ev-1"}}
    assert key_counts(store, ["ostbury", "nobody"]) == {"ostbury": 1}
    assert space_columns(store, {"doc": ["bridge", "said", "zorblat", "x"]}) == {
        ("doc", "bridge"): (0, 1.5), ("doc", "said"): (-1, 0.0), ("doc", "zorblat"): (1, 4.0)}
    assert set(feature_rows(store, ["a", "b"])) == {"a"}
    assert {row[0] for row in store.conn.execute("SELECT storyline_id FROM storylines")} == {
        "sl-1"}  # sl-2 lost its only event
    assert current_id(store, "sl-2") == "sl-1" and current_id(store, "ev-9") == "ev-9"
    # An id merged again: the earlier alias follows it.
    save_event_state(store, EventState(aliases={"sl-1": "sl-7"}, storylines_left=["sl-1"],
                                       moved={"ev-1": "sl-7", "ev-3": "sl-7"}))
    assert current_id(store, "sl-2") == "sl-7"
    assert {row[0] for row in store.conn.execute("SELECT storyline_id FROM storylines")} == {
        "sl-7"}


def test_an_id_written_again_is_no_alias() -> None:
    store = stored(Store(":memory:"))
    save_event_state(store, EventState(aliases={"ev-2": "ev-1"}))
    assert current_id(store, "ev-2") == "ev-1"
    save_event_state(store, EventState(updates=[EventRow("ev-2", None, None, "unknown", ["a"])]))
    assert current_id(store, "ev-2") == "ev-2"
