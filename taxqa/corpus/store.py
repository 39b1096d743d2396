"""Where the lexical index lives: numpy arrays mapped from disk, a user cache, and the prebuilt shipped copy.

An index (taxqa.corpus.bm25) is one folder per field (data, indices, indptr, tokens, columns as .npy) plus
meta.json.gz. It is kept in TAXQA_CACHE or the user cache dir, keyed by the passages file and the sources
that shape it (tokenizer, fields, term table, vocabulary), and opened with np.load(mmap_mode="r").

The embedded corpus's index ships prebuilt as `data/lexical.tar.gz` (`make corpus-data`, i.e.
`python -m taxqa.corpus.store`): a first search unpacks it into the cache instead of building. The archive
names the sources and corpus it was built from (its KEY member); a stale one is ignored, never used. It is
byte-for-byte reproducible (sorted vocabulary, sorted JSON, zero timestamps), which a test checks.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tarfile
from collections.abc import Sequence
from pathlib import Path

FIELDS = ("text", "bigram", "title", "heads")
FORMAT = "5"  # bump when the saved layout changes
ARRAYS = ("data", "indices", "indptr", "tokens", "columns")
HERE = Path(__file__).parent
SHIPPED = HERE / "data" / "lexical.tar.gz"
# Saved indexes are keyed by the tokenizer's and the index's own source and the shipped vocabulary:
# a change to any makes the old ones unused, with nothing to remember to bump.
_SOURCES = ("morph.py", "indexing.py", "store.py", "terms.py", "data/words.tsv.gz", "data/terms.tsv")


class Field:
    """One field's BM25 scores (CSC: one column per token) and vocabulary, possibly memory-mapped.

    The vocabulary is two arrays, the tokens sorted and their column numbers, searched by bisection: a
    saved field opens without parsing its (100,000-token) vocabulary.
    """

    def __init__(self, data, indices, indptr, tokens, columns, n: int):
        self.data, self.indices, self.indptr, self.tokens, self.columns, self.n = (
            data,
            indices,
            indptr,
            tokens,
            columns,
            n,
        )

    def ids(self, tokens: Sequence[str]) -> list[int]:
        import numpy as np

        if not len(self.tokens) or not tokens:
            return []
        found = np.searchsorted(self.tokens, np.asarray(tokens, dtype=self.tokens.dtype))
        found = np.minimum(found, len(self.tokens) - 1)
        return [int(self.columns[f]) for t, f in zip(tokens, found) if self.tokens[f] == t]

    def scores(self, tokens: Sequence[str]):
        import numpy as np

        ids = self.ids(tokens)
        if not ids:
            return np.zeros(self.n)
        spans = [(int(self.indptr[i]), int(self.indptr[i + 1])) for i in ids]
        idx = np.concatenate([self.indices[a:b] for a, b in spans])
        val = np.concatenate([self.data[a:b] for a, b in spans])
        return np.bincount(idx, weights=val, minlength=self.n).astype(np.float64)


def sources_hash() -> str:
    digest = hashlib.sha256(FORMAT.encode())
    for name in _SOURCES:
        path = HERE / name
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()[:12]


def content_key(passages: Sequence) -> str:
    """What an index of these passages depends on: the sources above and every passage's id, title, text."""
    digest = hashlib.sha256(sources_hash().encode())
    for p in passages:
        digest.update(f"\0{p.id}\0{p.title}\0{p.text}".encode())
    return digest.hexdigest()[:24]


def cache_folder(key: str) -> Path:
    """Where the indexes of a passages file are kept between processes (TAXQA_CACHE or the user cache dir)."""
    root = os.environ.get("TAXQA_CACHE")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("taxqa")
    digest = hashlib.sha256(f"{sources_hash()}\n{key}".encode()).hexdigest()[:20]
    return Path(root) / "lexical" / digest


