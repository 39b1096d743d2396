"""Lane U cause tests (inheritance and 연말정산 readers): kin said by pronoun or nickname, a flat priced per 평,
a pay said in 천만원, a figure the asker wants checked, a day's pay, counts and figures said again."""

from __future__ import annotations

from tests.reading_cases import answer, inputs, reading

# --- inheritance -------------------------------------------------------------------------------------------------


def test_house_nickname_for_the_deceased_spouse_and_what_is_left_after_debts():
    q = (
        "저희 집 양반이 올 1월에 돌아가셨어요. 대출이랑 장례비 다 치르고 나니 남은 게 15억이에요. "
        "아들 둘은 다 컸고요. 6억짜리 집은 제 앞으로 하기로 했어요. 상속세 얼마나 될까요?"
    )
    got = inputs(q)
    assert got["estate"] == 1_500_000_000
    assert got["spouse"] is True
    assert got["spouse_inherits"] == 600_000_000


def test_funeral_hall_cost_is_funeral_and_the_askers_own_loan_is_not_the_estates():
    q = (
        "어머니가 돌아가셨어요. 장례식장 비용이 700만원 나왔습니다. 어머니 명의로 빌라 5억짜리랑 예금 1억이 있어요. "
        "아버지는 계시고 빌라는 아버지가 받으시기로 했어요. 자녀는 저 하나예요. "
        "저도 제 아파트 대출 2억이 있어서 걱정이네요. 상속세가 나오나요?"
    )
    got = inputs(q)
    assert got["estate"] == 600_000_000 - 7_000_000
    assert got["financial"] == 100_000_000  # the asker's loan is no 금융채무 of the estate
    assert got["spouse_inherits"] == 500_000_000


def test_an_estate_taken_back_with_words_between_and_a_count_said_again():
    q = (
        "아버지가 돌아가셨고 어머니는 안 계세요. 재산은 9억, 아 아니다 카드빚이랑 장례비 빼면 8억 6천이요. "
        "자식은 둘, 아 막내까지 네 명이네요. 다 성인입니다. 상속세요?"
    )
    got = inputs(q)
    assert got["estate"] == 860_000_000
    assert got["children"] == 4


def test_a_heard_price_gives_way_to_the_appraisal_and_a_brother_said_twice_is_one():
    q = (
        "아버지 돌아가셨어요. 집이 한 7억 한다고 들었는데 감정평가서에는 7억 8천으로 나왔어요. 어머니 계시고 "
        "상속인은 어머니랑 형, 저예요. 형이랑 저는 성인입니다. 상속세 얼마예요?"
    )
    got = inputs(q)
    assert got["estate"] == 780_000_000
    assert got["children"] == 2


def test_a_flat_priced_per_pyeong_is_part_of_the_estate():
    q = (
        "아버지가 돌아가셨어요. 어머니 살아 계시고 자녀는 둘이에요. 남기신 건 아파트랑 예금인데 아파트는 "
        "비슷한 집이 평당 2천5백에 팔리고 40평이에요. 예금은 1억 있어요. 아파트는 어머니가 받으시기로 했습니다. 상속세는요?"
    )
    got = reading(q)
    assert got.inputs["estate"] == 1_100_000_000
    assert got.inputs["spouse_inherits"] == 1_000_000_000
    assert any("평당" in a for a in got.assumptions)


def test_a_sum_the_asker_wants_checked_gives_no_input():
    q = (
        "인터넷 보니까 공제 합쳐서 10억까지는 안 낸다던데, 그럼 16억에서 10억 빼고 6억에 30% 누진공제 6천 해서 "
        "1억 2천 나오는 거 맞나요? 남편이 돌아가셨고 자녀는 둘이에요. 재산은 빚 다 갚고 16억이에요."
    )
    got = reading(q)
    assert got.inputs["estate"] == 1_600_000_000
    assert got.inputs["children"] == 2
    assert any("확인을 바라는" in a for a in got.assumptions)


def test_a_tax_heard_from_a_sibling_is_not_a_range_to_ask_for():
    q = "모친상 치렀어요. 부친은 예전에 돌아가셨고 자녀는 누나랑 저 둘. 빚 빼고 남은 재산 25억. 누나 말로는 6억 넘게 나온다는데 진짜임?"
    a = answer(q)
    assert a["inputs"]["estate"] == 2_500_000_000
    assert not any("범위" in line for line in a["missing"])


def test_debts_as_large_as_the_estate_are_flagged():
    q = "할아버지가 돌아가셨어요. 할머니는 안 계시고 자녀는 셋이에요. 남기신 재산은 3억, 빚도 4억이에요. 상속세 나오나요?"
    got = reading(q)
    assert got.inputs["estate"] == 0
    assert any("채무·장례비" in line for line in got.ambiguous)


