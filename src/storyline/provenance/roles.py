"""Roles inside a duplicate group: exact duplicates, versions and the original.

* an exact duplicate has the same normalised words as a member that leads them (the
  wire's own copy, else the earliest published);
* a *version* is later than an earlier member, keeps most of it and adds passages of
  its own, some in its lede (:mod:`versions`); it may quote a second story;
* the *original* is the member the others descend from: not derived, the wire's own
  copy, else the earliest, else the most complete.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from storyline.provenance.relations import (
    Doc,
    Grouping,
    Overlap,
    Pair,
    Settings,
    is_wire_original,
    neighbours_of,
    same_source,
    story_claim,
)
from storyline.provenance.versions import new_runs, version_evidence


@dataclass
class Roles:
    """The provenance row of one article."""

    duplicate_group: str
    reprint_of: str | None = None
    version_of: str | None = None
    exact_duplicate_of: str | None = None
    composite: bool = False


def _day_order(a: Doc, b: Doc) -> int:
    """-1 when ``a`` was published before ``b``, 1 after, 0 when unknown or the same."""
    if a.published_precision != "day" or b.published_precision != "day":
        return 0
    if not a.published or not b.published or a.published == b.published:
        return 0
    return -1 if a.published < b.published else 1


def _is_later_version(
    later: Doc, earlier: Doc, found: Overlap, settings: Settings, seen: FirstSeen
) -> bool:
    """Whether ``later`` is a new version of ``earlier`` (see :mod:`versions`).

    ``seen`` tells which shingles members published before ``later`` already had.
    """
    if is_wire_original(later) and not is_wire_original(earlier):
        return False  # a wire's own story does not descend from an outlet's copy
    added = len(later.shingles) - found.shared
    if added < settings.version_min_new_shingles or not earlier.shingles:
        return False  # cheap checks first: most pairs in a group are plain copies
    # An outlet or wire re-writing its own story keeps less of it than another's copy.
    own = same_source(later, earlier)
    kept = settings.version_min_kept_own if own else settings.version_min_kept
    if found.shared < kept * len(earlier.shingles):
        return False
    order = _day_order(earlier, later)
    if order > 0:
        return False
    if order == 0:
        # Undated: updates grow, so the one that adds more to the other is the later.
        removed = len(earlier.shingles) - found.shared
        if (added, -later.seq) <= (removed, -earlier.seq):
            return False
    before = seen.known_before(later)
    # A header printing the predecessor's (or an earlier member's) headline again is not
    # new text; the later text's own title may be its new first line, and that is new.
    known = earlier.shingles | earlier.title
    evidence = version_evidence(later.sequence,
                                lambda shingle: shingle in known or before(shingle),
                                settings.version_new_run, settings.lede_shingles)
    return (evidence.new >= settings.version_min_new_shingles
            and evidence.new_top >= settings.version_min_new_top)


def _brought_text(doc: Doc, settings: Settings, seen: FirstSeen,
                  cache: dict[str, bool]) -> bool:
    """Whether ``doc`` brought text of its own: passages no earlier member had.

    A reprint or a truncated copy of an earlier member did not; a version of it names
    that member, not the copy (a round-up quoting a truncated copy whole is no version).
    """
    if doc.id not in cache:
        before = seen.known_before(doc)
        runs = new_runs(doc.sequence, before, settings.version_new_run)
        cache[doc.id] = sum(end - start for start, end in runs) >= settings.version_min_new_shingles
    return cache[doc.id]


class FirstSeen:
    """When each shingle of a group first appeared (day-precision dates only).

    Headlines count: a header printing an earlier member's headline is not new text.

    Built on first use, in one pass over the group, so that asking what was known before
    a member is linear in the group, not quadratic (groups of near-copies run to
    thousands).
    """

    def __init__(self, members: Sequence[Doc]) -> None:
        """Remember ``members``; nothing is computed until :meth:`known_before`."""
        self._members = members
        self._first: dict[str, str] | None = None

    def known_before(self, member: Doc) -> Callable[[str], bool]:
        """Whether a shingle was in a member published before ``member``."""
        if not member.published or member.published_precision != "day":
            return lambda shingle: False
        if self._first is None:
            self._first = {}
            for other in self._members:
                if other.published and other.published_precision == "day":
                    for shingle in other.shingles | other.title:
                        seen = self._first.get(shingle)
                        if seen is None or other.published < seen:
                            self._first[shingle] = other.published
        first, date = self._first, member.published
        return lambda shingle: first.get(shingle, date) < date


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
        # A version may quote a second story (an update whose new top comes from another
        # article is a composite too): what makes it a version is what it keeps and adds.
        seen = FirstSeen(members)
        brought: dict[str, bool] = {}
        for member in members:
            if roles[member.id].exact_duplicate_of:
                continue
            best: tuple[int, float, int] | None = None
            for other_id, found in neighbours.get(member.id, ()):
                other = docs[other_id]
                if roles.get(other_id) is None or roles[other_id].duplicate_group != group_id:
                    continue  # linked, but put in another group
                if not _is_later_version(member, other, found, settings, seen):
                    continue
                if not _brought_text(other, settings, seen, brought):
                    continue  # a copy of an earlier member is nobody's predecessor
                rank = (story_claim(member, other),
                        found.shared / len(other.shingles), found.shared)
                if best is None or rank > best:
                    best = rank
                    roles[member.id].version_of = other.id
        original = choose_original(members, roles, precedence)
        for member in members:
            if member.id != original:
                roles[member.id].reprint_of = original
    return roles


def choose_original(members: Sequence[Doc], roles: Mapping[str, Roles],
                    precedence: Callable[[Doc], tuple[bool, str, int, int]] | None = None
                    ) -> str:
    """Pick the member the others descend from.

    Preference: not an exact duplicate, composite or later version; the wire's own
    copy (its source is the wire a member names); the earliest published (day
    precision); the most complete text; the first to arrive. ``precedence`` is
    :func:`precedence_of` the members when the caller has built it.
    """
    precedence = precedence or precedence_of(members)

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
