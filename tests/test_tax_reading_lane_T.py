"""Lane T: 양도소득세, 퇴직소득세 and 법인세 questions whose dates, durations, corrected figures and prices the
reader missed (보유기간 from a dated purchase and sale, 근속연수 from dated joining and leaving, a figure taken
back with '..?', a price said as a difference, a sale said with 넘기다, exam-style lists)."""

from __future__ import annotations

from taxqa.tax.normalise import normalise
from taxqa.tax.reading import ask, read_question
from taxqa.tax.transfer_dates import held_by_dates

AS_OF = "2026-06-01"


def inputs(q: str) -> dict:
    reading = read_question(q, as_of=AS_OF)
    assert reading.kind is not None, reading.missing
    return reading.inputs


# --- 보유기간 from the dates of the purchase and the sale -------------------------------------------


def test_dated_purchase_and_sale_give_whole_years_held():
    q = "2015년 9월에 빌라를 2억 1천에 샀고요, 2025년 7월에 2억 9천에 팔았어요. 양도세는요?"
    assert inputs(q)["held_years"] == 9  # 9 years 10 months: the part year is dropped


def test_paid_and_moved_in_is_a_purchase_and_a_month_alone_takes_the_year_before_it():
    q = "2019년 2월에 결혼하고 8월에 오피스텔 말고 아파트를 3억 주고 들어왔어요. 2025년 10월에 4억에 판 거예요. 양도세?"
    got = inputs(q)
    assert got["held_years"] == 6
    assert got["acquired"] == 300_000_000 and got["price"] == 400_000_000


def test_exam_list_with_dotted_dates_labels_and_costs():
    q = (
        "다음 자료로 양도소득 산출세액을 구하시오.\n<자료>\n1. 양도자산: 토지(등기)\n"
        "2. 양도가액: 5억원 (양도일 2026. 1. 5.)\n3. 취득가액: 2억원 (취득일 2017. 1. 20.)\n"
        "4. 자본적지출액 및 양도비용: 900만원"
    )
    got = inputs(q)
    assert got["held_years"] == 8  # the ninth year falls 15 days short
    assert got["expenses"] == 9_000_000 and got["asset"] == "land"


def test_dotted_date_then_the_verb_at_the_end_of_the_sentence():
    q = (
        "거주자 병은 2025. 11. 30. 경기 소재 주택(전용 59㎡, 3층)을 양도하였다. 양도가액 9억원, "
        "취득가액 3억원 (2013. 4. 1. 취득). 병은 1세대 1주택자이며 취득일부터 양도일까지 계속 그 주택에 거주하였다. "
        "양도소득 산출세액은?"
    )
    got = inputs(q)
    assert got["held_years"] == 12 and got["resided_years"] == 12 and got["one_house"] is True


def test_balance_paid_this_month_dates_the_sale():
    q = "2025년 3월에 2억에 삼\n이번에 2억 5천에 팔기로 함 잔금 이번 달\n다주택임\n양도세?"
    assert inputs(q)["held_years"] == 1


def test_years_since_bought_said_with_ji_and_manee():
    q = "상가를 산 지 3년 2개월 만에 팔았습니다. 4억에 사서 4억 8천에 팔았고 경비는 없어요. 양도소득세는?"
    assert inputs(q)["held_years"] == 3


def test_dates_that_date_nothing_give_no_years():
    assert held_by_dates("2020년 5월에 이사했고 2024년 2월에 결혼했어요") is None
    assert held_by_dates("2018년 3월에 샀어요. 2016년 1월에 팔았어요") is None  # sold before bought


def test_output_word_sanchul_is_no_purchase():
    q = "2026년 귀속 양도소득 산출세액을 구하라. 토지 양도가액 3억, 취득가액 1억, 2019년에 취득, 2026년에 양도."
    assert inputs(q)["held_years"] == 7


# --- prices ----------------------------------------------------------------------------------------


def test_sale_said_with_neomgida():
    q = "2016년 5월에 땅을 1억에 샀는데 2026년 2월에 1억 7천5백에 넘겼어요. 양도세 얼마?"
    got = inputs(q)
    assert got["price"] == 175_000_000 and got["acquired"] == 100_000_000


def test_purchase_price_said_as_a_difference_from_the_sale():
    q = "판 가격 5억, 산 가격은 그보다 1억 5천 쌌어요. 10년 보유했고 다주택입니다. 양도세?"
    got = inputs(q)
    assert got["price"] == 500_000_000 and got["acquired"] == 350_000_000


def test_a_difference_with_no_direction_is_flagged():
    answer = ask("판 가격 5억, 산 가격은 그보다 1억. 10년 보유, 다주택. 양도세?", as_of=AS_OF)
    assert any("차이" in line for line in answer["ambiguous"] + answer["missing"])


def test_the_asset_is_the_one_said_beside_its_prices():
    q = (
        "사는 집은 2010년부터 살던 아파트고 이번 일과는 상관없어요. 2017년 3월에 상가 하나를 2억에 샀고 "
        "2026년 4월에 3억에 넘겼어요. 양도소득세 얼마인가요?"
    )
    assert inputs(q)["asset"] == "land"


def test_hangul_expense_with_a_dialect_copula():
    assert "400만" in normalise("필요경비가 사백이여")


# --- 근속연수 ----------------------------------------------------------------------------------------


def test_years_and_months_worked_count_the_part_year():
    q = "회사를 17년 8개월을 다녔고 퇴직금 1억 2천 받았어요. 퇴직소득세는?"
    assert inputs(q)["years"] == 18


