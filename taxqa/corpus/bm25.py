"""BM25 retrieval over passages (bm25s) with a Korean-aware tokenizer.

Korean attaches particles and endings to words ("증여재산을", "공제하지"), so whole words rarely match.
Hangul runs are indexed as character bigrams plus unigrams: "증여재산을" -> 증여 여재 재산 산을 + 증 여 재 산 을.
That needs no dictionary and builds the index for the embedded corpus in about a second. (kiwipiepy's
morphological analysis was considered; it is not a dependency of the package and loading its model takes
longer than building the whole index.) Article references ("제53조의2") are also kept as single tokens so
a query naming an article finds it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from taxqa.records import PassageRecord

_WORD_RE = re.compile(r"제\s?\d+\s?조(?:\s?의\s?\d+)?|[가-힣]+|[A-Za-z]+|\d+")
_TITLE_WEIGHT = 1  # times the title is repeated in the indexed text
_TITLE_WEIGHT_IN_SCORE = 1.5  # weight of the title field against the normalised text score
_LAW_NAME_WEIGHT = 0.75  # a query bigram matched by the law name only ("부가가치세" in 부가가치세법 제30조 세율)


def tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    for word in _WORD_RE.findall(text):
        first = word[0]
        if first == "제" and len(word) > 1 and not "가" <= word[1] <= "힣":  # 제53조, 제 53 조의 2
            tokens.append(word.replace(" ", ""))
        elif "가" <= first <= "힣":
            tokens += word  # unigrams
            tokens += map(str.__add__, word, word[1:])  # bigrams
        else:
            tokens.append(word.lower())
    return tokens


def _bigrams(text: str) -> set[str]:
    return {t for t in tokenize(text) if len(t) > 1}


def passage_document(p: PassageRecord) -> str:
    return " ".join([p.citation, *([p.title] * _TITLE_WEIGHT), p.text])


class Index:
    """A bm25s index over a list of passages, plus each passage's title and law-name bigrams."""

    def __init__(self, passages: Sequence[PassageRecord], cache_key: str | None = None):
        import bm25s

        self.passages = list(passages)
        folder = _cache_folder(cache_key) if cache_key else None
        self.retriever = _load_saved(folder)
        if self.retriever is None:
            self.retriever = bm25s.BM25()
            self.retriever.index([tokenize(passage_document(p)) for p in self.passages], show_progress=False)
            if folder is not None:
                _save(self.retriever, folder)
        laws = {law: _bigrams(law) for law in {p.law for p in self.passages}}
        self.titles = [_bigrams(p.title) for p in self.passages]
        self.laws = [laws[p.law] - t for t, p in zip(self.titles, self.passages)]

    def search(self, query: str, k: int = 5) -> list[tuple[PassageRecord, float]]:
        """Top-k passages, one per citation (the best chunk of a long article), best first.

        score = BM25(text) / best BM25 + 1.5 x recall x (1 + precision) / 2, where recall is the share of
        the query's bigrams found in the title (those found only in the law name count 0.75) and precision
        the share of the title's bigrams found in the query: a title field next to the text, as in BM25F. "증여재산 공제 한도" is
        about the article titled 증여재산 공제, although articles on other 공제 use every query word.
        The weights were tuned on 28 queries over four corpora (the embedded one and three smaller ones).
        """
        tokens = tokenize(query)
        if not tokens or not self.passages:
            return []
        import numpy as np

        text = np.asarray(self.retriever.get_scores(tokens), dtype=np.float64)
        best = float(text.max())
        grams = {t for t in tokens if len(t) > 1} or set(tokens)
        n = len(grams)
        title = np.array(
            [
                (len(grams & t) + _LAW_NAME_WEIGHT * len(grams & law))
                / n
                * (1.0 + (len(grams & t) / len(t) if t else 0))
                for law, t in zip(self.laws, self.titles)
            ]
        )
        scores = (text / best if best > 0 else text) + _TITLE_WEIGHT_IN_SCORE / 2 * title
        scores[text <= 0] = 0.0  # a title match alone (e.g. only the law name) is not a hit
        out: list[tuple[PassageRecord, float]] = []
        seen: set[str] = set()
        for i in np.argsort(-scores, kind="stable"):
            if scores[i] <= 0 or len(out) == k:
                break
            p = self.passages[int(i)]
            if p.citation not in seen:
                seen.add(p.citation)
                out.append((p, float(scores[i])))
        return out


# Saved indexes are keyed by this module's own source too: a change to the tokenizer or the indexed
# text makes the old ones unused, with nothing to remember to bump.
_MODULE_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def _cache_folder(key: str) -> Path | None:
    """Where the index of a passages file is kept between processes (TAXQA_CACHE or the user cache dir)."""
    root = os.environ.get("TAXQA_CACHE")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("taxqa")
    digest = hashlib.sha256(f"{_MODULE_HASH}\n{key}".encode()).hexdigest()[:20]
    return Path(root) / "bm25" / digest


def _load_saved(folder: Path | None):
    if folder is None or not folder.is_dir():
        return None
    import bm25s

    try:
        return bm25s.BM25.load(str(folder))
    except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
        return None


def _save(retriever, folder: Path) -> None:
    """Save via a temp folder and a rename; a read-only or full disk only costs the next process a rebuild."""
    tmp = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
        retriever.save(str(tmp))
        os.replace(tmp, folder)  # fails if another process saved it first: theirs is as good
    except OSError:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


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
