"""The everyday words for the statutes' concepts, written from the statutes' side.

taxqa/corpus/data/everyday.tsv is a reviewed table organised by act and article: for each article people ask
about, the words ordinary people use for its concept (개인연금, 노후 연금 상품 -> 연금계좌세액공제; 헌금, 십일조 ->
특별세액공제; 가게를 차리고 깎아 주는 -> 창업중소기업 등에 대한 세액감면), and why. It is written by walking each
act's article titles, not by patching single misses, so it reaches questions nobody has asked yet; corpus mining
cannot find these words, because the statutes never use them.

A question saying a row's everyday words names the row's article titles as concepts (``Query.concepts``), the
same way as the term table's reviewed phrasings (taxqa.corpus.terms): each title is a term of terms.tsv, so the
articles carrying it are known and the question's act is read from them. The words are plain text with two
marks, so that a reviewer reads them as words: " | " between alternatives and " ~ " for a gap of a few words
between parts said in order, " & " for the same gap between parts said in either order (취득세 & 며칠: "취득세는
며칠 안에" and "며칠 안에 취득세"); a space inside a part may be written or left out, and "(a|b)" is a choice. A first
part of one or two syllables must start a word (상금 is not 보상금's), and so must a later part of one
(땅 is not 몽땅's, 차 not 지게차's). An article whose title is too short to be
a term (지방세법 제115조 납기, 법인세법 제55조 세율) is named by its citation instead. An alternative written "- words" says
when the row does not apply (a card's deduction is not asked by "손님이 카드로": that is the seller's credit).
"""

from __future__ import annotations

import re
import sys
from importlib import resources
from itertools import permutations

from taxqa.corpus.cite import squash
from taxqa.corpus.review_table import read_rows

TABLE = "everyday.tsv"
CITATION = re.compile(r"^(\S.*) 제\d+조(의\d+)?$")  # an article named by its citation, its title too short to be a term
EVERYDAY_GAP = 25  # characters between two parts of one alternative: a few words of a short question
_SHORT = 2  # syllables: a first part this short must start a word


def part(text: str, first: bool) -> str:
    choices = text[1:-1].split("|") if text.startswith("(") and text.endswith(")") else [text]
    out = []
    for c in choices:
        body = r"\s*".join(re.escape(w) for w in c.split())
        if not first:  # a later part is mostly the verb the question asks with: any of its tenses
            body = body[:-1] + _tenses(body[-1])
        syllables = len(c.replace(" ", ""))
        starts_word = syllables <= _SHORT if first else syllables == 1
        out.append(("(?<![가-힣])" + body) if starts_word else body)
    return "(?:" + "|".join(out) + ")"


# a stem's last syllable without a final consonant, in the forms a verb takes after it: 내 -> 낸 낼 냈 냄, 주 -> 줘 줬
# 준 줄, 하 -> 해 했 한 할, 되 -> 돼 됐 된 될, 보 -> 봐 봤, 쓰 -> 써 썼 (the medial contracted with 어/아)
_FINALS = (0, 4, 8, 16, 20)  # none, ㄴ, ㄹ, ㅁ, ㅆ
_CONTRACTED = {13: 14, 8: 9, 20: 6, 18: 4, 11: 10, 0: 1}  # ㅜ->ㅝ, ㅗ->ㅘ, ㅣ->ㅕ, ㅡ->ㅓ, ㅚ->ㅙ, 하 (ㅏ) -> 해 (ㅐ)


