"""Reading causes fixed in lane S (session 8: 증여세, 연말정산, 근로소득공제), each tested in wording of its own:
the marriage/birth deduction said not to apply as a quoted value or as not applied for, and the pay of the one
person asked about among several people's pays."""

from __future__ import annotations

from reading_cases import inputs


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
