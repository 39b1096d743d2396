"""Lane T, round 4: a pasted counsellor/customer chat whose later turn takes back a figure, and amounts said
as a calculation in words (half of a tax, a product, a sum). One test per cause, in wording of our own."""

from __future__ import annotations

from reading_cases import AS_OF, inputs, reading

from taxqa.tax.reading import ask


def flags(q: str) -> str:
    a = ask(q, as_of=AS_OF)
    return " ".join(a["missing"] + a["ambiguous"])


def test_late_half_of_the_tax_is_the_base_of_the_late_payment_penalty():
    q = "양도세 900만원 중에 반은 제때 냈고 나머지 반은 30일 지나서 냈어요. 신고는 기한 내에 했어요. 납부지연가산세는?"
    got = inputs(q)
    assert got["kind"] == "late-payment" and got["tax"] == 4_500_000 and got["days"] == 30


def test_a_half_not_of_the_late_part_is_flagged_not_ignored():
    q = "종합소득세 500만원을 신고만 하고 반은 아직이에요, 과소신고 가산세 얼마예요?"
    assert "절반" in flags(q)


def test_chat_turn_repeating_a_figure_takes_it_back():
    q = (
        "상담원: 매입은 얼마인가요?\n고객: 세금계산서 받은 매입이 2천이에요, 부가세 별도\n"
        "고객: 아 2천은 작년 2기 거네요. 이번 매입은 공급가액 2,500만원이에요\n"
        "고객: 매출은 공급가액 6천만원, 일반과세자예요. 부가세 얼마예요?"
    )
    got = inputs(q)
    assert got["sales"] == 60_000_000 and got["purchases"] == 25_000_000


def test_chat_turn_taking_back_the_previous_turn_replaces_its_one_figure():
    q = (
        "고객: 작년 5월 31일까지 종합소득세 신고했는데 소득을 빼먹어서 덜 낸 세금이 300만원이에요\n"
        "상담원: 수정신고는 언제 하셨어요?\n고객: 기한 지나고 석 달쯤 지나서요\n고객: 3개월 뒤에 했어요\n"
        "고객: 아니다 착각했네요. 수정신고한 날은 2026년 1월 20일이에요\n고객: 과소신고 가산세만 알려주세요"
    )
    r = reading(q)
    assert r.inputs["months_late"] == 8 and r.inputs["tax"] == 3_000_000


def test_a_late_payment_said_as_not_paid_by_the_due_date_asks_for_the_days():
    q = "상담원: 어떤 일이신가요?\n고객: 부가세 800만원을 기한까지 못 냈어요. 신고는 했고요. 가산세 얼마나 붙나요?"
    assert inputs(q)["kind"] == "late-payment"
    assert "일수" in flags(q)


def test_a_product_in_words_is_computed():
    q = "2016년에 입사해 올해 퇴사, 근속 10년이에요. 퇴직금은 월 평균임금 350에 근속연수 10을 곱한 금액이래요. 퇴직소득세는?"
    got = inputs(q)
    assert got["pay"] == 35_000_000 and got["years"] == 10


def test_a_sum_in_words_adds_the_figures_of_its_sentence():
    q = (
        "2018년에 토지를 2억에 사서 올해 3억에 팔았어요. 8년 보유. 필요경비는 취득세 800만원에 법무사비 120, "
        "중개비 180 다 더한 금액이에요. 양도세 얼마예요?"
    )
    assert inputs(q)["expenses"] == 11_000_000
    assert "읽지 못해" not in flags(q)


def test_a_sum_whose_total_is_also_said_is_not_added_again():
    q = "부모님께 아빠가 1억, 엄마가 5천 합하면 1억 5천 받았어요. 증여세는?"
    assert "다 더해" not in " ".join(ask(q, as_of=AS_OF)["assumptions"])


def test_monthly_average_without_unit_is_read_in_man_won():
    q = "일반과세자 도매업, 1기 확정 매출이 월 평균 1,200씩 6개월(공급가액)이고 매입 공급가액 4,000만원이에요. 부가세는?"
    assert inputs(q)["sales"] == 72_000_000


def test_sales_said_with_vat_after_a_comma_and_all_by_card_in_a_later_turn():
    q = (
        "고객: 일반과세자 식당이에요\n고객: 매출은 5,500만원이요, 부가세 포함\n고객: 5,500만원이 다 카드 결제고요\n"
        "고객: 매입은 공급가액 2천만원이에요. 부가세 얼마예요?"
    )
    got = inputs(q)
    assert got["sales"] == 50_000_000 and got["card_sales"] == 55_000_000


def test_a_small_business_that_does_not_say_its_type_is_asked_whether_it_is_simple():
    q = "작년에 가게 열었어요. 하반기 매출이 공급가액 2,400만원이고 매입은 1,000만원이에요. 부가세 얼마 내요?"
    assert "간이과세자" in flags(q)
    said = "일반과세자로 작년에 가게 열었어요. 하반기 매출이 공급가액 2,400만원이고 매입은 1,000만원이에요. 부가세는?"
    assert "간이과세자" not in flags(said)


def test_a_polite_or_no_answer_turn_takes_nothing_back():
    q = (
        "상담원: 매출이 얼마인가요?\n고객: 공급가액으로 8천만원이에요\n"
        "고객: 죄송한데 8천만원은 전부 세금계산서 발행한 거고 매입은 공급가액 3천만원이에요\n"
        "상담원: 일반과세자이신가요?\n고객: 아니요 아니고 일반과세자 맞아요. 부가세 얼마예요?"
    )
    got = inputs(q)
    assert got["sales"] == 80_000_000 and got["purchases"] == 30_000_000


def test_simple_taxpayer_card_part_per_month_and_cash_added_up():
    q = (
        "간이과세자로 음식점 해요. 작년 매출은 카드 월 300씩 12달이랑 현금 400 해서 다 더하면 1년 매출이에요"
        "(부가세 포함). 매입 세금계산서는 부가세 포함 1,100만원이에요. 부가세 얼마예요?"
    )
    got = inputs(q)
    assert got["supply"] == 40_000_000 and got["card_sales"] == 36_000_000


def test_a_sum_over_parts_from_different_people_is_left_to_the_readers_and_flagged():
    q = "외할머니가 8천, 엄마가 4천 보내주셨는데 이걸 다 더한 금액에 대한 증여세는요? 저는 대학생이에요"
    a = ask(q, as_of=AS_OF)
    assert "다 더해" not in " ".join(a["assumptions"])
    assert a["result"] is None or a["ambiguous"] or a["missing"]


def test_a_turn_that_adds_a_figure_does_not_take_back_the_one_before():
    q = "고객: 연봉 4,800만원이에요\n고객: 아니다 그리고 상여 300도 따로 받았어요. 부양가족 없어요. 근로소득세 얼마예요?"
    assert inputs(q).get("salary", 0) >= 48_000_000
