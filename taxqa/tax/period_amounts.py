"""Amounts said per period ("매달 10만원씩", "원비는 월 28만원") that no input of the question's kind takes, so they
are set aside with a note rather than asked about as a total the calculation would need."""

from __future__ import annotations

import re


def paid_out_beside_pay(reading, m) -> str:
    """'회사 주차비로 매달 10만원씩 냈어요' beside a 근로소득공제 question: a cost the worker pays each month, no part of
    the pay (근로소득공제 is figured from 총급여 alone); a fee in any question. What it is left out of, or ""."""
    before, after = reading.text[max(0, m.start - 16) : m.start], reading.text[m.end : m.end + 12]
    fee = re.search(r"(?:회비|구독료|수강료)\S{0,2}\s*(?:월|매달)?\s*$", before)  # "회비는 월 3만원인데": a club's fee
    if m.used_as is not None or reading.kind != "wage":
        return "계산" if m.used_as is None and fee else ""
    paid = re.search(r"(?:냈|내요|내고|냅니다|내는|나가|나갔|지출|썼|부담)", after)
    kept = re.search(r"비과세|식대|수당|급여|월급|상여|보너스|받", before + after)
    return "근로소득공제(총급여로만 계산)" if paid and not kept else ""


def beside_a_sale(reading, m) -> bool:
    """'원비는 월 28만원' beside a 양도소득세 question: the prices and costs of a sale are lump sums, never an amount
    each month, so one said per period and placed nowhere is a story's detail, not a total to ask for."""
    return reading.kind == "transfer" and m.used_as is None


# "학원비는 월 48만원": a household's running cost told in passing, no figure of any tax here
LIVING_COST = r"학원비|교습비|관리비|용돈|식비|통신비|보육료|간병비"  # fees (회비, 구독료): paid_out_beside_pay


def living_cost(reading, m) -> bool:
    """A household's cost said per period beside a question of any kind and placed nowhere: flagged, not asked for
    as a total (no calculation here takes it)."""
    # "매달 50만 원은 생활비로 받는 용돈이고": the cost named after the amount
    after = re.match(rf"\s*원?\s*(?:은|는|씩은?)?\s*(?:생활비|{LIVING_COST})", reading.text[m.end : m.end + 16])
    return m.used_as is None and bool(re.search(LIVING_COST, reading.text[max(0, m.start - 10) : m.start]) or after)
