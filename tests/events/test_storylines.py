"""Storylines: average link over entity profiles, as the textbook average linkage groups them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from storyline.events.cluster_reference import reference_average_link
from storyline.events.evidence import PartialDate
from storyline.events.storylines import link_events


def reference(entities: list[set[str]], threshold: float) -> set[frozenset[int]]:
    """The textbook average linkage (merge the best pair while its mean clears the
    threshold; ties to the lowest pair) on the whole similarity matrix of the profiles."""
    profiles = DictVectorizer().fit_transform([dict.fromkeys(keys, 1) for keys in entities])
    vectors = normalize(TfidfTransformer().fit_transform(profiles)).tocsr()
    count = len(entities)
    # The sparse product, as the blocked clustering takes it: the same floats, so ties
    # (binary profiles make many) break the same way.
    groups = reference_average_link((vectors @ vectors.T).toarray(), [[g] for g in range(count)],
                                    [PartialDate()] * count, threshold, 0)
    return {frozenset(group) for group in groups}


NAMES = st.sets(st.sampled_from("abcdefgh"), min_size=1, max_size=4)


@settings(max_examples=150, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=14), st.sampled_from([0.2, 0.4, 0.6]))
def test_groups_equal_the_reference_average_linkage(entities, threshold) -> None:
    assert {frozenset(group) for group in link_events(entities, threshold)} == reference(
        entities, threshold)


def test_one_shared_country_does_not_chain_two_stories() -> None:
    # Two stories of three events each; one event of each also names a common country.
    # The mechanism, at a threshold the shared pair clears (single link would chain
    # them): the mean over all event pairs does not. The shipped threshold (0.015) is
    # far lower, tuned where idf makes a shared country weigh little among many names.
    war = [{"army", "general", "capital"}, {"army", "general", "country"},
           {"army", "general", "capital"}]
    quake = [{"relief", "mayor", "valley"}, {"relief", "mayor", "country"},
             {"relief", "mayor", "valley"}]
    groups = link_events(war + quake, 0.2)
    assert sorted(map(sorted, groups)) == [[0, 1, 2], [3, 4, 5]]


def test_events_without_entities_stay_alone() -> None:
    assert link_events([set(), {"a"}, {"a"}, set()], 0.1) == [[0], [1, 2], [3]]
