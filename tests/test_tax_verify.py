"""Checking and rendering (taxqa.tax.checking, reading, render): questions -> scenarios, answers checked against the calculators, answer templates."""

from __future__ import annotations

import pytest

from taxqa.tax.checking import check_answer
from taxqa.tax.compute import compute
from taxqa.tax.reading import scenario_from_question
from taxqa.tax.render import render_answer

WRONG_Q = "부모로부터 20억원을 증여받았을 때 증여세는 얼마인가요?"


def test_original_dataset_error_is_rejected():
    v = check_answer(WRONG_Q, "부모로부터 20억원을 증여받으면 증여세율을 적용하여 증여세는 9,000만원입니다.")
    assert v is not None and v.agree is False and v.checked
    assert "9,000만원" in v.reason and "6억 140만원" in v.reason
    assert v.expected == {"tax_base": 1_950_000_000, "computed_tax": 620_000_000, "payable": 601_400_000,
                          "determined_tax": 601_400_000, "deduction": 50_000_000}  # fmt: skip
    assert v.found["tax"]["amount"] == 90_000_000
    assert "수증자는 성인으로 가정" in v.assumptions
    assert v.to_dict()["agree"] is False


@pytest.mark.parametrize(
    "answer",
    [
        "증여재산공제 5천만원을 빼면 과세표준은 19억 5천만원이고, 산출세액은 2억 4천만원 + (9억 5천만원 × 40%) = "
        "6억 2천만원입니다. 신고세액공제 3%를 빼면 납부할 세액은 6억 140만원입니다.",
        "산출세액은 6억 2천만원입니다.",
        "신고세액공제를 반영한 납부세액은 6억 140만원입니다.",
        "세율은 1억원 이하 10%, 1억원 초과 5억원 이하 20%, 10억원 초과 30억원 이하 40%입니다. "
        "직계존속 공제 5,000만원을 빼고 계산하면 증여세는 6억 2,000만원입니다.",
        "과세표준 10억원 초과 30억원 이하 구간은 2억 4천만원 + 초과분의 40%이므로 산출세액은 6억 2천만원, 납부세액은 6억 140만원입니다.",
        "증여세는 약 6억원 정도입니다.",
    ],
)
def test_right_answers_agree(answer):
    v = check_answer(WRONG_Q, answer)
    assert v is not None and v.agree, v.reason
    assert v.checked


def test_one_wrong_figure_among_right_ones():
    v = check_answer(WRONG_Q, "과세표준은 19억 5천만원, 산출세액은 6억 2천만원이지만 납부할 세액은 5억원입니다.")
    assert not v.agree and "5억원 != 계산값 6억 140만원" in v.reason
    v = check_answer(WRONG_Q, "과세표준은 20억원이고 산출세액은 6억 4천만원입니다.")
    assert not v.agree and "과세표준 20억원" in v.reason


def test_answer_without_result_figure_is_not_judged():
    v = check_answer(WRONG_Q, "증여세는 증여받은 날이 속하는 달의 말일부터 3개월 이내에 신고해야 합니다.")
    # nothing was checked: agree is None, never a pass (#25); nothing stated is wrong either
    assert v is not None and v.agree is None and not v.checked and v.consistent


def test_not_computable_returns_none():
    assert check_answer("증여세 신고기한은 언제인가요?", "3개월입니다.") is None
    assert check_answer("20억원을 증여받았을 때 증여세는?", "모릅니다") is None  # no relation: not computable
    assert scenario_from_question("부가가치세는 무엇인가요?") is None


