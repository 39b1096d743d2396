"""Optional dense retrieval: a sentence-transformers embedding model by folder or hub id.

`taxqa corpus search --embed-model MODEL` (or TAXQA_EMBED_MODEL) embeds every passage once, keeps the
vectors on disk next to the lexical cache (keyed by the model, the passages file and this module), and
scores a question by cosine similarity; taxqa.corpus.retrieve fuses that ranking with the lexical one by
reciprocal rank. Needs `pip install 'taxqa[embed]'`; the lexical path needs nothing of this.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path

from taxqa.errors import UserError
from taxqa.records import PassageRecord

MAX_CHARS = 1000  # of a passage given to the encoder (its own limit truncates further)
_MODULE_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def load_encoder(model: str):
    """A SentenceTransformer on the CPU (or the best device it finds) from a folder or a hub id."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise UserError(
            f"--embed-model {model}: sentence-transformers is not installed (pip install 'taxqa[embed]')"
        ) from None
    try:
        return SentenceTransformer(model)
    except (OSError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UserError(f"--embed-model {model}: cannot load an embedding model ({first})") from None


def _model_stamp(model: str) -> str:
    """The model's identity for the vector cache: a folder's path and file times, or the hub id."""
    path = Path(model)
    if path.is_dir():
        files = sorted(f for f in path.rglob("*") if f.is_file())
        return str(path.resolve()) + "".join(f"|{f.name}:{f.stat().st_mtime_ns}:{f.stat().st_size}" for f in files)
    return model


class DenseIndex:
    def __init__(self, model: str, passages: Sequence[PassageRecord], cache_key: str | None = None):
        import numpy as np

        self.model_name = model
        self.encoder = load_encoder(model)
        self.passages = list(passages)
        file = _cache_file(model, cache_key) if cache_key else None
        vectors = None
        if file is not None and file.is_file():
            try:
                vectors = np.load(file)
            except (OSError, ValueError):
                vectors = None  # damaged: embedded again
            if vectors is not None and vectors.shape[0] != len(self.passages):
                vectors = None
        if vectors is None:
            texts = [f"{p.citation} {p.title}\n{p.text}"[:MAX_CHARS] for p in self.passages]
            vectors = self._encode(texts)
            if file is not None:
                _save(vectors, file)
        self.vectors = vectors

    def _encode(self, texts: list[str]):
        import numpy as np

        out = self.encoder.encode(texts, batch_size=32, convert_to_numpy=True, show_progress_bar=False)
        out = np.asarray(out, dtype=np.float32).reshape(len(texts), -1)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)

    def scores(self, query: str):
        """Cosine similarity of the question to every passage (numpy array)."""
        return self.vectors @ self._encode([query])[0]


def _cache_file(model: str, key: str) -> Path:
    root = os.environ.get("TAXQA_CACHE")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("taxqa")
    digest = hashlib.sha256(f"{_MODULE_HASH}\n{_model_stamp(model)}\n{key}".encode()).hexdigest()[:20]
    return Path(root) / "dense" / f"{digest}.npy"


def _save(vectors, file: Path) -> None:
    import numpy as np

    from taxqa.outputs import atomic_file

    try:
        with atomic_file(file) as fh:
            np.save(fh, vectors)
    except OSError:
        pass  # a read-only or full disk only costs the next process a rebuild


_LOCK = threading.Lock()
_CACHE: dict[tuple[str, int], tuple[Sequence[PassageRecord], DenseIndex]] = {}


def dense_for(model: str, passages: Sequence[PassageRecord], cache_key: str | None = None) -> DenseIndex:
    """The dense index of a passage list for a model, kept per process."""
    with _LOCK:
        hit = _CACHE.get((model, id(passages)))
        if hit is not None and hit[0] is passages and len(hit[1].passages) == len(passages):
            return hit[1]
        index = DenseIndex(model, passages, cache_key)
        if len(_CACHE) >= 2:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[(model, id(passages))] = (passages, index)
        return index
