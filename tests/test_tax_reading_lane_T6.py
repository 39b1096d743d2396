"""Lane T, round 6: a figure revised after an interjection 아, a duration revised after 아니 and a few words, 조금 no
trillion, purchases by share of the sales, an earlier period's figures beside this one's, card and 현금영수증 sums
listed back, rent paid, platform sales that do not say VAT, a corporate base said as a change on last year's, a
service said as 다님. One test per cause, in wording of our own."""

from __future__ import annotations

from reading_cases import AS_OF, inputs

from taxqa.amounts import iter_amounts
from taxqa.tax.reading import ask


def flags(q: str) -> str:
    a = ask(q, as_of=AS_OF)
    return " ".join(a["missing"] + a["ambiguous"])


def test_amount_revised_after_interjection_a_is_the_one_used():
    q = "법인 과세표준이 2억, 아 회계사가 다시 보니 2억 3천이래요. 중소기업 제조업이고 부동산임대 아니에요. 법인세?"
    assert inputs(q)["base"] == 230_000_000


def test_interjection_a_that_adds_keeps_both_figures():
    q = "간이과세자 식당인데 1년 매출 6천, 아 그리고 세금계산서 받은 매입 1천2백이요. 부가세 얼마?"
    got = inputs(q)
    assert got["supply"] == 60_000_000 and got["purchases"] == 12_000_000


def test_interjection_a_before_a_figure_of_another_size_is_no_revision():
    q = "퇴직금 8천, 아 근속은 9년이에요. 퇴직소득세 얼마예요?"
    assert inputs(q)["pay"] == 80_000_000


def test_held_years_revised_after_ani_and_several_words():
    q = "상가 건물 팔아요. 3억에 사서 4억에 팔았고 보유는 7년, 아니 잔금일 기준으로는 8년이에요. 양도세는?"
    assert inputs(q)["held_years"] == 8


def test_jogeum_after_a_number_is_not_trillion():
    q = (
        "일반과세자예요. 통장에 들어온 돈은 6,100 조금 넘고요, 매출 공급가액은 6,500만원, "
        "매입은 세금계산서 끊어 받은 공급가액 3,000만원이에요. 부가세 얼마?"
    )
    got = inputs(q)
    assert got["sales"] == 65_000_000 and got["purchases"] == 30_000_000
    assert [a.value for a in iter_amounts("정산금은 8,700 조금 안 돼요")] == []  # not 8,700조


def test_purchases_said_as_half_of_the_sales():
    q = "일반과세자 도매업이에요. 이번 2기 매출 공급가액 6천만원이고 매입은 세금계산서로 매출의 절반이에요. 부가세는?"
    got = inputs(q)
    assert got["sales"] == 60_000_000 and got["purchases"] == 30_000_000


def test_period_number_gi_is_not_man_won():
    q = "일반과세자예요. 매출은 작년 1기랑 같아요(작년 1기 공급가액 5천만원). 매입은 공급가액 2천만원. 부가세?"
    got = inputs(q)
    assert got["sales"] == 50_000_000 and got["purchases"] == 20_000_000


def test_earlier_period_filed_is_not_this_return():
    q = (
        "일반과세자 미용실이에요. 2025년 1기엔 매출 9천, 매입 3천이었고 신고는 했어요. "
        "이번 2기는 매출 공급가액 1억, 세금계산서 받은 매입 공급가액 4천 예상이에요. 부가세?"
    )
    got = inputs(q)
    assert got["sales"] == 100_000_000 and got["purchases"] == 40_000_000


def test_card_and_receipt_ways_listed_then_summed_are_the_card_sales():
    q = (
        "일반과세자 분식집이에요. 매출 공급가액 9천만원, 매입 공급가액 4천만원이고 그중 포스기 카드 결제, "
        "현금영수증 나간 거 다 합치면 부가세 포함해서 7천7백만원이에요. 부가세는?"
    )
    assert inputs(q)["card_sales"] == 77_000_000


def test_rent_the_shop_pays_is_not_sales():
    q = (
        "일반과세자 미용실인데 임대료 250만원 내고 나면 남는 게 없어요. 이번 1기 매출 공급가액 8천만원, "
        "세금계산서 받은 매입 공급가액 2천만원이에요. 부가세?"
    )
    got = inputs(q)
    assert got["sales"] == 80_000_000 and got["purchases"] == 20_000_000


def test_purchases_invoiced_but_not_summed_are_asked():
    q = "일반과세자 꽃집이에요. 1기 매출 공급가액 7천만원이고 물건 사 오면서 세금계산서 받은 건 아직 안 더해 봤어요. 부가세?"
    assert "매입" in flags(q)


