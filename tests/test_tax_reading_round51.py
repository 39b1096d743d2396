"""Reader rules of round 51 (set 68's misses at their rule), each on wording of its own."""

from __future__ import annotations

from taxqa.tax.reading import ask, read_question

DAY = "2026-06-01"


def inputs(q: str) -> dict:
    return read_question(q, as_of=DAY).inputs


def test_pilgyeong_is_the_necessary_expense_and_never_a_lacking_price():
    got = inputs("양도가 6억, 취득가 3억, 필경 1천5백, 보유 10년. 양도세?")
    assert got["expenses"] == 15_000_000 and got["acquired"] == 300_000_000
    a = ask("양도가 5억 / 보유 4년 / 필경 2천. 양도세?", as_of=DAY)
    assert a["result"] is None and any("취득가액" in x for x in a["missing"])


def test_a_list_label_that_names_no_price_is_flagged_when_taken_for_one():
    a = ask("양도가 5억 / 보유 4년 / 세금 2천. 양도세?", as_of=DAY)
    assert any("취득가액인지" in x or "취득가액(산 가격)인지" in x for x in a["ambiguous"])


def test_lived_years_said_after_held_years():
    got = inputs("1세대1주택, 보유 11년 거주 3년, 양도가 14억, 취득가 5억. 양도세?")
    assert got["held_years"] == 11 and got["resided_years"] == 3


def test_a_business_year_given_by_its_dates():
    r = read_question("㈜가온 제4기(2024.4.1~2024.12.31) 과세표준 2억. 법인세 산출세액?", as_of=DAY)
    assert r.inputs["months"] == 9 and r.as_of == "2024-04-01"
    r = read_question("(주)나래 제10기(2025.1.1~2025.12.31) 과표 5억, 법인세?", as_of=DAY)
    assert r.inputs.get("months", 12) == 12 and r.as_of == "2025-01-01"


def test_a_years_pay_said_as_the_sum_of_the_months():
    assert inputs("1년 동안 월급 전부 다 합치면 4천1백만원이에요. 혼자 살아요. 결정세액?")["salary"] == 41_000_000
    a = ask("월급 2천5백만원이고 부양가족 없어요. 결정세액?", as_of=DAY)  # a month's pay this large is asked
    assert any("1년 합계라면" in x for x in a["ambiguous"])


def test_family_words_in_english_among_korean():
    got = inputs("연봉 6천만원. husband 일 안 해요. children 없어요. 근로소득세 결정세액?")
    assert got["dependents"] == 1


def test_the_grown_one_of_a_son_and_a_daughter_is_left_out():
    got = inputs("연봉 6천, 중3 딸이랑 대학생 아들(23살) 있어요. 맞벌이. 결정세액?")
    assert got["dependents"] == 1 and got["children"] == 1


def test_a_count_of_months_right_after_a_per_month_amount():
    got = inputs("일반과세자, 매달 매출 500만원씩 6개월, 매입은 총 900만원. 부가세?")
    assert got["sales"] == 30_000_000 and got["purchases"] == 9_000_000


def test_a_share_said_before_the_value_of_the_whole():
    assert inputs("아내한테 아파트 지분 30% 넘기려고요. 아파트 시세는 10억. 증여세?")["amount"] == 300_000_000
    assert (
        inputs("어머니 땅을 제가 70%, 누나가 30% 받기로 했어요. 땅 값은 2억이에요. 제 증여세?")["amount"] == 140_000_000
    )


def test_a_raise_from_a_month_on():
    assert inputs("1~3월은 월 250, 4월부터는 월 300 받았어요. 부양가족 없음. 결정세액?")["salary"] == 34_500_000
    assert inputs("월 400 받다가 10월부터 450으로 올랐어요. 결정세액?")["salary"] == 49_500_000


# round 52 (set 69's misses at their rule)


def test_a_dependents_count_not_yet_known_is_asked():
    a = ask("연봉 5천만원인데 부양가족이 몇 명인지 아직 파악 못 했어요. 결정세액?", as_of=DAY)
    assert a["ambiguous"] or a["missing"]


def test_base_pay_and_allowances_said_each_month():
    assert inputs("기본급 300, 가족수당 20 매달 받아요. 혼자예요. 결정세액?")["salary"] == 38_400_000


def test_the_withholding_receipt_names_a_form_not_tax_paid():
    a = ask("원천징수영수증에 총급여 5,000만원, 기납부세액 200만원이라고 나와요. 부양가족 없음. 환급?", as_of=DAY)
    assert a["result"]["inputs"]["withheld"] == 2_000_000 and not a["ambiguous"]


def test_a_parent_listed_after_dependents_eun():
    got = inputs("총급여 5,500만원, 부양가족은 72세 어머니 한 분. 결정세액?")
    assert got["dependents"] == 1 and got["elderly"] == 1


def test_old_style_kin_words_and_a_deposit_left():
    r = read_question(
        "할애비가 네 통장에 삼천만 원을 넣어 두었다. 네 애비는 살아 있다. 너는 스무 살이다. 세금은?", as_of=DAY
    )
    assert r.kind == "gift" and r.inputs["generation_skip"] and r.inputs["amount"] == 30_000_000


