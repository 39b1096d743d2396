"""The credits and the 가산세 of a VAT return: 신용카드매출전표 등 발행세액공제 (부가가치세법 제46조),
간이과세자 매입세금계산서 등 수취세액공제 (제63조③, ⑥) and 세금계산서 미수취 가산세 (제68조의2②1)."""

from __future__ import annotations

from datetime import date

from taxqa.amounts import format_won
from taxqa.tax.gift import won
from taxqa.tax.rates import percent, select
from taxqa.tax.result import Step

LAW = "부가가치세법"


def card_credit(card: int, room: int, day: date) -> Step:
    """신용카드매출전표 등 발행세액공제 (제46조①3: a share of the amount, a yearly cap, ② within the tax)."""
    ctable = select("vat_card_credit", day)
    num, den = ctable["rate"]
    by_rate = card * num // den
    amount = min(by_rate, ctable["cap"], room)
    how = f"발행금액 {format_won(card)} × {percent(num, den)} = {format_won(by_rate)}, 연 한도 {format_won(ctable['cap'])}"
    if amount < min(by_rate, ctable["cap"]):
        how += ", 납부세액 한도"
    return Step("신용카드매출전표 등 발행세액공제", amount, ctable["law"], how)


def card_credit_and_penalty(
    supply: int, computed: int, purchase_credit: int, card_sales: int | str, no_invoice: int | str, day: date
) -> tuple[list[Step], Step | None, list[str]]:
    """The credits of a 간이과세자 (매입 0.5% already computed, then 제46조 within what is left: 제63조⑥)
    and the 미수취 가산세 step (None when there is none)."""
    card = won(card_sales, "card_sales")
    missing = won(no_invoice, "no_invoice")
    table = select("vat", day)
    pnum, pden = table["simple_purchase_credit"]
    label = f"매입세금계산서 등 수취세액공제 (매입 공급대가 × {percent(pnum, pden)})"
    credits = [Step(label, purchase_credit, f"{LAW} 제63조")]
    notes: list[str] = []
    if card:
        credits.append(card_credit(card, max(computed - purchase_credit, 0), day))  # 제63조⑥
        notes.append("주로 소비자에게 공급하는 업종으로 신용카드매출전표 등 발행세액공제 대상이라고 가정 (제46조①)")
    penalty = None
    if missing:
        ptable = select("vat_simple_penalty", day)
        if supply < table["simple_exemption_below"]:
            notes.append(
                "영수증 발급 간이과세자(공급대가 4,800만원 미만)라 세금계산서 미수취 가산세 없음 (제68조의2②1)"
            )
        else:
            num, den = ptable["no_invoice"]
            how = f"세금계산서 없이 매입한 공급대가 {format_won(missing)} × {percent(num, den)}"
            penalty = Step("세금계산서 미수취 가산세", missing * num // den, ptable["law"], how)
            notes.append("직전 연도 공급대가도 4,800만원 이상이라 세금계산서를 발급받아야 하는 간이과세자로 가정")
    return credits, penalty, notes
