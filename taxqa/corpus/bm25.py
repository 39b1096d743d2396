"""Lexical retrieval over passages: BM25 (bm25s) on morphemes and on character bigrams, plus a title field.

Each passage is indexed twice: by its content morphemes (kiwipiepy; taxqa.corpus.morph) and by character
bigrams, which catch what the analyser splits differently. The article title is a field of its own: the
share of the query's morphemes found in the title, as in BM25F. The score of a passage is

    morph BM25 / best + 0.35 x bigram BM25 / best + 0.8 x title match

where the morph BM25 counts the query's own words fully and the legal terms its lay phrases map to at
0.6. Which act governs the question is applied on top of this (taxqa.corpus.retrieve).

The three indexes and each passage's morpheme sets are kept on disk between processes (TAXQA_CACHE or the
user cache dir), keyed by the passages file, this module's and the tokenizer's source and the kiwipiepy
version: a later process reads them back in a fraction of a second instead of analysing the corpus again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import threading
from collections.abc import Sequence
from pathlib import Path

from taxqa.corpus.cite import squash
from taxqa.corpus.morph import analyse_words, bigrams, kiwi_version, morphs, with_pairs, words
from taxqa.records import PassageRecord

EXPANSION_WEIGHT = 0.9  # a legal term the lay table added, against a word of the question
BIGRAM_WEIGHT = 0.35
TITLE_WEIGHT = 0.8
COVER_WEIGHT = 0.5  # share of the question's own words in the title
EXACT_TITLE_WEIGHT = 0.4
EXACT_TITLE_MIN = 4  # characters, spaces removed
PRECISION_WEIGHT = 0.5  # plus this x the share of the title's words the query has (an exact title)


def passage_text(p: PassageRecord) -> str:
    return f"{p.title}\n{p.text}"


class Index:
    """bm25s indexes of morphemes, bigrams and titles over a list of passages, plus their morpheme sets."""

    def __init__(self, passages: Sequence[PassageRecord], cache_key: str | None = None):
        self.passages = list(passages)
        folder = _cache_folder(cache_key) if cache_key else None
        saved = _load_saved(folder, len(self.passages))
        if saved is None:
            saved = self._build()
            if folder is not None:
                _save(saved, folder)
        self.morph, self.bigram, self.title = saved["morph"], saved["bigram"], saved["title"]
        self.morph_sets = [set(d) for d in saved["sets"]["docs"]]
        self.title_sets = [set(t) for t in saved["sets"]["titles"]]
        self.title_keys = [squash(p.title) for p in self.passages]

    def _build(self) -> dict:
        import bm25s

        analyse_words(w for p in self.passages for w in words(passage_text(p)) if "가" <= w[0] <= "힣")
        docs = [with_pairs(morphs(passage_text(p))) for p in self.passages]
        titles = [sorted(set(morphs(p.title))) for p in self.passages]
        out = {name: bm25s.BM25() for name in _INDEXES}
        if self.passages:
            out["morph"].index(docs, show_progress=False)
            out["title"].index([t or ["-"] for t in titles], show_progress=False)
            out["bigram"].index([bigrams(passage_text(p)) for p in self.passages], show_progress=False)
        sets = {"docs": [sorted({t for t in d if "+" not in t}) for d in docs], "titles": titles}
        return {**out, "sets": sets}

    def scores(self, terms: Sequence[str], expansion: Sequence[str], raw: str):
        """Score of every passage (numpy array) for a query's words, expansion terms and raw text.

        A title of 4+ characters that the raw text contains whole ("근로소득공제", "납부지연가산세") adds
        EXACT_TITLE_WEIGHT: the question names the article by its heading.
        """
        import numpy as np

        n = len(self.passages)
        if not n or not (terms or expansion):
            return np.zeros(n)
        text = _weighted(self.morph, with_pairs(list(terms)), with_pairs(list(expansion)), n)
        title = _weighted(self.title, terms, expansion, n)
        grams = [g for g in bigrams(raw) if len(g) > 1]
        chars = np.asarray(self.bigram.get_scores(grams), dtype=np.float64) if grams else np.zeros(n)
        said, asked = set(terms) or set(expansion), {*terms, *expansion}
        cover = np.array(
            [
                len(said & t) / len(said) + PRECISION_WEIGHT * (len(asked & t) / len(t) if t else 0)
                for t in self.title_sets
            ]
        )
        squashed = squash(raw)
        exact = np.array([len(t) >= EXACT_TITLE_MIN and t in squashed for t in self.title_keys], dtype=np.float64)
        score = _norm(text) + BIGRAM_WEIGHT * _norm(chars) + TITLE_WEIGHT * _norm(title) + COVER_WEIGHT * cover
        score += EXACT_TITLE_WEIGHT * exact
        score[(text <= 0) & (chars <= 0)] = 0.0
        return score

    def matched(self, i: int, words: Sequence[str]) -> list[str]:
        """The words (query words and legal terms) passage i contains, in the order given."""
        have = self.morph_sets[i] | self.title_sets[i]
        text = self.passages[i].title + self.passages[i].text
        out: dict[str, None] = {}
        for w in words:
            if w in have or (len(w) >= 3 and w in text):
                out.setdefault(w)
        return list(out)


def _weighted(index, terms: Sequence[str], expansion: Sequence[str], n: int):
    """BM25 of the query's words plus EXPANSION_WEIGHT x BM25 of its added legal terms."""
    import numpy as np

    out = np.asarray(index.get_scores(list(terms)), dtype=np.float64) if terms else np.zeros(n)
    if expansion:
        out = out + EXPANSION_WEIGHT * np.asarray(index.get_scores(list(expansion)), dtype=np.float64)
    return out


