"""The everyday-word rows a question is near to, when it says none of their exact wordings.

The everyday-word table (taxqa.corpus.everyday) fires a row only on one of its exact wordings; people say the same
concept in other words ("근로장려금 누가 받을 수 있어" where the row lists 자격, 조건). Here each row is a small document
(its titles and every wording, the marks dropped) and a question is scored against all rows by BM25 over two kinds
of tokens: content morphemes (taxqa.corpus.morph, the shipped vocabulary: no analyser is loaded) and the character
bigrams inside each word, which need no dictionary and catch a stem said in another tense or a compound split
differently (돌려받을 ~ 돌려받, 장려금 ~ 근로장려금). A row's weight is the share of the question's own token weight
it explains (its BM25 score over the question's summed idf), for the TOP rows; a row is also near, at PARTIAL, when
the question says all parts but one of one of its wordings of three parts or more, in any order. A row whose
"- words" the question says is not near. taxqa.corpus.rerank lifts the articles carrying a near row's titles by
NEAR_WEIGHT times its weight, for a question that says no row exactly (query.read_query), has few words of its own
in the corpus and names no article's title: the exact rows are right about 13 times in 14, these guesses much less
often (the best row is the gold article's for about half the questions it is taken for), and a question in the
statute's words (a ruling's issue) is better served by those words. Built on the first question that needs it
(~50 ms; a row's part patterns on the first question near to it), nothing saved; ~0.5 ms a question after.

Tuned on the older retrieval sets only (BENCHMARKS 9ac): TOP 2 (1 and 3 lost more @1), BIGRAM 0.5 (0.25, 0.3, 1.0
no better), B 0.3 (0 and 0.75 lost), the self share over the best row's score (+9 @1), PARTIAL 1.0 (0.6 and 1.5
lost @1).
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable

from taxqa.corpus import everyday
from taxqa.corpus.cite import squash
from taxqa.corpus.morph import morphs

K1 = 1.2
B = 0.3  # rows differ tenfold in length; a long row is not much less about its concept
BIGRAM = 0.5  # a character bigram's weight beside a morpheme's
MIN_SCORE = 8.0  # the best row's BM25 score below which no row is near (a word or two in common)
TOP = 2  # rows taken by score, best first
PARTIAL = 1.0  # the weight of a row whose wording the question says all parts but one of ...
PARTIAL_POOL = 10  # ... among this many best rows by score
_MARKS = re.compile(r"[()|~&]")
_LOCK = threading.Lock()
_ROWS: list | None = None
_PARTS: dict[int, list[list[re.Pattern]]] = {}


def tokens(text: str, stop: Iterable[str] = ()) -> Counter:
    """Content morphemes and in-word character bigrams (marked "~") of a text, stopwords left out."""
    stop = set(stop)
    out: Counter = Counter(m for m in morphs(text) if m not in stop)
    for word in re.findall(r"[가-힣]{2,}", text):
        out.update("~" + word[i : i + 2] for i in range(len(word) - 1))
    return out


def _weight(token: str) -> float:
    return BIGRAM if token.startswith("~") else 1.0


def _rows() -> list:
    """[rows, idf, average length]: per row of the table (titles, its "- words", token counts, length)."""
    global _ROWS
    with _LOCK:
        if _ROWS is None:
            rows = []
            for _act, titles, words, *_ in everyday.rows():
                said = [a for a in words.split(" | ") if not a.startswith("- ")]
                unless = [a.removeprefix("- ") for a in words.split(" | ") if a.startswith("- ")]
                counts = tokens(" ".join([titles.replace(" | ", " "), *(_MARKS.sub(" ", a) for a in said)]))
                length = sum(v * _weight(t) for t, v in counts.items())
                rows.append((titles.split(" | "), " | ".join(unless), counts, length))
            df: Counter = Counter(t for r in rows for t in r[2])
            n = len(rows)
            idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
            _ROWS = [rows, idf, sum(r[3] for r in rows) / max(n, 1)]
        return _ROWS


def scores(text: str, stop: Iterable[str] = ()) -> list[tuple[float, int]]:
    """(BM25 score, row number) of every row sharing a token with the question, best first."""
    rows, idf, avg = _rows()
    asked = tokens(text, stop)
    out = []
    for n, (_titles, _unless, counts, length) in enumerate(rows):
        norm = K1 * (1 - B + B * length / avg)
        s = sum(_weight(t) * idf[t] * tf * (K1 + 1) / (tf + norm) for t in asked if (tf := counts.get(t)))
        if s > 0:
            out.append((s, n))
    return sorted(out, reverse=True)


def near(text: str, stop: Iterable[str] = (), said: Iterable[str] = ()) -> list[tuple[str, float]]:
    """(title, weight) of the rows the question is near to, best first: a title as a term (a citation when too
    short to be one); none when the best row scores below MIN_SCORE. Titles in ``said`` are left out."""
    ranked = scores(text, stop)
    if not ranked or ranked[0][0] < MIN_SCORE:
        return []
    rows, idf, _ = _rows()
    own = sum(_weight(t) * idf.get(t, 0.0) for t in tokens(text, stop)) or 1.0
    weights = {n: s / own for s, n in ranked[:TOP]}
    for _s, n in ranked[:PARTIAL_POOL]:
        if _partly_said(n, text):
            weights[n] = max(weights.get(n, 0.0), PARTIAL)
    out: dict[str, float] = {}
    said = set(said)
    for n, w in sorted(weights.items(), key=lambda x: -x[1]):
        titles, unless, _, _ = rows[n]
        if unless and everyday.pattern(unless).search(text):
            continue
        for t in titles:
            term = t if everyday.CITATION.match(t) else squash(t)
            if term not in said:
                out.setdefault(term, w)
    return list(out.items())


def _partly_said(n: int, text: str) -> bool:
    """Whether the question says all parts but one of one of row n's wordings of three parts or more, in any
    order anywhere (a wording "A ~ B ~ C" near to a question saying A and C, or C and B)."""
    found = _PARTS.get(n)
    if found is None:
        words = everyday.rows()[n][2]
        found = _PARTS[n] = [
            [re.compile(everyday.part(p.strip(), i == 0)) for i, p in enumerate(parts)]
            for a in words.split(" | ")
            if not a.startswith("- ") and len(parts := a.replace(" & ", " ~ ").split(" ~ ")) >= 3
        ]
    return any(sum(1 for p in parts if p.search(text)) >= len(parts) - 1 for parts in found)