def _tenses(ch: str) -> str:
    code = ord(ch) - 0xAC00
    if not 0 <= code < 11172 or code % 28:
        return ch
    initial, medial = divmod(code // 28, 21)
    medials = {medial, _CONTRACTED.get(medial, medial)} if medial != 0 or initial == 18 else {medial}
    forms = {chr(0xAC00 + (initial * 21 + m) * 28 + f) for m in medials for f in _FINALS}
    return "[" + "".join(sorted(forms)) + "]"


class Words:
    """A row's everyday words, compiled on the first question that holds one of its first parts: a new process
    answering one question compiles the few rows it may match, not all of them (start-up, `taxqa corpus search`)."""

    def __init__(self, words: str):
        self.words = words
        firsts = (f.strip() for a in words.split(" | ") if not a.startswith("- ") for f in _firsts(a))
        self.cues = {c.replace(" ", "") for f in firsts for c in (f[1:-1].split("|") if f.startswith("(") else [f])}
        self._compiled: re.Pattern | None = None

    def search(self, text: str):
        squashed = text.replace(" ", "")
        if not any(c in squashed for c in self.cues):
            return None
        if self._compiled is None:
            self._compiled = pattern(self.words)
        return self._compiled.search(text)


def _orders(alternative: str) -> list[list[str]]:
    """An alternative's parts in each order it may be said: " ~ " keeps the written order, " & " takes any."""
    if " & " not in alternative:
        return [alternative.split(" ~ ")]
    return [list(p) for p in permutations(alternative.split(" & "))]


def _firsts(alternative: str) -> list[str]:
    """The parts an alternative may start with (its cues): the first, or any of a " & " alternative."""
    return alternative.split(" & ") if " & " in alternative else [alternative.split(" ~ ")[0]]


def pattern(words: str) -> re.Pattern:
    """The regular expression of a row's everyday words (see the module's docstring)."""
    gap = rf".{{0,{EVERYDAY_GAP}}}?"
    said, unless = [], []
    for a in words.split(" | "):
        out = unless if a.startswith("- ") else said
        for order in _orders(a.removeprefix("- ")):
            out.append(gap.join(part(p.strip(), i == 0) for i, p in enumerate(order)))
    guard = "^(?!.*(?:" + "|".join(unless) + "))(?s:.*?)" if unless else ""
    return re.compile(guard + "(?:" + "|".join(said) + ")")


def rows(path=None) -> list[list[str]]:
    """The table's rows: act, titles, everyday words, why."""
    return read_rows(path or resources.files("taxqa.corpus") / "data" / TABLE)


def carriers(terms: set[str] | None = None) -> dict[str, frozenset[str]]:
    """The term table's (taxqa.corpus.terms) kept terms -> the acts of the articles carrying them, a decree
    counting as its act; only the table's own titles unless ``terms`` says which (a new process reads fewer)."""
    from taxqa.corpus.terms import TABLE as TERMS

    wanted = terms if terms is not None else {squash(t) for r in rows() if len(r) > 1 for t in r[1].split(" | ")}
    out = {
        t: frozenset({m.group(1)}) for r in rows() if len(r) > 1 for t in r[1].split(" | ") if (m := CITATION.match(t))
    }
    text = (resources.files("taxqa.corpus") / "data" / TERMS).read_text(encoding="utf-8")
    for line in text.splitlines():
        cols = line.split("\t", 4)
        if len(cols) > 3 and cols[1] in wanted and cols[0] != "drop":
            laws = (c.strip().rsplit(" ", 1)[0] for c in cols[3].split("|") if c.strip())
            out[cols[1]] = frozenset(w.removesuffix(" 시행규칙").removesuffix(" 시행령") for w in laws)
    return out


def phrasings(carriers: dict[str, frozenset[str]]) -> list[tuple[Words, str, frozenset[str]]]:
    """(everyday words, term, the acts of the articles carrying it) per title of each row, as
    taxqa.corpus.terms.phrasings gives them; ``carriers`` is the term table's term -> acts (``carriers()``)."""
    out = []
    for act, titles, words, *_ in rows():
        compiled = Words(words)
        for title in titles.split(" | "):
            term = title if CITATION.match(title) else squash(title)
            out.append((compiled, term, carriers.get(term, frozenset({act}))))
    return out


def check(carriers: dict[str, frozenset[str]]) -> list[str]:
    """What is wrong with the table: a title the term table lacks or carries in another act, a row not of four
    columns, an alternative that matches any question."""
    from taxqa.corpus.embedded import load_passages

    cited = {p.citation for p in load_passages()}
    problems = []
    for n, cols in enumerate(rows(), 1):
        if len(cols) != 4 or not all(c.strip() for c in cols):
            problems.append(f"row {n}: not four columns (act, titles, everyday words, why)")
            continue
        act, titles, words, _ = cols
        for title in titles.split(" | "):
            acts = carriers.get(title if CITATION.match(title) else squash(title))
            if CITATION.match(title) and title not in cited:
                problems.append(f"row {n}: {title} is not an article of the corpus")
            elif acts is None:
                problems.append(f"row {n}: {title} is not a term of the term table")
            elif act not in acts:
                problems.append(f"row {n}: {title} is not an article title of {act}")
        if pattern(words).search(""):
            problems.append(f"row {n}: its everyday words match any question (an empty alternative?)")
    return problems


def main() -> int:
    problems = check(carriers())
    print("\n".join(f"{TABLE}: {p}" for p in problems) or f"{TABLE}: {len(rows())} rows, all titles found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
