"""종합소득세 산출세액 (소득세법 제55조) with 지방소득세, and 근로소득공제 (소득세법 제47조)."""

from __future__ import annotations

from datetime import date

from taxqa.amounts import format_won
from taxqa.tax.gift import won
from taxqa.tax.income_reading import (
    read_income,
    read_wage,
    recognise_income,
    recognise_wage,
)
from taxqa.tax.kind import TaxKind, realistic_won
from taxqa.tax.rates import EOK, MAN, describe_bracket, parse_as_of, progressive, select
from taxqa.tax.result import Step, TaxResult


def income_tax(base: int | str, *, as_of: date | str | None = None) -> TaxResult:
    """종합소득 과세표준 -> 종합소득산출세액 and 개인지방소득세 (지방세법 제92조)."""
    day = parse_as_of(as_of)
    base = won(base, "base")
    table = select("income_tax_rates", day)
    local_table = select("local_income_tax_rates", day)
    computed, row = progressive(base, table["brackets"])
    local_tax, local_row = progressive(base, local_table["brackets"])
    steps = [
        Step("종합소득 과세표준", base, table["law"]),
        Step("종합소득 산출세액", computed, table["law"], describe_bracket(row)),
        Step("개인지방소득세 (종합소득)", local_tax, local_table["law"], describe_bracket(local_row)),
        Step("소득세와 지방소득세 합계", computed + local_tax, local_table["law"]),
    ]
    notes = [
        "세액공제·감면과 기납부세액을 반영하지 않은 산출세액으로, 납부할 세액이 아님 (결정세액 = 산출세액 - 세액공제·감면)"
    ]
    return TaxResult(
        "income",
        day.isoformat(),
        base,
        computed,
        computed,
        steps,
        [],
        {"local_tax": local_tax},
        notes,
        {"base": base},
    )


def wage_income(salary: int | str, *, as_of: date | str | None = None) -> TaxResult:
    """총급여액 -> 근로소득공제 (한도 2천만원) and 근로소득금액."""
    day = parse_as_of(as_of)
    salary = won(salary, "salary")
    table = select("wage_deduction", day)
    by_table, row = progressive(salary, table["brackets"])
    deduction = min(by_table, table["cap"], salary)
    how = describe_bracket(row).replace("과세표준", "총급여액")
    if by_table > table["cap"]:
        how += f" = {format_won(by_table)} → 한도 {format_won(table['cap'])}"
    income = salary - deduction
    steps = [
        Step("총급여액", salary, table["law"]),
        Step("근로소득공제", deduction, table["law"], how),
        Step("근로소득금액", income, table["law"]),
    ]
    notes = [
        "일용근로자가 아닌 상용근로자로 가정",
        "총급여액은 과세표준이 아님: 세액은 소득공제 뒤 종합소득 과세표준으로 계산 (taxqa tax income)",
    ]
    return TaxResult(
        "wage",
        day.isoformat(),
        salary,
        0,
        0,
        steps,
        [],
        {"deduction": deduction, "income": income},
        notes,
        {"salary": salary},
    )


# --- the kind records: CLI arguments, question readers, datagen samplers and templates --------


def income_arguments(p) -> None:
    p.add_argument("--base", required=True, help="종합소득 과세표준")


def wage_arguments(p) -> None:
    p.add_argument("--salary", required=True, help="총급여액")


# "종소세 때 따로 합산 예정 … 근로소득공제액이 얼마인지만": only the wage figures asked, the other income set aside
def sample_income(rng) -> tuple[dict, dict]:
    return {"base": realistic_won(rng, 1_200 * MAN, 5 * EOK)}, {}


def sample_wage(rng) -> tuple[dict, dict]:
    return {"salary": realistic_won(rng, 2_400 * MAN, 2 * EOK)}, {}


def income_question(a: dict, say: dict) -> str:
    base = format_won(a["base"])
    return [
        f"종합소득 과세표준이 {base}이면 종합소득세 산출세액은 얼마인가요?",
        f"종합소득 과세표준 {base}에 대한 소득세와 지방소득세를 계산해 주세요.",
        f"과세표준이 {base}인 거주자의 종합소득 산출세액은 얼마입니까?",
    ][say["template"]]


def wage_question(a: dict, say: dict) -> str:
    salary = format_won(a["salary"])
    return [
        f"총급여액이 {salary}인 직장인의 근로소득공제액과 근로소득금액은 얼마인가요?",
        f"연봉(총급여) {salary}이면 근로소득공제를 얼마나 받나요?",
        f"총급여 {salary}인 근로자의 근로소득금액을 계산해 주세요.",
    ][say["template"]]