def load_saved(folder: Path | None, count: int) -> dict | None:
    """The saved indexes and token sets, or None when missing or damaged (then rebuilt, never fatal)."""
    if folder is None or not folder.is_dir():
        return None
    try:
        import numpy as np

        with gzip.open(folder / "meta.json.gz", "rt", encoding="utf-8") as fh:
            meta = json.load(fh)
        if not isinstance(meta.get("titles"), list) or len(meta["titles"]) != count:
            return None
        fields = {
            name: Field(*(np.load(folder / name / f"{a}.npy", mmap_mode="r") for a in ARRAYS), count) for name in FIELDS
        }
        return {"meta": meta, "fields": fields}
    except Exception:  # noqa: BLE001 - whatever a damaged cache raises, the index is rebuilt
        return None


def _members(saved: dict) -> dict[str, bytes]:
    """The files of a saved index, by relative path: the same index always gives the same bytes."""
    import numpy as np

    out = {}
    for name in FIELDS:
        for a in ARRAYS:
            buf = io.BytesIO()
            np.save(buf, np.asarray(getattr(saved["fields"][name], a)))
            out[f"{name}/{a}.npy"] = buf.getvalue()
    data = json.dumps(saved["meta"], ensure_ascii=False, sort_keys=True).encode("utf-8")
    out["meta.json.gz"] = gzip.compress(data, compresslevel=3, mtime=0)
    return out


def _write_folder(files: dict[str, bytes], folder: Path) -> None:
    """Write through the one atomic folder writer; a read-only or full disk only costs the next process
    a rebuild. The cache folder is ours by where it lives: a damaged earlier save is swapped out whole."""
    from taxqa.errors import UserError
    from taxqa.outputs import atomic_folder

    try:
        with atomic_folder(folder, "corpus index", may_replace=lambda _: None) as tmp:
            for rel, data in files.items():
                (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                (tmp / rel).write_bytes(data)
    except (OSError, UserError):
        pass


def save(saved: dict, folder: Path) -> None:
    _write_folder(_members(saved), folder)


def pack(saved: dict, key: str) -> bytes:
    """A saved index as a reproducible .tar.gz (sorted members, zero times and owners), KEY first."""
    files = {"KEY": key.encode(), **dict(sorted(_members(saved).items()))}
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for rel, data in files.items():
            info = tarfile.TarInfo(rel)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), compresslevel=9, mtime=0)


def shipped_key(path: Path = SHIPPED) -> str | None:
    """The KEY member of the shipped archive (its first), or None when there is none."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            first = tar.next()
            fh = tar.extractfile(first) if first is not None and first.name == "KEY" else None
            return fh.read().decode() if fh is not None else None
    except (OSError, tarfile.TarError, EOFError):
        return None


def unpack_shipped(passages: Sequence, folder: Path, path: Path = SHIPPED) -> bool:
    """Unpack the shipped index into folder when it was built from these passages and these sources."""
    if not path.is_file() or shipped_key(path) != content_key(passages):
        return False
    try:
        with tarfile.open(path, "r:gz") as tar:
            files = {
                m.name: tar.extractfile(m).read()
                for m in tar.getmembers()
                if m.isfile() and m.name != "KEY" and ".." not in m.name
            }
    except (OSError, tarfile.TarError, EOFError):
        return False
    _write_folder(files, folder)
    return folder.is_dir()


def build_shipped(out: Path = SHIPPED) -> Path:
    """Build the embedded corpus's index from scratch and write it as the shipped archive."""
    from taxqa.corpus.embedded import load_passages
    from taxqa.corpus.indexing import build_saved

    passages = load_passages()
    saved = build_saved(passages)
    out.write_bytes(pack(saved, content_key(passages)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Build the embedded corpus's lexical index (package data).")
    parser.add_argument("-o", "--out", default=str(SHIPPED), help="archive to write (default: the package's)")
    args = parser.parse_args(argv)
    path = build_shipped(Path(args.out))
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
