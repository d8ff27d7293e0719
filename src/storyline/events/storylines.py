"""Linking events into storylines: the same actors, by average link so that no hub chains.

An event is the entities its articles name, each weighted by the share of the event's
articles that name it (a name one article of ten drops in passing weighs a tenth) and by
how rare it is among events (an entity every story mentions links nothing). Storylines
are grown by average link over these profiles: two storylines join when the mean
similarity of their events clears the threshold. Single link chained unrelated stories
through one long transcript or one shared country (four Timeline17 stories became one
storyline of 665 articles); a mean over all event pairs needs the stories themselves to
overlap.

A join also needs the summed similarity of its event pairs (sizes × mean, the product of
the two storylines' summed profiles) to reach ``min_total``. At the low mean a long
story needs, two single events sharing one name among fifteen would join, and such pairs
(comment pages, schedules) were the storylines that held two stories; a large storyline
clears the sum by its many pairs and is judged by its mean. Both tests read only the two
groups' summed vectors and sizes, so a storyline can be kept as one summed vector and a
count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.preprocessing import normalize

from storyline.events.cluster import EXACT_BLOCK, average_link
from storyline.events.evidence import PartialDate

Event = Collection[str] | Sequence[Collection[str]]
"""An event as its articles' entity key sets, or as one set (one article's worth)."""


def _article_sets(event: Event) -> Sequence[Collection[str]]:
    # A set of keys (the old form, and a one-article event) is one article naming them;
    # so is a list of keys (its strings must not be read as sets of letters).
    items: list[Collection[str]] = list(event)
    if isinstance(event, (set, frozenset)) or any(isinstance(item, str) for item in items):
        return [{str(key) for key in items}]
    return items


def event_profiles(events: Sequence[Event]) -> csr_matrix:
    """Each event's entity profile: share of its articles naming an entity × idf, L2-normalised.

    Args:
        events: Per event, the entity keys of each of its articles (a list of sets);
            an event given as one set counts as one article naming them all.

    Returns:
        One row per event (zero for an event naming nothing), columns the keys in
        sorted order; the idf is scikit-learn's smoothed one over events.
    """
    if not events:
        return csr_matrix((0, 0))
    shares = [key_shares(_article_sets(event)) for event in events]
    frequency = Counter(key for event in shares for key in event)
    return profile_vectors(shares, frequency, len(shares))


def link_events(
    entities: Sequence[Event],
    threshold: float,
    exact_block: int = EXACT_BLOCK,
    *,
    min_total: float = 0.0,
) -> list[list[int]]:
    """Group events into storylines by average link over their entity profiles.

    Args:
        entities: Each event's entity keys (canonical names), per article or as one set
            (see :func:`event_profiles`).
        threshold: Mean cosine two storylines need to join.
        exact_block: As in :func:`~storyline.events.cluster.average_link`.
        min_total: Summed cosine over their event pairs two storylines also need.

    Returns:
        Groups of event indices, each a storyline, ordered by first member; every event
        is in exactly one (an event linked to none is a group of its own).
    """
    count = len(entities)
    if not count:
        return []
    groups = average_link(
        event_profiles(entities), [[g] for g in range(count)], [PartialDate()] * count,
        threshold, 0, exact_block, min_total,
    )
    return sorted(groups, key=min)


def key_shares(articles: Sequence[Collection[str]]) -> dict[str, float]:
    """{entity key: share of the articles naming it} of one event's articles."""
    counts = Counter(key for keys in articles for key in set(keys))
    return {key: n / len(articles) for key, n in counts.items()} if articles else {}


def profile_vectors(shares: Sequence[Mapping[str, float]], frequency: Mapping[str, int],
                    total: int) -> csr_matrix:
    """Each event's entity profile: its keys' shares × idf over events, unit length.

    The idf is scikit-learn's smoothed one, ln((1 + n) / (1 + df)) + 1, with ``df`` from
    ``frequency`` (events naming the key) and ``n`` = ``total`` events, so that a run
    that reads only some events (:mod:`storyline.events.online_links`) weighs them as a
    run over all of them does.
    """
    names = sorted({k for keys in shares for k in keys})
    columns = {key: c for c, key in enumerate(names)}
    idf = np.log((1 + total) / (1 + np.array([frequency.get(k, 0) for k in names],
                                              dtype=np.float64))) + 1
    rows = np.repeat(np.arange(len(shares)), [len(event) for event in shares])
    cols = np.fromiter((columns[key] for event in shares for key in event), dtype=np.int64,
                       count=len(rows))
    vals = np.fromiter((share for event in shares for share in event.values()),
                       dtype=np.float64, count=len(rows)) * idf[cols]
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(shares), max(len(columns), 1)))
    matrix.sort_indices()
    return normalize(matrix).tocsr()
