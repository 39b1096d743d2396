"""Everyday nouns -> the corpus's nouns by meaning: a table built offline from kiwipiepy's morpheme embeddings.

A lay question says 헌금, 은퇴, 트럭, 월세 where the statutes say 기부, 퇴직, 차량, 임대료; neither the statute
mining (taxqa.corpus.terms, taxqa.corpus.bridge) nor the corpus vocabulary has those words, and the reviewed
lexicon (taxqa.corpus.lexicon) reaches only the words someone wrote into it. kiwipiepy's CoNg model ships a
vector per morpheme, trained on general Korean text, so its nearest morphemes of a statute noun include the
everyday words used for the same thing. This module asks it offline, `python -m taxqa.corpus.neighbours -o
taxqa/corpus/data/neighbours.tsv`, for every noun of the corpus's article titles (in 3 or more passages: what
names an article, not any word a clause says):

- its 100 nearest nouns; a neighbour the corpus lacks (in at most LAY_MAX_DF passages), written in Hangul, of
  two syllables or more, among kiwipiepy's LAY_MAX_RANK most frequent morphemes (an everyday word, not a name),
  not a word of the lexicon, and read on its own as one common noun (not 대한, 매년, 개월), is a candidate;
- each pair is scored by cosine and by CSLS (2 cos - the mean cosine of each word's 10 nearest): rare words
  with poor vectors are near everything (hubs: 부족액, 인지세), and CSLS discounts them;
- a candidate keeps its corpus nouns with cos >= MIN_COSINE and CSLS >= MIN_CSLS, best CSLS first, at most
  MAX_TARGETS.

Measured (BENCHMARKS 9n): neither score tells a right row from a wrong one. Of the rows the older questions'
words fire, a third map to a word of the same meaning (은퇴 -> 퇴직, 병원비 -> 의료비, 결혼 -> 혼인) at every
threshold tried; the rest are neighbours by topic (아버지 -> 고향, 작년 -> 최근, 접대비 -> 기부금), and used
unreviewed they ranked more older questions lower than higher. So the table is a list of proposals for review,
as terms.tsv and bridge.tsv are: a row is written `new` and not used; a review marks it `keep` (its first noun
says what the everyday word says) or `drop`; a rebuild keeps the marks. A query word that is a kept lay word
(bare, with a particle or with 하다: 트럭을, 은퇴하며) adds that first noun as a term the lay table added
(EXPANSION_WEIGHT of taxqa.corpus.bm25). A search process reads only the kept rows: no analyser, no
similarity call at query time.
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from taxqa.corpus import review_table
from taxqa.corpus.review_table import read_rows

if TYPE_CHECKING:
    from taxqa.records import PassageRecord

TABLE = "neighbours.tsv"
HEADER = "mark<TAB>lay word<TAB>corpus nouns as term:cosine:CSLS, best first  (see taxqa/corpus/neighbours.py)"
TERM_MIN_DF = 3  # passages: a corpus noun the table may map to
LAY_MAX_DF = 2  # passages: a word the corpus (nearly) lacks, so its question has nothing to match on
LAY_MAX_RANK = 40_000  # kiwipiepy numbers its morphemes by frequency: rarer words are names and jargon, not everyday
NEAREST = 100  # neighbours asked per corpus noun
HUB_K = 10  # neighbours whose mean cosine says how crowded a word's neighbourhood is (CSLS)
MIN_COSINE = 0.55  # neither score separates right rows from wrong ones (BENCHMARKS 9n): they only cut the table
MIN_CSLS = -0.15
MAX_TARGETS = 3  # shown for review; a query takes the first
_HANGUL = re.compile(r"[가-힣]{2,}")
_PARTICLES = sorted(
    "이 가 을 를 은 는 에 에서 에게 한테 도 만 으로 로 의 이랑 랑 하고 과 와 까지 부터 이나 나 에는 이라 라 이랑은 "
    "으로는 로는 에서는 이라도 라도 처럼 보다 값 비 이면 면 인데 인가 이야 야 이지 지 도요".split(),
    key=len,
    reverse=True,
)
_HADA = ("하", "한", "할", "함", "합", "해", "했", "됐", "되", "된", "될", "돼")
_LOCK = threading.Lock()
_TABLE: dict[str, str] | None = None


def document_frequencies(passages: Sequence[PassageRecord]) -> Counter:
    """Passages each content morpheme occurs in (title and text, as the index reads them)."""
    from taxqa.corpus.morph import morphs

    df: Counter = Counter()
    for p in passages:
        df.update(set(morphs(f"{p.title} {p.text}")))
    return df


def _nearest(kiwi, word: str, n: int) -> list[tuple[str, float, int]]:
    """The n nearest nouns of a noun by kiwipiepy's morpheme vectors, with their frequency rank; none for a
    form it does not know."""
    try:
        found = kiwi.most_similar_morphemes((word, "NNG"), top_n=n)
    except (ValueError, KeyError, RuntimeError):
        return []
    return [(s.form, float(s.score), int(s.id)) for s in found if s.tag == "NNG"]


def _nouns(analyser, words: list[str]) -> set[str]:
    """The words the analyser reads, on their own, as one common noun: not a verb's form (대한, 해서, 커서), an
    adverb (매년, 이제, 원래), a counter (개월, 년도) or a noun with a particle (원도, 차로), which a question
    writes for something else."""
    out = set()
    for word, tokens in zip(words, analyser.tokenize(words)):
        if len(tokens) == 1 and tokens[0].tag == "NNG" and tokens[0].form == word:
            out.add(word)
    return out


def table_rows(passages: Sequence[PassageRecord], reviewed: dict[str, str]) -> list[list[str]]:
    """[mark, lay word, "term:cos:csls ..."] per everyday candidate with a kept target, sorted by lay word; a
    row not reviewed yet is marked new."""
    from taxqa.corpus import lexicon
    from taxqa.corpus.morph import kiwi, morphs

    analyser = kiwi()
    df = document_frequencies(passages)
    lexicon_words = {w for w, _ in lexicon.read_lexicon(lexicon._text())}
    titled = {m for p in passages for m in morphs(p.title)}  # what names an article, not what any clause says
    terms = sorted(w for w, n in df.items() if n >= TERM_MIN_DF and w in titled and _HANGUL.fullmatch(w))
    crowd: dict[str, float] = {}
    pairs: dict[str, dict[str, float]] = {}
    for term in terms:
        near = _nearest(analyser, term, NEAREST)
        if not near:
            continue
        crowd[term] = sum(s for _, s, _ in near[:HUB_K]) / HUB_K
        for word, cos, rank in near:
            if cos >= MIN_COSINE and df.get(word, 0) <= LAY_MAX_DF and rank < LAY_MAX_RANK:
                if _HANGUL.fullmatch(word) and word not in lexicon_words:
                    pairs.setdefault(word, {})[term] = cos
    nouns = _nouns(analyser, sorted(pairs))
    rows = []
    for word in sorted(pairs):
        if word not in nouns:
            continue
        own = _nearest(analyser, word, HUB_K)
        word_crowd = sum(s for _, s, _ in own) / HUB_K if own else 0.0
        scored = [(t, cos, 2 * cos - crowd[t] - word_crowd) for t, cos in pairs[word].items()]
        kept = sorted((s for s in scored if s[2] >= MIN_CSLS), key=lambda s: -s[2])[:MAX_TARGETS]
        if kept:
            targets = " ".join(f"{t}:{cos:.2f}:{csls:.2f}" for t, cos, csls in kept)
            rows.append([reviewed.get(word, "new"), word, targets])
    return rows


def review(path) -> dict[str, str]:
    """The shipped table's marks: lay word -> mark."""
    return {c[1]: c[0] for c in read_rows(path) if len(c) >= 3}