def _norm(values):
    best = float(values.max()) if len(values) else 0.0
    return values / best if best > 0 else values


# Saved tokens are keyed by the tokenizer's own source and kiwipiepy's version too: a change to either
# makes the old ones unused, with nothing to remember to bump.
_SOURCES = ("morph.py", "bm25.py")
_MODULE_HASH = hashlib.sha256(b"".join((Path(__file__).parent / name).read_bytes() for name in _SOURCES)).hexdigest()[
    :12
]


def _cache_folder(key: str) -> Path | None:
    """Where the tokens of a passages file are kept between processes (TAXQA_CACHE or the user cache dir)."""
    root = os.environ.get("TAXQA_CACHE")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("taxqa")
    digest = hashlib.sha256(f"{_MODULE_HASH}\n{kiwi_version()}\n{key}".encode()).hexdigest()[:20]
    return Path(root) / "lexical" / digest


_INDEXES = ("morph", "bigram", "title")


def _load_saved(folder: Path | None, count: int) -> dict | None:
    """The saved indexes and token sets, or None when missing or damaged (then rebuilt, never fatal)."""
    if folder is None or not folder.is_dir():
        return None
    import bm25s

    try:
        with gzip.open(folder / "sets.json.gz", "rt", encoding="utf-8") as fh:
            sets = json.load(fh)
        if not all(isinstance(sets.get(k), list) and len(sets[k]) == count for k in ("docs", "titles")):
            return None
        return {"sets": sets, **{name: bm25s.BM25.load(str(folder / name)) for name in _INDEXES}}
    except Exception:  # noqa: BLE001 - whatever a damaged cache raises, the index is rebuilt
        return None


def _save(saved: dict, folder: Path) -> None:
    """Save via a temp folder and a rename; a read-only or full disk only costs the next process a rebuild."""
    from taxqa.errors import UserError
    from taxqa.outputs import atomic_folder

    try:
        # the cache folder is ours by where it lives: a damaged earlier save is swapped out whole
        with atomic_folder(folder, "corpus index", may_replace=lambda _: None) as tmp:
            for name in _INDEXES:
                saved[name].save(str(tmp / name))
            data = json.dumps(saved["sets"], ensure_ascii=False).encode("utf-8")
            (tmp / "sets.json.gz").write_bytes(gzip.compress(data, compresslevel=3, mtime=0))
    except (OSError, UserError):
        pass


_LOCK = threading.Lock()
_CACHE: dict[int, tuple[Sequence[PassageRecord], Index]] = {}  # id(list) -> (the list, its index)
_CACHE_SIZE = 4


def index_for(passages: Sequence[PassageRecord], cache_key: str | None = None) -> Index:
    """The index of a passage list, cached per process (and on disk when cache_key names its file).

    The in-process cache holds the list itself, so its id() cannot be reused by another list.
    """
    with _LOCK:
        hit = _CACHE.get(id(passages))
        if hit is not None and hit[0] is passages and len(hit[1].passages) == len(passages):
            return hit[1]
        index = Index(passages, cache_key)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[id(passages)] = (passages, index)
        return index
