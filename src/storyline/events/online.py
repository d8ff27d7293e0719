"""Adding articles to stored events without re-reading the corpus.

A run that adds k articles to a clustered store reads them into the frozen space
(:mod:`storyline.events.state`), finds the events that may take them — those holding
their copies, and those whose strongest terms are among theirs — and clusters only those
events' articles and the new ones, by the same average link as a full run, with each
stored event kept whole (a must-link seed). A new article either joins an event or opens
one; two stored candidate events join when their mean similarity clears the threshold
(as a full run would join them: a new member moves the means), and the older id is kept,
the other recorded as its alias. A new lone article may attach to its nearest candidate
(:mod:`storyline.events.attach`). What is read grows with k and the size of the events
touched, not with the corpus.

What a full run does and this does not: refit the term weights (a term no fit saw takes
the weight it has when first seen), date undated articles from other articles' mentions
of their event, give a yearless dateline its event's year, take an undated event's year
from references to every dated event (a join looks among the dated candidates, by their
titles, and keeps a year found before), attach lone articles against
every event rather than the candidates, and move a re-annotated article out of its
event (it stays). The step runs in full again when the corpus has grown by ``[events]
refit_growth`` since the last fit, or when more articles are pending than a join takes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scipy.cluster.hierarchy import DisjointSet
from scipy.sparse import csr_matrix

from storyline.events.attach import attach_small
from storyline.events.cluster import average_link
from storyline.events.dating import (
    DatedEvent,
    event_date,
    iso_of,
    pool_years,
    precision_of,
    publication_date,
    year_by_references,
)
from storyline.events.evidence import DateEvidence, article_evidence, partial_from_iso
from storyline.events.features import TextSpace, entity_keys
from storyline.events.ids import merged_aliases, stable_ids
from storyline.events.state import (
    evidence_of,
    feature_row,
    keys_of,
    read_articles,
    stack_rows,
    strongest_columns,
)
from storyline.events.storylines import key_shares
from storyline.model import Article
from storyline.store.event_state import EventState, FeatureRow
from storyline.store.events import EventRow
from storyline.store.view import CorpusView

QUERY_TERMS = 10
"""A new article looks for events by its this many strongest terms."""
EVENT_TERMS = 30
"""An event is found by its this many strongest terms (its postings)."""


@dataclass
class Joined:
    """Events after new articles joined: what changed, for the storyline linker and the store."""

    state: EventState
    touched: dict[str, list[str]]
    """Event id → member article ids, for every event that gained articles or merged."""
    keys: dict[str, dict[str, float]]
    """Event id → {entity key: share of its articles naming it}, for the touched events."""
    previous_storyline: dict[str, str | None]
    """Every candidate event (as stored before this run, changed or not) → its storyline."""
    dates_changed: list[Article]


class _Pool:
    """The articles one join compares: the candidate events' members and the new ones."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.rows: list[FeatureRow] = []
        self.evidences: list[DateEvidence] = []
        self.index: dict[str, int] = {}

    def add(self, article_id: str, row: FeatureRow, evidence: DateEvidence) -> int:
        self.index[article_id] = len(self.ids)
        self.ids.append(article_id)
        self.rows.append(row)
        self.evidences.append(evidence)
        return self.index[article_id]


