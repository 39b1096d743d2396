"""Reading causes fixed in lane S (연말정산, 상속세), each tested in wording of its own: an aside in brackets
before an amount, the surviving spouse's share said as 배우자 in a memo, last year's figure beside this year's,
an amount of 만 and 천, a fond word for a child, an age taken back with its unit said once, grandparents the
family lives with, and a friend's parent whose child is named."""

from __future__ import annotations

from reading_cases import AS_OF, inputs

from taxqa.tax.normalise import normalise
from taxqa.tax.reading import read_question


def test_an_aside_in_brackets_before_the_amount_names_nothing_of_its_own():
    got = inputs(
        "어머니가 지난달 돌아가셨고 아버지는 이미 안 계세요. 상속인은 아들 둘입니다. 상속세 과세가액은 15억, "
        "그 중 금융재산(적금에서 대출 뺀 금액)이 3억이에요. 상속세 얼마?"
    )
    assert got["estate"] == 1_500_000_000 and got["financial"] == 300_000_000


def test_the_one_left_is_called_배우자_in_a_memo_of_the_asker_whose_husband_died():
    got = inputs(
        "메모 (금액: 백만원)\n피상속인: 남편 (2026.1.3 사망)\n상속인: 배우자, 자녀 1 (아들 31세)\n"
        "- 과세가액 2,500\n- 분할: 배우자 900 실제 상속, 나머지 아들\n상속세 얼마?"
    )
    assert got["estate"] == 2_500_000_000 and got["spouse_inherits"] == 900_000_000


def test_this_years_withheld_tax_is_taken_not_last_years():
    got = inputs("연봉 6천이에요. 월급에서 떼인 소득세가 작년엔 250이었는데 올해는 310이네요. 연말정산 환급 얼마?")
    assert got["withheld"] == 3_100_000


def test_a_thousand_after_ten_thousands_is_part_of_that_amount():
    assert "132만 8천," in normalise("건강보험 132만 8천, 고용보험 40만")
    got = inputs("총급여 4,800만원, 국민연금 198만 3천, 기납부세액 90만. 결정세액?")
    assert got["pension"] == 1_983_000


def test_a_fond_word_for_a_child_keeps_the_count_after_it():
    got = inputs("연봉 5천, 집사람은 소득 없고 딸내미 둘이 열 살, 열두 살이에요. 결정세액 얼마?")
    assert got["children"] == 2 and got["dependents"] == 3


def test_a_grandparents_age_taken_back_with_the_unit_said_once():
    got = inputs(
        "우리 엄마 연봉 6천이에요. 아빠는 소득 없고, 저(15살)랑 함께 사는 외할아버지 71.. 아 아니 74세. "
        "할아버지도 소득 없으세요. 엄마 결정세액 얼마예요?"
    )
    assert got["elderly"] == 1 and got["dependents"] == 3 and got["children"] == 1


def test_a_friends_father_whose_child_is_named():
    got = inputs(
        "옆집 지훈이 얘기예요. 지훈 아버지 총급여 6,500만원, 지훈 엄마는 소득 없어요. 지훈(중1, 13살)이랑 "
        "지훈 할아버지(81세, 소득 없음)를 부양하세요. 결정세액은요?"
    )
    assert got["children"] == 1 and got["elderly"] == 1 and got["dependents"] == 3


def test_the_workers_own_pay_wins_over_the_spouses_and_that_spouse_earns():
    got = inputs(
        "지인 부탁으로 여쭤요. 그분 따님(10살)이랑 아드님(6살) 있고 남편분은 연봉 4천 받으신대요. "
        "그분 본인 연봉 5,500. 결정세액 얼마예요?"
    )
    assert got["salary"] == 55_000_000 and got["dependents"] == 2 and got["children"] == 1


def test_the_spouses_pay_stays_the_workers_when_the_spouses_tax_is_asked():
    got = inputs("아내 연봉 7천, 제 연봉 3천이요. 아내 연말정산 결정세액 알려주세요. 애는 없어요.")
    assert got["salary"] == 70_000_000


