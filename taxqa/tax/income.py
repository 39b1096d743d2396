"""종합소득세 산출세액 (소득세법 제55조) with 지방소득세, and 근로소득공제 (소득세법 제47조)."""

from __future__ import annotations

from datetime import date

from taxqa.amounts import format_won
from taxqa.tax.gift import won
from taxqa.tax.rates import describe_bracket, parse_as_of, progressive, select
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
    notes = ["세액공제·감면과 기납부세액은 반영하지 않은 산출세액 기준"]
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
    notes = ["일용근로자가 아닌 상용근로자로 가정; 세액은 종합소득 과세표준을 정한 뒤 계산 (income)"]
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
