"""Lane T, round 2: 부가가치세 (일반·간이), 양도소득세 and 가산세 questions the reader got wrong: card sales said
with VAT and the 신용카드매출전표 발행세액공제, last year's figures beside this period's, amounts typed without
spaces or units, dialect, a sales total said as card and cash parts, an exam's "가산세는 없는 것으로",
a threshold heard of, one house said as '이것 하나', and flags raised on right answers."""

from __future__ import annotations

from reading_cases import AS_OF, reading

from taxqa.tax.layout import apply_unit_header
from taxqa.tax.normalise import normalise
from taxqa.tax.reading import ask


def payable(q: str) -> int:
    answer = ask(q, as_of=AS_OF)
    assert answer["result"] is not None, answer["missing"]
    return answer["result"]["payable"]


# --- card sales named by the slip issued, the VAT said with them -----------------------------------


def test_card_slip_issued_amount_with_vat_is_the_card_sales():
    q = (
        "분식집 일반과세자예요. 이번 기 매출 공급가액 5,000만원(부가세 별도), 매입 세금계산서 공급가액 2,000만원. "
        "카드매출전표 발행한 금액이 4,400만원 (부가세 포함)인데 부가세 얼마예요?"
    )
    r = reading(q)
    assert r.kind == "vat" and r.inputs["card_sales"] == 44_000_000 and r.inputs["sales"] == 50_000_000
    assert payable(q) == 3_000_000 - 572_000  # 4,400만 × 1.3%


def test_card_paid_said_with_vat_in_dialect_and_a_spoken_amount():
    q = (
        "부산서 국밥집 하는 일반과세자다. 이번 기 매출이 공급가액으로 팔천이고 세금계산서 받은 매입 공급가액이 "
        "삼천이다. 매출 중에 카드로 긁은 게 부가세 포함해가 육천육백. 부가세 얼마 내야 되노?"
    )
    r = reading(q)
    assert (r.inputs["sales"], r.inputs["purchases"], r.inputs["card_sales"]) == (80_000_000, 30_000_000, 66_000_000)


def test_card_sales_said_with_vat_right_after_the_word_and_purchases_said_as_short_supply_value():
    q = "족발집 일반과세자 이번2기 부가세요 매출 공급가로 9천(부가세뺀거) 매입세금계산서 받은거 공급가4천 카드매출은 부가세포함 8천8백이요"
    r = reading(q)
    assert r.inputs["purchases"] == 40_000_000  # '공급가' is 공급가액: no VAT to take out
    assert r.inputs["card_sales"] == 88_000_000
    assert payable(q) == 5_000_000 - 1_144_000


def test_card_and_cash_receipt_issued_with_vat():
    q = (
        "일반과세 베이커리입니다. 이번 과세기간 매출 공급가액 6,000만원이고 매입은 세금계산서 공급가액 2,500만원. "
        "매출 중 카드 결제랑 현금영수증 발급한 게 부가세 포함해서 5,500만원입니다. 납부세액?"
    )
    assert reading(q).inputs["card_sales"] == 55_000_000


# --- last year's figures beside this period's --------------------------------------------------------


def test_last_years_sales_said_first_is_not_this_periods():
    q = (
        "일반과세 꽃집이에요(작년 매출 1억 5천 정도). 이번 과세기간 매출 공급가액이 52,300,000원(부가세 별도)이고 "
        "세금계산서 받은 매입이 공급가액 2천만원이에요. 부가세 얼마?"
    )
    assert reading(q).inputs["sales"] == 52_300_000


def test_dated_year_sales_and_a_long_aside_before_the_purchase_amount():
    q = (
        "(단위: 천원, 공급가액 기준)\n개인 일반과세자, 2024년 매출 약 2억 1천\n- 매출 공급가액 합계 64,000\n"
        "- 매입 공급가액 (세금계산서 수취, 모두 공제 가능) 31,000\n질문: 이번 2기 확정 납부세액"
    )
    r = reading(q)
    assert (r.inputs["sales"], r.inputs["purchases"]) == (64_000_000, 31_000_000)


def test_last_half_year_is_this_period_not_last_years_figure():
    q = "작년 하반기 매출이 공급가액 7천만원이고 매입 세금계산서 공급가액 3천만원이에요. 일반과세자 부가세 얼마?"
    assert reading(q).inputs["sales"] == 70_000_000


# --- amounts typed with no unit: 만원 left out --------------------------------------------------------


def test_bare_numbers_after_supply_value_and_a_total_are_in_man_won():
    q = "화물차 개인사업자 일반과세 부가세요 매출 세금계산서 다 발행했고 공급가 합계 3600 매입은 세금계산서 받은 공급가 1500"
    r = reading(q)
    assert (r.inputs["sales"], r.inputs["purchases"]) == (36_000_000, 15_000_000)


