"""Reading causes fixed in lane H (round three), each tested in wording of its own: the 12억 line of the
1세대1주택 exemption said as the reason a sale is exempt, the rule that rounds a part year of service up,
and 지방소득세 said as left out of the answer asked; a bank debt that nets the deposits where the
estate is said already net of the debts."""

from __future__ import annotations

from reading_cases import inputs, reading


def test_the_twelve_eok_exemption_line_said_as_a_reason_is_no_price_range():
    r = reading(
        "1세대1주택이고 10년 보유·거주했습니다. 판 값 9억 5천, 산 값 4억, 경비 1,500 → 12억 이하면 1주택 비과 대상인지 "
        "아니면 양도세 얼마인지 알려 주세요."
    )
    assert r.inputs["price"] == 950_000_000 and not any("범위" in line for line in r.missing)


def test_a_part_year_rounded_up_by_the_service_rule_is_no_duration_range():
    r = reading(
        "퇴직 정산: 근속 11년 2개월인데 1년 미만은 절상이라 12년으로 봅니다. 퇴직금 8천만원, 임원 아님. "
        "퇴직소득세 산출세액은?"
    )
    assert r.inputs["years"] == 12 and r.inputs["pay"] == 80_000_000
    assert not any("범위" in line for line in r.missing)


def test_local_income_tax_left_out_is_not_the_tax_asked():
    got = inputs(
        "상가 건물(주택 아님) 2015년에 3억에 사서 올해 4억 5천에 팔았어요. 보유 11년, 경비 1천만원. "
        "지방소득세는 따로 내니 제외하고 양도세만 얼마인지요?"
    )
    assert got["price"] == 450_000_000 and got["acquired"] == 300_000_000


def test_a_bank_debt_netting_the_deposits_is_not_taken_off_a_total_already_net():
    r = reading(
        "상속 검토: 부친 사망, 상속인 모친과 성년 자녀 1명. 과세가액 15억 — 빚 8천이랑 장례비 1천 이미 뺀 금액. "
        "금융재산은 예금 2억5천에서 금융채무 5천 뺀 순액 2억. 상속세 얼마인지?"
    )
    assert r.inputs["estate"] == 1_500_000_000 and r.inputs["financial"] == 200_000_000
