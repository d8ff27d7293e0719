"""Stable ids: a group keeps the id of the earlier group it overlaps most."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence


def stable_ids(
    groups: Sequence[Sequence[str]], previous: Mapping[str, set[str]], prefix: str
) -> list[str]:
    """Name each group, reusing previous ids where the membership carries over.

    Largest overlaps are matched first and each previous id is used at most once,
    so adding articles never renames an event; a split keeps the id on the larger part.

    Args:
        groups: Member ids of each new group.
        previous: Previous id → its member ids.
        prefix: Id prefix for new groups ("ev", "sl").

    Returns:
        One id per group, in order.
    """
    # Overlaps through an index of member → previous ids: work grows with the members,
    # not with groups × previous groups.
    owners: dict[str, list[str]] = {}
    for old_id, old_members in previous.items():
        for member in old_members:
            owners.setdefault(member, []).append(old_id)
    candidates: list[tuple[int, int, str]] = []
    for index, members in enumerate(groups):
        overlaps = Counter(old_id for member in set(members) for old_id in owners.get(member, ()))
        candidates.extend((overlap, index, old_id) for old_id, overlap in overlaps.items())
    names: dict[int, str] = {}
    used: set[str] = set()
    for _, index, old_id in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if index not in names and old_id not in used:
            names[index] = old_id
            used.add(old_id)
    taken = set(previous) | used
    result: list[str] = []
    for index, members in enumerate(groups):
        if index in names:
            result.append(names[index])
            continue
        seed = min(members)
        digest = hashlib.sha1(seed.encode()).hexdigest()
        name, salt = f"{prefix}-{digest[:10]}", 0
        while name in taken:
            salt += 1
            name = f"{prefix}-{hashlib.sha1(f'{seed}#{salt}'.encode()).hexdigest()[:10]}"
        taken.add(name)
        result.append(name)
    return result


def merged_aliases(
    names: Sequence[str], groups: Sequence[Sequence[str]], previous: Mapping[str, set[str]]
) -> dict[str, str]:
    """Previous ids that lost their name to a merge → the id of the group holding them.

    A previous group whose members now sit (mostly) in a group named otherwise was merged
    into it: links to the old id can still be followed.

    Args:
        names: The id given to each group (by :func:`stable_ids`).
        groups: Member ids of each group.
        previous: Previous id → its member ids.
    """
    kept = set(names)
    where: dict[str, int] = {}
    for index, members in enumerate(groups):
        for member in members:
            where[member] = index
    found: dict[str, str] = {}
    for old_id, old_members in sorted(previous.items()):
        if old_id in kept:
            continue
        homes = Counter(where[m] for m in old_members if m in where)
        if homes:
            found[old_id] = names[homes.most_common(1)[0][0]]
    return found