def test_grouped_card_amount_beside_man_won_amounts_is_in_man_won():
    assert "부가세 포함 6,600만원" in normalise("그중 카드로 긁은 게 부가세 포함 6,600")
    assert normalise("법인카드 2장으로 결제") == "법인카드 2장으로 결제"  # a count of cards, no amount


def test_simple_taxpayer_bare_total_and_card_part():
    q = "네일샵 간이과세자요 작년매출 총 3900(부가세포함) 거의카드 3500 매입세금계산서는 없어요 부가세 얼마?"
    r = reading(q)
    assert r.kind == "vat-simple"
    assert (r.inputs["supply"], r.inputs["card_sales"]) == (39_000_000, 35_000_000)
    assert payable(q) == 0  # 공급대가 4,800만원 미만: 납부의무 면제


def test_simple_taxpayer_purchase_after_card_plus_cash_receipt():
    q = "동네 마트 간이과세자인데 작년 부가세 매출 부가세포함 8천4백 그중 카드+현금영수증 6천 매입 세금계산서받은거 부가세포함 5천이요"
    r = reading(q)
    assert r.inputs["card_sales"] == 60_000_000
    assert r.inputs["purchases"] == 50_000_000  # not the card amount, whose next word is 매입


def test_unit_header_number_before_a_list_comma_is_scaled():
    assert "50,000,000원," in apply_unit_header("(단위: 천원) 매출 50,000, 매입 22,000")


# --- sales said as their parts -----------------------------------------------------------------------


def test_sales_said_as_card_and_cash_parts():
    q = "일반과세 호프집인데 이번 기 매출이 카드 5,500(부가세 포함), 현금 2,200(부가세 포함)이고 매입은 공급가액 4,000이에요. 부가세?"
    r = reading(q)
    assert (r.inputs["sales"], r.inputs["card_sales"]) == (70_000_000, 55_000_000)


def test_cash_receipt_part_counts_as_card_sales():
    q = "식당(일반과세) 2기 확정: 매출 — 카드 4,400만(부가세 포함), 현금영수증 2,200만(포함) / 매입 세금계산서 공급가 2,000만. 납부세액?"
    r = reading(q)
    assert (r.inputs["sales"], r.inputs["card_sales"], r.inputs["purchases"]) == (60_000_000, 66_000_000, 20_000_000)


def test_invoiced_sales_and_card_slip_sales_are_two_parts():
    q = (
        "일반과세자 을의 2025년 제1기 자료이다.\n1. 매출: 세금계산서 발급분 공급가액 8,000만원, "
        "신용카드매출전표 발급분 2,200만원(부가가치세 포함 금액)\n2. 매입: 세금계산서 수취분 공급가액 5,000만원\n"
        "단, 예정고지세액과 가산세는 없는 것으로 한다. 납부세액은?"
    )
    r = reading(q)
    assert r.kind == "vat"  # the premise "가산세는 없는 것으로" asks no 가산세
    assert (r.inputs["sales"], r.inputs["card_sales"]) == (100_000_000, 22_000_000)


# --- 양도소득세 ------------------------------------------------------------------------------------------


def test_threshold_heard_of_is_no_range_of_the_price():
    q = (
        "2015년 6월에 5억에 산 아파트를 2026년 4월에 13억에 팔았어요. 집은 이거 하나고 쭉 살았어요(거주도 10년 넘음). "
        "필요경비 1,500만원. 12억 넘으면 세금 나온다던데 양도세 얼마예요?"
    )
    r = reading(q)
    assert not r.missing
    assert r.inputs["price"] == 1_300_000_000 and r.inputs["resided_years"] == 10


def test_months_held_said_as_sold_after_and_lived_since_bought():
    q = (
        "1세대 1주택인데 1년 4개월 만에 팔게 됐어요. 4억에 사서 4억 6천에 팔았고 필요경비 500만원. "
        "거주는 산 뒤로 계속 했어요. 일시적 2주택 이런 거 아닙니다. 양도세?"
    )
    r = reading(q)
    assert r.inputs["held_years"] == 1 and r.inputs["resided_years"] == 1 and r.inputs["one_house"] is True
    assert not r.missing


def test_one_house_said_as_this_one_after_the_house_sold():
    q = (
        "아파트 한 채를 정리하려고 합니다. 집은 이것 하나뿐이고, 2012년 5월에 4억 원에 사서 올해 3월에 13억 원에 "
        "팔았습니다. 14년 동안 계속 그 집에 살았습니다. 필요경비는 1,800만 원입니다. 양도소득세는?"
    )
    r = reading(q)
    assert r.inputs["one_house"] is True and r.inputs["resided_years"] == 14
    assert not r.ambiguous


def test_exemption_said_not_to_apply_raises_no_flag():
    q = "집이 세 채라 1주택 비과세는 안 돼요. 그 중 5년 보유한 주택 한 채를 3억 5천에 팔았어요. 산 건 2억 5천, 경비 800만. 양도세?"
    answer = ask(q, as_of=AS_OF)
    assert answer["result"] is not None and not answer["ambiguous"] and not answer["missing"]