def test_only_the_tax_taken_from_pay_said_asks_for_the_pay():
    reading = read_question(
        "작년 1년 동안 월급에서 떼어간 소득세를 달마다 적어 둔 걸 다 더해보니 230만 원이에요. 급여명세는 아직 못 받았고요. 환급 얼마?",
        as_of=AS_OF,
    )
    assert "salary" not in reading.inputs and reading.inputs["withheld"] == 2_300_000
    assert any("총급여" in line for line in reading.missing)
    assert not any("기납부세액을 알려" in line for line in reading.missing + reading.ambiguous)


def test_a_single_mother_with_her_own_mother_and_no_husband_now():
    got = inputs(
        "저는 이혼 후 아들을 혼자 키우는 한부모예요. 아들은 만 11살이고, 전 남편과는 왕래가 없어요. "
        "작년부터 친정엄마(76세)를 모시고 살아요. 엄마는 소득 없으세요. 제 총급여 3,500만원이고, "
        "엄마랑 아들 둘 다 부양가족으로 올려요. 결정세액 얼마예요?"
    )
    assert got["dependents"] == 2 and got["children"] == 1 and got["elderly"] == 1 and got["single_parent"]
    assert "spouse" not in got


def test_a_working_asker_with_a_husband_has_the_married_womans_deduction():
    reading = read_question(
        "베트남에서 시집와서 남편 있어요. 저는 공장에서 일해요, 총급여 2,900만원. 남편은 자영업, 제 부양가족 아니에요. "
        "딸(11살) 하나 제가 올려요. 결정세액?",
        as_of=AS_OF,
    )
    assert reading.inputs["woman"] is True and reading.inputs["children"] == 1
    assert any("부녀자공제" in line for line in reading.assumptions)


def test_a_husband_whose_pay_is_given_is_the_worker_not_the_asker():
    reading = read_question("남편 연봉 4,500이고 저는 집에서 애 봐요. 아들(7살) 하나. 남편 결정세액 얼마?", as_of=AS_OF)
    assert reading.inputs["salary"] == 45_000_000
    assert "woman" not in reading.inputs


def test_only_the_wage_deduction_asked_beside_other_income_kept_for_later():
    reading = read_question(
        "총급여 3,600만원 받고, 부업 사업소득 500만원은 5월 종소세 신고 때 합칠 거예요. 일단 근로소득공제가 얼마예요?",
        as_of=AS_OF,
    )
    assert reading.kind == "wage" and reading.inputs["salary"] == 36_000_000


# --- session 6: figures the asker asks to have checked, and facts said around them ---


def test_a_result_the_asker_worked_out_is_checked_not_read_as_the_gift():
    reading = read_question(
        "엄마한테 9천만원 받았어요. 제가 계산해 봤더니 5천 공제하고 4천에 10%라서 증여세 400만원 나오던데 맞나요? "
        "저는 마흔이고 10년 안에 받은 건 없어요.",
        as_of=AS_OF,
    )
    assert reading.inputs["amount"] == 90_000_000 and "base" not in reading.inputs
    assert not reading.missing and not reading.ambiguous
    assert reading.result.to_dict()["payable"] == 3_880_000


def test_steps_of_a_checked_calculation_with_arrows_are_no_facts():
    reading = read_question(
        "아버지가 1억 5천 보내주셨어요. 기본공제 5천 → 과표 1억 → 세금 1천 맞죠? 10년 내 받은 건 없고 저는 서른다섯이에요.",
        as_of=AS_OF,
    )
    assert reading.kind == "gift" and reading.inputs["amount"] == 150_000_000
    assert not reading.missing and not reading.ambiguous


def test_a_fact_said_inside_a_checked_sentence_stays():
    got = inputs("제가 계산해 보니 총급여 5,000만원이면 근로소득공제가 1,225만원 나오던데 맞나요?")
    assert got["salary"] == 50_000_000


def test_a_gift_whose_amount_is_not_decided_is_asked_for():
    for q in (
        "할머니가 결혼 자금 보태주신다는데 얼마 주실지는 아직 모르신대요. 작년에 할머니한테 2천 받은 적 있어요. 증여세 얼마 나올까요?",
        "삼촌이 전세금 도와주신대요. 계산기 돌려 보니 증여세 300만원 나오던데요? 얼마 주실지는 삼촌이 아직 안 정하셨어요.",
    ):
        reading = read_question(q, as_of=AS_OF)
        assert reading.result is None and any("금액" in line for line in reading.missing), q


