"""taxqa.tax.checking: each stated figure is read as the field its words name, and the answer is
judged on the figure the question asks for (asked / key_figure_ok / consistent)."""

from __future__ import annotations

import pytest

from taxqa.tax.checking import asked_field, check_answer

GIFT = "부모로부터 20억원을 증여받았을 때 증여세는 얼마인가요?"  # 과세표준 19.5억, 산출 6.2억, 납부 6억 140만
VAT = "매출이 1억원이고 매입이 6천만원이면 부가가치세 납부세액은?"  # 매출세액 1,000만, 매입세액 600만, 납부 400만
INCOME = "종합소득 과세표준이 5,000만원이면 소득세는?"  # 산출 624만, 지방소득세 62만 4천
WAGE = "총급여 5,000만원의 근로소득공제는 얼마인가요?"  # 공제 1,225만, 근로소득금액 3,775만
INHERIT = "상속재산 20억원, 배우자와 자녀 2명이 상속받을 때 상속세는?"  # 과세표준 10억, 납부 2억 3,280만
SIMPLE = "간이과세자인 음식점의 연 매출 6,000만원, 매입 2,000만원이면 부가세는?"  # 90만 - 10만 = 80만


@pytest.mark.parametrize(
    ("question", "answer", "field", "right"),
    [
        (GIFT, "납부할 세액은 6억 140만원입니다.", "payable", True),
        (GIFT, "최종적으로 내야 할 세금은 6억 140만원입니다.", "payable", True),
        (GIFT, "신고세액공제 후 낼 세금은 6억원입니다.", "payable", False),
        (GIFT, "6억 140만원을 납부하시면 됩니다.", "payable", True),
        (GIFT, "산출세액은 6억 2,000만원입니다.", "computed_tax", True),
        (GIFT, "산출세액은 6억원입니다.", "computed_tax", False),
        (GIFT, "과세표준은 19억 5,000만원입니다.", "tax_base", True),
        (GIFT, "과세표준은 20억원입니다.", "tax_base", False),
        (GIFT, "증여재산공제 5,000만원을 적용합니다.", "step:증여재산공제", True),
        (GIFT, "증여재산공제: 5억원", "step:증여재산공제", False),
        (GIFT, "신고세액공제는 1,860만원입니다.", "step:신고세액공제", True),
        (VAT, "매출세액은 1,000만원입니다.", "output_tax", True),
        (VAT, "매출세액은 400만원입니다.", "output_tax", False),
        (VAT, "매입세액은 600만원입니다.", "input_tax", True),
        (VAT, "매입세액은 6,000만원입니다.", "input_tax", False),
        (VAT, "납부세액은 400만원입니다.", "payable", True),
        (VAT, "1,000만원을 납부합니다.", "payable", False),
        (INCOME, "산출세액은 624만원입니다.", "computed_tax", True),
        (INCOME, "지방소득세는 62만 4,000원입니다.", "local_tax", True),
        (INCOME, "지방소득세는 624만원입니다.", "local_tax", False),
        (WAGE, "근로소득공제액은 1,225만원입니다.", "deduction", True),
        (WAGE, "근로소득금액은 3,775만원입니다.", "income", True),
        (WAGE, "근로소득금액은 5,000만원입니다.", "income", False),
        (INHERIT, "배우자상속공제 5억원과 일괄공제 5억원을 빼면", "step:배우자상속공제", True),
        (INHERIT, "일괄공제는 2억원입니다.", "step:일괄공제", False),
        (INHERIT, "상속세 과세표준은 10억원입니다.", "tax_base", True),
        (SIMPLE, "차가감 납부할 세액은 80만원입니다.", "payable", True),
        (SIMPLE, "납부할 세액은 90만원입니다.", "payable", False),
    ],
)
def test_each_stated_figure_is_read_as_its_field(question, answer, field, right):
    v = check_answer(question, answer)
    assert field in v.found, (v.found, v.reason)
    assert v.consistent is right and v.agree is right, v.reason