def test_joined_and_left_by_month_give_the_service_years():
    assert inputs("2011년 5월에 들어가서 2026년 2월에 그만뒀어요. 퇴직금 8천. 퇴직소득세?")["years"] == 15


def test_a_shop_let_out_is_real_estate_rental():
    assert (
        inputs("건물 하나 세 놓고 있어요. 간이과세자, 작년 임대료 합계 4,000만원. 부가세?")["industry"] == "realestate"
    )


def test_a_sole_traders_base_from_revenue_expenses_and_deductions():
    assert inputs("작년 매출 1억 5천, 필요경비 9천, 소득공제 500만원. 종소세 산출세액?")["base"] == 55_000_000
    a = ask("작년 수입 8천, 경비 3천. 종소세?", as_of=DAY)
    assert a["result"]["inputs"]["base"] == 50_000_000 and any("소득공제" in x for x in a["ambiguous"])


# round 53 (set 70's misses at their rule) and its nets


def test_a_child_asking_about_a_parents_pay():
    got = inputs("우리 엄마 월급이 400이고 아빠는 집에 계세요. 저는 고2, 동생은 초등학교 1학년이에요. 엄마 결정세액?")
    assert got["salary"] == 48_000_000 and got["dependents"] == 3 and got["children"] == 1  # 초1 is 7: no 자녀세액공제
    got = inputs("아빠가 택시 기사로 월 300 버세요. 엄마는 돌아가셨고 저(중1)만 있어요. 아빠 결정세액?")
    assert got["dependents"] == 1 and got["single_parent"]


def test_a_parent_said_to_have_gone_first_is_not_the_surviving_spouse():
    got = inputs("아버지가 별세하셨어요(어머니는 5년 전에 먼저 가심). 남매 둘이고 재산 10억. 상속세?")
    assert not got.get("spouse") and got["children"] == 2


def test_an_in_law_to_be_is_no_relative_yet():
    assert inputs("예비 장인어른이 결혼 전에 저한테 2천만원 주신대요. 증여세?")["relation"] == "other"


def test_a_disabled_relative_supported_with_an_age_in_brackets():
    got = inputs("연봉 5천. 장애인 등록된 누나(50세)를 제가 부양해요. 결정세액?")
    assert got["dependents"] == 1 and got["disabled"] == 1


def test_two_digit_years_with_their_months():
    got = inputs("'18년 4월에 1.5억에 산 빌라를 '26년 5월에 2.4억에 팔아요. 2주택. 양도세?")
    assert got["held_years"] == 8 and got["acquired"] == 150_000_000


def test_net_for_a_spouse_who_went_first():
    from taxqa.tax.misread_nets import flag_spouse_gone_earlier

    reading = read_question(
        "어머니가 돌아가셨어요(아버지는 10년 전에 먼저 가심). 외동이고 재산 9억. 상속세?", as_of=DAY
    )
    assert not reading.inputs.get("spouse") and not reading.ambiguous
    reading.inputs["spouse"] = True  # as a rule that missed the father's death would read it
    flag_spouse_gone_earlier(reading)
    assert any("배우자가 살아 있는지" in x for x in reading.ambiguous)
    a = ask("남편이 먼저 떠났습니다. 자녀 둘과 제가 상속받아요. 재산 12억. 상속세?", as_of=DAY)
    assert not any("먼저 떠났" in x for x in a["ambiguous"])  # the one who went first is the decedent


def test_net_for_a_parents_pay_read_around_the_asker():
    a = ask("우리 아빠 연봉이 8천이고 엄마는 전업주부예요. 저랑 누나는 대학생이에요. 아빠 결정세액?", as_of=DAY)
    assert any("'아빠'의 급여로 보임" in x for x in a["ambiguous"])
    a = ask("애 아빠 연봉이 7,000이고 저는 전업, 아들(10살) 하나 있어요. 남편 결정세액?", as_of=DAY)
    assert not any("급여로 보임" in x for x in a["ambiguous"])  # the children's father is the asker's spouse


# round 54 (set 71's misses at their rule)


def test_hashtags_are_a_list():
    got = inputs("#퇴직금 #2억3천 #근속21년 세금?")
    assert got["pay"] == 230_000_000 and got["years"] == 21
    assert not ask("[티켓 #5120] 증여자: 모친, 증여액 1억. 증여세?", as_of=DAY)["ambiguous"]


def test_a_price_per_share_times_the_count():
    assert inputs("어머니가 상장주식 2천 주를 주셨어요. 주당 5만원. 저 33살. 증여세?")["amount"] == 100_000_000
    a = ask("아버지가 비상장주식 800주(주당 25만원)를 주셨어요. 저 40살. 증여세?", as_of=DAY)
    assert a["result"]["inputs"]["amount"] == 200_000_000 and not a["ambiguous"]