def test_a_gift_said_unrelated_to_marriage_or_long_after_it_has_no_marriage_relief():
    for q in (
        "아빠한테 8천 받았고 결혼이나 출산이랑은 관계없는 돈이에요. 증여세?",
        "아버지가 3억 주셨어요. 결혼한 지는 한참 됐고 혼인공제는 안 될 거예요. 증여세?",
    ):
        assert "marriage_birth" not in inputs(q), q


def test_a_limit_heard_of_is_no_gift():
    got = inputs("직계존속은 5천까지 공제된다던데 아빠가 7천 보내줬어요. 저는 성인이에요. 증여세?")
    assert got["amount"] == 70_000_000


def test_a_rough_amount_then_the_exact_one_keeps_the_exact_one():
    assert inputs("엄마가 3억 정도 주셨는데 계좌 확인하니 정확하게는 2억 8천이에요. 증여세?")["amount"] == 280_000_000
    assert inputs("이모가 보내준 건 7천, 아 통장 다시 보니 정확히 7천2백이에요. 증여세?")["amount"] == 72_000_000


def test_a_giver_first_thought_of_and_then_taken_back_is_no_party():
    got = inputs(
        "엄마가 준 돈인 줄 알았는데 알고 보니 외할아버지가 저한테 보낸 거래요. 6천이에요. 부모님 다 살아 계세요. 증여세?"
    )
    assert got["relation"] == "lineal_ascendant" and got["generation_skip"] is True


def test_memo_fields_split_by_slashes_keep_their_own_time():
    got = inputs("엄마→나 4천 송금/5년전 엄마→나 3천 받음/나 40 → 증여세?")
    assert got["amount"] == 40_000_000 and got["prior"] == 30_000_000


def test_an_amount_in_chinese_numerals_is_read():
    assert inputs("조부로부터 金 參阡萬원整을 증여받았습니다. 증여세액은?")["amount"] == 30_000_000
    assert inputs("父로부터 5千萬원 증여받음. 증여세?")["amount"] == 50_000_000


def test_the_askers_own_instalments_are_no_period_gift():
    reading = read_question(
        "다음 달 결혼해요. 차 할부가 매달 60만원씩 나가는데, 아빠가 결혼 자금으로 1억 보내주신대요. 증여세?",
        as_of=AS_OF,
    )
    assert reading.result is not None and reading.inputs["amount"] == 100_000_000


def test_the_base_of_the_year_asked_about_is_taken():
    reading = read_question(
        "2023년 과표 5,000이었고 작년 과표는 6,000만원이에요. 작년 종합소득세 산출세액?", as_of=AS_OF
    )
    assert reading.inputs["base"] == 60_000_000 and not reading.ambiguous


def test_bonuses_paid_a_number_of_times_join_twelve_months_of_pay():
    got = inputs("월급 300에 명절 상여 150씩 2번 받아요. 총급여로 치면 근로소득공제 얼마?")
    assert got["salary"] == 39_000_000


def test_the_childrens_grandparent_named_from_their_side_gives_to_a_child():
    got = inputs(
        "애들 할아버지(시아버지)가 우리 둘째 통장에 3천 넣어주신대요. 둘째는 열 살이에요. 남편 멀쩡히 살아 있어요. 증여세는?"
    )
    assert got["relation"] == "lineal_ascendant" and got["minor"] is True and got["generation_skip"] is True


def test_a_gift_too_old_to_add_names_its_giver_so_no_generation_skip_is_asked():
    reading = read_question(
        "2013년에 할아버지께 2천 받았고 2020년에 엄마한테 4천 받았어요. 이번에 엄마가 1억 주세요. 결혼은 안 했어요. 증여세?",
        as_of=AS_OF,
    )
    assert reading.inputs["prior"] == 40_000_000 and "generation_skip" not in reading.inputs
    assert not any("할아버지" in line for line in reading.ambiguous)


