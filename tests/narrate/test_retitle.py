"""A titled storyline keeps its title until enough of it changed."""

from __future__ import annotations

from storyline.config import load_config
from storyline.narrate.step import NarrateStep

MEMBERS = {"ev-big": [f"a{i}" for i in range(18)], "ev-new": ["n1", "n2"], "ev-other": ["o"]}
EVENTS = [("ev-big", "Big"), ("ev-new", "New")]


def test_a_few_new_articles_keep_the_title_a_fifth_changes_it() -> None:
    step = NarrateStep(load_config())
    assert step.retitle_share == 0.2
    # 2 of 20 articles changed: the title stays.
    assert not step._changed_enough(EVENTS, {"ev-new"}, MEMBERS)
    # The big event changed (18 of 20): titled again.
    assert step._changed_enough(EVENTS, {"ev-big"}, MEMBERS)
    # Nothing of this storyline changed.
    assert not step._changed_enough(EVENTS, {"ev-other"}, MEMBERS)


def test_retitle_share_zero_titles_whenever_an_event_changed() -> None:
    config = load_config(overrides={"narrate": {"retitle_share": 0}})
    step = NarrateStep(config)
    assert step._changed_enough(EVENTS, {"ev-new"}, MEMBERS)
    assert not step._changed_enough(EVENTS, set(), MEMBERS)
