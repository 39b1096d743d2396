"""Lane T, round 5: rents of several units over months, a 신고 안내문's card and 현금영수증 lines, a 간이과세자's
card-and-cash total, a notice's own due date missed, a buyer's offer, the costs summed for a 양도. One test per
cause, in wording of our own."""

from __future__ import annotations

from reading_cases import AS_OF, inputs

from taxqa.tax.reading import ask


def flags(q: str) -> str:
    a = ask(q, as_of=AS_OF)
    return " ".join(a["missing"] + a["ambiguous"])


def test_rent_of_each_unit_times_units_and_months_is_the_sales():
    q = (
        "상가 세 곳 모두 월세 100만원씩(부가세 별도) 받는 일반과세자예요. 넉 달 치 받았고, "
        "받은 세금계산서는 공급가액 200만원이에요. 부가세 얼마예요?"
    )
    got = inputs(q)
    assert got["sales"] == 12_000_000 and got["purchases"] == 2_000_000
    assert "기간마다의 금액" not in flags(q)


def test_rent_each_without_a_count_of_months_is_still_asked():
    q = "점포 두 칸 월세 300만원씩 받아요. 일반과세자고 매입은 없어요. 부가세는?"
    assert "기간마다의 금액" in flags(q)


def test_invoice_received_said_with_gross_amount_is_the_simple_purchases():
    q = "간이과세자 소매업이에요. 1년 매출 5천만원(부가세 포함), 물건 떼오면서 세금계산서 받은 게 공급대가로 1천만원이에요"
    got = inputs(q)
    assert got["supply"] == 50_000_000 and got["purchases"] == 10_000_000


def test_card_and_cash_summed_total_is_the_simple_supply_not_the_card_part():
    q = (
        "간이과세 음식점이요. 1년 매출은 카드랑 현금 다 합해서 6천만원이고, 그중 카드 결제가 4천만원이에요. "
        "세금계산서 받은 식재료는 2천만원(부가세 포함)."
    )
    got = inputs(q)
    assert got["supply"] == 60_000_000 and got["card_sales"] == 40_000_000 and got["purchases"] == 20_000_000


def test_notice_lines_of_card_and_cash_receipt_sales_with_vat_and_an_invoiced_part():
    q = (
        "안내문 내용입니다.\n  신용카드 매출 자료: 22,000,000원\n  현금영수증 매출 자료: 1,100,000원\n"
        "  ※ 위 금액은 부가가치세가 포함된 금액입니다.\n"
        "일반과세자 카페고 세금계산서 발행한 게 공급가액 500만원, 매입은 세금계산서 공급가액 1천만원이에요. 부가세?"
    )
    got = inputs(q)
    assert got["sales"] == 20_000_000 + 1_000_000 + 5_000_000
    assert got["card_sales"] == 23_100_000 and got["purchases"] == 10_000_000


def test_notice_due_date_missed_adds_the_three_percent():
    q = (
        "고지서 받았어요. 납부할 세액 2,000,000원, 납부기한 8월 31일인데 고지서 납부기한 넘겨서 10일 늦게 낼 것 같아요. "
        "가산세 얼마예요?"
    )
    got = inputs(q)
    assert got["kind"] == "late-payment" and got["days"] == 10 and got["after_notice"] is True


def test_penalty_bill_paid_late_is_no_notice_due_date_missed():
    q = "가산세 고지서가 왔는데 세금 300만원을 납부기한 지나서 20일 늦게 냈어요. 납부지연가산세?"
    assert "after_notice" not in inputs(q)
    q = "가산세 고지서가 나왔는데 납부기한 지나고 15일 늦게 냈거든요. 세금은 500만원. 맞게 나온 건가요?"
    assert "after_notice" not in inputs(q)


def test_year_on_a_notice_line_is_no_amount():
    q = "고지서 내용: 세목 양도소득세, 귀속연도: 2025, 납부할 세액 1,000,000원. 기한 지나 5일 늦게 냈어요. 가산세?"
    assert "2025" not in flags(q)


def test_buyer_offer_is_the_sale_price_and_the_purchase_is_asked():
    q = "오피스텔을 내놨더니 3억 2천에 사겠다는 사람이 있어요. 8년 보유했고 다주택이에요. 양도세 얼마쯤?"
    a = ask(q, as_of=AS_OF)
    assert any("취득가액" in m for m in a["missing"])
    assert not any("양도가액" in m for m in a["missing"])


def test_construction_cost_summed_is_an_expense_and_parents_lived_there():
    q = (
        "부모님 집을 9억에 팔았어요. 2014년 3월에 4억에 샀고, 법무사비랑 샷시 공사비 합쳐서 1,500만원 들었어요. "
        "2026년 5월 잔금, 1세대 1주택이고 부모님이 12년 쭉 거기서 사셨어요. 양도세?"
    )
    got = inputs(q)
    assert got["expenses"] == 15_000_000 and got["resided_years"] == 12
