"""Lexical retrieval over passages: BM25 over fields of each article, kept on disk and memory-mapped.

Each passage is indexed by field, each field a BM25 index of its own (built with bm25s, scored here):

    text     content morphemes (and adjacent pairs) of title + text       (taxqa.corpus.morph)
    bigram   character bigrams of title + text: what the analyser splits differently
    title    the article title's morphemes (in 지방세법 with its chapter's tax), plus how much of the
             question's words it covers
    heads    the heading clause of each 항 and 호 ("1. 사업자가 행하는 재화 또는 용역의 공급")

plus the term table (taxqa.corpus.terms): the phrases of its title, the terms it defines ("용역"이란 ...,
(이하 "부과제척기간"이라 한다)), in 제2조 and elsewhere, and the nouns other articles name it by ("제16조에 따른
직장공제회"); a question containing one names the concept:

    score = text/best + 0.45 bigram/best + 0.8 title/best + 0.5 cover + 0.4 exact title + 0.25 heads/best
            + 0.6 named (sum of the idf of the terms it contains / 7, at most 1.5)

where the query's own words count fully and the legal terms its lay phrases map to at 0.9. Which act
governs the question and the terms it names are applied on top of this (taxqa.corpus.retrieve).

The indexes are built by taxqa.corpus.indexing and saved as numpy arrays (bm25s's score matrix in CSC form)
plus each field's vocabulary by taxqa.corpus.store, in TAXQA_CACHE or the user cache dir; the embedded
corpus's index ships prebuilt in the package. A process maps the arrays from disk (np.load(mmap_mode="r"))
and scores with numpy alone: no bm25s, scipy or analyser import, a few milliseconds to open.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from taxqa.corpus.cite import squash
from taxqa.corpus.indexing import build_saved, passage_text
from taxqa.corpus.morph import bigrams, morphs, remember, vocabulary, with_pairs
from taxqa.corpus.store import Field, cache_folder, load_saved, save, unpack_shipped

if TYPE_CHECKING:
    from taxqa.records import PassageRecord

EXPANSION_WEIGHT = 0.9  # a legal term the lay table added, against a word of the question
LEXICON_WEIGHT = 0.3  # a statute word an everyday word maps to (taxqa.corpus.lexicon): a guess, weaker still
BIGRAM_WEIGHT = 0.45  # the dictionary-free signal: what the vocabulary splits badly or lacks (everyday words)
TITLE_WEIGHT = 0.8
COVER_WEIGHT = 0.5  # share of the question's own words in the title
EXACT_TITLE_WEIGHT = 0.4
EXACT_TITLE_MIN = 4  # characters, spaces removed
PRECISION_WEIGHT = 0.5  # plus this x the share of the title's words the query has (an exact title)
HEADS_WEIGHT = 0.25
NAMED_WEIGHT = 0.6  # the question contains a term the article is titled by or defines (taxqa.corpus.terms)
NAMED_SCALE = 7.0  # idf of a term only one article carries, about
NAMED_START = 0.4  # weight of a term at the start of the question (1.0 at its end)
NAMED_ADDED = 0.3  # weight of a term only the lay phrases' legal terms contain
NAMED_SAID = 0.9  # weight of a term the question says in everyday words the term table lists


class Index:
    """The field indexes of a list of passages, plus each passage's morpheme sets and defined terms."""

    def __init__(self, passages: Sequence[PassageRecord], cache_key: str | None = None):
        self.passages = list(passages)
        n = len(self.passages)
        folder = cache_folder(cache_key) if cache_key else None
        saved = load_saved(folder, n)
        if saved is None and folder is not None and unpack_shipped(self.passages, folder):
            saved = load_saved(folder, n)  # the embedded corpus: its prebuilt index, unpacked once
        if saved is None:
            saved = build_saved(self.passages)
            if folder is not None:
                save(saved, folder)
        self.fields: dict[str, Field] = saved["fields"]
        meta = saved["meta"]
        remember(meta.get("words", {}))
        self._doc_sets: dict[int, set[str]] = {}
        self.title_sets = [set(t) for t in meta["titles"]]
        self.keys: dict[str, list[int]] = meta["keys"]  # term -> the passages carrying it
        self._by_start: dict[str, list[str]] | None = None
        self.idf: dict[str, float] = meta["idf"]
        self.title_keys = [squash(p.title) for p in self.passages]

    def groups(self):
        """One passage per (act, kind) and each passage's group number (the act prior is per group)."""
        if getattr(self, "_groups", None) is None:
            import numpy as np

            first: dict[tuple[str, str], int] = {}
            ids = [first.setdefault((p.law, p.kind), len(first)) for p in self.passages]
            reps = {g: self.passages[ids.index(g)] for g in first.values()}
            self._groups = ([reps[g] for g in range(len(first))], np.array(ids, dtype=np.int64))
        return self._groups

    def by_citation(self, citation: str) -> list[int]:
        if getattr(self, "_citations", None) is None:
            self._citations: dict[str, list[int]] = {}
            for i, p in enumerate(self.passages):
                self._citations.setdefault(p.citation, []).append(i)
        return self._citations.get(citation, [])

    def doc_set(self, i: int) -> set[str]:
        """The morphemes of passage i (read again from the vocabulary when first asked: only hits need it)."""
        found = self._doc_sets.get(i)
        if found is None:
            found = self._doc_sets[i] = set(morphs(passage_text(self.passages[i])))
        return found

    def named(self, question: str, added: Sequence[str] = (), skip: set[str] = frozenset(), said: Sequence[str] = ()):
        """Per passage: the summed idf of the table's terms the question (spaces removed) contains.

        A Korean question ends on what it asks ("...가산세의 부과제척기간 기산일", "...과세대상인지 여부"): a term
        counts 0.4 at the start of the question rising to 1.0 at its end; one its lay phrases added, 0.3; one
        the question says in everyday words the term table knows (``said``), NAMED_SAID.
        """
        import numpy as np

        out = np.zeros(len(self.passages))
        size = max(len(question), 1)
        extra = " ".join(added)
        for key in said:
            if key in self.keys and key not in skip:
                out[self.keys[key]] += self.idf[key] * NAMED_SAID
            elif key not in self.keys and self.by_citation(key):  # an article whose title is too short to be a term
                out[self.by_citation(key)] += NAMED_SCALE * NAMED_SAID
        if self._by_start is None:  # terms by their first two characters: only those the text has are tried
            self._by_start = {}
            for key in self.keys:
                self._by_start.setdefault(key[:2], []).append(key)
        text = question + " " + extra
        starts = {text[i : i + 2] for i in range(len(text) - 1)}
        for key in (k for st in starts for k in self._by_start.get(st, ())):
            ids = self.keys[key]
            if key in said:
                continue
            if key in skip:  # the name of a tax ("부가가치세") says which act, not which article
                continue
            at = question.rfind(key)
            if at >= 0:
                out[ids] += self.idf[key] * (NAMED_START + (1 - NAMED_START) * (at + len(key)) / size)
            elif key in extra:
                out[ids] += self.idf[key] * NAMED_ADDED
        return out

    def scores(
        self,
        terms: Sequence[str],
        expansion: Sequence[str],
        raw: str,
        named=None,
        lexicon: Sequence[str] = (),
        lexicon_weight: float = LEXICON_WEIGHT,
        untitled: frozenset[str] = frozenset(),
    ):
        """Score of every passage (numpy array) for a query's words, expansion terms and raw text.

        A title of 4+ characters that the raw text contains whole ("근로소득공제", "납부지연가산세") adds
        EXACT_TITLE_WEIGHT: the question names the article by its heading. Expansion words in ``untitled`` count
        in the text but not in the titles (부가세 -> 가치세: the VAT act's few titles repeating the tax's name are
        its special cases, 「재화의 수입에 대한 부가가치세 납부의 유예」, not what a question naming the tax asks).
        """
        import numpy as np

        n = len(self.passages)
        if not n:
            return np.zeros(n)
        f = self.fields
        lexicon_pairs = with_pairs(list(lexicon))  # 원천+징수: a statute word the vocabulary splits
        w = lexicon_weight
        text = _weighted(f["text"], with_pairs(list(terms)), with_pairs(list(expansion)), lexicon_pairs, w)
        named_by = [x for x in expansion if x not in untitled]  # words a title holds that say which article
        title = _weighted(f["title"], terms, named_by, lexicon, w)
        heads = _weighted(f["heads"], with_pairs(list(terms)), with_pairs(list(expansion)), lexicon_pairs, w)
        squashed = squash(raw)
        grams = [g for g in bigrams(raw) if len(g) > 1]
        chars = f["bigram"].scores(grams) if grams else np.zeros(n)
        said, asked = set(terms) or set(named_by), {*terms, *named_by}
        found = np.flatnonzero((text > 0) | (chars > 0))  # every other passage scores 0 below anyway
        cover, exact = np.zeros(n), np.zeros(n)
        for i in found:
            t = self.title_sets[i]
            cover[i] = (len(said & t) / len(said) if said else 0) + PRECISION_WEIGHT * (
                len(asked & t) / len(t) if t else 0
            )
            key = self.title_keys[i]
            exact[i] = len(key) >= EXACT_TITLE_MIN and key in squashed
        score = _norm(text) + BIGRAM_WEIGHT * _norm(chars) + TITLE_WEIGHT * _norm(title) + COVER_WEIGHT * cover
        score += EXACT_TITLE_WEIGHT * exact + HEADS_WEIGHT * _norm(heads)
        if named is not None:
            score += NAMED_WEIGHT * np.minimum(named / NAMED_SCALE, 1.5)
        score[(text <= 0) & (chars <= 0)] = 0.0
        return score

    def matched(self, i: int, words: Sequence[str]) -> list[str]:
        """The words (query words and legal terms) passage i contains, in the order given."""
        have = self.doc_set(i) | self.title_sets[i]
        text = self.passages[i].title + self.passages[i].text
        out: dict[str, None] = {}
        for w in words:
            if w in have or (len(w) >= 3 and w in text):
                out.setdefault(w)
        return list(out)


def _weighted(
    field: Field,
    terms: Sequence[str],
    expansion: Sequence[str],
    lexicon: Sequence[str] = (),
    lexicon_weight: float = LEXICON_WEIGHT,
):
    """BM25 of the query's words plus EXPANSION_WEIGHT x BM25 of its added legal terms plus LEXICON_WEIGHT x
    BM25 of the statute words its everyday words map to."""
    out = field.scores(list(terms))
    if expansion:
        out = out + EXPANSION_WEIGHT * field.scores(list(expansion))
    if lexicon:
        out = out + lexicon_weight * field.scores(list(lexicon))
    return out


def _norm(values):
    best = float(values.max()) if len(values) else 0.0
    return values / best if best > 0 else values


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


__all__ = ["Index", "index_for", "passage_text", "vocabulary"]