def test_issue_vat_example_is_rejected():
    """매출 1억, 매입 6천만: an answer that says the 매출세액 is paid must not pass on the 매출세액 match."""
    v = check_answer(VAT, "매출세액은 1억원의 10%인 1,000만원이므로 1,000만원을 납부합니다.")
    assert not v.agree and v.checked and v.asked == "payable" and v.key_figure_ok is False
    assert "400만원" in v.reason


@pytest.mark.parametrize(
    ("question", "kind", "asked"),
    [
        (GIFT, "gift", "payable"),
        ("부모로부터 20억원을 받을 때 증여세 산출세액은?", "gift", "computed_tax"),
        ("부모로부터 20억원을 받을 때 증여세 과세표준은 얼마인가요?", "gift", "tax_base"),
        ("부모님께 20억을 받을 때 과세표준과 납부할 세액을 계산해 주세요.", "gift", "payable"),
        (INCOME, "income", "computed_tax"),  # no credits applied: the tax asked for is the 산출세액
        ("종합소득 과세표준이 5,000만원이면 지방소득세는?", "income", "local_tax"),
        (WAGE, "wage", "deduction"),
        ("연봉 5천만원이면 근로소득금액은?", "wage", "income"),
        (VAT, "vat", "payable"),
        ("매출 1억원, 매입 6천만원일 때 매출세액은 얼마인가요?", "vat", "output_tax"),
        ("매출세액이 1,000만원, 매입 6천만원이면 매입세액은 얼마?", "vat", "input_tax"),
        (SIMPLE, "vat-simple", "payable"),
    ],
)
def test_asked_field(question, kind, asked):
    assert asked_field(question, kind) == asked


def test_key_figure_and_consistency_are_separate():
    # the asked figure right, another figure wrong
    v = check_answer(GIFT, "과세표준은 20억원이고 납부할 세액은 6억 140만원입니다.")
    assert v.key_figure_ok is True and v.consistent is False and not v.agree
    # every stated figure right, but the asked one (납부할 세액) not stated
    v = check_answer(GIFT, "과세표준은 19억 5,000만원입니다.")
    assert v.key_figure_ok is None and v.consistent is True and v.agree and "묻는" in v.reason
    # a short right answer needs no template constants
    v = check_answer(GIFT, "납부할 세액은 6억 140만원입니다.")
    assert v.key_figure_ok is True and v.consistent and v.asked == "payable"
    # the generic "증여세는 X" with the 산출세액: not wrong, but not the figure asked for
    v = check_answer(GIFT, "증여세는 6억 2,000만원입니다.")
    assert v.agree and v.consistent and v.key_figure_ok is False
    d = v.to_dict()
    assert {"asked", "key_figure_ok", "consistent", "agree", "checked", "reason", "understood"} <= set(d)


def test_refund_is_the_negative_payable():
    q = "매출이 1억원이고 매입이 1억 5천만원이면 부가가치세는 얼마인가요?"
    v = check_answer(q, "500만원을 환급받습니다.")
    assert v.agree and v.key_figure_ok is True
    assert not check_answer(q, "500만원을 납부합니다.").agree


def test_wage_answer_with_a_tax_base_for_salary_is_not_read_as_a_tax():
    v = check_answer(WAGE, "총급여 5,000만원에서 근로소득공제 1,225만원을 빼면 근로소득금액은 3,775만원입니다.")
    assert v.agree and v.key_figure_ok is True and "salary" in v.found


def test_the_sum_to_pay_is_the_payable_not_the_computed_tax():
    assert check_answer(GIFT, "총 6억 140만원의 세금을 내셔야 합니다.").key_figure_ok is True
    v = check_answer(GIFT, "총 6억 2,000만원의 세금을 내셔야 합니다.")  # the 산출세액, said to be paid
    assert not v.agree and v.key_figure_ok is False
    v = check_answer(SIMPLE, "부가세는 90만원입니다.")  # before the 매입 credit: not what is paid
    assert not v.agree and "80만원" in v.reason
