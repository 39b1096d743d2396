"""Figures of what did not happen: a supposition ("만약 일반이었으면 매입세액 300만원은 돌려받았을 거라던데") and a
plan considered and dropped ("3억 6천에 사겠다는 사람이 있어서 팔까 했는데 … 참았어요"). Their amounts are not
the case's facts, so their clauses are blanked (the text keeps its length) before the kind readers see it."""

from __future__ import annotations

import re

# "만약 그때 팔았으면 … 40%라길래", "만약 일반이었으면 … 돌려받았을 거라던데,": from 만약 to the end of what follows
# the supposed past (the clause that reports it or the sentence)
SUPPOSED = re.compile(
    r"(?:만약|만일)(?:에)?\s[^.?!\n]{0,40}?(?:었|았|였|했|이었)(?:더라면|으면|다면)"
    r"[^.?!\n]{0,50}?(?:던데|는데|지만|길래|텐데|겠죠|겠지만)\S{0,2}"
)
# "3억 6천에 사겠다는 사람이 있어서 팔까 했는데", "1억에 살까 고민하다가": a plan weighed, in the clause before it
CONSIDERED = re.compile(
    r"[^.?!\n,]{0,50}?[가-힣](?:ㄹ|을|할|팔|살|볼|바꿀)?까\s*(?:했|하다|고민(?:하다|했|도)|생각(?:하다|했|도))\S{0,3}"
)


def dropped_spans(text: str) -> list[tuple[int, int]]:
    """The spans of a supposition's and a dropped plan's clauses that hold a figure."""
    spans = [m.span() for p in (SUPPOSED, CONSIDERED) for m in p.finditer(text)]
    return [(a, b) for a, b in spans if re.search(r"\d", text[a:b])]


def without_supposed(clean: str, reading) -> str:
    """`clean` with the figures of a supposition or a dropped plan blanked; their mentions are set aside."""
    for a, b in dropped_spans(clean):
        said = clean[a:b].strip()
        clean = clean[:a] + re.sub(r"\d", " ", clean[a:b]) + clean[b:]
        reading.assume(f"'{said[:40]}': 가정이나 하지 않은 계획의 금액이라 계산에 넣지 않음")
        for m in reading.mentions:
            if m.type == "amount" and a <= m.start and m.end <= b:
                m.flags["corrected"] = True
    return clean