def read_table(text: str) -> dict[str, str]:
    """Lay word -> its best corpus noun, of the rows a review marked keep (the others are not read: a search
    process reads only what it uses)."""
    out = {}
    for line in text.splitlines():
        if not line.startswith("keep\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[2].split():
            raise ValueError(f"{TABLE}: expected 'keep<TAB>lay word<TAB>term:cos:csls ...', got {line!r}")
        out[cols[1]] = cols[2].split()[0].split(":")[0]
    return out


def table() -> dict[str, str]:
    """The shipped table's kept rows, read once per process."""
    global _TABLE
    with _LOCK:
        if _TABLE is None:
            try:
                text = (resources.files("taxqa.corpus") / "data" / TABLE).read_text(encoding="utf-8")
            except OSError:
                text = ""
            _TABLE = read_table(text)
        return _TABLE


def lay_word(written: str, rows: dict[str, str]) -> str:
    """The table's lay word a written word is, bare or with a particle (트럭을 -> 트럭); "" when none."""
    if written in rows:
        return written
    for p in _PARTICLES:
        if written.endswith(p) and written[: -len(p)] in rows:
            return written[: -len(p)]
    for n in range(2, len(written) - 1):  # a noun with 하다: 은퇴하며, 은퇴한, 창업했는데
        if written[:n] in rows and written[n:].startswith(_HADA):
            return written[:n]
    return ""


def lookup(text: str) -> list[tuple[str, str]]:
    """The table's lay words a text says, with their corpus nouns, in the text's order."""
    rows = table()
    out: dict[str, str] = {}
    for written in _HANGUL.findall(text):
        word = lay_word(written, rows)
        if word:
            out.setdefault(word, rows[word])
    return list(out.items())


def expansion(text: str) -> list[str]:
    """The corpus nouns a text's everyday words map to, without repeats."""
    return list(dict.fromkeys(t for _, t in lookup(text)))


def write_table(rows: list[list[str]], out: Path) -> None:
    review_table.write_table(out, HEADER, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m taxqa.corpus.neighbours", description=__doc__.split("\n")[0])
    parser.add_argument("passages", nargs="?", help="passages.jsonl(.gz) (default: the embedded corpus)")
    parser.add_argument("-o", "--output", help="neighbours.tsv to write")
    parser.add_argument("--show", metavar="TEXT", help="print the lay words TEXT says and their corpus nouns")
    args = parser.parse_args(argv)
    if args.show:
        for word, target in lookup(args.show):
            print(f"{word}\t{target}")
        return 0
    if not args.output:
        parser.error("-o/--output is required unless --show is given")
    from taxqa.corpus.embedded import load_passages

    out = Path(args.output)
    marks = review(review_table.marks_source(parser, out, HEADER, TABLE))  # a wrong -o is refused before work
    rows = table_rows(load_passages(args.passages), marks)
    write_table(rows, out)
    marks = Counter(r[0] for r in rows)
    print(f"wrote {len(rows)} rows to {out}: {marks['keep']} keep, {marks['drop']} drop, {marks['new']} not reviewed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
