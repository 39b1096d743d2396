"""Building the lexical index of a list of passages (the fields taxqa.corpus.bm25 scores).

Each passage is indexed by field, each field a BM25 index of its own (built with bm25s, scored by bm25.py):

    text     content morphemes (and adjacent pairs) of title + text       (taxqa.corpus.morph)
    bigram   character bigrams of title + text: what the analyser splits differently
    title    the article title's morphemes (in 지방세법, with the tax of its chapter: 납기 -> 재산세 납기)
    heads    the heading clause of each 항 and 호 ("1. 사업자가 행하는 재화 또는 용역의 공급")

plus the meta data: each title's morphemes, the term table's terms (taxqa.corpus.terms) with the passages
carrying them and their idf, and the analysis of words outside the shipped vocabulary. The same passages
always give the same arrays (the vocabulary is numbered in sorted order), so the shipped index can be
checked against a rebuild. This module's source is part of the index's key (taxqa.corpus.store): the
scoring in bm25.py can change without invalidating a saved index.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from taxqa.corpus.morph import analyse_words, bigrams, morphs, with_pairs, words
from taxqa.corpus.store import FIELDS, Field
from taxqa.corpus.terms import all_keys, dropped

if TYPE_CHECKING:
    from taxqa.records import PassageRecord

_ITEM = re.compile(r"^\s*(?:[①-⑳]|\d+(?:의\d+)?\.|[가-하]\.)\s*")
_CUT = re.compile(r"[:：]|다\.|\. |<|\(이하")


def passage_text(p: PassageRecord) -> str:
    return f"{p.title}\n{p.text}"


def headings(text: str) -> list[str]:
    """The heading clause of each 항/호/목 line: its text up to the first colon, sentence end or 이하-note."""
    out = []
    for line in text.splitlines():
        m = _ITEM.match(line)
        if m:
            head = _CUT.split(line[m.end() :], 1)[0].strip()
            if len(head) >= 2:
                out.append(head[:60])
    return out


# Acts that carry several taxes, one chapter each, whose articles are titled by what they do (납기, 과세기준일,
# 신고 및 납부) while the chapter heading, which the passages lack, says which tax: the tax is read from the
# article's text (the one it names most; an article naming none belongs with the article before it) and
# indexed with its title (title_tokens).
SEVERAL_TAXES = {
    "지방세법": (
        "취득세",
        "등록면허세",
        "레저세",
        "담배소비세",
        "지방소비세",
        "주민세",
        "지방소득세",
        "재산세",
        "자동차세",
        "지역자원시설세",
        "지방교육세",
    )
}


def chapter_taxes(passages: Sequence[PassageRecord]) -> list[str]:
    """Per passage, the tax its article is about in an act of SEVERAL_TAXES ("" elsewhere): the one its text
    names first ("재산세의 납기는 ..."); an article naming none takes the article before it's, and a chapter's
    정의 (which names the taxes its terms come from) the next article's."""
    first: dict[str, str] = {}
    order: list[tuple[str, str, bool]] = []
    names = {law: re.compile("|".join(sorted(taxes, key=len, reverse=True))) for law, taxes in SEVERAL_TAXES.items()}
    for p in passages:
        if p.law in SEVERAL_TAXES and p.kind in ("statute", "decree") and p.citation not in first:
            m = names[p.law].search(p.text)
            defines = p.title.endswith("정의")
            first[p.citation] = "" if m is None or defines else m.group()
            order.append((p.law, p.citation, defines))
    before: dict[str, str] = {}
    for law, citation, defines in order:
        if not defines:
            first[citation] = before[law] = first[citation] or before.get(law, "")
    after: dict[str, str] = {}
    for law, citation, defines in reversed(order):
        if defines:
            first[citation] = after.get(law, "")
        after[law] = first[citation]
    return [first.get(p.citation, "") for p in passages]


def title_tokens(p: PassageRecord, tax: str) -> list[str]:
    """The title field's tokens: the morphemes of the title, preceded by its chapter's tax when it lacks it
    ("납기" of 지방세법 -> 재산세 납기)."""
    return sorted(set(morphs(f"{tax} {p.title}" if tax and tax not in p.title else p.title)))


MAX_TOKEN = 24  # characters; longer tokens (runs of digits, long Latin words) are left out of the vocabulary


def _tokenized(docs: Sequence[Sequence[str]]) -> tuple[list[list[int]], dict[str, int]]:
    """Token ids over the sorted vocabulary: the same corpus always gives the same columns (bm25s numbers
    tokens in set order, which changes from process to process)."""
    docs = [d or ["-"] for d in docs]
    vocab = {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}
    return [[vocab[t] for t in d] for d in docs], vocab


def _field_from_bm25(model, n: int) -> Field:
    import numpy as np

    s = model.scores
    vocab = sorted((t, c) for t, c in model.vocab_dict.items() if len(t) <= MAX_TOKEN)
    width = max((len(t) for t, _ in vocab), default=1)
    tokens = np.array([t for t, _ in vocab], dtype=f"<U{width}")
    columns = np.array([c for _, c in vocab], dtype=np.int32)
    small = np.int16 if n < 2**15 else np.int32  # passage numbers: half the bytes for a corpus this size
    return Field(
        np.asarray(s["data"], np.float32),
        np.asarray(s["indices"], small),
        np.asarray(s["indptr"], np.int64 if len(s["data"]) >= 2**31 else np.int32),
        tokens,
        columns,
        n,
    )


def _empty_field() -> Field:
    import numpy as np

    return Field(
        np.zeros(0), np.zeros(0, np.int32), np.zeros(1, np.int32), np.zeros(0, "<U1"), np.zeros(0, np.int32), 0
    )


def build_saved(passages: Sequence[PassageRecord]) -> dict:
    """Every field's index and the meta data, from scratch (bm25s, and the analyser for unknown words)."""
    import bm25s

    # words outside the shipped vocabulary (passages other than the embedded corpus) are analysed now
    new = analyse_words(w for p in passages for w in words(passage_text(p)) if "가" <= w[0] <= "힣")
    docs = [with_pairs(morphs(passage_text(p))) for p in passages]
    titles = [title_tokens(p, t) for p, t in zip(passages, chapter_taxes(passages))]
    drop = dropped()
    keys = [[k for k, _ in ks if k not in drop] for ks in all_keys(passages)]
    streams = {
        "text": docs,
        "bigram": [bigrams(passage_text(p)) for p in passages],
        "title": titles,
        "heads": [with_pairs(morphs("\n".join(headings(p.text)))) for p in passages],
    }
    fields = {}
    n = len(passages)
    for name in FIELDS:
        model = bm25s.BM25()
        if n:
            model.index(_tokenized(streams[name]), show_progress=False)
            fields[name] = _field_from_bm25(model, n)
        else:
            fields[name] = _empty_field()
    where: dict[str, list[int]] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            where.setdefault(k, []).append(i)
    articles = len({p.citation for p in passages}) or 1
    idf = {k: math.log(1 + articles / len({passages[i].citation for i in ids})) for k, ids in where.items()}
    meta = {
        "titles": titles,
        "keys": where,
        "idf": idf,
        "words": {w: list(f) for w, f in new.items()},
    }
    return {"fields": fields, "meta": meta}