def test_joining_and_leaving_dates_with_words_between():
    q = "2011. 7. 1. (주)가나에 입사하여 2026. 3. 31. 퇴사하였다. 퇴직급여 9,000만원. 퇴직소득 산출세액은?"
    assert inputs(q)["years"] == 15  # 14 years 9 months: a part year is a year
    q = "2009년 4월 1일에 지금 직장에 입사해서 2026년 1월 31일자로 희망퇴직했어요. 퇴직금 1억 8천."
    assert inputs(q)["years"] == 17


def test_service_taken_back_after_a_question_mark():
    answer = ask("엄마 퇴직금 1억 9천인데 근속 30년..? 아 아니다 27년 5개월이래. 퇴직소득세 얼마?", as_of=AS_OF)
    assert answer["result"]["inputs"]["years"] == 28
    assert not answer["ambiguous"] and not answer["missing"]


# --- 법인세 ----------------------------------------------------------------------------------------


def test_spoken_base_with_an_approximation():
    assert inputs("과세표준이 이억 칠천쯤 되는 제조 법인 법인세 산출세액?")["base"] == 270_000_000


def test_a_verb_after_a_later_year_is_not_the_earlier_dates():
    assert held_by_dates("2020년 3월에 이사 와서 2021년에 집을 샀고 2026년 2월에 팔았어요") is None


# --- 부가세 and 법인세 rambles: corrections said after a sentence end, card sales said loosely, 간이과세 purchases,
# workers' pay beside the return ------------------------------------------------------------------------------


def test_card_sales_said_as_receipts_the_customers_took_away():
    q = (
        "분식집 하는 일반과세자예요. 이번 1기 매출 공급가액 6천만원, 매입 공급가액 2천만원이고, 그중 손님이 카드 긁고 "
        "현금영수증 받아 간 게 부가세 포함해서 5,500만원이에요. 부가세 얼마 내요?"
    )
    got = inputs(q)
    assert got["sales"] == 60_000_000 and got["purchases"] == 20_000_000
    assert got["card_sales"] == 55_000_000  # 발행금액 includes VAT


def test_simple_purchases_fetched_with_an_invoice_in_hangul_numerals():
    q = (
        "간이과세자로 문방구(소매업) 해요. 작년 공급대가가 사천만원이고 세금계산서 받고 물건 떼 온 게 공급대가로 "
        "천이백만원이에요. 부가세 얼마예요?"
    )
    got = inputs(q)
    assert got["supply"] == 40_000_000 and got["purchases"] == 12_000_000


def test_simple_purchases_past_a_bracketed_list_of_what_was_bought():
    q = (
        "퀵서비스 오토바이 하는 간이과세자 동생 얘기예요. 1년 매출이 부가세 포함 5,200만원이고 세금계산서 받은 "
        "매입(휘발유, 헬멧, 수리)이 부가세 포함 900만원이래요. 부가세 얼마 내요?"
    )
    got = inputs(q)
    assert got["supply"] == 52_000_000 and got["purchases"] == 9_000_000


def test_card_sales_taken_back_in_the_next_sentence_with_words_before_the_new_one():
    q = (
        "빵집 하는 일반과세자예요. 이번 1기 매출 공급가액 1억, 매입 공급가액 6천만원이에요. 카드로 결제된 게 "
        "부가세 포함 9,900만원이고요. 아 아니다, 장부 보니 카드·현금영수증은 8,800만원이에요. 부가세는요?"
    )
    got = inputs(q)
    assert got["card_sales"] == 88_000_000


def test_a_bare_new_figure_after_a_sentence_end_takes_the_old_ones_place():
    q = (
        "꽃집 하는 간이과세자(소매업)예요. 작년 공급대가 5,600만원이고 세금계산서 받은 매입이 공급대가로 2,100만원. "
        "아 아니다, 1,900만원이래요. 부가세 얼마?"
    )
    got = inputs(q)
    assert got["supply"] == 56_000_000 and got["purchases"] == 19_000_000


def test_corporate_base_revised_after_a_sentence_end():
    q = (
        "식품 제조 중소기업 법인이에요. 과세표준이 2억 5천만원이래요. 아 아니다, 재고 다시 세서 2억 3천만원으로 "
        "바뀌었대요. 법인세 산출세액 얼마예요?"
    )
    reading = read_question(q, as_of=AS_OF)
    assert reading.inputs["base"] == 230_000_000


def test_workers_daily_pay_is_neither_sales_nor_a_total_to_ask_for():
    q = (
        "도배 일 하는 일반과세자 개인사업자예요. 인부 셋이 일당 20만원씩 받아요. 이번 1기 매출 공급가액 7천만원, "
        "매입 공급가액 3천만원이에요. 부가세 얼마 내요?"
    )
    answer = ask(q, as_of=AS_OF)
    assert answer["result"]["inputs"]["sales"] == 70_000_000
    assert not any("20만원" in line for line in answer.get("missing", []))


def test_bank_notes_customers_pay_with_are_no_figure_to_ask_about():
    q = (
        "간이과세자로 떡볶이 노점(음식점업) 해요. 작년 공급대가가 3천만원이고 손님들이 다 만 원짜리, 천 원짜리로 "
        "내요. 세금계산서 받은 매입은 공급대가로 1천만원이에요. 부가세 얼마예요?"
    )
    answer = ask(q, as_of=AS_OF)
    assert answer["result"]["inputs"]["supply"] == 30_000_000
    assert not any("천 원" in line for line in answer.get("missing", []) + answer.get("ambiguous", []))
