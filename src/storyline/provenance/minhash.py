"""MinHash signatures (rensa) and a banded LSH index over them.

Signatures are stored in the ``signatures`` table so that a later run only computes
them for new articles. The index is rebuilt in memory from the stored signatures,
because rensa's own LSH takes sketch objects, not the digests we keep.
"""

from __future__ import annotations

import functools
import math
import struct
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from rensa import RMinHash

SEED = 20240521  # fixed: stored signatures must stay comparable across runs
_HEADER = struct.Struct("<4sHHI")  # magic, rensa algorithm version, num_perm, seed
_MAGIC = b"SLMH"


def signatures(shingle_sets: Sequence[Iterable[str]], num_perm: int) -> list[list[int]]:
    """Return one MinHash digest (``num_perm`` unsigned 32-bit values) per shingle set."""
    if not shingle_sets:
        return []
    return RMinHash.digests_from_token_sets(
        [sorted(s) for s in shingle_sets], num_perm=num_perm, seed=SEED
    )


def encode(digest: Sequence[int]) -> bytes:
    """Pack a digest with a header naming the parameters that produced it."""
    header = _HEADER.pack(_MAGIC, RMinHash.ALGORITHM_VERSION, len(digest), SEED)
    return header + array("I", digest).tobytes()


def decode(blob: bytes, num_perm: int) -> list[int] | None:
    """Unpack a stored digest; ``None`` when it was made with other parameters."""
    if len(blob) < _HEADER.size:
        return None
    magic, version, stored_perm, seed = _HEADER.unpack_from(blob)
    if (magic, version, stored_perm, seed) != (_MAGIC, RMinHash.ALGORITHM_VERSION, num_perm, SEED):
        return None
    values = array("I")
    values.frombytes(blob[_HEADER.size :])
    return values.tolist()


@functools.lru_cache(maxsize=8)
def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """Choose (bands, rows) so the LSH S-curve turns near ``threshold``.

    Minimises the summed false-positive and false-negative areas under the
    candidate probability curve, as datasketch does.
    """

    def area(lo: float, hi: float, fn: object) -> float:
        steps = 200
        width = (hi - lo) / steps
        return sum(fn(lo + (i + 0.5) * width) * width for i in range(steps))  # type: ignore[operator]

    best = (1, num_perm)
    best_error = math.inf
    for bands in range(1, num_perm + 1):
        rows = num_perm // bands
        if rows == 0:
            break
        false_pos = area(0.0, threshold, lambda s, b=bands, r=rows: 1 - (1 - s**r) ** b)
        false_neg = area(threshold, 1.0, lambda s, b=bands, r=rows: (1 - s**r) ** b)
        if false_pos + false_neg < best_error:
            best_error = false_pos + false_neg
            best = (bands, rows)
    return best


def digest_key(digest: Sequence[int]) -> int:
    """A hash of a whole digest, stable across processes: equal digests, equal keys."""
    return hash(tuple(digest))


class BandIndex:
    """Buckets digests by band so that similar ones can be found without comparing all."""

    def __init__(self, threshold: float, num_perm: int, bucket_max: int | None = None) -> None:
        """Set up an empty index tuned for estimated Jaccard ``threshold``.

        ``bucket_max`` caps a bucket: thousands of near-copies of one text fall in the
        same buckets, and every look-up would return them all (quadratic work). A key
        not added to a full bucket is still found through its other bands, and it
        still finds the first ``bucket_max`` keys there, which tie it to their group.
        """
        self.bands, self.rows = band_layout(threshold, num_perm)
        self.bucket_max = bucket_max
        self._buckets: dict[tuple[int, int], list[str]] = defaultdict(list)

    def keys(self, digest: Sequence[int]) -> list[tuple[int, int]]:
        """(band, bucket) of each band of ``digest``: how the store indexes it too."""
        return self._keys(digest)

    def _keys(self, digest: Sequence[int]) -> list[tuple[int, int]]:
        return [
            (band, hash(tuple(digest[band * self.rows : (band + 1) * self.rows])))
            for band in range(self.bands)
        ]

    def add(self, key: str, digest: Sequence[int]) -> None:
        """Index ``digest`` under ``key``."""
        for bucket in self._keys(digest):
            keys = self._buckets[bucket]
            if self.bucket_max is None or len(keys) < self.bucket_max:
                keys.append(key)

    def query(self, digest: Sequence[int]) -> set[str]:
        """Return the keys that share at least one band with ``digest``."""
        found: set[str] = set()
        for bucket in self._keys(digest):
            found.update(self._buckets.get(bucket, ()))
        return found

    def largest_bucket(self) -> int:
        """Keys in the fullest bucket (to check that ``bucket_max`` is rarely reached)."""
        return max((len(keys) for keys in self._buckets.values()), default=0)


class Nearest:
    """Keeps the candidates of a look-up that agree with it on the most MinHash values.

    A look-up normally returns a few dozen candidates, all verified exactly; near-copies
    by the thousand would return thousands each. Only when there are more than ``limit``
    are they ranked by estimated Jaccard (ties: earliest first) and the best kept.
    """

    def __init__(
        self,
        keys: Sequence[str],
        digests: Mapping[str, Sequence[int] | None],
        order: Mapping[str, int],
        limit: int,
    ) -> None:
        """Hold the digests of ``keys`` as one matrix (rows compared at once)."""
        self.limit = limit
        self._row = {key: row for row, key in enumerate(keys)}
        self._order = order
        width = max((len(digests[key] or ()) for key in keys), default=0)
        self._matrix = np.array([digests[key] for key in keys], dtype=np.uint32).reshape(
            len(keys), width
        )

    def best(self, digest: Sequence[int], found: set[str]) -> set[str]:
        """``found`` itself, or its ``limit`` members most similar to ``digest``."""
        if len(found) <= self.limit:
            return found
        keys = sorted(found, key=self._order.__getitem__)
        rows = self._matrix[[self._row[key] for key in keys]]
        agree = (rows == np.asarray(digest, dtype=np.uint32)).sum(axis=1)
        ranked = np.argsort(-agree, kind="stable")[: self.limit]
        return {keys[int(i)] for i in ranked}