def test_a_brother_in_law_leaves_his_wife_and_the_askers_parents_in_law():
    q = (
        "남편 쪽이 아니라 처가 일이에요. 처남이 쉰에 병으로 세상을 떴고 자식은 없어요. 처남댁은 있고요. "
        "장인, 장모님 두 분 다 살아 계세요. 처남 재산은 빚 빼고 10억이고 처남댁이 법정상속분대로 받는대요. 상속세는요?"
    )
    got = inputs(q)
    assert got["spouse"] is True
    assert got["parents"] == 2
    assert got["spouse_inherits"] == 1_000_000_000 * 3 // 7


def test_a_range_flag_names_the_fact_asked_for():
    q = "어머니가 돌아가셨어요. 재산이 10억에서 12억 사이라는데 아직 몰라요. 아버지 계시고 자녀는 하나예요. 상속세요?"
    got = reading(q)
    assert any("상속재산" in line for line in got.missing)


# --- 연말정산 ---------------------------------------------------------------------------------------------------


def test_pay_said_in_tens_of_millions_with_a_bonus_apart():
    q = "연봉 계약 5.4에 인센티브 600 별도. 혼자 살고 부양가족 없음. 떼인 소득세 총 300. 연말정산 환급이야 추납이야?"
    got = reading(q)
    assert got.inputs["salary"] == 60_000_000
    assert got.inputs["withheld"] == 3_000_000


def test_the_askers_house_nickname_is_the_worker_and_the_family_around():
    q = (
        "우리 집 양반 연말정산 좀 봐 주세요. 그 사람 총급여가 5,900이에요. 저는 살림만 해서 소득이 없어요. "
        "큰애 고1(16살), 작은애 초5(11살)이고요. 시어머니도 우리가 모시고 사는데 일흔다섯이시고 소득 없으세요. "
        "떼인 소득세가 1년에 250만원이래요. 얼마 돌려받아요?"
    )
    got = inputs(q)
    assert got["dependents"] == 4
    assert got["children"] == 2
    assert got["elderly"] == 1


def test_a_child_born_three_years_ago_gets_no_child_credit():
    q = "2020년에 결혼했고 2024년 3월에 딸을 낳았어요. 아내는 소득이 없어요. 올해 총급여 4,800만원이에요. 결정세액 얼마예요?"
    got = inputs(q)
    assert got["dependents"] == 2
    assert "children" not in got or got["children"] == 0


def test_a_days_pay_times_the_days_and_months_and_a_parent_over_seventy():
    q = (
        "물류센터 상용직이고 급여는 일당제예요. 일당 12만원에 한 달 20일씩 12달 일했어요. 비과세는 없고 미혼이에요. "
        "어머니를 모시고 사는데 어머니는 올해 74세, 소득 없으세요. 결정세액 얼마예요?"
    )
    got = inputs(q)
    assert got["salary"] == 120_000 * 20 * 12
    assert got["elderly"] == 1


def test_an_approximate_pay_flag_names_the_pay():
    q = "연봉이 한 4천 될까 말까예요. 부양가족은 없어요. 연말정산 세금 얼마예요?"
    got = reading(q)
    assert any("총급여" in line for line in got.missing + got.ambiguous)


def test_a_marriage_deduction_checked_sum_is_a_gift_not_an_income_tax_base():
    q = "작년에 혼인신고했고 이번에 엄마가 1억 5천 주심. 혼인공제 1억 + 5천 = 1억5천 빼면 과표 0 → 세금 없음 맞죠?"
    got = reading(q)
    assert got.kind == "gift"


def test_a_past_years_pay_is_said_as_such_not_flagged():
    q = "2018년에 들어왔어요(입사 때 연봉 2,900). 미혼이고 부양가족 없어요. 올해 총급여는 4,600만원이에요. 결정세액이 얼마예요?"
    got = reading(q)
    assert got.inputs["salary"] == 46_000_000
    assert not any("2,900" in line for line in got.missing + got.ambiguous)


# --- session 7: e-mail replies, summaries, chats, dropped pasts, births --------------------------------------


def test_the_widowed_fathers_share_said_as_what_he_actually_gets():
    q = (
        "가. 어머니가 올해 4월에 돌아가셨습니다.\n나. 상속인은 아버지와 저희 딸 둘(모두 성인)입니다.\n"
        "다. 채무·장례비를 뺀 과세가액은 20억입니다.\n라. 아버지가 실제로 받으시는 건 7억으로 정했습니다.\n상속세는?"
    )
    got = inputs(q)
    assert got["spouse_inherits"] == 700_000_000


