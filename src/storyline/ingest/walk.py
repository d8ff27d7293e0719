"""Folder walking: sorted, hidden entries left out, symbolic links kept inside the folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from storyline.model import Skip

_FOLLOW_HINT = "pass --follow-symlinks (or set [ingest].follow_symlinks = true) to read it"


def walk_folder(root: Path, follow_symlinks: bool = False) -> Iterator[Path | Skip]:
    """Yield the non-hidden files under ``root`` in sorted order, and a Skip per link not read.

    A symbolic link whose target lies inside ``root`` is read like a file; a link to a
    folder, or to anything outside ``root``, is skipped unless ``follow_symlinks`` (an input
    folder must not become a way to read ``/etc/passwd``). A broken link is skipped. With
    ``follow_symlinks`` a folder reached twice (a link loop) is skipped the second time.

    Args:
        root: The folder given as input.
        follow_symlinks: Follow every link ([ingest].follow_symlinks).

    Yields:
        Files (paths under ``root``) and Skips, sorted by their path relative to ``root``.
    """
    real_root = root.resolve()
    found: list[tuple[str, Path | Skip]] = []
    seen_folders = {real_root}
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            found.append((_key(root, folder), Skip(str(folder), f"cannot list this folder "
                                                   f"({exc.strerror}); check its permissions")))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            key = _key(root, path)
            if entry.is_symlink():
                item = _link(path, real_root, follow_symlinks, seen_folders)
                if isinstance(item, Skip):
                    found.append((key, item))
                elif item.is_dir():
                    stack.append(path)
                else:
                    found.append((key, path))
            elif entry.is_dir(follow_symlinks=False):
                if follow_symlinks:
                    # Under a followed link a real folder may be one reached before.
                    seen_folders.add(path.resolve())
                stack.append(path)
            else:
                found.append((key, path))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _key(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _link(path: Path, real_root: Path, follow: bool, seen_folders: set[Path]) -> Path | Skip:
    """Return the link itself when it is to be read (or walked), else the Skip saying why."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a link loop on older Pythons
        return Skip(str(path), "broken symbolic link (its target does not exist); "
                               "fix or remove the link")
    inside = target == real_root or real_root in target.parents
    if target.is_dir():
        if not follow:
            where = "inside" if inside else "outside"
            return Skip(str(path), f"symbolic link to a folder {where} the input folder "
                                   f"({target}) is not followed; {_FOLLOW_HINT}")
        if inside or target in seen_folders:
            # Inside the input folder it is read at its real place; a folder seen before
            # means a link loop.
            return Skip(str(path), f"symbolic link to a folder that is read already ({target}); "
                                   "not followed twice")
        seen_folders.add(target)
        return path
    if not inside and not follow:
        return Skip(str(path), f"symbolic link to a file outside the input folder ({target}) "
                               f"is not followed; {_FOLLOW_HINT}")
    return path
