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
* groups are the connected components of the remaining links;
* inside a group, a *version* adds substantial new text to an earlier member, and the
  *original* is the wire's own copy, else the earliest, else the most complete.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    version_min_new_share: float = 0.2
    version_min_new_shingles: int = 40
    composite_max_links: int = 50
    story_containment: float = 0.3  # the default equals containment: no lede needed
    lede_min_share: float = 0.3


@dataclass
class Roles:
    """The provenance row of one article."""

    duplicate_group: str
    reprint_of: str | None = None
    version_of: str | None = None
    exact_duplicate_of: str | None = None
    composite: bool = False


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
    ranked = sorted(links.items(), key=lambda item: (-item[1].containment, -item[1].shared,
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
    # A composite joins the group holding the article it shares most with.
    for doc_id in sorted(composites, key=lambda d: docs[d].seq):
        best: tuple[int, int] | None = None
        target = None
        for other, found in neighbours.get(doc_id, ()):
            if other in composites:
                continue
            rank = (found.shared, -docs[other].seq)
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


def _day_order(a: Doc, b: Doc) -> int:
    """-1 when ``a`` was published before ``b``, 1 after, 0 when unknown or the same."""
    if a.published_precision != "day" or b.published_precision != "day":
        return 0
    if not a.published or not b.published or a.published == b.published:
        return 0
    return -1 if a.published < b.published else 1


def _is_later_version(
    later: Doc, earlier: Doc, found: Overlap, settings: Settings
) -> bool:
    if is_wire_original(later) and not is_wire_original(earlier):
        return False  # a wire's own story does not descend from an outlet's copy
    added = len(later.shingles) - found.shared
    if added < settings.version_min_new_shingles:
        return False
    if added / max(len(later.shingles), 1) < settings.version_min_new_share:
        return False
    order = _day_order(earlier, later)
    if order:
        return order < 0
    # Undated: updates grow, so the one that adds more to the other is the later.
    removed = len(earlier.shingles) - found.shared
    return (added, -later.seq) > (removed, -earlier.seq)


def _wire_names(members: Iterable[Doc]) -> set[str]:
    return {m.wire.casefold() for m in members if m.wire}


def assign_roles(
    grouping: Grouping,
    docs: Mapping[str, Doc],
    links: Mapping[Pair, Overlap],
    settings: Settings,
) -> dict[str, Roles]:
    """Decide exact duplicates, versions and the original of every group.

    Returns:
        Article id → its provenance row.
    """
    roles: dict[str, Roles] = {}
    neighbours = neighbours_of(links)
    for group_id, member_ids in grouping.groups.items():
        members = [docs[m] for m in member_ids]
        for member in members:
            roles[member.id] = Roles(group_id, composite=member.id in grouping.composites)
        first_with_text: dict[str, str] = {}
        # The copy of a text that leads is the one the others descend from (the wire's,
        # else the earliest published), not the first to arrive: a reprint stored
        # before its wire's own copy must not make the wire's copy its duplicate.
        precedence = precedence_of(members)
        for member in sorted(members, key=precedence):
            if member.text_key in first_with_text:
                roles[member.id].exact_duplicate_of = first_with_text[member.text_key]
            elif member.shingles:
                first_with_text[member.text_key] = member.id
        for member in members:
            if roles[member.id].composite or roles[member.id].exact_duplicate_of:
                continue
            best: tuple[int, int] | None = None
            for other_id, found in neighbours.get(member.id, ()):
                other = docs[other_id]
                if roles.get(other_id) is None or roles[other_id].duplicate_group != group_id:
                    continue  # linked, but put in another group
                if roles[other_id].composite:
                    continue
                if not _is_later_version(member, other, found, settings):
                    continue
                rank = (found.shared, -other.seq)
                if best is None or rank > best:
                    best = rank
                    roles[member.id].version_of = other.id
        original = choose_original(members, roles)
        for member in members:
            if member.id != original:
                roles[member.id].reprint_of = original
    return roles


def choose_original(members: Sequence[Doc], roles: Mapping[str, Roles]) -> str:
    """Pick the member the others descend from.

    Preference: not an exact duplicate, composite or later version; the wire's own
    copy (its source is the wire a member names); the earliest published (day
    precision); the most complete text; the first to arrive.
    """
    precedence = precedence_of(members)

    def rank(member: Doc) -> tuple[bool, tuple[bool, str, int, int]]:
        role = roles[member.id]
        derived = bool(role.exact_duplicate_of or role.version_of or role.composite)
        return (derived, precedence(member))

    return min(members, key=rank).id


def precedence_of(members: Sequence[Doc]) -> Callable[[Doc], tuple[bool, str, int, int]]:
    """Sort key putting first the member most likely to be the source of the others.

    The wire's own copy (its source is the wire a member names), then the earliest
    published (day precision; undated after dated), the most complete, the first to arrive.
    """
    wires = _wire_names(members)
    known_dates = sorted(
        m.published for m in members if m.published and m.published_precision == "day"
    )
    latest = known_dates[-1] if known_dates else ""

    def key(member: Doc) -> tuple[bool, str, int, int]:
        own_wire = is_wire_original(member) or bool(
            member.source and member.source.casefold() in wires
        )
        dated = member.published_precision == "day" and bool(member.published)
        date = member.published if dated and member.published else latest + "~"
        return (not own_wire, date, -len(member.shingles), member.seq)

    return key