def test_a_gift_first_planned_and_then_given_up_is_not_the_gift_made():
    got = inputs(
        "원래는 딸한테 3억을 한 번에 주려고 했는데 세금이 너무 커서 포기했어요. 그래서 어제 1억을 보냈습니다. "
        "딸은 서른 살이고 전에 받은 건 없어요. 증여세는?"
    )
    assert got["amount"] == 100_000_000


def test_a_wedding_called_off_takes_back_the_marriage_deduction_it_was_planned_for():
    got = inputs(
        "작년에 어머니께 5천을 받아 신고했어요. 올봄에 결혼하면서 혼인공제를 받을 생각이었는데 여름에 파혼했어요. "
        "이번에 어머니가 8천을 또 주셨어요. 저는 서른둘이에요. 증여세?"
    )
    assert got["amount"] == 80_000_000 and got["prior"] == 50_000_000 and not got.get("marriage_birth")


def test_a_dependent_planned_and_dropped_with_a_wish_after_it_is_not_counted():
    got = inputs(
        "원래 어머니(1948년생)를 부양가족으로 올리려다가 누나가 올린대서 빼기로 했어요. 만약 올렸으면 경로우대도 "
        "받았을 텐데요. 저는 미혼이고 혼자예요. 총급여 3,900만원, 국민연금 175만원. 결정세액은?"
    )
    assert got["salary"] == 39_000_000 and not got.get("dependents") and not got.get("elderly")


def test_a_childs_year_of_birth_settles_the_credit_age_over_a_korean_count():
    got = inputs(
        "아이 둘이에요. 큰애는 2011년생, 작은애는 2021년 3월생인데 우리 나이로 여섯 살, 만으로 네 살이에요. "
        "아내 소득 없어요. 총급여 7,000만원, 원천징수 400만원. 연말정산 환급은?"
    )
    assert got["dependents"] == 3 and got["children"] == 1


def test_both_parents_said_by_year_of_birth_and_living_with_the_worker_are_dependents():
    got = inputs(
        "어머니는 1952년생 용띠라 우리 나이로 일흔다섯, 아버지는 1962년생 범띠예요. 두 분 모두 소득 없이 "
        "저와 함께 사세요. 저는 싱글이고 총급여 4,800만원, 원천징수 150만원이에요. 연말정산 환급은?"
    )
    assert got["dependents"] == 2 and got["elderly"] == 1


def test_a_raise_from_january_said_after_last_years_pay_is_this_years_pay():
    got = inputs(
        "연봉이 작년엔 4,500이었는데 올해 1월부터 5,100으로 인상됐어요(총급여 기준). 미혼이고 원천징수 200만원. 연말정산?"
    )
    assert got["salary"] == 51_000_000


def test_a_spouse_who_earned_until_last_year_and_earns_nothing_now_is_a_dependent():
    got = inputs(
        "작년까진 맞벌이였는데 남편이 작년 여름에 퇴사해서 올해는 소득이 없어요. 제 총급여 5,000만원, "
        "원천징수 180만원이에요. 연말정산 환급은?"
    )
    assert got["dependents"] == 1


def test_a_parent_said_with_an_age_and_no_income_before_the_caring_is_a_dependent():
    got = inputs("총급여 6,500만원. 아버지 75세, 소득 없고 제가 모심. 원천징수 300만. 연말정산 얼마 돌려받나요?")
    assert got["dependents"] == 1 and got["elderly"] == 1


def test_the_age_of_the_one_parent_counted_in_brackets_after_한_분_is_read():
    got = inputs("총급여 3,600만원입니다. 부양가족은 함께 사는 아버지 한 분(만 71세, 소득 없음)뿐이에요. 결정세액은?")
    assert got["dependents"] == 1 and got["elderly"] == 1


def test_health_long_term_care_and_employment_insurance_said_as_one_sum():
    got = inputs("총급여 5,200만원, 국민연금 234만, 건강·장기요양·고용 210만, 원천징수 170만. 미혼. 연말정산?")
    assert got["insurance"] == 2_100_000


