"""Which articles are copies of one another, and how: groups, originals, versions.

Everything here works on small in-memory records (:class:`Doc`) so it can be tested
without a store. The rules (documented in docs/provenance.md):

* two articles are *linked* when the shingles they share cover at least
  ``containment`` of the smaller one (copies are truncated or extended, so plain
  Jaccard would miss them);
* a link weaker than ``story_containment`` (the two share background paragraphs, or a
  round-up quotes part of a story) holds only when the opening (``lede_words``) of one
  text is, for ``lede_min_share`` of its shingles, in the other: a copy, even a partial
  one, carries the story itself, not only passages around it;
* a *composite* (a round-up quoting two stories) is linked to two articles that are
  not linked to each other, through different parts of its text; it does not join
  their groups together but goes to the group it shares most with;
* groups are built from the remaining links, strongest mutual overlap first, and two
  wire originals never end in one group;
* which member is a version and which the original is decided in :mod:`roles`.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from scipy.cluster.hierarchy import DisjointSet

Pair = tuple[str, str]


@dataclass
class Doc:
    """What provenance needs to know about one article."""

    id: str
    seq: int
    shingles: frozenset[str]
    text_key: str
    source: str | None = None
    wire: str | None = None
    published: str | None = None
    published_precision: str = "unknown"
    lede: frozenset[str] = frozenset()  # shingles of the opening words
    title: frozenset[str] = frozenset()  # shingles of the headline
    sequence: tuple[str, ...] = ()  # the shingles in text order (for versions)


@dataclass(frozen=True)
class Overlap:
    """Shingles two articles share, and what part of each they cover."""

    shared: int
    containment: float  # shared / size of the smaller
    jaccard: float


@dataclass
class Settings:
    """Thresholds of the relation rules (the ``[provenance]`` config section)."""

    containment: float = 0.3
    min_shared: int = 15
    composite_max_overlap: float = 0.2
    version_min_new_shingles: int = 40
    version_min_kept: float = 0.6
    version_min_kept_own: float = 0.5
    version_new_run: int = 8
    version_min_new_top: int = 10
    composite_max_links: int = 50
    story_containment: float = 0.3  # the default equals containment: no lede needed
    lede_min_share: float = 0.3
    lede_shingles: int = 56  # shingles in the opening words (the lede)


@dataclass
class Grouping:
    """Result of :func:`group_documents`: members per group id and the composites."""

    groups: dict[str, list[str]] = field(default_factory=dict)
    composites: set[str] = field(default_factory=set)


# Agencies whose own articles are originals even when cleaning did not tag them.
KNOWN_WIRES = frozenset({
    "ap", "associated press", "reuters", "afp", "agence france-presse", "bloomberg",
    "dpa", "upi", "xinhua", "kyodo", "yonhap", "ansa", "efe", "pa", "press association",
    "aap", "cp", "the canadian press", "tass", "anadolu", "pti", "ians", "ani", "bernama",
})


def is_wire_original(doc: Doc) -> bool:
    """Whether ``doc`` is a wire agency's own copy (its source is the wire)."""
    if not doc.source:
        return False
    source = doc.source.strip().casefold()
    return source == (doc.wire or "").strip().casefold() or source in KNOWN_WIRES


def story_claim(x: Doc, y: Doc, min_share: float = 0.8) -> int:
    """How strongly ``x`` presents itself as ``y``'s story: 2, 1 or 0.

    2: ``y``'s headline is on ``x`` (in its own title or printed at its top, perhaps
    behind an "UPDATE 1-" tag): a copy or an update keeps the headline of the story it
    continues, while a second story it carries does not give it its headline. 1: ``x``
    credits ``y``'s wire or comes from ``y``'s outlet (weaker: one wire sends many
    stories of an event). 0: neither.
    """
    if y.title and len(y.title & (x.title | x.lede)) >= min_share * len(y.title):
        return 2
    return 1 if same_source(x, y) else 0


def same_source(x: Doc, y: Doc) -> bool:
    """Whether ``x`` comes from ``y``'s outlet or names ``y``'s wire (both known)."""
    def norm(value: str | None) -> str:
        return (value or "").strip().casefold()

    theirs = {norm(y.source), norm(y.wire)} - {""}
    return bool({norm(x.source), norm(x.wire)} & theirs)


def pair_key(a: str, b: str) -> Pair:
    """Order-independent key of a pair."""
    return (a, b) if a <= b else (b, a)


def overlap(a: frozenset[str], b: frozenset[str]) -> Overlap:
    """Compare two shingle sets exactly."""
    if not a or not b:
        return Overlap(0, 0.0, 0.0)
    shared = len(a & b)
    union = len(a) + len(b) - shared
    return Overlap(shared, shared / min(len(a), len(b)), shared / union)


def is_link(found: Overlap, settings: Settings) -> bool:
    """Whether an overlap is strong enough to call two articles copies of one text."""
    return found.containment >= settings.containment and found.shared >= settings.min_shared


def shares_story(a: Doc, b: Doc, found: Overlap, settings: Settings) -> bool:
    """Whether ``a`` and ``b`` are copies of one story (see the module docstring).

    A strong link (containment at least ``story_containment``) is enough; a weaker one
    needs the lede of one side in the other, since articles on one event share
    background paragraphs but each opens with its own story.
    """
    if not is_link(found, settings):
        return False
    if found.containment >= settings.story_containment:
        return True
    return any(
        len(x.lede & y.shingles) >= settings.lede_min_share * len(x.lede)
        for x, y in ((a, b), (b, a)) if x.lede
    )


