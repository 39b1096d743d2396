"""The purchases of a 간이과세자's question: the 공급대가 bought with a 세금계산서 (제63조③), found by the words
of buying with an invoice, past a bracketed list of what was bought."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts
from taxqa.tax.words import amount_near

# "매입 공급대가 3,300", "재료 사면서 세금계산서 받은 게 2천2백만원", "세금계산서 받고 물건 떼 온 게 공급대가로 3천":
# bought with an invoice, 공급대가 said of the purchases a few words before the amount
BOUGHT_WITH_INVOICE = (
    r"매입(?:\s*(?!매출)[^\s\d,.]+){0,4}?\s*공급대가|매입|"
    r"세금\s*계산서\S{0,2}\s*(?:받은|수취한?)\s*(?:게|거|것|금액)?(?:\S{0,2}\s*공급대가\S{0,2})?|"
    r"세금\s*계산서\S{0,2}\s*(?:로|받고)?\s*(?:[가-힣]{0,3}(?:물건|재료|자재|원료|상품|물품)\S{0,2}\s*)?"
    r"(?:산|구입한|구매한|떼\s*온|떼어\s*온|사\s*온|들여\s*온)\s*(?:(?:게|거|것)\s*)?"
    r"(?:[가-힣]{0,3}(?:물건|재료|자재|원료|상품|물품)\S{0,2})?\s*(?:공급대가|금액)?"
)
SOLD = r"매출|공급대가|수입"

# "매입(기름값, 타이어, 정비)이 부가세 포함 3,100만원": a list of what was bought, no figure in it, between the
# word and its amount
LISTED_ASIDE = re.compile(r"\([^()\d]{1,30}\)")


def simple_purchases(rest: str):
    """The purchase amount of `rest` (the question with the sales and card amounts blanked), or None."""
    found = amount_near(rest, BOUGHT_WITH_INVOICE, SOLD)
    if found is not None:
        return found
    short = LISTED_ASIDE.sub("", rest)
    found = amount_near(short, BOUGHT_WITH_INVOICE, SOLD)
    if found is None:
        return None  # the same amount in the question itself (positions after the aside move back)
    return next((a for a in iter_amounts(rest) if a.start >= found.start and a.text == found.text), None)