def join_articles(
    view: CorpusView, pending: Sequence[str], settings: Mapping[str, Any],
    width: int, fitted: int, exact_block: int,
) -> Joined | None:
    """Cluster the pending articles into the stored events (see the module docstring).

    Returns:
        What changed; ``None`` when a candidate event holds an article the state has no
        row for (a store the state does not cover: cluster afresh instead).
    """
    weights = settings["facet_weights"]
    assert isinstance(weights, Mapping)
    new = list(view.articles(pending))
    read = read_articles(new, weights, view.space_columns, width, fitted)
    vectors, width = read.vectors, read.width
    evidences = [article_evidence(article) for article in new]
    families = _families_of(view, new, evidences)
    # Where the new articles may go: their copies' events, their own (re-annotated articles
    # already in one), and events sharing their strongest terms.
    queries = {c for r in range(len(new)) for c in strongest_columns(vectors[r], QUERY_TERMS)}
    candidates = view.events_with_terms(queries)
    held = view.events_of_articles([*pending, *families.stored])
    candidates |= set(held.values())
    members = view.members_of_events(candidates)
    previous = view.event_rows_of(candidates)
    stored = sorted({m for ms in members.values() for m in ms} - set(pending))
    # The stored copies' rows were read for their dates already.
    rows = {**families.rows,
            **view.feature_rows([m for m in stored if m not in families.rows])}
    rows = {m: rows[m] for m in stored if m in rows}
    if len(rows) < len(stored):
        return None

    pool = _Pool()
    for article, evidence, r in zip(new, evidences, range(len(new)), strict=True):
        pool.add(article.id, feature_row(vectors[r], entity_keys(article), evidence), evidence)
    for event_id in sorted(members):
        for article_id in members[event_id]:
            if article_id not in pool.index and article_id in rows:
                pool.add(article_id, rows[article_id], evidence_of(rows[article_id]))
    seeds = DisjointSet(range(len(pool.ids)))
    for event_id in sorted(members):
        inside = [pool.index[a] for a in members[event_id] if a in pool.index]
        for i in inside[1:]:
            seeds.merge(inside[0], i)
    for group in families.groups:
        inside = [pool.index[a] for a in group if a in pool.index]
        for i in inside[1:]:
            seeds.merge(inside[0], i)
    matrix = stack_rows(pool.rows, width)
    dates = [e.about() for e in pool.evidences]
    gap = int(settings["max_day_gap"])
    groups = average_link(matrix, [sorted(s) for s in seeds.subsets()], dates,
                          float(settings["similarity_threshold"]),
                          gap, exact_block)
    groups = attach_small(matrix, groups, dates,
                          float(settings["attach_threshold"]), gap,
                          float(settings["attach_margin"]),
                          movable={pool.index[a] for a in pending},
                          max_size=int(settings["attach_max_size"]))
    joined = _changes(view, pool, groups, matrix, members, previous, set(pending), new,
                      float(settings["reference_threshold"]))
    joined.state.space = read.new_terms
    joined.state.meta["width"] = str(width)
    return joined


@dataclass
class _Families:
    groups: list[list[str]]
    """Article ids of one copy family: new articles with their stored copies."""
    stored: list[str]
    rows: dict[str, FeatureRow]
    """The stored copies' feature rows."""


def _families_of(view: CorpusView, new: list[Article], evidences: list[DateEvidence]
                 ) -> _Families:
    """Copies of one story together, and the year their dates agree on given to each."""
    group_of = view.current_groups([a.id for a in new])
    by_group: dict[str, list[str]] = {}
    for article in new:
        group = group_of.get(article.id)
        if group:
            by_group.setdefault(group, []).append(article.id)
    new_ids = {a.id for a in new}
    stored = sorted(view.group_members(by_group) - new_ids) if by_group else []
    stored_rows = view.feature_rows(stored)
    # Only the new articles' evidence is completed; a stored copy's counts as it is.
    position = {a.id: i for i, a in enumerate(new)}
    everyone = list(evidences)
    extra = {i: len(everyone) + k for k, i in enumerate(stored_rows)}
    everyone += [evidence_of(row) for row in stored_rows.values()]
    index = {**position, **extra}
    group_members = {g: set(ids) for g, ids in by_group.items()}
    for article_id, g in view.current_groups(stored).items():
        if g in group_members:
            group_members[g].add(article_id)
    groups = [sorted(ids) for ids in group_members.values()]
    pool_years([[index[i] for i in g if i in index] for g in groups], everyone)
    return _Families(groups, stored, stored_rows)


