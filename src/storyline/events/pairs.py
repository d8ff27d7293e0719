"""Pairs of similar vectors, found by sparse products a block of rows at a time.

Nothing here ever holds N × N numbers: a block's product is cut to the pairs that clear
the threshold before the next block is computed, so memory grows with the pairs kept.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy.sparse import csr_matrix

PRODUCT_BUDGET = 4_000_000
"""Rows × columns computed per block: bounds the memory of one product (tens of MB)."""


def blocks(count: int, columns: int) -> Iterator[tuple[int, int]]:
    """(start, stop) row ranges whose product with ``columns`` columns stays in budget."""
    size = max(1, PRODUCT_BUDGET // max(columns, 1))
    for start in range(0, count, size):
        yield start, min(start + size, count)


def similar_pairs(
    left: csr_matrix, right: csr_matrix | None, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs whose dot product is at least ``threshold``: (rows, columns, values).

    Args:
        left: Vectors, one per row.
        right: Vectors to compare with; ``None`` compares ``left`` with itself and keeps
            each pair once, as (i, j) with i < j, valued as row i's product gives it.
        threshold: Least dot product kept (must be positive: zeros are never kept).

    Each value is exactly what the full product ``left @ right.T`` holds at that place:
    a row's products do not depend on the other rows computed with it.
    """
    other = left if right is None else right
    other_t = other.T.tocsr()
    rows: list[np.ndarray] = []
    columns: list[np.ndarray] = []
    values: list[np.ndarray] = []
    for start, stop in blocks(left.shape[0], other.shape[0]):
        product = (left[start:stop] @ other_t).tocoo()
        keep = product.data >= threshold
        r, c = product.row[keep] + start, product.col[keep]
        v = product.data[keep]
        if right is None:
            upper = r < c
            r, c, v = r[upper], c[upper], v[upper]
        rows.append(r)
        columns.append(c)
        values.append(v)
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    return (np.concatenate(rows).astype(np.int64), np.concatenate(columns).astype(np.int64),
            np.concatenate(values))
