"""The one MinHash LSH machinery (datasketch) behind every near-duplicate filter.

Callers turn a text into 32-bit shingle hashes their own way — the corpus uses word 3-grams
of long decisions (taxqa.corpus.clean.NearDupFilter), the quality gate and the splits use
character 3-grams of questions plus a facts check (taxqa.datagen.dedup.NearDupIndex) — and
share this index: signatures with the same permutations, LSH candidates by band.
"""

from __future__ import annotations

import zlib
from collections.abc import Hashable, Iterable

NUM_PERM = 64


def _identity(value: int) -> int:
    return value


def string_hashes(items: Iterable[str]) -> list[int]:
    """32-bit hashes of shingle strings (CRC32 of their UTF-8), sorted for a deterministic update."""
    return sorted({zlib.crc32(item.encode("utf-8")) for item in items})


class MinHashIndex:
    """MinHash signatures over 32-bit shingle hashes and an LSH index proposing candidates."""

    def __init__(self, threshold: float, num_perm: int = NUM_PERM):
        from datasketch import MinHashLSH

        if not 0 < threshold <= 1:
            raise ValueError("LSH threshold must be in (0, 1]")
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)

    def signature(self, hashes: Iterable[int]):
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, hashfunc=_identity)
        m.update_batch(list(hashes))
        return m

    def candidates(self, signature) -> list[Hashable]:
        """Keys whose signatures share a band with this one (an estimate; confirm if it matters)."""
        return self.lsh.query(signature)

    def insert(self, key: Hashable, signature) -> None:
        self.lsh.insert(key, signature, check_duplication=False)
