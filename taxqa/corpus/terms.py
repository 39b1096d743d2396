"""The term table: the names the statutes give their concepts, each pointing at the articles that carry it.

Built from the corpus itself, not by hand:

- title phrases: an article title cut at its connectives ("국세의 부과제척기간" -> 국세, 부과제척기간;
  "창업중소기업 등에 대한 세액감면" -> 창업중소기업, 세액감면) and the whole title;
- defined terms: what an article defines ("용역"이란 ..., (이하 "공급대가"라 한다), ... 를 "자녀세액공제"라
  한다), in 제2조 and wherever else a term is coined;
- cross-references: the noun other articles name an article by ("제160조에 따른 복식부기의무자", "「소득세법」
  제16조에 따른 직장공제회"), when at least two places say it and it is not a generic word of the corpus
  (a tax's name, a word in more than XREF_MAX_SHARE of the passages): the statute's own name for what that
  article governs, where its title says something else.

A question that contains a term (spaces removed; the legal terms its lay phrases map to included, see
taxqa.corpus.query) names the concept, and the articles carrying the term gain a score weighted by how
rare the term is (taxqa.corpus.bm25). `python -m taxqa.corpus.terms` writes the table of the embedded corpus
to taxqa/corpus/data/terms.tsv for review: a row whose first column is changed to `drop` is ignored
(a phrase too generic to name a concept), and the review may give a term the everyday ways of saying it
(last column: a regular expression over the question as typed, e.g. 자녀세액공제 <- "(아이|애들?|자녀).{0,15}
(세금|공제|깎|빼)"). A question saying it names the term as if it were written. A rebuild keeps the marks and
the phrasings, and refuses a phrasing whose term the corpus no longer has (or that does not compile).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from taxqa.corpus import review_table
from taxqa.corpus.cite import squash
from taxqa.corpus.review_table import read_rows

if TYPE_CHECKING:
    from taxqa.records import PassageRecord

TABLE = "terms.tsv"
HEADER = "mark<TAB>term<TAB>source<TAB>articles<TAB>idf<TAB>everyday phrasing  (see taxqa/corpus/terms.py)"
MIN_CHARS = 3  # shorter phrases ("세율", "정의") are too common to name one concept
_CONNECTIVES = re.compile(
    r"\s+등에\s+대한\s+|\s+등에\s+관한\s+|에\s+대한\s+|에\s+관한\s+|에\s+따른\s+|으로\s+인한\s+|로\s+인한\s+|"
    r"\s+및\s+|\s+또는\s+|ㆍ|·|,|\s+등의\s+|\s+등\s+|의\s+|을\s+위한\s+|를\s+위한\s+"
)
_DEFINED = re.compile(
    r'"([^"\n]{2,30})"(?:이)?란|\(이하 (?:이 [조항호목]에서 |이 절에서 |이 장에서 )?"([^"\n]{2,30})"(?:이)?라 한다|'
    r'(?:을|를) "([^"\n]{2,30})"(?:이)?라 한다'
)


def defined_terms(text: str) -> list[str]:
    """Terms a passage defines: "용역"이란 ..., (이하 "공급대가"라 한다), ... 를 "자녀세액공제"라 한다."""
    return list(dict.fromkeys(next(g for g in m.groups() if g) for m in _DEFINED.finditer(text)))


def title_phrases(title: str) -> list[str]:
    """A title and the phrases between its connectives, spaces removed."""
    parts = [squash(title), *(squash(p) for p in _CONNECTIVES.split(title))]
    return [p for p in dict.fromkeys(parts) if len(p) >= MIN_CHARS]


XREF_MIN = 2  # places naming an article by the same noun
XREF_MAX_SHARE = 0.02  # of the passages: a noun in more of them (가산세, 과세표준) names no article
_REFERENCE = re.compile(
    r"(?:「([^」]+)」\s*)?제(\d+)조(?:의(\d+))?(?:제\d+항)?(?:제\d+호)?(?:[가-하]목)?(?:\s*각\s*호\s*외의\s*부분)?"
    r"(?:\s*본문|\s*단서)?에\s*따른\s+([가-힣]{2,20})"
)
# "법 제73조" in a decree, "같은 법 제5조", "「지방세기본법」 제49조 및 제50조": the act is another or named earlier
_LAWISH = re.compile(r"(?:법|령|규칙|같은|동|[조항호](?:\s*(?:및|또는|부터|와|과))?\s*,?)\s*$")
_TAX = re.compile(r"세$|세액$|과세표준$|소득$")  # a tax, an amount or a base: every article of its act says it


def references(passages: Sequence[PassageRecord]) -> dict[str, list[tuple[str, str]]]:
    """citation -> [(noun, "xref")]: the nouns other articles name it by ("제160조에 따른 복식부기의무자"),
    said in at least XREF_MIN places, rare in the corpus, and not already its title phrase or defined term."""
    from collections import Counter

    cited = {p.citation for p in passages}
    counts: Counter = Counter()
    for p in passages:
        if p.kind not in ("statute", "decree"):
            continue
        for m in _REFERENCE.finditer(p.text):
            act = m.group(1)
            if act is None:
                if _LAWISH.search(p.text[max(0, m.start() - 8) : m.start()]):
                    continue  # which act "법" or "같은 법" means is not read here
                act = p.law
            target = f"{act} 제{m.group(2)}조" + (f"의{m.group(3)}" if m.group(3) else "")
            noun = _noun(m.group(4))
            if target in cited and target != p.citation and len(noun) >= MIN_CHARS and not _TAX.search(noun):
                counts[(noun, target)] += 1
    candidates = {noun for (noun, _), n in counts.items() if n >= XREF_MIN}
    share = {w: sum(w in p.text for p in passages) / (len(passages) or 1) for w in candidates}
    own = {p.citation: {k for k, _ in keys_of(p)} for p in passages}
    out: dict[str, list[tuple[str, str]]] = {}
    for (noun, target), n in sorted(counts.items()):
        if n >= XREF_MIN and share[noun] <= XREF_MAX_SHARE and noun not in own[target]:
            out.setdefault(target, []).append((noun, "xref"))
    return out


def _noun(word: str) -> str:
    """The noun a word starts with, particles and endings cut off: its content morphemes, when they spell
    its beginning ("국산승용자동차로서" -> 국산승용자동차); "" otherwise."""
    from taxqa.corpus.morph import morphs

    joined = "".join(morphs(word))
    return joined if joined and word.startswith(joined) else ""


def all_keys(passages: Sequence[PassageRecord]) -> list[list[tuple[str, str]]]:
    """Each passage's (term, source) pairs: its own (keys_of), then the nouns other articles name it by
    (on the first passage of the article only: a long article's chunks share its citation)."""
    refs = references(passages)
    out, seen = [], set()
    for p in passages:
        keys = keys_of(p)
        if p.citation not in seen:
            keys += refs.get(p.citation, [])
            seen.add(p.citation)
        out.append(keys)
    return out


def keys_of(p: PassageRecord) -> list[tuple[str, str]]:
    """(term, source) pairs of a passage: its title phrases, then the terms it defines."""
    out = [(t, "title") for t in title_phrases(p.title)]
    out += [(squash(t), "defined") for t in defined_terms(p.text) if len(squash(t)) >= MIN_CHARS]
    seen: set[str] = set()
    return [(t, s) for t, s in out if not (t in seen or seen.add(t))]


def review(path=None) -> dict[str, tuple[str, str]]:
    """The shipped table's review: term -> (mark, everyday phrasing or "")."""
    path = path or resources.files("taxqa.corpus") / "data" / TABLE
    return {cols[1]: (cols[0], cols[5] if len(cols) > 5 else "") for cols in read_rows(path)}


def dropped() -> set[str]:
    """Terms the review marked `drop` in the shipped table."""
    return {t for t, (mark, _) in review().items() if mark == "drop"}


def phrasings() -> list[tuple[re.Pattern, str, frozenset[str]]]:
    """(everyday phrasing, term, the acts of the articles carrying it) for each phrasing the review gave,
    compiled; a decree counts as its act."""
    path = resources.files("taxqa.corpus") / "data" / TABLE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 6 or not cols[5] or cols[0] == "drop":
            continue
        acts = frozenset(_act_of(c.strip()) for c in cols[3].split("|") if c.strip())
        out.append((re.compile(cols[5]), cols[1], acts))
    return out


def _act_of(citation: str) -> str:
    law = citation.rsplit(" ", 1)[0]
    return law.removesuffix(" 시행규칙").removesuffix(" 시행령")


def table_rows(passages: Sequence[PassageRecord], reviewed: dict[str, tuple[str, str]]) -> list[list[str]]:
    """The review table: mark, term, source, articles (citations), idf, everyday phrasing."""
    where: dict[str, dict[str, None]] = {}
    source: dict[str, str] = {}
    for p, keys in zip(passages, all_keys(passages)):
        for term, src in keys:
            where.setdefault(term, {})[p.citation] = None
            source.setdefault(term, src)
    n = len({p.citation for p in passages}) or 1
    lost = sorted(t for t, (_, lay) in reviewed.items() if lay and t not in where)
    if lost:
        raise ValueError(f"phrasings for terms the corpus no longer has: {', '.join(lost)}")
    rows = []
    for term in sorted(where):
        mark, lay = reviewed.get(term, ("keep", ""))
        if lay and re.compile(lay).search(""):  # a broken phrasing fails the build, not a search
            raise ValueError(f"phrasing of {term} matches any question (an empty alternative?): {lay}")
        idf = math.log(1 + n / len(where[term]))
        rows.append([mark, term, source[term], " | ".join(where[term]), f"{idf:.2f}", lay])
    return rows


def write_table(rows: Iterable[list[str]], out: Path) -> None:
    review_table.write_table(out, HEADER, rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m taxqa.corpus.terms", description=__doc__.split("\n")[0])
    parser.add_argument("passages", nargs="?", help="passages.jsonl(.gz) (default: the embedded corpus)")
    parser.add_argument("-o", "--output", required=True, help="terms.tsv to write")
    args = parser.parse_args(argv)
    from taxqa.corpus import lexicon
    from taxqa.corpus.embedded import load_passages

    problems = lexicon.check()  # the everyday-word lexicon's statute words must be the corpus's too
    if problems:
        print("\n".join(f"{lexicon.LEXICON}: {p}" for p in problems), file=sys.stderr)
        return 1
    out = Path(args.output)
    marks = review(review_table.marks_source(parser, out, HEADER, TABLE))  # a wrong -o is refused before work
    rows = table_rows(load_passages(args.passages), marks)
    write_table(rows, out)
    lay = sum(bool(r[5]) for r in rows)
    print(f"wrote {len(rows)} terms ({sum(r[0] == 'drop' for r in rows)} dropped, {lay} with phrasings) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
