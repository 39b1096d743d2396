"""The definitions bridge: a defined term reached from the words of its definition.

The statutes coin short names for long descriptions: `"상속개시일"이란 피상속인이 사망한 날을 말한다`,
`... 소득에 대한 세액 (이하 "결정세액"이라 한다)`. A person asks with the description's words (사망한 날),
or with everyday words the lexicon maps to them (돌아가신 날 -> 사망), never with the short name; the articles
carrying the short name (titled by it or defining it, taxqa.corpus.terms) are where the rule is. This module
mines (term, the description's content words) pairs from the corpus, `python -m taxqa.corpus.bridge -o
taxqa/corpus/data/bridge.tsv`, for review: a row whose first column is changed to `drop` is ignored (a
description too generic to say the term), and a rebuild keeps the marks. A question whose words (its own and
its lexicon's statute words) hold all of a description's words (all but one of four or more) names the term.

Review (round 11, BENCHMARKS 9m): the generator keeps a description only when two of its written words say
more than the term and two of its words are rare (RARE_SHARE), and skips placeholders ("대통령령으로 정하는 ...");
each of the remaining rows was read, and those whose term is a generic word of the statutes (중소기업, 납세자,
명세서, 자동차세 ...) or whose description is a fragment of another clause (환어음 <- 자금 대출 관련 조건 양식)
were marked `drop`. On the questions of the older sets the bridge fires rarely: their everyday words are not a
definition's words; statute-worded questions (rulings' issues) are where it can name a term.
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from taxqa.corpus import review_table
from taxqa.corpus.cite import squash
from taxqa.corpus.review_table import read_rows

if TYPE_CHECKING:
    from taxqa.records import PassageRecord

TABLE = "bridge.tsv"
HEADER = "mark<TAB>term<TAB>description words<TAB>coined in<TAB>description  (see taxqa/corpus/bridge.py)"
MIN_WORDS = 2  # a one-word description is a synonym the lexicon's review should carry, not a bridge
MAX_WORDS = 5  # the head of a description: its last content words (the noun phrase the term abbreviates)
PLACEHOLDER = "대통령령으로"  # "대통령령으로 정하는 금액" names whatever the decree says, no concept
RARE_SHARE = 0.02  # of the passages: a description word in more of them (취득, 적용, 상속) says no one concept
_DEFINES = re.compile(r'"([^"\n]{2,30})"(?:이)?란\s+([^."\n]{4,120}?)(?:을|를)\s*말한다')
_NAMES = re.compile(
    r'([^.()"\n]{4,80}?)\(이하 (?:이 [조항호목]에서 |이 절에서 |이 장에서 )?"([^"\n]{2,30})"(?:이)?라 한다\)'
)
_CLAUSE_END = re.compile(r".*(?:[,;:]|[①-⑳]|다\s|\d+\\?\.\s|에\s+따른\s|으로서\s|로서\s|중\s|외의\s)")
# words any description says: they name no concept ("대통령령으로 정하는", "다음 각 호의", "해당하는 자")
GENERIC = frozenset(
    "대통령령 부령 정하 해당 다음 각 호 호의 목 항 조 경우 등 자 것 법 규정 따르 어느 하나 포함 제외 이 그 해당하 "
    "말하 관하 대하 위하 같 모두 또는 및 금액 기간 날 현재 이하".split()
)
_LOCK = threading.Lock()
_TABLE: list[tuple[frozenset[str], str]] | None = None


def descriptions(text: str) -> list[tuple[str, str]]:
    """(term, description) pairs a passage coins: "X"란 D를 말한다, and D(이하 "X"라 한다) with D cut at the
    clause before it."""
    out = [(m.group(1), m.group(2)) for m in _DEFINES.finditer(text)]
    for m in _NAMES.finditer(text):
        before = m.group(1)
        cut = _CLAUSE_END.match(before)
        out.append((m.group(2), before[cut.end() :] if cut else before))
    return out


def description_words(term: str, description: str, share: dict[str, float]) -> list[str]:
    """The description's head content words, generic words out; empty when it says no more than the term or
    fewer than MIN_WORDS of its words are rare in the corpus (``share``: word -> share of passages saying it)."""
    from taxqa.corpus.morph import morphs

    found = [m for m in dict.fromkeys(morphs(description)) if m not in GENERIC and len(m) > 1 and not m[0].isdigit()]
    found = found[-MAX_WORDS:]
    own = set(morphs(term))
    rare = [m for m in found if share.get(m, 0.0) <= RARE_SHARE]
    # written words saying more than the term: "대통령령으로 정하는 직계비속" is one (직계비속), a synonym
    saying = [w for w in description.split() if any(m in found and m not in own for m in morphs(w))]
    if len(found) < MIN_WORDS or len(saying) < MIN_WORDS or len(rare) < MIN_WORDS:
        return []
    return found


def table_rows(passages: Sequence[PassageRecord], reviewed: dict[str, str]) -> list[list[str]]:
    """The review table: mark, term, description words, the article coining it, the description as written."""
    from collections import Counter

    from taxqa.corpus.morph import morphs
    from taxqa.corpus.terms import MIN_CHARS

    df: Counter = Counter()
    for p in passages:
        df.update(set(morphs(p.text)))
    share = {w: n / (len(passages) or 1) for w, n in df.items()}
    rows: dict[tuple[str, str], list[str]] = {}
    for p in passages:
        if p.kind not in ("statute", "decree"):
            continue
        for term, desc in descriptions(p.text):
            key = squash(term)
            found = description_words(term, desc, share)
            if len(key) < MIN_CHARS or key.startswith(PLACEHOLDER) or not found:
                continue
            row_key = (key, " ".join(found))
            if row_key not in rows:
                mark = reviewed.get("\t".join(row_key), "keep")
                rows[row_key] = [mark, key, " ".join(found), p.citation, " ".join(desc.split())[:100]]
    return sorted(rows.values(), key=lambda r: (r[1], r[2]))


def review(path) -> dict[str, str]:
    """The shipped table's marks: "term<TAB>words" -> mark."""
    return {"\t".join(c[1:3]): c[0] for c in read_rows(path)}


