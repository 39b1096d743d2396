"""Whether an amount in a VAT question includes VAT (공급대가) or not (공급가액), by its own words."""

from __future__ import annotations

import re

from taxqa.amounts import iter_amounts
from taxqa.tax.words import amount_near, part_of, window_before

INCLUDED = r"부가세\s*포함|부가가치세\s*포함|VAT\s*포함|공급대가|포함\s*(?:가격|금액)"
EXCLUDED = r"별도|제외|포함\s*(?:안|아님|아닌|않|X)|공급가액"


def vat_included(text: str, a) -> bool:
    """Does amount `a` include VAT? Its own words decide ("부가세 포함 매입 2,200만원", "공급가액 1억");
    a question that says so once for all ("모두 부가세 포함") applies it to every amount without its own."""
    others = [b for b in iter_amounts(text) if b.start != a.start]
    left = max([b.end for b in others if b.end <= a.start] or [0])
    right = min([b.start for b in others if b.start >= a.end] or [len(text)])
    own = part_of(text, a.start, a.end)
    alone = not any(b.start >= text.find(own) and b.end <= text.find(own) + len(own) for b in others)
    near = text[max(left, a.start - 14) : a.start] + text[a.end : min(right, a.end + 14)]
    if re.search(EXCLUDED, near) or (alone and re.search(EXCLUDED, own) and not re.search(INCLUDED, near)):
        return False
    if re.search(INCLUDED, near) or (alone and re.search(INCLUDED, own)):
        return True
    return bool(re.search(INCLUDED, text)) and not re.search(EXCLUDED, text)


def card_amounts(text: str):
    """(card sales, purchases paid by card) of a general taxpayer's question: the amount named by
    카드/현금영수증, unless it is said in the 매입 clause ("매입은 세금계산서 3억 + 카드 5천", 제46조③)."""
    card = amount_near(text, r"카드|현금\s*영수증", r"매입")
    if card is not None and not re.search(r"(?:카드|현금\s*영수증)\s*\S{0,6}\s*$", window_before(text, card.start, 12)):
        card = None  # the keyword must name this amount, not an earlier one
    if card is not None and re.search(r"매입(?![^,.]*매출)[^,.]*$", text[: card.start]):
        return None, card
    return card, None