@pytest.mark.parametrize(
    ("question", "kind", "kwargs"),
    [
        (WRONG_Q, "gift", {"amount": 2_000_000_000, "relation": "lineal_ascendant"}),
        ("아내에게 7억원을 증여하면 증여세는?", "gift", {"amount": 700_000_000, "relation": "spouse"}),
        ("남편으로부터 10억원을 받으면 세금은 얼마인가요?", "gift", {"amount": 1_000_000_000, "relation": "spouse"}),
        (
            "아들이 어머니에게 1억원을 증여하면 증여세는?",
            "gift",
            {"amount": 100_000_000, "relation": "lineal_descendant"},
        ),
        (
            "아버지가 딸에게 1억원을 증여하면 증여세는 얼마?",
            "gift",
            {"amount": 100_000_000, "relation": "lineal_ascendant"},
        ),
        ("형에게서 3천만원을 증여받으면 세금은?", "gift", {"amount": 30_000_000, "relation": "other_relative"}),
        ("친구로부터 2천만원을 증여받으면 증여세는 얼마인가요?", "gift", {"amount": 20_000_000, "relation": "other"}),
        (
            "미성년 자녀가 아버지로부터 5천만원을 증여받으면 증여세는?",
            "gift",
            {"amount": 50_000_000, "relation": "lineal_ascendant", "minor": True},
        ),  # fmt: skip
        (
            "할아버지로부터 만 15세 손자가 30억원을 증여받으면 세금은?",
            "gift",
            {"amount": 3_000_000_000, "relation": "lineal_ascendant", "minor": True, "generation_skip": True},
        ),  # fmt: skip
        (
            "결혼을 앞두고 부모님께 3억원을 받으면 증여세는 얼마?",
            "gift",
            {"amount": 300_000_000, "relation": "lineal_ascendant", "marriage_birth": 100_000_000},
        ),  # fmt: skip
        (
            "아버지가 3년 전에 1억원을 증여했고, 이번에 2억원을 증여받으면 증여세는?",
            "gift",
            {"amount": 200_000_000, "relation": "lineal_ascendant", "prior": 100_000_000},
        ),  # fmt: skip
        (
            "상속재산 20억원, 배우자와 자녀 2명이 상속받을 때 상속세는?",
            "inheritance",
            {"estate": 2_000_000_000, "children": 2, "spouse": True},
        ),  # fmt: skip
        (
            "상속재산 30억원 중 금융재산 5억원, 자녀 1명이 있으면 상속세는 얼마인가요?",
            "inheritance",
            {"estate": 3_000_000_000, "children": 1, "financial": 500_000_000},
        ),  # fmt: skip
        (
            "배우자가 12억원을 상속받고 상속재산은 30억원, 자녀 2명(만 10세, 만 15세)이면 상속세는?",
            "inheritance",
            {
                "estate": 3_000_000_000,
                "spouse_inherits": 1_200_000_000,
                "children": 2,
                "spouse": True,
                "minor_children_years": [9, 4],
            },
        ),  # fmt: skip
        ("종합소득 과세표준이 5,000만원이면 소득세는?", "income", {"base": 50_000_000}),
        ("총급여 5,000만원의 근로소득공제는 얼마인가요?", "wage", {"salary": 50_000_000}),
        (
            "매출이 1억원이고 매입이 6천만원이면 부가가치세 납부세액은?",
            "vat",
            {"sales": 100_000_000, "purchases": 60_000_000},
        ),  # fmt: skip
        (
            "간이과세자인 음식점의 연 매출 6,000만원, 매입 2,000만원이면 부가세는?",
            "vat-simple",
            {"supply": 60_000_000, "industry": "restaurant", "purchases": 20_000_000},
        ),  # fmt: skip
    ],
)
def test_scenarios(question, kind, kwargs):
    s = scenario_from_question(question)
    assert s is not None and s.kind == kind
    assert s.kwargs == kwargs
    assert s.assumptions


def test_assumptions_name_missing_facts():
    s = scenario_from_question(WRONG_Q)
    assert "10년 내 동일인 증여 없음으로 가정" in s.assumptions
    s = scenario_from_question("상속재산 20억원, 배우자와 자녀 2명이 상속받을 때 상속세는?")
    assert any("배우자상속공제 최소 5억원" in a for a in s.assumptions)


def test_other_kinds_checked():
    v = check_answer(
        "종합소득 과세표준이 5,000만원이면 소득세는?", "산출세액은 624만원, 지방소득세는 62만 4천원입니다."
    )
    assert v.agree, v.reason
    v = check_answer("종합소득 과세표준이 5,000만원이면 소득세는?", "소득세는 750만원입니다.")
    assert not v.agree
    v = check_answer("총급여 5,000만원의 근로소득공제는 얼마인가요?", "근로소득공제는 1,225만원입니다.")
    assert v.agree
    v = check_answer("총급여 5,000만원의 근로소득공제는 얼마인가요?", "근로소득공제는 1,500만원입니다.")
    assert not v.agree
    q = "매출이 1억원이고 매입이 1억 5천만원이면 부가가치세는 얼마인가요?"
    assert check_answer(q, "매출세액 1,000만원에서 매입세액 1,500만원을 빼면 환급세액은 500만원입니다.").agree
    assert not check_answer(q, "납부세액은 500만원입니다.").agree


@pytest.mark.parametrize("style", ["teacher", "student"])
@pytest.mark.parametrize(
    "question",
    [
        WRONG_Q,
        "아버지가 3년 전에 1억원을 증여했고, 이번에 2억원을 증여받으면 증여세는?",
        "할아버지로부터 만 15세 손자가 30억원을 증여받으면 세금은?",
        "상속재산 20억원, 배우자와 자녀 2명이 상속받을 때 상속세는?",
        "종합소득 과세표준이 5,000만원이면 소득세는?",
        "총급여 5,000만원의 근로소득공제는 얼마인가요?",
        "매출이 1억원이고 매입이 1억 5천만원이면 부가가치세는 얼마인가요?",
        "간이과세자인 음식점의 연 매출 6,000만원, 매입 2,000만원이면 부가세는?",
    ],
)
def test_rendered_answers_pass_the_check(question, style):
    s = scenario_from_question(question)
    result = s.compute()
    text = render_answer(result, style, s.assumptions)
    assert text == render_answer(result, style, s.assumptions)  # deterministic
    v = check_answer(question, text)
    assert v.agree and v.checked, (v.reason, text)
    if style == "teacher":
        assert all(c in text for c in result.citations)


def test_render_rejects_unknown_style():
    from taxqa.errors import UserError

    with pytest.raises(UserError):
        render_answer(compute("income", base=1), "poem")
