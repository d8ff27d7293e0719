"""Two articles side by side: the passages they share, with the words that differ marked."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from storyline.errors import NotFoundError
from storyline.store import browse
from storyline.store.db import Store

_TOKEN = re.compile(r"\S+\s*")


def word_diff(a: str, b: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each side cut into runs of words, ``changed`` where the other side differs."""
    left, right = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = SequenceMatcher(None, [w.strip() for w in left], [w.strip() for w in right],
                              autojunk=False)
    out_a: list[dict[str, Any]] = []
    out_b: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        same = tag == "equal"
        if i2 > i1:
            out_a.append({"text": "".join(left[i1:i2]), "changed": not same})
        if j2 > j1:
            out_b.append({"text": "".join(right[j1:j2]), "changed": not same})
    return out_a, out_b


def shared_view(store: Store, article_id: str, other_id: str) -> dict[str, Any]:
    """The passages ``article_id`` shares with ``other_id``, side by side, differences marked.

    Raises:
        NotFoundError: Either article is unknown.
    """
    rows = {row["id"]: row for row in browse.article_rows(store, [article_id, other_id])}
    for wanted in (article_id, other_id):
        if wanted not in rows:
            raise NotFoundError(f"no article {wanted!r} in this database")
    passages = []
    for passage in browse.passages_of(store, article_id, other=other_id):
        left, right = word_diff(passage["text"], passage["other_text"])
        passages.append({**passage, "left": left, "right": right})
    return {"article": rows[article_id], "other": rows[other_id], "passages": passages}
