"""Nets on the kind: a question read as a gift while it speaks of work and pay and never of a gift.

The gift reader is the last to try (order 90): "받다" with a relation word is broad, so a worker's "1년 돈 받는 것
3,800만원. 아내 …" can land there when no pay word a salary rule knows is said. Whatever the wording, a gift read
with no word of giving a gift (증여, 줬, 주셨, 보내, 물려 …) beside words of work is flagged instead of stated.
"""

from __future__ import annotations

import re

WORK = re.compile(r"공장|회사|직장|근무|일(?:해|하|했)|월급|세전|급여|알바|임금|노임|출근|퇴근|야근")
GIFT_SAID = re.compile(
    r"증여|줬|주셨|주신|준다|줄\s*(?:거|게|건)|주려|보내|보태|물려|넘겨|넣어|입금|송금|이체|선물|용돈"
)


def flag_gift_from_work(reading) -> None:
    if reading.kind != "gift" or reading.missing:
        return
    work = WORK.search(reading.text)
    if work and not GIFT_SAID.search(reading.text):
        reading.unclear(
            f"'{work.group(0)}'(일·급여를 말하는 말)이 있는데 증여로 계산함: 어떤 소득·세금인지 확인해 주세요"
        )


PAY_SAID = re.compile(
    r"연봉|총급여|급여|월급|기본급|연말정산|근로소득|알바|아르바이트|원천\s*징수|임금|노임|상여|세전|결정세액|"
    r"부양\s*가족|[가-힣]{0,3}수당|(?:회사|직장)\S{0,4}\s*(?:받|주|준|줬|나오|들어)"
)


def money_from_kin(text: str) -> bool:
    """A relative gives or sends the money and no word says it is pay: a gift, whatever the tax is called
    ("용돈 받은 세금 … 직장인인데 엄마가 8천5백을 계좌로 보내주셨어요"). Only a worker persona word may be
    said; any word of pay (연봉, 월급, 연말정산 …) keeps the question a salary one."""
    from taxqa.tax.family import gift_parties
    from taxqa.tax.gift_verbs import GIVE

    if PAY_SAID.search(text):
        return False
    return bool(re.search(GIVE, text) and gift_parties(text).relation)
