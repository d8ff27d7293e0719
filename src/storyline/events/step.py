"""The events step: articles → dated events → storylines, with ids that stay put."""

from __future__ import annotations

import json
from collections.abc import Sequence

from scipy.sparse import csr_matrix

from storyline.config import Config
from storyline.events.attach import attach_small
from storyline.events.cluster import EXACT_BLOCK, average_link
from storyline.events.dating import (
    DatedEvent,
    anchors_of,
    collect_mentions,
    date_by_mentions,
    event_date,
    iso_of,
    pool_years,
    precision_of,
    publication_date,
    year_by_references,
)
from storyline.events.evidence import DateEvidence, article_evidence
from storyline.events.facets import check_weights, fit_weighted
from storyline.events.features import TextSpace, entity_keys, lead_text
from storyline.events.ids import merged_aliases, stable_ids
from storyline.events.online import EVENT_TERMS, join_articles
from storyline.events.online_links import link_changed
from storyline.events.state import feature_row, strongest_columns
from storyline.events.storylines import key_shares, link_events
from storyline.model import Article
from storyline.pipeline.step import CorpusResult, register_step
from storyline.store.changes import Changes
from storyline.store.event_state import EventState
from storyline.store.events import EventRow
from storyline.store.view import CorpusView

JOIN_MIN = 100
"""Pending articles a join always takes, however small the fitted corpus."""


