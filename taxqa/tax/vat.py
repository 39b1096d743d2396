"""부가가치세: 일반과세 (제30·37·38조) and 간이과세 (제61·63·69조, 시행령 제109·111조)."""

from __future__ import annotations

from datetime import date

from taxqa.amounts import format_won
from taxqa.errors import UserError
from taxqa.tax.gift import won
from taxqa.tax.rates import parse_as_of, select
from taxqa.tax.result import Step, TaxResult

LAW = "부가가치세법"


def vat(sales: int | str, purchases: int | str = 0, *, as_of: date | str | None = None) -> TaxResult:
    """General taxpayer: 매출세액 - 매입세액 on 공급가액 (VAT excluded); negative = 환급세액."""
    day = parse_as_of(as_of)
    table = select("vat", day)
    sales = won(sales, "sales")
    purchases = won(purchases, "purchases")
    num, den = table["rate"]
    output_tax = sales * num // den
    input_tax = purchases * num // den
    payable = output_tax - input_tax
    credits = [Step("매입세액", input_tax, f"{LAW} 제38조", f"매입 공급가액 {format_won(purchases)} × 10%")]
    steps = [
        Step("과세표준 (매출 공급가액)", sales, f"{LAW} 제29조"),
        Step("매출세액 (10%)", output_tax, f"{LAW} 제30조"),
        *credits,
        Step("환급세액" if payable < 0 else "납부세액", payable, f"{LAW} 제37조"),
    ]
    notes = ["매입세액은 모두 공제 가능한 것으로 가정 (불공제 매입세액·대손세액·가산세 없음)"]
    if payable < 0:
        notes.append(f"매입세액이 매출세액을 넘어 {format_won(-payable)}을 환급받음")
    inputs = {"sales": sales, "purchases": purchases}
    return TaxResult("vat", day.isoformat(), sales, output_tax, payable, steps, credits, {}, notes, inputs)


def vat_simple(
    supply: int | str, industry: str, purchases: int | str = 0, *, as_of: date | str | None = None
) -> TaxResult:
    """간이과세자: 공급대가 × 업종별 부가가치율 × 10%, less 0.5% of 매입 공급대가; yearly figures."""
    day = parse_as_of(as_of)
    table = select("vat", day)
    supply = won(supply, "supply")
    purchases = won(purchases, "purchases")
    ratios = table["value_added_ratio"]
    if industry not in ratios:
        raise UserError(f"industry: expected one of {', '.join(ratios)}, got {industry!r}")
    ratio, industry_name = ratios[industry]
    threshold = table["simple_threshold"]
    if supply >= threshold:
        raise UserError(
            f"supply: 공급대가 {format_won(supply)} is not under the 간이과세 threshold {format_won(threshold)} "
            f"({table['simple_threshold_law']}); compute it as a general taxpayer with `vat`"
        )
    if industry == "realestate" and supply >= table["simple_realestate_threshold"]:
        raise UserError(
            f"supply: 부동산임대업 공급대가 {format_won(supply)} is not under 4,800만원 ({LAW} 제61조①3호); use `vat`"
        )
    num, den = table["rate"]
    computed = supply * ratio * num // (100 * den)
    pnum, pden = table["simple_purchase_credit"]
    credit = min(purchases * pnum // pden, computed)  # 제63조⑥: the credit never exceeds the tax
    steps = [
        Step("과세표준 (공급대가)", supply, f"{LAW} 제63조"),
        Step(
            f"납부세액 (공급대가 × 업종별 부가가치율 {ratio}% × 10%)",
            computed,
            f"{LAW} 제63조",
            f"{industry_name} 부가가치율 {ratio}% ({table['value_added_ratio_law']})",
        ),
    ]
    credits = [Step("매입세금계산서 등 수취세액공제 (매입 공급대가 × 0.5%)", credit, f"{LAW} 제63조")]
    notes = ["공급대가는 과세기간(1년) 합계, 직전 연도 공급대가도 간이과세 기준 미만으로 가정"]
    if supply < table["simple_exemption_below"]:
        exempt = computed - credit
        credits.append(Step("납부의무 면제 (공급대가 4,800만원 미만)", exempt, f"{LAW} 제69조"))
        notes.append("해당 과세기간 공급대가 합계가 4,800만원 미만이라 납부의무가 면제됨")
    steps.extend(credits)
    payable = computed - sum(c.amount for c in credits)
    steps.append(Step("차가감 납부할 세액", payable, f"{LAW} 제63조"))
    inputs = {"supply": supply, "industry": industry, "purchases": purchases}
    return TaxResult("vat-simple", day.isoformat(), supply, computed, payable, steps, credits, {}, notes, inputs)
