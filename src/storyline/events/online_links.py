"""Linking changed events into stored storylines without reading every event.

The events a run changed (:mod:`storyline.events.online`) are linked by the full run's
average link over entity profiles, with its guard on the summed similarity
(:mod:`storyline.events.storylines`), but only among
the storylines they can join: those of the events they were before, and those holding
an event that shares one of their rarer entities (blocking: a storyline sharing no
entity has a zero mean with them). Each stored storyline is kept whole (a seed); a
changed event joins one, opens one or stays unlinked, and two storylines an event
bridges may join, the older id kept. Each entity's weight is its idf over all stored
events, read as counts from the key postings, as the full run computes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storyline.events.cluster import average_link
from storyline.events.evidence import PartialDate
from storyline.events.ids import merged_aliases, stable_ids
from storyline.events.online import Joined
from storyline.events.storylines import profile_vectors
from storyline.store.view import CorpusView

BLOCK_KEYS = 20
"""A changed event looks for storylines by this many of its rarest shared entities."""


def link_changed(view: CorpusView, joined: Joined, settings: Mapping[str, Any],
                 exact_block: int) -> None:
    """Give each changed event its storyline; fill ``joined.state`` (updates, moves)."""
    state = joined.state
    gone = set(state.removed_events) | set(joined.touched)
    existed = gone & set(joined.previous_storyline)  # changed or merged, stored before
    before = view.key_shares(existed)
    # Keys other events name: what the changed events named before is no link.
    counts = _without(view.key_counts({k for keys in joined.keys.values() for k in keys}),
                      before)
    found: set[str] = set()
    for changed_keys in joined.keys.values():
        shared = sorted((counts[k], k) for k in changed_keys if counts.get(k, 0) > 0)
        found |= {k for _, k in shared[:BLOCK_KEYS]}
    neighbours = {e for events in view.events_with_keys(found).values() for e in events}
    neighbour_rows = view.event_rows_of(neighbours - gone)
    # The storylines the changed events leave, and those they may join.
    storylines = {s for e in existed if (s := joined.previous_storyline.get(e))}
    storylines |= {row[0] for row in neighbour_rows.values() if row[0]}
    events_of = view.events_of_storylines(storylines)
    unlinked = {e for e, row in neighbour_rows.items() if row[0] is None}
    kept = sorted({e for es in events_of.values() for e in es} - gone | unlinked)
    keys = {**view.key_shares(kept), **joined.keys}
    # Document frequencies as the full run has them: stored counts, less what the changed
    # and merged events counted before, plus what they count now.
    frequency = _without(view.key_counts({k for ks in keys.values() for k in ks}), before)
    for ks in joined.keys.values():
        for k in ks:
            frequency[k] = frequency.get(k, 0) + 1
    total = view.event_count() - len(existed) + len(joined.touched)
    sizes = {**view.event_sizes(kept), **{e: len(ms) for e, ms in joined.touched.items()}}
    order = [*kept, *sorted(joined.touched)]
    position = {e: i for i, e in enumerate(order)}
    vectors = profile_vectors([keys.get(e, {}) for e in order], frequency, total)
    seeds = [[position[e] for e in es if e in position and e not in gone]
             for _, es in sorted(events_of.items())]
    seeds = [s for s in seeds if s]
    seeded = {i for s in seeds for i in s}
    seeds += [[i] for i in range(len(order)) if i not in seeded]
    chains = average_link(vectors, seeds, [PartialDate()] * len(order),
                          float(settings["storyline_threshold"]),
                          0, exact_block,
                          float(settings["storyline_min_total"]))
    # A one-article event linked to nothing is unlinked, as in a full run.
    chains = [c for c in chains if len(c) > 1 or sizes.get(order[c[0]], 0) > 1]
    members = [[order[i] for i in chain] for chain in chains]
    previous = {s: set(es) for s, es in events_of.items()}
    names = stable_ids(members, previous, "sl")
    state.aliases.update(merged_aliases(names, members, previous))
    storyline_of: dict[str, str | None] = {e: s for s, ms in zip(names, members, strict=True)
                                           for e in ms}
    for row in state.updates:
        row.storyline_id = storyline_of.get(row.event_id)
    state.storylines_left = sorted(storylines)
    was: dict[str, str | None] = {e: s for s, es in events_of.items() for e in es}
    for event_id in kept:
        now = storyline_of.get(event_id)
        if now != was.get(event_id):
            state.moved[event_id] = now


def _without(counts: dict[str, int], before: Mapping[str, Mapping[str, float]]
             ) -> dict[str, int]:
    """Stored document frequencies less what the given events counted."""
    for keys in before.values():
        for key in keys:
            if key in counts:
                counts[key] -= 1
    return counts