def test_denied_exemption_with_one_house_and_short_holding_raises_no_flag():
    q = (
        "집 한 채뿐인데 1년 3개월 만에 팔아서 비과세가 안 된다고 들었어요. 3억에 사서 3억 5천에 팔았고 "
        "필요경비 400만원이에요. 양도소득세 얼마예요?"
    )
    answer = ask(q, as_of=AS_OF)
    assert answer["result"] is not None and not answer["ambiguous"]


# --- 가산세 --------------------------------------------------------------------------------------------


def test_late_return_filed_on_a_day_counted_with_words_between():
    q = (
        "양도세 신고를 놓쳐 기한이 지나고 40일째 되는 날 세무서에 찾아가 기한 후 신고를 했고 "
        "세금 500만 원도 그날 같이 냈어요. 가산세는 얼마인가요?"
    )
    r = reading(q)
    assert r.kind == "penalty"
    assert (r.inputs["months_late"], r.inputs["days"], r.inputs["tax"]) == (2, 40, 5_000_000)


# --- flags on right answers ------------------------------------------------------------------------------


def test_amount_moved_before_its_aside_is_still_seen_as_read():
    q = "일반과세자 부가세: 매출 공급가액 6,000만원, 매입 공급가액 (세금계산서 수취분) 2,500만원. 납부세액?"
    answer = ask(q, as_of=AS_OF)
    assert answer["result"]["payable"] == 3_500_000 and not answer["ambiguous"]


def test_last_years_total_under_a_bound_is_a_condition_not_an_amount_to_place():
    q = (
        "일반과세 옷가게요. 이번 기 매출 공급가액 5천만원, 세금계산서 받은 매입 공급가액 2천만원. "
        "작년 매출 다 합쳐도 2억 안 된다. 부가세 얼마?"
    )
    answer = ask(q, as_of=AS_OF)
    assert answer["result"]["payable"] == 3_000_000 and not answer["ambiguous"]


# --- round 2, second pass: the card keyword before its amount, 세금 after a bare number, a temporary 2주택 --


def test_card_keyword_names_the_amount_after_it_not_the_one_before():
    q = "간이과세 슈퍼 작년 매출 총 6800 카드랑 현금영수증 5천 세금계산서 받은 매입 4천 부가세?"
    r = reading(q)
    assert (r.inputs["supply"], r.inputs["card_sales"], r.inputs["purchases"]) == (68_000_000, 50_000_000, 40_000_000)


def test_bare_number_before_a_tax_invoice_word_is_in_man_won():
    q = "일반과세 김밥집 이번기 매출 총 6000 카드랑 현금영수증 4400 세금계산서 받은 매입 2500 부가세?"
    r = reading(q)
    assert (r.inputs["sales"], r.inputs["card_sales"], r.inputs["purchases"]) == (60_000_000, 44_000_000, 25_000_000)


def test_card_sales_said_as_their_supply_value_with_vat():
    q = "일반과세자 이번 기 매출 공급가액 7천만원, 매입 공급가액 3천만원, 카드로 받은 매출 공급대가 5,500만원. 부가세?"
    assert reading(q).inputs["card_sales"] == 55_000_000


def test_year_and_months_of_this_period_are_not_last_years_sales():
    q = "일반과세자 2025년 7월~12월 매출 공급가액 9천만원, 매입 공급가액 4천만원, 작년 매출 3억 안 됨. 부가세?"
    assert reading(q).inputs["sales"] == 90_000_000


def test_temporary_two_houses_is_flagged_not_taken_as_many_houses_silently():
    q = "이사하면서 일시적 2주택이 됐는데 예전 집을 팔았어요. 2017년에 2억에 사서 2026년 2월에 4억에 팔았고 계속 살았어요. 양도세?"
    answer = ask(q, as_of=AS_OF)
    assert any("일시적 2주택" in line for line in answer["ambiguous"])


def test_years_lived_there_said_with_geogi():
    q = "집은 이것 하나예요. 2013년 4월에 3억에 사서 2026년 2월에 9억에 팔았어요. 12년 동안 쭉 거기서 살았어요. 양도세?"
    assert reading(q).inputs["resided_years"] == 12


def test_vat_paid_last_year_is_noted_not_flagged_as_to_subtract():
    q = (
        "일반과세 카페예요. 이번 1기 매출 공급가액 8천만원, 매입 세금계산서 공급가액 3천만원. "
        "작년 1기엔 부가세 450 냈는데 올해는 얼마?"
    )
    answer = ask(q, as_of=AS_OF)
    assert answer["result"]["payable"] == 5_000_000
    assert not any("빼야" in line for line in answer["ambiguous"])
    assert any("지난 과세기간에 낸 세액 450만원" in line for line in answer["assumptions"])