def test_a_mothers_death_to_come_leaves_her_the_living_spouse():
    q = (
        "아버지가 지난달 돌아가셨습니다. 나중에 어머니 돌아가실 때 세금이 또 나올까 봐 어머니는 4억만 받으시기로 "
        "했고 나머지는 저희 형제 둘이 받습니다. 빚 빼고 과세가액 15억, 금융재산은 없습니다. 상속세는요?"
    )
    got = inputs(q)
    assert got["spouse"] is True
    assert got["spouse_inherits"] == 400_000_000


def test_wealth_spent_years_before_the_death_is_not_the_estate():
    q = (
        "할머니는 오래전에 돌아가셨고 할아버지 혼자 사셨어요. 2019년엔 할아버지 재산이 30억 가까이 됐는데 "
        "사업 빚 갚느라 거의 다 쓰셨어요. 올해 돌아가셨고 남은 건 주택 6억이랑 예금 1억입니다. 빚은 없고 "
        "상속인은 아버지 형제 셋이에요(모두 성인). 상속세는?"
    )
    got = inputs(q)
    assert got["estate"] == 700_000_000


def test_an_email_reply_replaces_the_figure_of_the_quoted_message():
    q = (
        "회신 감사합니다. 다시 확인해 보니 채무 빼고 남는 재산은 9억입니다. (아래 메일의 11억은 잘못 쓴 거예요.)\n"
        "아내는 올해 1월에 세상을 떠났고 상속인은 저와 딸 하나입니다. 상속세는 얼마인가요?\n\n"
        "-----Original Message-----\n> 상속재산이 11억이고 아내가 1월에 사망했습니다."
    )
    got = inputs(q)
    assert got["estate"] == 900_000_000


def test_an_askers_spouse_is_the_one_who_died_when_the_asker_counts_as_heir():
    q = (
        "답변 감사합니다. 아내 병원비랑 장례비까지 빼고 남는 재산이 10억입니다. 아이는 없고 장인, 장모 두 분 다 "
        "살아 계셔서 저까지 세 명이 상속인이에요. 제가 6억을 받기로 했습니다. 금융재산은 없어요. 상속세는?\n"
        "> 이전 문의: 재산 12억"
    )
    got = inputs(q)
    assert got["estate"] == 1_000_000_000
    assert got["parents"] == 2
    assert got["spouse_inherits"] == 600_000_000


def test_a_tldr_says_the_storys_figures_again_and_they_count_once():
    q = (
        "아버지가 작년 가을에 돌아가셨어요. 어머니는 오래전에 가셨고요. 아버지 명의는 단독주택(시세 7억 2천)이랑 "
        "적금 1억 5천이 전부입니다. 빚은 없고 장례비는 영수증 모아보니 900만원이었어요. 상속인은 저랑 누나예요.\n"
        "세 줄 요약: 아버지 사망, 상속인 2명, 주택 7.2억 + 적금 1.5억, 장례비 900만원. 상속세는?"
    )
    got = inputs(q)
    assert got["estate"] == 720_000_000 + 150_000_000 - 9_000_000
    assert got["financial"] == 150_000_000


def test_a_sibling_with_a_school_year_and_an_age_in_brackets_is_one_heir():
    q = (
        "아빠가 돌아가셨고 엄마는 그 전에 먼저 가셨어요. 남은 건 저(25살)랑 고1 여동생(16살) 둘뿐이에요. "
        "재산은 아파트 8억, 빚 없음. 상속세는?"
    )
    got = inputs(q)
    assert got["children"] == 2


def test_debts_said_again_as_taken_off_a_total_are_taken_off_once():
    q = (
        "형: 엄마 재산 정리하자. 집 9억, 예금 2억\n누나: 병원비로 빌린 돈 5천 있어. 은행 대출은 없고\n"
        "형: 장례비는 딱 천만원\n나: 그럼 빚 5천이랑 장례비 천만원 빼면 10억 4천이네\n"
        "누나: 아빠는 예전에 돌아가셨고 너희 셋 다 성인이잖아. 상속세 얼마야?"
    )
    got = inputs(q)
    assert got["estate"] == 1_040_000_000
    assert got["children"] == 3


def test_birth_year_and_month_decide_the_minor_years_not_the_korean_count():
    q = (
        "아내가 올해 2월에 세상을 떠났습니다. 아이 둘은 2011년 8월생(우리 나이로 열여섯), 2018년 1월생입니다. "
        "빚 빼고 상속재산 12억, 제가 6억을 받기로 했습니다. 금융재산은 없어요. 상속세는?"
    )
    got = inputs(q)
    assert got["minor_children_years"] == [5, 11]


