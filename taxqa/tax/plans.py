"""What did not happen, left out before reading: plans a story tells of and then gives up ("처음엔 5억을 주려다가
… 접었어요", "혼인 공제 받을 생각이었는데 파혼했어요") with the wish over them ("만약 넣었으면 … 받았을 텐데"), whole
sentences blanked in the text; and, in the normalised question, the clauses of a supposition ("만약 일반이었으면 매입세액
300만원은 돌려받았을 거라던데") and of a plan weighed and dropped ("3억 6천에 사겠다는 사람이 있어서 팔까 했는데").
Their figures and facts are not the case; the facts after them are."""

from __future__ import annotations

import re

# a sentence: up to its end mark or a line break (the mark stays with it)
SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")
# a plan the asker had: "주려다가", "올리려고 했는데", "받을 생각이었는데", "하기로 했었는데"
PLAN = r"려다(?:가)?|려고\s*했(?:었)?(?:는데|지만)|(?:ㄹ|을|할|받을|줄)\s*(?:생각|계획|예정)이었(?:는데|지만)|기로\s*했었(?:는데|지만)"
# the plan given up: folded, dropped, called off, a wedding broken off
GIVEN_UP = r"접었|바꿨|바꾸기로|접기로|포기|그만두기로|안\s*하기로|빼기로|취소|무산|없던\s*일|파혼|엎었|철회"
# the wish over it: "만약 넣었으면 … 받았을 텐데" (past, not a question's "만약 3억이면요?")
WISH = re.compile(r"^\s*(?:만약|만일)\b.*[았었였]\s*(?:으면|더라면).*(?:텐데|건데)")


def dropped_plans(text: str) -> tuple[str, bool]:
    """The question with each sentence telling of a plan given up blanked (its place kept as spaces so the
    layout stays), and whether any was; a wish over a dropped plan right after it goes with it."""
    out: list[str] = []
    dropped = after = False
    for m in SENTENCE.finditer(text):
        said = m.group(0)
        if not said:
            continue
        gone = bool(re.search(PLAN, said) and re.search(GIVEN_UP, said)) or (after and bool(WISH.search(said)))
        if gone:
            dropped = True
            out.append(re.sub(r"[^\n]", " ", said))
        else:
            out.append(said)
        after = gone or (after and not said.strip())
    return "".join(out), dropped


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