def test_a_figure_the_ticket_body_says_its_title_had_wrong_gives_way_to_the_body():
    got = inputs(
        "[문의] 연말정산 / 총급여 4,600만 / 기납부 95만\n\n제목에 기납부 95만으로 적었는데 급여명세서 보니까 "
        "1년 치 소득세가 112만원이에요. 미혼입니다. 환급되나요?"
    )
    assert got["withheld"] == 1_120_000


def test_thousands_set_apart_by_dots_in_a_ledger_are_one_amount():
    got = inputs("장부 정리: 종합소득 과세표준 52.700.000원 확정. 종합소득세 산출세액은?")
    assert got["base"] == 52_700_000


def test_the_총급여_said_after_a_contract_pay_with_its_monthly_exempt_part_is_taken():
    reading = read_question(
        "1) 연봉 계약서 금액 4,500만원 (식대 월 20만원 포함)\n2) 그래서 과세 총급여는 4,260만원\n3) 근로소득공제 얼마?",
        as_of=AS_OF,
    )
    assert reading.inputs["salary"] == 42_600_000 and not reading.missing


# round two: a figure taken back aloud in a ramble, the family of another worker, a fee, a giver named twice


def test_a_gift_taken_back_aloud_with_words_between_is_the_figure_after_it_once():
    got = inputs(
        "제가 딸 계좌로 1억을 넣었어요. 아 아니다, 넣으려다가 1천은 생활비로 두고 9천만 넣었네요. "
        "딸은 스물여덟이에요. 증여세 얼마예요?"
    )
    assert got["amount"] == 90_000_000


def test_a_bare_figure_taken_back_aloud_takes_the_unit_of_the_one_after():
    got = inputs("연봉이 4,300... 아 아니다, 4,200만원이에요. 미혼이고 부양가족 없어요. 결정세액 얼마?")
    assert got["salary"] == 42_000_000


def test_a_value_heard_then_taken_back_for_an_appraisal_is_the_appraised_one():
    got = inputs(
        "아내가 제 명의 상가를 받는데 시가는 6억이라던데, 아 아니다, 감정 받아보니 5억 8천 나왔대요. 증여세는?"
    )
    assert got["amount"] == 580_000_000


def test_a_figure_after_아_아니다_of_another_size_replaces_nothing():
    got = inputs("아버지가 저한테 2억을 주셨어요. 아 아니다, 그 전에 300만원 빌린 건 갚았고요. 증여세 얼마예요?")
    assert got["amount"] == 200_000_000


def test_an_hourly_pay_asks_for_the_years_pay():
    reading = read_question(
        "편의점 알바생 지훈이는 시급 11,000원 받는데 몇 시간 일할지 몰라요. 연말정산 세금은?", as_of=AS_OF
    )
    assert reading.kind == "salary" and any("총급여" in m for m in reading.missing)


def test_children_all_married_off_are_no_dependents_and_an_old_mother_cared_for_is():
    got = inputs(
        "총급여 5,500만원이고 소득 없는 아내랑 여든 넘은 노모를 모시고 삽니다. 애들은 다 출가했어요. 결정세액은?"
    )
    assert got["dependents"] == 2 and not got.get("children")


def test_a_colleagues_pay_and_family_are_not_the_workers():
    got = inputs(
        "총급여 4,000만원이고 아들(9살) 키우는 한부모예요. 친정엄마(일흔넷, 소득 없음) 모시고 살아요. "
        "입사 동기 수진이는 연봉 4,500인데 부양가족이 없대요. 결정세액 얼마?"
    )
    assert got["salary"] == 40_000_000 and got["dependents"] == 2 and got["elderly"] == 1


def test_children_listed_with_school_years_and_ages_in_brackets_are_counted_each():
    got = inputs("총급여 6,000만원, 아내 소득 없음. 애들은 고1(16살)이랑 초6(12살) 둘이에요. 결정세액은?")
    assert got["dependents"] == 3 and got["children"] == 2


def test_a_club_fee_in_a_gift_question_is_no_gift_to_ask_about():
    reading = read_question(
        "모임 총무 이씨가 아버지한테 1억을 받았대요. 동호회 회비는 월 5만원인데 단체복도 샀어요. 증여세 얼마예요?",
        as_of=AS_OF,
    )
    assert reading.inputs.get("amount") == 100_000_000 and not reading.missing