def neighbours_of(links: Mapping[Pair, Overlap]) -> dict[str, list[tuple[str, Overlap]]]:
    """Each article's linked articles, with the overlap (so no loop scans every link)."""
    around: dict[str, list[tuple[str, Overlap]]] = defaultdict(list)
    for (a, b), found in links.items():
        around[a].append((b, found))
        around[b].append((a, found))
    return around


def find_composites(
    docs: Mapping[str, Doc], links: Mapping[Pair, Overlap], settings: Settings
) -> set[str]:
    """Return the articles that stitch together texts which are not copies of each other."""
    composites: set[str] = set()
    for doc_id, linked in neighbours_of(links).items():
        # Thousands of near-copies link to one article: its strongest links are enough
        # to tell whether it quotes two different texts (quadratic in them, not in all).
        strongest = sorted(linked, key=lambda item: (-item[1].shared, docs[item[0]].seq))
        around = [other for other, _ in strongest[: settings.composite_max_links]]
        if len(around) < 2 or is_wire_original(docs[doc_id]):
            continue
        own = docs[doc_id].shingles
        parts = {other: own & docs[other].shingles for other in around}
        for i, first in enumerate(around):
            for second in around[i + 1 :]:
                if pair_key(first, second) in links:
                    continue
                common = len(parts[first] & parts[second])
                smaller = min(len(parts[first]), len(parts[second])) or 1
                if common / smaller <= settings.composite_max_overlap:
                    composites.add(doc_id)
                    break
            if doc_id in composites:
                break
    return composites


def new_group_id(first_member: str) -> str:
    """Stable id of a group founded by ``first_member``."""
    return "dg-" + hashlib.sha1(first_member.encode("utf-8")).hexdigest()[:12]


def group_documents(
    docs: Mapping[str, Doc],
    links: Mapping[Pair, Overlap],
    settings: Settings,
    existing: Mapping[str, str | None] | None = None,
    taken: Callable[[str], bool] | None = None,
    copies: Mapping[str, Sequence[str]] | None = None,
) -> Grouping:
    """Split ``docs`` into duplicate groups, keeping the ids they already have.

    Args:
        docs: Every article to group (all members of every affected group).
        links: Verified links between them (see :func:`is_link`).
        settings: Thresholds.
        existing: Article id → its current group id, if any.
        taken: Tells whether a fresh id is already used elsewhere in the store.
        copies: Representative → its exact copies. Only representatives are linked;
            the copies go wherever their representative goes (and share its role as
            a composite).

    Returns:
        Group id → member ids (arrival order), and the composites found.
    """
    existing = existing or {}
    copies = copies or {}
    copied = {c for members in copies.values() for c in members}
    reps = [d for d in docs if d not in copied]
    composites = find_composites(docs, links, settings)
    sets = DisjointSet(reps)

    # Strongest links first; never join two wire originals (each is its own story).
    originals_in = {
        d: ({d} if any(is_wire_original(docs[m]) for m in [d, *copies.get(d, ())]) else set())
        for d in reps
    }
    # Mutual overlap (Jaccard) first: a copy shares most of its text both ways, while
    # an article that also carries another story contains that story but is not
    # contained in it, so the copy link settles its group before the other can.
    ranked = sorted(links.items(), key=lambda item: (-item[1].jaccard, -item[1].shared,
                                                      item[0]))
    for (a, b), _found in ranked:
        if a in composites or b in composites:
            continue
        ra, rb = sets[a], sets[b]
        if ra == rb or (originals_in[ra] and originals_in[rb]):
            continue
        sets.merge(ra, rb)
        joined = originals_in.pop(ra) | originals_in.pop(rb)
        originals_in[sets[a]] = joined
    components: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(reps, key=lambda d: docs[d].seq):
        if doc_id not in composites:
            components[sets[doc_id]].append(doc_id)
    member_of = {m: r for r, members in components.items() for m in members}
    neighbours = neighbours_of(links)
    # A composite joins the group of the story it presents itself as (the headline or
    # wire it carries), else the one it shares most with.
    for doc_id in sorted(composites, key=lambda d: docs[d].seq):
        best: tuple[int, int, int] | None = None
        target = None
        for other, found in neighbours.get(doc_id, ()):
            if other in composites:
                continue
            rank = (story_claim(docs[doc_id], docs[other]), found.shared, -docs[other].seq)
            if best is None or rank > best:
                best, target = rank, member_of[other]
        if target is None:
            components[doc_id] = [doc_id]
        else:
            components[target].append(doc_id)
    for members in components.values():
        members.extend(c for m in list(members) for c in copies.get(m, ()))
    composites |= {c for d in composites for c in copies.get(d, ())}
    grouping = Grouping(composites=composites)
    used: set[str] = set()
    ordered = sorted(components.values(), key=lambda ms: min(docs[m].seq for m in ms))
    for members in ordered:
        members.sort(key=lambda m: docs[m].seq)
        chosen = next(
            (existing[m] for m in members if existing.get(m) and existing[m] not in used), None
        )
        if chosen is None:
            chosen = new_group_id(members[0])
            suffix = 1
            base = chosen
            while chosen in used or (taken is not None and taken(chosen)):
                suffix += 1
                chosen = f"{base}-{suffix}"
        used.add(chosen)
        grouping.groups[chosen] = members
    return grouping