@register_step("events")
class EventsStep:
    """Groups articles into dated real-world events and events into storylines."""

    name = "events"
    # 2: facets, storylines by average link, unlinked events; 3: storyline profiles by the
    # share of articles naming an entity, and a minimum summed cosine per join; 4: state
    # kept for joining new articles; 5: lone articles attached to their nearest event.
    version = "5"
    requires = ("text", "sentences", "temporal", "entities")
    sets = ("published", "published_precision", "published_basis")
    reads = ("articles", "provenance", "events")
    writes = ("articles", "events", "storylines")

    def __init__(self, config: Config) -> None:
        """Read the [events] settings."""
        self.settings = config["events"]
        check_weights(self.settings["facet_weights"])
        self.exact_block = int(self.settings.get("exact_block", EXACT_BLOCK))

    def run(self, view: CorpusView, pending: Sequence[str]) -> CorpusResult:
        """Join the pending articles to the stored events, or cluster the whole corpus.

        A store clustered before, with the same settings and not grown by more than
        ``refit_growth`` since, takes new articles into its events
        (:mod:`storyline.events.online`): only what they touch is read. Otherwise every
        article is clustered afresh, the term weights refitted and the state stored.
        """
        meta = view.event_meta()
        if pending and meta.get("fingerprint") == self._fingerprint():
            fitted, growth = int(meta["fitted"]), float(self.settings["refit_growth"])
            # Afresh when the corpus grew past the fit, or when much of it is pending (a
            # record step's new version, a source's lines re-judged); a rebuild drops the
            # fit. A join always takes up to JOIN_MIN articles.
            if (len(pending) <= max(fitted * growth, JOIN_MIN)
                    and view.article_count() <= fitted * (1 + growth)):
                return self._join(view, pending, int(meta["width"]), fitted)
        return self._full(view)

    def _fingerprint(self) -> str:
        """What the stored state depends on: this step's version and its settings."""
        return json.dumps([self.version, dict(self.settings)], sort_keys=True, default=str)

    def _join(self, view: CorpusView, pending: Sequence[str], width: int, fitted: int
              ) -> CorpusResult:
        joined = join_articles(view, pending, self.settings, width, fitted, self.exact_block)
        if joined is None:
            return self._full(view)
        link_changed(view, joined, self.settings, self.exact_block)
        return CorpusResult(
            stats={"events changed": len(joined.touched),
                   "events merged": len(joined.state.removed_events)},
            changes=Changes(dates=joined.dates_changed, event_state=joined.state),
        )

    def _full(self, view: CorpusView) -> CorpusResult:
        """Cluster all articles, date the events, link them, store them under stable ids.

        Clustering reads only stored features (no article is re-read or re-parsed), and
        starts afresh so that new evidence can correct an earlier grouping; events and
        storylines keep their ids by overlap with the previous run.
        """
        articles = list(view.articles())
        if not articles:
            return CorpusResult(stats={"events": 0, "storylines": 0},
                                changes=Changes(events=[], event_state=EventState(
                                    replace_all=True)))
        families = _families(articles, view.duplicate_groups())
        evidences = [article_evidence(article) for article in articles]
        pool_years(families, evidences)
        space = TextSpace(articles)
        # Sparse (average_link never makes it N × N): the facets side by side, weighted.
        similarity, terms = fit_weighted(articles, space, self.settings["facet_weights"])
        seeds = families

        def cluster() -> list[list[int]]:
            return average_link(
                similarity,
                seeds,
                [e.about() for e in evidences],
                self.settings["similarity_threshold"],
                self.settings["max_day_gap"],
                self.exact_block,
            )

        # Round one groups articles on their own dates; a dateline without a year takes
        # its event's year, which dates that article's mentions of other events; round
        # two then groups again with what those mentions say about undated articles.
        pool_years(cluster(), evidences, datelines_only=True)
        sentence_space = TextSpace(articles, by_sentence=True)
        self._hint_from_mentions(articles, evidences, families, sentence_space)
        groups = attach_small(similarity, cluster(), [e.about() for e in evidences],
                              float(self.settings["attach_threshold"]),
                              int(self.settings["max_day_gap"]),
                              float(self.settings["attach_margin"]),
                              max_size=int(self.settings["attach_max_size"]))
        dated = [event_date(members, evidences) for members in groups]
        self._years_from_references(groups, dated, articles, sentence_space)
        changed = _apply_publication_dates(groups, dated, articles, evidences)
        state = EventState(replace_all=True, space=terms, meta={
            "fitted": str(len(articles)), "width": str(similarity.shape[1]),
            "fingerprint": self._fingerprint()})
        keys = [entity_keys(article) for article in articles]
        for i, article in enumerate(articles):
            state.features[article.id] = feature_row(similarity[i], keys[i], evidences[i])
        rows = self._storylines(view, groups, dated, articles, keys, state)
        for row, members in zip(rows, groups, strict=True):
            state.event_terms[row.event_id] = strongest_columns(
                csr_matrix(similarity[members].sum(axis=0)), EVENT_TERMS)
        storylines = {row.storyline_id for row in rows if row.storyline_id}
        return CorpusResult(
            stats={"events": len(rows), "storylines": len(storylines)},
            changes=Changes(dates=changed, events=rows, event_state=state),
        )

    def _hint_from_mentions(
        self,
        articles: list[Article],
        evidences: list[DateEvidence],
        families: list[list[int]],
        space: TextSpace,
    ) -> None:
        # One set per family, shared by its members (N copies must not make N sets of N).
        family_of = {i: family for members in families for family in [set(members)]
                     for i in members}
        dated_family = {
            i
            for members in families
            if any(evidences[j].own.month for j in members)
            for i in members
        }
        targets = [i for i in range(len(articles)) if i not in dated_family]
        mentions = collect_mentions(articles, anchors_of(evidences))
        hints = date_by_mentions(
            targets, articles, mentions, space, self.settings["mention_threshold"], family_of
        )
        for i, hint in hints.items():
            if not evidences[i].own.conflicts(hint, self.settings["max_day_gap"]):
                evidences[i].event_hint = hint

    def _years_from_references(
        self,
        groups: list[list[int]],
        dated: list[DatedEvent],
        articles: list[Article],
        space: TextSpace,
    ) -> None:
        known: list[tuple[str, int]] = []
        for members, event in zip(groups, dated, strict=True):
            if event.date.year is not None:
                known.append((" ".join(lead_text(articles[i]) for i in members), event.date.year))
        # The dated events' vectors once, not once per undated event.
        known_vectors = space.transform([text for text, _ in known]) if known else None
        for members, event in zip(groups, dated, strict=True):
            if event.date.year is not None:
                continue
            year = year_by_references(
                members, articles, known, space, self.settings["reference_threshold"],
                known_vectors,
            )
            if year is not None:
                event.date.year = year
                event.basis = "relative"

    def _storylines(
        self,
        view: CorpusView,
        groups: list[list[int]],
        dated: list[DatedEvent],
        articles: list[Article],
        keys: list[set[str]],
        state: EventState,
    ) -> list[EventRow]:
        member_ids = [[articles[i].id for i in members] for members in groups]
        previous_events = view.event_members()
        event_ids = stable_ids(member_ids, previous_events, "ev")
        state.aliases.update(merged_aliases(event_ids, member_ids, previous_events))
        # A storyline runs through its actors: each event is the entities its articles
        # name (what they say differs from event to event; who is in it does not).
        state.event_keys.update(
            (event_id, key_shares([keys[i] for i in members]))
            for event_id, members in zip(event_ids, groups, strict=True))
        chains = link_events(
            [[keys[i] for i in members] for members in groups],
            self.settings["storyline_threshold"],
            self.exact_block,
            min_total=self.settings["storyline_min_total"],
        )
        # A one-article event linked to nothing is "unlinked": no storyline of its own.
        chains = [chain for chain in chains if len(chain) > 1 or len(groups[chain[0]]) > 1]
        chain_ids = [[event_ids[i] for i in chain] for chain in chains]
        previous_storylines = view.storyline_members()
        storyline_ids = stable_ids(chain_ids, previous_storylines, "sl")
        state.aliases.update(merged_aliases(storyline_ids, chain_ids, previous_storylines))
        storyline_of = {i: storyline_ids[c] for c, chain in enumerate(chains) for i in chain}
        return [
            EventRow(
                event_ids[g],
                storyline_of.get(g),
                iso_of(dated[g].date),
                precision_of(dated[g].date),
                member_ids[g],
            )
            for g in range(len(groups))
        ]


def _families(articles: list[Article], groups: dict[str, str]) -> list[list[int]]:
    """Copies of one story (same duplicate group) together; every other article alone."""
    by_group: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        by_group.setdefault(groups.get(article.id, f"solo:{article.id}"), []).append(i)
    return list(by_group.values())


def _apply_publication_dates(
    groups: list[list[int]],
    dated: list[DatedEvent],
    articles: list[Article],
    evidences: list[DateEvidence],
) -> list[Article]:
    changed: list[Article] = []
    for members, event in zip(groups, dated, strict=True):
        for i in members:
            article = articles[i]
            if article.published_basis == "metadata":
                continue
            value, precision, basis = publication_date(evidences[i], event)
            if (value, precision, basis) != (
                article.published,
                article.published_precision,
                article.published_basis,
            ):
                article.published, article.published_precision = value, precision
                article.published_basis = basis
                changed.append(article)
    return changed


