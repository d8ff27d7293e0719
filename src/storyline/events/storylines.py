"""Linking events into storylines: the same actors, by average link so that no hub chains.

An event is the set of entities its articles name, weighted by how rare each entity is
among events (an entity every story mentions links nothing). Storylines are grown by
average link over these profiles: two storylines join when the mean similarity of their
events clears the threshold. Single link chained unrelated stories through one long
transcript or one shared country (four Timeline17 stories became one storyline of 665
articles); a mean over all event pairs needs the stories themselves to overlap.
"""

from __future__ import annotations

from collections.abc import Sequence

from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
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
    profiles = DictVectorizer().fit_transform([dict.fromkeys(keys, 1) for keys in entities])
    vectors = normalize(TfidfTransformer().fit_transform(profiles)) if profiles.shape[1] else (
        profiles)
    groups = average_link(
        vectors.tocsr(), [[g] for g in range(count)], [PartialDate()] * count, threshold, 0,
        exact_block,
    )
    return sorted(groups, key=min)