def wage_lead(result: dict, asked: str, rng) -> str:
    """The opening sentence of a calc-mode answer about 근로소득공제 (datagen.answers)."""
    deduction, income = format_won(result["deduction"]), format_won(result["income"])
    if asked == "income":
        return rng.choice([f"근로소득금액은 {income}입니다 (근로소득공제 {deduction}).",
                           f"총급여에서 근로소득공제 {deduction}을 빼면 근로소득금액은 {income}입니다."])  # fmt: skip
    return rng.choice([f"근로소득공제액은 {deduction}이고, 근로소득금액은 {income}입니다.",
                       f"받을 수 있는 근로소득공제는 {deduction}입니다. 따라서 근로소득금액은 {income}입니다."])  # fmt: skip


def wage_summary(result: dict, opener: str) -> str:
    return f"{opener} 근로소득공제는 {format_won(result['deduction'])}, 근로소득금액은 {format_won(result['income'])}입니다."


def income_lead(result: dict, asked: str, rng) -> str:
    """The opening sentence of a calc-mode answer about 종합소득 산출세액 (no credits applied)."""
    computed, local = format_won(result["computed_tax"]), format_won(result.get("local_tax", 0))
    return rng.choice([
        f"종합소득 산출세액은 {computed}이고, 지방소득세 {local}이 따로 붙습니다.",
        f"산출세액은 {computed}입니다. 여기에 지방소득세 {local}을 더해 내게 됩니다.",
        f"계산하면 종합소득 산출세액은 {computed}입니다 (지방소득세 {local} 별도).",
    ])  # fmt: skip


def income_summary(result: dict, opener: str) -> str:
    return (f"{opener} 산출세액은 {format_won(result['computed_tax'])}, 지방소득세는 "
            f"{format_won(result.get('local_tax', 0))}입니다 (세액공제·기납부세액 반영 전).")  # fmt: skip


def wage_checked(result: TaxResult, figures: dict[str, int]) -> dict[str, int]:
    """What a wage answer is checked against: the salary it starts from, the deduction and the income."""
    return {"salary": result.tax_base, **{k: v for k, v in figures.items() if k in ("deduction", "income")}}


INCOME = TaxKind(
    name="income",
    title="종합소득세 산출세액 계산",
    subject="종합소득세",
    label="종합소득세",
    help="종합소득 과세표준 -> 산출세액 and 지방소득세",
    calculator=income_tax,
    fields=("base",),
    add_arguments=income_arguments,
    figures={"tax_base": "종합소득 과세표준", "computed_tax": "종합소득 산출세액", "local_tax": "지방소득세"},
    main_figure="computed_tax",
    reader=read_income,
    recognise=recognise_income,
    order=40,
    weight=15,
    sampler=sample_income,
    question=income_question,
    template_asks=("computed_tax", "computed_tax", "computed_tax"),
    words=("종합소득세", "소득세"),
    stems=("종합소득",),
    amount="base",
    needs={"종합소득 과세표준": "종합소득 과세표준(소득금액에서 소득공제를 뺀 금액)은 얼마인가요?"},
    missing_questions=(
        "사업을 시작한 지 {n}년 된 개인사업자입니다. 종합소득세 산출세액은 얼마인가요?",
        "프리랜서 {n}년 차인데 종합소득세를 얼마나 내야 하나요?",
        "부업 소득이 {n}건 있는데 종합소득세는 얼마가 나오나요?",
    ),
    articles=("소득세법 제55조", "소득세법 제47조"),
    distractor="gift",
    fact_labels={"base": "종합소득 과세표준"},
    never_asked=("payable",),  # no credits are applied: the tax asked for is the 산출세액
    asked_as={"payable": "computed_tax"},
    extra={"lead": income_lead, "summary": income_summary},
)
WAGE = TaxKind(
    name="wage",
    title="근로소득공제 계산",
    subject="근로소득공제",
    label="근로소득",
    help="총급여 -> 근로소득공제 and 근로소득금액",
    calculator=wage_income,
    fields=("salary",),
    add_arguments=wage_arguments,
    figures={"tax_base": "총급여액", "deduction": "근로소득공제", "income": "근로소득금액"},
    main_figure="deduction",
    reader=read_wage,
    recognise=recognise_wage,
    order=30,
    weight=10,
    sampler=sample_wage,
    question=wage_question,
    template_asks=("deduction", "deduction", "income"),
    stems=("근로소득", "급여", "연봉", "월급"),
    amount="salary",
    needs={"총급여액(비과세소득을 뺀 연간 급여)": "비과세소득을 뺀 1년 총급여액은 얼마인가요?"},
    missing_questions=(
        "입사 {n}년 차 직장인인데 근로소득공제를 얼마나 받을 수 있나요?",
        "회사에 다닌 지 {n}년입니다. 제 근로소득금액은 얼마인가요?",
        "직원 {n}명 회사에 다니는데 근로소득공제액은 얼마인가요?",
    ),
    articles=("소득세법 제47조",),
    distractor="vat",
    fact_labels={"salary": "총급여"},
    plain_tax=("deduction",),
    asked_as={"tax_base": "deduction"},  # "과세표준" of a wage question: what is deducted from the salary
    checked=wage_checked,
    extra={"lead": wage_lead, "summary": wage_summary},
)
