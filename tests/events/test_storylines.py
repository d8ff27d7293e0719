"""Storylines: average link over entity profiles, as the textbook average linkage groups them."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from storyline.events.cluster_reference import reference_average_link
from storyline.events.evidence import PartialDate
from storyline.events.storylines import event_profiles, link_events


def reference(events: list[list[set[str]]], threshold: float,
              min_total: float = 0.0) -> set[frozenset[int]]:
    """The textbook average linkage (merge the best pair that clears the threshold and the
    minimum sum; ties to the lowest pair) on the whole similarity matrix of the profiles."""
    vectors = event_profiles(events)
    count = len(events)
    # The sparse product, as the blocked clustering takes it: the same floats, so ties
    # (small profiles make many) break the same way.
    groups = reference_average_link((vectors @ vectors.T).toarray(), [[g] for g in range(count)],
                                    [PartialDate()] * count, threshold, 0, min_total)
    return {frozenset(group) for group in groups}


NAMES = st.sets(st.sampled_from("abcdefgh"), min_size=0, max_size=4)
EVENTS = st.lists(NAMES, min_size=1, max_size=3)


@settings(max_examples=150, deadline=None)
@given(st.lists(EVENTS, min_size=1, max_size=14), st.sampled_from([0.2, 0.4, 0.6]),
       st.sampled_from([0.0, 0.5, 1.2]))
def test_groups_equal_the_reference_average_linkage(events, threshold, min_total) -> None:
    found = link_events(events, threshold, min_total=min_total)
    assert {frozenset(group) for group in found} == reference(events, threshold, min_total)


def test_an_event_given_as_one_set_is_the_binary_tf_idf_profile() -> None:
    entities = [{"a", "b"}, {"b", "c"}, {"c"}, set()]
    binary = DictVectorizer().fit_transform([dict.fromkeys(keys, 1) for keys in entities])
    expected = normalize(TfidfTransformer().fit_transform(binary)).toarray()
    assert np.allclose(event_profiles(entities).toarray(), expected)
    assert np.allclose(event_profiles([[keys] for keys in entities]).toarray(), expected)
    assert np.allclose(event_profiles([sorted(keys) for keys in entities]).toarray(), expected)


def test_a_name_few_of_the_articles_drop_weighs_their_share() -> None:
    # "a" in all four articles, "b" in one: b weighs a quarter of a (same idf: both
    # named by the one event and absent from the other).
    profiles = event_profiles([[{"a", "b"}, {"a"}, {"a"}, {"a"}], [{"c"}]]).toarray()
    assert np.isclose(profiles[0, 1] / profiles[0, 0], 0.25)
    assert np.allclose(np.linalg.norm(profiles, axis=1), 1.0)


def test_one_shared_country_does_not_chain_two_stories() -> None:
    # Two stories of three events each; one event of each also names a common country.
    # The mechanism, at a threshold the shared pair clears (single link would chain
    # them): the mean over all event pairs does not.
    war = [{"army", "general", "capital"}, {"army", "general", "country"},
           {"army", "general", "capital"}]
    quake = [{"relief", "mayor", "valley"}, {"relief", "mayor", "country"},
             {"relief", "mayor", "valley"}]
    groups = link_events(war + quake, 0.2)
    assert sorted(map(sorted, groups)) == [[0, 1, 2], [3, 4, 5]]


def test_two_single_events_need_more_than_one_weak_link() -> None:
    # Two one-article events (a comment page, a schedule) share one name among many:
    # a cosine over the low mean threshold long stories need, but a sum under the minimum.
    comments = [{"earth", "blog", "accra", "mars", "nasa", "kumasi"}]
    profile = [{"earth", "google", "linkedin", "cairo", "turkey", "palin"}]
    others = [[{f"x{i}", f"y{i}"}] for i in range(6)]  # other events: the idf of a rare name
    events = [comments, profile, *others]
    cosine = float((event_profiles(events)[0] @ event_profiles(events)[1].T).toarray()[0, 0])
    assert 0.02 < cosine < 0.3
    assert [0, 1] in link_events(events, 0.02)
    assert [0, 1] not in link_events(events, 0.02, min_total=0.3)


def test_a_long_storyline_clears_the_sum_by_its_many_pairs() -> None:
    # A core of four events about one president, and a late event sharing only the
    # president's name with each: one weak link would not do (as for a single event),
    # four weak links to the same storyline do.
    core = [[{"president", "party", f"town{i}"}] for i in range(4)]
    late = [[{"president", "court", "judge", "appeal", "ruling"}]]
    others = [[{f"x{i}", f"y{i}"}] for i in range(6)]
    events = [*core, *late, *others]
    vectors = event_profiles(events)
    weak = float((vectors[0] @ vectors[4].T).toarray()[0, 0])
    assert 0.05 < weak < 0.3 < 4 * weak
    assert [0, 1, 2, 3, 4] in link_events(events, 0.05, min_total=0.3)
    assert [1] in link_events([core[0], *late, *others], 0.05, min_total=0.3)


def test_events_without_entities_stay_alone() -> None:
    assert link_events([set(), {"a"}, {"a"}, set()], 0.1) == [[0], [1, 2], [3]]
    assert event_profiles([]).shape == (0, 0)
    assert event_profiles([[set()], set()]).nnz == 0
