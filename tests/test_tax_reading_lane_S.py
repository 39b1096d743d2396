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
