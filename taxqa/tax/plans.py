"""Plans a story tells of and then gives up, left out before reading: "처음엔 5억을 주려다가 … 접었어요",
"혼인 공제 받을 생각이었는데 파혼했어요", and the wish over what was dropped ("만약 넣었으면 … 받았을 텐데").
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
