"""Linking events into storylines: the same actors, by average link so that no hub chains.

An event is the set of entities its articles name, weighted by how rare each entity is
among events (an entity every story mentions links nothing). Storylines are grown by
average link over these profiles: two storylines join when the mean similarity of their
events clears the threshold. Single link chained unrelated stories through one long
transcript or one shared country (four Timeline17 stories became one storyline of 665
articles); a mean over all event pairs needs the stories themselves to overlap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.preprocessing import normalize

from storyline.events.cluster import EXACT_BLOCK, average_link
from storyline.events.evidence import PartialDate


def link_events(
    entities: Sequence[set[str]], threshold: float, exact_block: int = EXACT_BLOCK
) -> list[list[int]]:
    """Group events into storylines by average link over their entity profiles.

    Args:
        entities: Each event's entity keys (canonical names).
        threshold: Mean cosine two storylines need to join.
        exact_block: As in :func:`~storyline.events.cluster.average_link`.

    Returns:
        Groups of event indices, each a storyline, ordered by first member; every event
        is in exactly one (an event linked to none is a group of its own).
    """
    count = len(entities)
    if not count:
        return []
    frequency = Counter(key for keys in entities for key in keys)
    vectors = profile_vectors([dict.fromkeys(keys, 1.0) for keys in entities], frequency, count)
    groups = average_link(
        vectors, [[g] for g in range(count)], [PartialDate()] * count, threshold, 0,
        exact_block,
    )
    return sorted(groups, key=min)


def key_shares(articles: Sequence[Collection[str]]) -> dict[str, float]:
    """{entity key: share of the articles naming it} of one event's articles."""
    counts = Counter(key for keys in articles for key in set(keys))
    return {key: n / len(articles) for key, n in counts.items()}


def profile_vectors(shares: Sequence[Mapping[str, float]], frequency: Mapping[str, int],
                    total: int) -> csr_matrix:
    """Each event's entity profile: its keys' shares × idf over events, unit length.

    The idf is scikit-learn's smoothed one, ln((1 + n) / (1 + df)) + 1, with ``df`` from
    ``frequency`` (events naming the key) and ``n`` = ``total`` events, so that a run
    that reads only some events (:mod:`storyline.events.online_links`) weighs them as a
    run over all of them does.
    """
    columns = {key: c for c, key in enumerate(sorted({k for keys in shares for k in keys}))}
    rows, cols, vals = [], [], []
    for r, event in enumerate(shares):
        for key, share in event.items():
            rows.append(r)
            cols.append(columns[key])
            idf = float(np.log((1 + total) / (1 + frequency.get(key, 0)))) + 1
            vals.append(share * idf)
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(shares), max(len(columns), 1)))
    matrix.sort_indices()
    return normalize(matrix).tocsr()
