"""What around a general taxpayer's VAT figures says they are not this return's sales or purchases as said: an
earlier period's figures beside this period's (`done_period`), a rent the business pays (`paid_rent`), the pay of its
workers (`set_aside_wages`), purchases said as a share of the sales (`SHARE_OF_SALES`)."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts
from taxqa.tax.fractions import SHARE
from taxqa.tax.words import window_before


def paid_rent(text: str) -> list:
    """ "가게 월세 330만원 내고": a rent the asker pays (a cost of the business), not a rent received as sales."""
    return [
        a
        for a in iter_amounts(text)
        if re.search(r"(?:월세|임대료|관리비)\S{0,2}\s*$", window_before(text, a.start, 10))
        and re.match(r"\s*(?:원)?\s*(?:을|를|씩)?\s*(?:내|냈|나가|나갑|주고|줘|드리|드려)", text[a.end :])
    ]


# "팀원 넷이 일당 25만원씩", "알바생 둘한테 시급 10,320원 줘요": a worker's pay, said beside a word for the workers
WAGE = r"(?:일당|일급|시급|월급|급여|인건비|품삯|임금)\S{0,2}\s*(?:각\s*)?$"
WORKERS = r"팀원|직원|알바|아르바이트|인부|종업원|기사님?들|일꾼|기공"


def set_aside_wages(text: str, reading) -> None:
    """A worker's pay is no sale and bears no VAT to deduct (제38조: 매입세액 only on goods and services bought with
    VAT): no input of the return, and no total of it to ask for; the reading says it was left out."""
    for a in iter_amounts(text):
        left = text.rfind(".", 0, a.start) + 1  # the sentence up to the amount
        if not (re.search(WAGE, window_before(text, a.start, 8)) and re.search(WORKERS, text[left : a.start])):
            continue
        reading.assume(f"'{a.text}'은 일하는 사람에게 주는 인건비라 매출·매입(부가세)에 들어가지 않아 계산에 넣지 않음")
        for m in reading.mentions:
            if m.type == "amount" and m.value == a.value:
                m.flags["context"] = True  # a fact of the story, not a figure of the return
                m.flags.pop("period", None)  # "25만원씩": no total of the pay is needed


PERIOD = r"(?:\d{4}\s*년|작년|올해|이번|금년|지난|직전)\s*(?:제\s*)?(?:[12]\s*기|상반기|하반기)"
CURRENT = r"(?:이번|올해|금년)\s*(?:제\s*)?(?:[12]\s*기|상반기|하반기)"
# "매출은 작년 2기랑 똑같이": the earlier period's figure is the one this period's refers to
REFERRED = r"똑같|같이|같은|만큼|처럼|절반|두\s*배"


# "매입은 세금계산서 받은 것만 딱 매출의 절반", "매입이 매출의 60% 정도": the purchases by the sales
SHARE_OF_SALES = re.compile(
    # "매입은 … 딱 매출의 절반", "그 매출의 꼭 6할", "매출의 3분의 1": the share read by fractions.share_of
    r"매입[^.?!\d]{0,24}?매출\S{0,1}\s*(?:의\s*)?(?:딱\s*|꼭\s*|약\s*|한\s*|정확히\s*)?(?:" + SHARE + ")"
)


def half(sentence: str) -> str:
    """The half of the year a sentence's period names: '1' (1기, 상반기) or '2' (2기, 하반기)."""
    m = re.search(r"([12])\s*기|(상반기)|(하반기)", sentence)
    return "" if m is None else m[1] or ("1" if m[2] else "2")


def done_period(text: str) -> list:
    """ "2025년 2기엔 매출 2억 1천, 매입 9천이었고 그건 신고 끝났어요. 올해 1기는 매출 … 1억 8천": the amounts of an
    earlier period's sentence, before a later sentence of this period with its own sales: not this return's figures."""
    spans, out = [(m.start(), m.end()) for m in re.finditer(r"[^.?!\n]+", text)], []
    for i, (a, b) in enumerate(spans):
        if not re.search(PERIOD, text[a:b]) or re.search(CURRENT + "|" + REFERRED, text[a:b]):
            continue
        later = [  # this period's own sales said later, for a half other than the earlier one's
            (c, d)
            for c, d in spans[i + 1 :]
            if re.search(CURRENT, text[c:d])
            and half(text[c:d]) != half(text[a:b])
            and re.search(r"매출|공급가액|판매", text[c:d])
            and any(iter_amounts(text[c:d]))
        ]
        if not later:
            continue
        out += [x for x in iter_amounts(text) if a <= x.start < b]
    return out


# 제46조①: the 발행세액공제 is for an individual whose 직전 연도 공급가액 is 10억원 or less
CARD_CREDIT_CEILING = 10 * 10**8
PRIOR_SALES = re.compile(r"(?:작년|지난\s*해|전년|직전\s*(?:연도|년도))\s*(?:연\s*)?(?:매출|공급가액)")


def prior_year_sales(text: str, taken: set[int]):
    """ "작년 연매출 3억 정도": last year's sales, beside this period's; not this return's figure, but what decides
    whether the card credit applies."""
    return next(
        (
            a
            for a in iter_amounts(text)
            if a.start not in taken and PRIOR_SALES.search(window_before(text, a.start, 16))
        ),
        None,
    )