def test_dialect_kin_and_to():
    assert inputs("우리 엄니가 나헌티 오천만원 줬당께. 나는 쉰이여. 증여세?")["relation"] == "lineal_ascendant"


def test_a_spouses_job_with_words_between():
    assert inputs("연봉 5천. 남편은 택배 기사로 일해요. 아이 없어요. 결정세액?").get("dependents", 0) == 0


def test_ages_in_brackets_after_the_parents_count():
    got = inputs("연봉 6천, 부모님 두 분(아버지 72세, 어머니 66세) 모시고 살아요. 결정세액?")
    assert got["dependents"] == 2 and got["elderly"] == 1


def test_a_columns_unit_and_slash_rows():
    got = inputs("항목(만원) / 금액\n매출(공급가액) / 12,000\n매입(공급가액) / 5,000\n일반과세 부가세?")
    assert got["sales"] == 120_000_000 and got["purchases"] == 50_000_000
    got = inputs("구분 | 금액(단위: 만원)\n양도가 | 50,000\n취득가 | 30,000\n보유 | 6년\n양도세?")
    assert got["price"] == 500_000_000 and got["acquired"] == 300_000_000


# round 55 (set 72's misses at their rule)


def test_one_child_with_a_grown_age_in_brackets():
    got = inputs("연봉 9천, 배우자 전업, 자녀 1(대학원생 25세). 결정세액?")
    assert got["dependents"] == 1 and not got.get("children")


def test_fraud_in_part_of_the_tax_is_asked():
    a = ask("과소신고 세액 900만원, 그중 일부는 부정행위예요. 가산세?", as_of=DAY)
    assert any("부정행위 부분" in x for x in a["ambiguous"])


def test_service_from_month_to_month():
    assert inputs("퇴직금 9천, 회사 다닌 건 2012년 3월부터 2026년 4월까지. 퇴직소득세?")["years"] == 15


# round 56 (set 73's misses at their rule) and its net


def test_a_baby_past_its_first_birthday_has_no_child_credit():
    got = inputs("연봉 4천5백, 아내 소득 없음, 돌 지난 아들 하나. 결정세액?")
    assert got["dependents"] == 2 and not got.get("children")


def test_a_marriage_said_not_yet_gives_no_marriage_deduction():
    assert not inputs("어머니가 8천만원 보내 주셨어요. 저 33살이고 결혼은 아직이에요. 증여세?").get("marriage_birth")


def test_a_flower_shop_is_retail_and_pension_savings_cancelled_is_not_computed():
    assert inputs("간이과세 꽃집, 작년 공급대가 5,000만원. 부가세?")["industry"] == "retail"
    assert ask("연금저축 해지하면 세금 얼마 떼요? 2천만원", as_of=DAY)["tax_name"] == "기타소득세"


def test_net_for_a_baby_given_the_child_credit():
    a = ask("연봉 5천, 아내 전업, 8개월 된 아들 하나. 결정세액?", as_of=DAY)
    assert any("나이" in x and "8개월" in x for x in a["ambiguous"])
    a = ask("연봉 5천, 아내 전업, 초등학생 아들(10살) 하나. 결정세액?", as_of=DAY)
    assert not any("자녀세액공제 나이" in x for x in a["ambiguous"])


# round 57 (set 74's misses at their rule)


def test_cheo_ga_as_the_wife_who_died():
    got = inputs("처가 지난봄에 세상을 떴소. 아들 둘이 있소. 재산은 9억이오. 상속세는?")
    assert got["spouse"] and got["children"] == 2  # the asker, her husband, survives
    assert read_question("처가에 1억 보내드렸어요. 증여세?", as_of=DAY).kind == "gift"


def test_a_companys_numbered_year_with_its_base_is_corporate():
    r = read_question("당사 제9기(2025.1.1~2025.12.31) 과세표준 8억. 중간예납 2천만원. 납부세액?", as_of=DAY)
    assert r.kind == "corporate" and r.inputs["prepaid"] == 20_000_000


def test_tobacco_tax_is_not_computed():
    assert ask("담배소비세는 얼마예요?", as_of=DAY)["tax_name"] == "담배소비세"


def test_a_period_amount_with_its_total_said():
    a = ask("아들이 매달 50만원씩 1년 동안 용돈을 보내줬어요. 합계 600만원. 증여세?", as_of=DAY)
    assert a["result"]["inputs"]["amount"] == 6_000_000 and not a["missing"]


# round 58 (set 75's misses at their rule)


def test_years_and_months_said_apart():
    assert inputs("퇴직금 8천, 근속은 12년 하고 세 달이에요. 퇴직소득세?")["years"] == 13


def test_children_said_by_their_order():
    got = inputs("남편 연봉 5,900이고 저는 전업이에요. 첫째 중1, 둘째 6살. 남편 결정세액?")
    assert got["dependents"] == 3 and got["children"] == 1
    got = inputs("첫째, 연봉은 6,000만원. 둘째, 아내는 소득이 없어요. 결정세액?")  # a list's ordinals are no children
    assert got["dependents"] == 1