def test_platform_sales_without_vat_said_are_asked():
    q = "오픈마켓에서 그릇 파는 일반과세자예요. 1기 매출 찍힌 게 4,400만원, 매입은 1,100만원이에요. 부가세?"
    assert "공급가액" in flags(q)


def test_platform_sales_with_vat_said_are_not_asked():
    q = "쿠팡에서 파는 일반과세자예요. 1기 매출 찍힌 게 공급가액 4,400만원, 매입 공급가액 1,100만원이에요. 부가세?"
    assert "공급대가" not in flags(q)


def test_simple_settlement_money_is_asked_as_gross_sales():
    q = "간이과세자 치킨집인데 작년 배달앱 정산금으로 받은 게 3,800만원이고 매입 세금계산서 900만원이에요. 부가세?"
    assert "공급대가" in flags(q)


def test_simple_supply_passes_over_purchases_said_as_gross():
    q = (
        "간이과세자로 영상편집 일 해요. 작년에 세금계산서 발행한 거 합치면 부가세 포함 4,400만원이고, "
        "장비 사면서 세금계산서 받은 매입이 공급대가로 550만원이에요. 부가세?"
    )
    got = inputs(q)
    assert got["supply"] == 44_000_000 and got["purchases"] == 5_500_000 and got["industry"] == "service"


def test_corporate_base_said_as_a_rise_on_last_year():
    q = "우리 법인 작년 과세표준이 2억이었는데 올해는 작년보다 5천 정도 늘 것 같아요. 부동산임대업 아님. 법인세?"
    assert inputs(q)["base"] == 250_000_000


def test_retirement_years_said_with_danim():
    q = "퇴사했음 ㅋ 9년 3개월 다님. 퇴직금 7천 찍힘. 퇴직소득세 얼마?"
    assert inputs(q)["years"] == 10


def test_askers_own_result_is_no_input_and_not_asked_about():
    q = (
        "일반과세자인데 제가 해보니 (매출 9천 - 매입 5천) × 10% = 400만원인데 맞나요? 매출 9천, 매입 5천 둘 다 "
        "공급가액이고 카드매출은 없어요. 부가세?"
    )
    got = inputs(q)
    assert got["sales"] == 90_000_000 and got["purchases"] == 50_000_000
    assert "400만원" not in flags(q)


def test_card_said_none_a_few_words_on_is_not_an_unread_cue():
    q = "간이과세자 디자인 외주예요. 작년 공급대가 3,300만원이고 카드로 결제 받은 매출은 없어요. 부가세?"
    assert "카드" not in flags(q)


def test_interjection_a_before_another_label_is_another_fact():
    q = "상가 건물 팔아요. 취득가 5억, 아 양도가는 6억이에요. 12년 보유했어요. 양도세?"
    got = inputs(q)
    assert got["acquired"] == 500_000_000 and got["price"] == 600_000_000


def test_same_half_said_twice_keeps_the_first_sentence():
    q = "일반과세자예요. 2026년 1기 매출 9천, 매입 4천이에요. 이번 1기 매출 중에 카드가 2천이에요. 부가세?"
    got = inputs(q)
    assert got["sales"] == 90_000_000 and got["purchases"] == 40_000_000


def test_house_the_asker_only_thought_it_was_is_no_house():
    q = (
        "오피스텔 팔아요. 집인 줄 알았는데 알고 보니 업무용이라 일반 건물이래요. 1억 9천에 사서 1년 반 갖고 있다가 "
        "2억 3천에 팔았어요. 양도세?"
    )
    assert inputs(q)["asset"] == "land"


def test_last_years_sales_beside_card_sales_is_not_asked_where_to_put():
    q = (
        "일반과세자 식당이고 작년 연매출 4억 정도예요. 이번 2기 매출 공급가액 1억, 매입 공급가액 6천, "
        "카드매출 부가세 포함 5,500만원이에요. 부가세?"
    )
    got = inputs(q)
    assert got["sales"] == 100_000_000 and got["card_sales"] == 55_000_000
    assert "4억" not in flags(q)


def test_last_years_sales_over_the_card_credit_ceiling_is_asked():
    q = (
        "일반과세자 개인 마트인데 작년 매출 15억이었어요. 이번 1기 매출 공급가액 7억, 매입 공급가액 5억, "
        "카드매출 부가세 포함 4억이에요. 부가세?"
    )
    assert "10억원" in flags(q)