def test_an_adults_birth_year_leaves_a_minors_age_in_years_read():
    q = (
        "1955년생이신 아버지가 올해 5월에 돌아가셨어요. 어머니가 계시고 자녀는 저(30살)랑 막내(14살) 둘입니다. "
        "빚 빼고 상속재산 15억, 금융재산은 없어요. 상속세는?"
    )
    got = inputs(q)
    assert got["minor_children_years"] == [5]


def test_a_reply_keeps_its_new_figure_in_the_sentence_that_names_the_old_one():
    q = (
        "팀장님, 회신 감사합니다. 아래 메일에 과세가액을 9억이라고 적었는데 다시 보니 8억이 맞습니다.\n"
        "어머니가 올해 돌아가셨고 아버지는 예전에 돌아가셨어요. 상속인은 저와 오빠 둘입니다. 금융재산은 없어요. "
        "상속세는?\n\n-----Original Message-----\n> 과세가액 9억이면 상속세가 얼마인가요?"
    )
    got = inputs(q)
    assert got["estate"] == 800_000_000


def test_a_third_persons_spouse_said_with_bun_as_gone_before():
    q = (
        "장례식장 상담 중에 여쭙니다. 고인은 예순 된 남자분이고 부인분은 3년 전에 먼저 세상을 떠나셨대요. "
        "자녀는 둘, 다 성인이에요. 빚 빼고 재산이 9억이고 금융재산은 없어요. 상속세가 얼마일까요?"
    )
    got = inputs(q)
    assert "spouse" not in got
    assert got["children"] == 2


def test_the_askers_brother_in_law_dies_his_wife_and_nephews_inherit():
    q = (
        "제부가 지난달 병원에서 돌아가셨어요. 상속인은 여동생이랑 조카 둘이에요. 재산은 빚 빼고 20억이고 "
        "여동생이 6억 받기로 했어요. 금융재산은 없고요. 상속세는 얼마예요?"
    )
    got = inputs(q)
    assert got["spouse"] is True
    assert got["children"] == 2
    assert got["spouse_inherits"] == 600_000_000


def test_a_childless_brother_in_law_leaves_his_wife_and_his_parents():
    q = (
        "엄마 대신 적어요. 우리 형부가 지난 5월에 지병으로 갔어요. 언니랑 형부 사이에 자녀가 없고 형부 부모님 두 분은 "
        "살아 계세요. 빚 다 빼고 12억이고, 언니가 6억 받고 나머지는 부모님이 나눈대요. 금융재산은 없어요. 상속세는?"
    )
    got = inputs(q)
    assert got["spouse"] is True
    assert got["parents"] == 2
    assert got["children"] == 0
    assert got["spouse_inherits"] == 600_000_000


def test_condolence_money_is_neither_a_funeral_cost_nor_the_estate():
    q = (
        "아버지가 올해 돌아가셨어요. 어머니는 예전에 돌아가셨고 자녀는 저 혼자예요. 재산은 모두 10억, "
        "장례비는 700만원 들었고 부의금은 2,300만 들어왔어요. 금융재산은 없어요. 상속세는?"
    )
    got = inputs(q)
    assert got["estate"] == 993_000_000


def test_an_estate_in_hangul_numerals_before_ibnida_is_read():
    q = (
        "작년에 큰아들을 먼저 보냈습니다. 남은 건 큰며느리와 손녀 하나인데 손녀는 만으로 열두 살입니다. "
        "빚 갚고 장례비 빼니 삼십억입니다. 예금은 없습니다. 며느리와 손녀가 낼 상속세가 얼마인지요?"
    )
    got = inputs(q)
    assert got["estate"] == 3_000_000_000
    assert got["minor_children_years"] == [7]


def test_a_death_dated_by_the_cycle_year_and_the_old_month_names_the_decedent():
    q = (
        "아버님이 지난 갑진년 동짓달에 세상을 떠나셨습니다. 어머님은 기해년에 먼저 가셨지요. 자식은 저하고 누님 "
        "이렇게 둘입니다. 빚 갚고 나서 남은 것이 논밭 합쳐 6억인데 그중 예금이 5천입니다. 상속세는 얼마인지요?"
    )
    got = inputs(q)
    assert "spouse" not in got
    assert got["children"] == 2
    assert got["estate"] == 600_000_000
    assert got["financial"] == 50_000_000


def test_what_is_left_after_taking_off_is_the_estate_with_words_between():
    q = (
        "어머니가 올해 돌아가셨고 아버지는 예전에 돌아가셨어요. 자녀는 저 하나예요. 빚은 없고 장례비 빼고 나니까 "
        "전부 9억이고 그중 예금이 2억입니다. 상속세는?"
    )
    got = inputs(q)
    assert got["estate"] == 900_000_000
    assert got["financial"] == 200_000_000