def table() -> list[tuple[frozenset[str], str]]:
    """(description words, term) of the kept rows whose term the term table carries, once per process."""
    global _TABLE
    with _LOCK:
        if _TABLE is None:
            _TABLE = _load()
        return _TABLE


def _load() -> list[tuple[frozenset[str], str]]:
    from taxqa.corpus.terms import dropped

    path = resources.files("taxqa.corpus") / "data" / TABLE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    gone = dropped()
    out = []
    for line in lines:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3 or cols[0] != "keep" or cols[1] in gone:
            continue
        out.append((frozenset(cols[2].split()), cols[1]))
    return out


def terms(words: Iterable[str]) -> list[str]:
    """The defined terms whose description the words hold: all its words, or all but one of four or more."""
    have = set(words)
    out: dict[str, None] = {}
    for needed, term in table():
        missing = len(needed - have)
        if missing == 0 or (missing == 1 and len(needed) >= 4):
            out.setdefault(term)
    return list(out)


def write_table(rows: Iterable[list[str]], out: Path) -> None:
    review_table.write_table(out, HEADER, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m taxqa.corpus.bridge", description=__doc__.split("\n")[0])
    parser.add_argument("passages", nargs="?", help="passages.jsonl(.gz) (default: the embedded corpus)")
    parser.add_argument("-o", "--output", required=True, help="bridge.tsv to write")
    args = parser.parse_args(argv)
    from taxqa.corpus.embedded import load_passages

    out = Path(args.output)
    marks = review(review_table.marks_source(parser, out, HEADER, TABLE))
    rows = table_rows(load_passages(args.passages), marks)
    write_table(rows, out)
    print(f"wrote {len(rows)} rows ({sum(r[0] == 'drop' for r in rows)} dropped) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
