"""Reading causes fixed in lane R, each tested in wording of its own: figures said relative to other figures ("매입가의
세 배", "재작년(3억) 대비 20% 늘었", "3,900에서 200 깎였", "누나 대비 40%", "언니보다 3살 아래", "월 300씩 12달에
상여 세 달치", "하루 15만원씩 이백 일") are worked out when their base is one amount beyond doubt, with a note; a
relation left uncomputed is flagged, never read as its base amount."""

from __future__ import annotations

from reading_cases import answer, inputs, reading

from taxqa.tax.relative_figures import times_value


def test_a_multiple_of_the_purchase_price_is_the_sale_price():
    r = reading(
        "2017년 5월 1일에 상가를 2억 5천 주고 샀어요. 2026년 3월 2일에 팔았는데 판 값은 매입가의 세 배예요. "
        "경비는 없어요. 양도세 얼마예요?"
    )
    assert r.inputs["price"] == 750_000_000 and r.inputs["acquired"] == 250_000_000
    assert any("매입가의 세 배" in a and "7억 5,000만원" in a for a in r.assumptions)


def test_a_multiple_plus_an_amount_is_worked_out():
    got = inputs(
        "2012년 3월 5일에 4억에 아파트를 샀어요. 2026년 4월 1일에 팔았고 판 값은 산 값의 세 배보다 5천 적게 받았어요. "
        "다주택자예요. 양도세는?"
    )
    assert got["price"] == 1_150_000_000 and got["acquired"] == 400_000_000


def test_a_base_said_in_brackets_times_a_decimal():
    got = inputs("중소기업 아닌 법인입니다. 올해 과세표준은 재작년 과세표준(2억 4천)의 2.5배예요. 법인세 산출세액은?")
    assert got["base"] == 600_000_000


def test_a_percentage_change_against_last_year():
    got = inputs(
        "일반과세자예요. 이번 2기 매출 공급가액은 작년 2기(3억) 대비 20% 늘었어요. 매입은 1억이에요. 부가세는?"
    )
    assert got["sales"] == 360_000_000 and got["purchases"] == 100_000_000


def test_a_figure_less_a_shortfall_and_a_raise():
    assert (
        inputs("과세표준은 6,500만에서 500만 모자라요. 아니 6,500만에서 500만 모자란 값이에요. 종합소득세는?")["base"]
        == 60_000_000
    )
    got = inputs("작년 연봉 3,900에서 올해 200 깎였어요. 부양가족 없고 혼자 살아요. 연말정산 결정세액 얼마예요?")
    assert got["salary"] == 37_000_000


def test_a_share_of_a_sibling_gift_and_its_restatement():
    r = reading(
        "어머니가 언니랑 저한테 돈을 주셨는데 언니가 3억, 저는 언니 대비 40%, 즉 언니가 받은 것의 40%예요. "
        "어머니한테 받은 건 처음이고 저는 마흔이에요. 제 증여세는?"
    )
    assert r.inputs["amount"] == 120_000_000
    assert not r.ambiguous


def test_an_age_said_against_another_person_counts_for_the_senior_deduction():
    got = inputs(
        "연봉 6,200이고 미혼이에요. 부모님 두 분을 부양하는데 소득은 두 분 다 없어요. 어머니는 66세, 아버지는 어머니보다 "
        "5살 위예요. 연말정산 결정세액은?"
    )
    assert got["elderly"] == 1 and got["dependents"] == 2


def test_a_bonus_said_in_months_of_pay_and_bonuses_for_each_holiday():
    got = inputs("월 300씩 12달 받고 상여는 세 달치 더 받아요. 혼자 살아요. 연말정산 결정세액 얼마예요?")
    assert got["salary"] == 45_000_000
    got = inputs("기본급 월 250만원 × 12개월 + 설·추석·여름 상여 각 50씩이에요. 근로소득공제는 얼마인가요?")
    assert got["salary"] == 31_500_000


def test_an_amount_each_day_over_days_and_an_even_split():
    got = inputs(
        "간이과세자 분식집이에요. 작년엔 하루 15만원씩 이백 일 팔았어요(부가세 포함). 매입은 없어요. 부가세는?"
    )
    assert got["supply"] == 30_000_000
    got = inputs("외손자 셋한테 공평하게 나눠서 합쳐 3억을 주려는데 애들 엄마는 살아 있어. 한 명이 낼 증여세는?")
    assert got["amount"] == 100_000_000


def test_a_tax_reported_at_a_share_of_what_was_due():
    got = inputs(
        "종소세를 원래 대비 70%만 신고했어요. 원래 내야 할 세액이 1,000만원이에요. 부정행위 아님. 과소신고가산세만요?"
    )
    assert got["tax"] == 3_000_000


def test_a_relation_whose_base_is_not_said_is_flagged():
    a = answer("판 값은 산 값의 두 배예요. 2억 주고 산 것도 있고 3억 주고 산 것도 있어요. 10년 보유한 토지 양도세는?")
    assert any("두 배" in f for f in a["missing"])
    a = answer("큰딸한테 작년에 5천 줬고 올해 작은딸한테도 큰딸만큼은 아니어도 좀 줬어요. 작은딸은 서른. 증여세는?")
    assert any("큰딸만큼" in f and "금액" in f for f in a["missing"])


def test_a_worked_out_amount_no_input_takes_is_flagged():
    r = reading("월 300씩 12달 받고 상여는 세 달치 더 받아요. 근로소득공제 얼마예요?")
    assert r.result is None or any("900만원" in f for f in r.ambiguous)


def test_times_words():
    assert times_value("두") == 2 and times_value("1.5") == 1.5 and times_value("마흔") == 40
    assert times_value("스물다섯") == 25


def test_a_raise_by_a_percentage_from_an_amount():
    got = inputs("연봉이 작년 4천에서 15% 올랐어요. 혼자 살아요. 연말정산 결정세액 얼마?")
    assert got["salary"] == 46_000_000


def test_a_bare_figure_beside_a_base_in_won_is_not_guessed():
    r = reading("과세표준은 52,000,000원에서 300 모자란 값이에요. 종합소득세는?")
    assert r.inputs.get("base") != 49_000_000
    assert r.ambiguous or r.missing


def test_a_relation_told_in_passing_beside_prices_said_outright_is_no_flag():
    r = reading(
        "동네 시세가 재작년보다 20% 뛰었다길래 정리했어요. 2015년 5월 4억에 사서 2026년 5월 9억에 팔았어요. "
        "다른 집도 있어요. 양도세는?"
    )
    assert not any("견준" in f for f in r.ambiguous + r.missing)


def test_tax_withheld_at_a_rate_from_a_fee_is_no_relation():
    r = reading("강사예요. 강의료 3,000만원에서 3.3% 떼고 받았어요. 종소세 얼마 더 내요?")
    assert not any("견준" in f for f in r.ambiguous + r.missing)


def test_a_relation_whose_base_is_said_later_is_flagged():
    r = reading("이번 1기 매출은 작년 1기보다 25% 줄었어요. 작년 1기 매출은 2억이고 매입은 5천이에요. 부가세 얼마예요?")
    assert any("25%" in f for f in r.ambiguous + r.missing)