def _changes(
    view: CorpusView, pool: _Pool, groups: list[list[int]], matrix: csr_matrix,
    members: dict[str, list[str]], previous: dict[str, tuple[str | None, str | None, str]],
    pending: set[str], new: list[Article], reference_threshold: float,
) -> Joined:
    """Name, date and describe the groups that changed."""
    event_of = {a: e for e, ms in members.items() for a in ms}
    touched_groups = []
    for group in groups:
        ids = [pool.ids[i] for i in group]
        if len({event_of.get(a) for a in ids}) != 1 or any(a in pending for a in ids):
            touched_groups.append(group)
    member_ids = [[pool.ids[i] for i in g] for g in touched_groups]
    old_members = {e: set(ms) for e, ms in members.items()}
    names = stable_ids(member_ids, old_members, "ev")
    aliases = merged_aliases(names, member_ids, old_members)
    state = EventState(aliases=aliases, removed_events=sorted(aliases))
    joined = Joined(state, {}, {}, {e: row[0] for e, row in previous.items()}, [])
    by_id = {a.id: a for a in new}
    redate: dict[str, tuple[DateEvidence, DatedEvent]] = {}
    for name, group, ids in zip(names, touched_groups, member_ids, strict=True):
        dated = event_date(group, pool.evidences)
        stored_date = next((previous[e][1] for e in sorted({event_of[a] for a in ids
                                                             if a in event_of})
                            if previous.get(e, (None, None))[1]), None)
        if dated.date.year is None and stored_date:
            # A year the full run read from references to other events is in no
            # article's evidence: a join keeps it rather than forgetting it.
            dated = DatedEvent(partial_from_iso(stored_date), "relative")
        elif dated.date.year is None and all(a in by_id for a in ids):
            # A new undated event: "last year's summit" dates it from the dated events
            # it was compared with, as a full run does from all of them.
            year = _year_by_references([by_id[a] for a in ids], view, previous,
                                       reference_threshold)
            if year is not None:
                dated.date.year, dated.basis = year, "relative"
        iso, precision = iso_of(dated.date), precision_of(dated.date)
        state.updates.append(EventRow(name, None, iso, precision, ids))
        state.event_terms[name] = strongest_columns(csr_matrix(matrix[group].sum(axis=0)),
                                                    EVENT_TERMS)
        joined.keys[name] = key_shares([keys_of(pool.rows[i]) for i in group])
        state.event_keys[name] = joined.keys[name]
        joined.touched[name] = ids
        for i in group:
            article_id = pool.ids[i]
            if article_id in pending:
                state.features[article_id] = pool.rows[i]
            was = previous.get(event_of.get(article_id, ""))
            # A stored article's own date follows its event's only when that date moved.
            if article_id in by_id or was is None or was[1:] != (iso, precision):
                redate[article_id] = (pool.evidences[i], dated)
    stored = [a for a in redate if a not in by_id]
    for article in [*by_id.values(), *view.articles(stored)]:
        if article.id in redate and article.published_basis != "metadata":
            evidence, dated = redate[article.id]
            found = publication_date(evidence, dated)
            if found != (article.published, article.published_precision,
                         article.published_basis):
                article.published, article.published_precision = found[0], found[1]
                article.published_basis = found[2]
                joined.dates_changed.append(article)
    return joined


def _year_by_references(
    articles: list[Article], view: CorpusView,
    previous: dict[str, tuple[str | None, str | None, str]], threshold: float,
) -> int | None:
    """The year of a new undated event from its "last year" references to candidate events.

    The candidates stand in for all dated events (they share the new articles' strongest
    terms); each is represented by its title, compared in a sentence space of the new
    articles.
    """
    dated = {e: int(row[1][:4]) for e, row in previous.items() if row[1]}
    titles = view.event_titles(dated)
    known = [(title, dated[e]) for e, title in sorted(titles.items())]
    if not known:
        return None
    space = TextSpace(articles, by_sentence=True)
    return year_by_references(list(range(len(articles))), articles, known, space, threshold)