def test_a_gift_set_aside_by_the_asker_names_no_giver():
    got = inputs(
        "엄마인 제가 아들 통장에 1억을 보냈어요. 그때 이모도 2백 보태줬는데 그건 이모 돈이니까 따로고요. "
        "아들은 서른이에요. 아들이 엄마한테 받은 거 증여세는?"
    )
    assert got["relation"] == "lineal_ascendant" and got["amount"] == 100_000_000


def test_a_father_named_again_by_his_title_gives_to_his_son():
    got = inputs(
        "웨딩플래너예요. 신부 쪽 어머님, 박 여사님이 신부님한테 1억 5천을 주신대요. 혼인신고는 다음 달에 해요. "
        "혼인공제 받으면 신부님 증여세는?"
    )
    assert got["relation"] == "lineal_ascendant" and got["marriage_birth"] == 100_000_000


def test_an_earlier_gift_to_the_same_son_in_a_clause_naming_him_is_prior():
    got = inputs(
        "큰아들 가게 차리는 데 쓰라고 작년 봄에 2천만원을 줬고, 올해 또 4,000만원을 줬어요. 둘 다 아비인 제가 준 "
        "돈이고 아들은 마흔입니다. 이번 4,000만원 증여세는?"
    )
    assert got["amount"] == 40_000_000 and got["prior"] == 20_000_000


def test_a_figure_after_아_아니다_labelled_as_another_fact_replaces_nothing():
    got = inputs("2020년에 취득가 3억에 샀어요. 아 아니다, 양도가는 3억 5천이에요. 5년 보유한 아파트 양도소득세는?")
    assert got["acquired"] == 300_000_000 and got["price"] == 350_000_000


def test_a_friends_과표_said_beside_the_askers_is_no_second_year():
    reading = read_question(
        "제 과세표준은 5,200만원이에요. 제 친구는 과표 2,800이라던데 걔는 직장인이라서요. 종합소득세 산출세액은?",
        as_of=AS_OF,
    )
    assert reading.inputs["base"] == 52_000_000 and not any("과세표준이 여럿" in a for a in reading.ambiguous)


def test_a_daughter_in_laws_earlier_gift_from_어머님_counts_with_the_mother_in_laws_gift():
    got = inputs(
        "시아버지께서 이번 달에 5,000만원을 보내 주셨어요. 저는 며느리고요. 4년 전에도 아버님한테 1 천만원 받았어요. "
        "합치면 증여세가 얼마예요?"
    )
    assert got["relation"] == "other_relative" and got["amount"] == 50_000_000 and got["prior"] == 10_000_000


def test_a_misplaced_comma_in_a_yearly_pay_is_settled_by_the_month_times_twelve():
    got = inputs("연봉이 6,0000만 (월 500만 x 12) 정도인데 근로소득공제 금액은 얼마예요?")
    assert got["salary"] == 60_000_000


def test_a_misplaced_comma_the_month_does_not_confirm_stays_unread():
    reading = read_question("연봉 6,0000만 (월 480만 x 12) 근로소득공제는?", as_of=AS_OF)
    assert reading.inputs.get("salary") != 60_000_000 or reading.ambiguous or reading.missing


def test_혼공_in_a_file_note_is_the_marriage_deduction():
    got = inputs(
        "상담메모: 의뢰인 乙 29세 남성, 지난달 혼인신고. 모친이 1억 5천 증여 예정, 혼공 1억 적용 검토. "
        "10년 내 기증여 없음. 증여세 산출세액 계산 요."
    )
    assert got["amount"] == 150_000_000 and got["marriage_birth"] == 100_000_000


def test_a_checklist_of_empty_boxes_with_none_ticked_keeps_its_items():
    got = inputs("☐ 수증자 외손녀(만 30세) ☐ 증여자 외조모 ☐ 증여재산 현금 2억 ☐ 10년 내 기증여 없음 → 증여세 재계산")
    assert got["amount"] == 200_000_000
