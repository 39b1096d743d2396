"""Reading causes fixed in lane S (session 8: 증여세, 연말정산, 근로소득공제), each tested in wording of its own:
the marriage/birth deduction said not to apply as a quoted value or as not applied for, and the pay of the one
person asked about among several people's pays."""

from __future__ import annotations

from reading_cases import inputs, reading


def test_a_quoted_none_for_the_marriage_deduction_gives_none():
    got = inputs(
        '{"주는 사람": "어머니", "받는 사람": "딸 (29세)", "금액": "9천만원", "결혼·출산 공제": "해당 없음"} 증여세는?'
    )
    assert got["amount"] == 90_000_000 and "marriage_birth" not in got


def test_the_marriage_deduction_not_applied_for_gives_none():
    got = inputs(
        "청구인은 2026. 3. 2. 모친으로부터 현금 1억 2천만 원을 증여받았고, 혼인 증여재산공제는 신청하지 않았다. "
        "납부할 증여세액은?"
    )
    assert got["amount"] == 120_000_000 and "marriage_birth" not in got


def test_only_the_asker_of_several_siblings_pays_is_computed():
    got = inputs(
        "우리 형제 연봉이 형 6,500, 동생 2,900, 저 5,100입니다. 저만 계산해 주세요. 부양가족 없어요. 결정세액은?"
    )
    assert got["salary"] == 51_000_000


def test_only_the_wifes_pay_is_taken_for_her_wage_deduction():
    got = inputs("제 총급여는 8,000만이고 아내 총급여는 2,700만입니다. 아내 근로소득공제 얼마예요? 아내 것만요.")
    assert got["salary"] == 27_000_000


def test_national_pension_said_with_보험료_is_not_the_health_insurance():
    got = inputs(
        "총급여 4,600만원, 국민연금 보험료 207만 원, 건강·고용보험료 183만 원 냈어요. 부양가족 없어요. 결정세액?"
    )
    assert got["pension"] == 2_070_000 and got["insurance"] == 1_830_000


def test_the_share_of_the_grandchild_asked_by_name_is_the_gift():
    got = inputs(
        "외할머니가 손녀 둘에게 현금을 주세요. 언니 하은이(30살)는 1억 5천, 동생 지우(만 16세)는 6천만 원이요. "
        "지우 몫 증여세만 알려 주세요."
    )
    assert got["amount"] == 60_000_000


def test_a_grandfathers_return_with_the_grandmother_at_home_and_an_age_before_her_income():
    got = inputs(
        "외할아버지 연말정산 좀 봐주세요. 외할아버지는 69세이시고 건물 관리 일을 하시는데 총급여가 2,800만원이에요. "
        "외할머니는 74세, 소득 전혀 없으세요. 결정세액 얼마?"
    )
    assert got["salary"] == 28_000_000 and got["dependents"] == 1 and got["elderly"] == 1


def test_a_child_said_with_만_before_the_age_and_a_grandmother_named_twice_counts_once():
    got = inputs(
        "우리 아빠 연봉은 6천5백만 원이에요. 엄마는 전업주부고 저는 만 13살, 동생은 만 11살이에요. "
        "할머니(만 78살)도 같이 사시는데 할머니도 소득이 없으세요. 아빠 결정세액 얼마예요?"
    )
    assert got["dependents"] == 4 and got["children"] == 2 and got["elderly"] == 1


def test_no_other_dependents_after_one_is_named_is_not_a_contradiction():
    r = reading(
        "할아버지 연말정산이요. 할아버지는 66세이고 총급여 2,600만원이에요. 할머니는 71세, 소득 없으세요. "
        "그 밖의 부양가족은 없어요. 결정세액은?"
    )
    assert r.inputs["dependents"] == 1
    assert not any("부양가족은 없" in a for a in r.ambiguous)
