"""상속세 (상속세 및 증여세법 제13·18~22·24·25·26·69조)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from taxqa.amounts import format_won
from taxqa.errors import UserError
from taxqa.tax.gift import art, won
from taxqa.tax.rates import describe_bracket, parse_as_of, progressive, select
from taxqa.tax.result import Step, TaxResult


def financial_deduction(net_financial: int, table: dict) -> int:
    """제22조: up to 2천만 in full; above, the larger of 20% and 2천만; never over 2억."""
    if net_financial <= table["financial_full_upto"]:
        return net_financial
    num, den = table["financial_rate"]
    return min(max(net_financial * num // den, table["financial_floor"]), table["financial_cap"])


def spouse_legal_share(estate: int, children: int, table: dict) -> int:
    """민법 제1009조 share of the spouse: 1.5 against 1 per child (sole heir without children)."""
    spouse_w, child_w = table["spouse_share_weight"]
    return estate * spouse_w // (spouse_w + child_w * children)


def inheritance_tax(
    estate: int | str,
    *,
    spouse: bool = False,
    spouse_inherits: int | str | None = None,
    children: int = 0,
    minor_children_years: Sequence[int] = (),
    financial: int | str = 0,
    as_of: date | str | None = None,
) -> TaxResult:
    """Inheritance tax on `estate` (상속세 과세가액, debts already deducted) of a resident decedent.

    `minor_children_years` lists, for each minor child, the years until age 19
    (a part year counts as a year, 제20조③); `financial` is the net financial assets
    (금융재산 - 금융채무) included in the estate.
    """
    day = parse_as_of(as_of)
    table = select("inheritance", day)
    rates = select("inheritance_gift_rates", day)
    estate = won(estate, "estate")
    financial = won(financial, "financial")
    spouse_actual = None if spouse_inherits is None else won(spouse_inherits, "spouse_inherits")
    spouse = spouse or spouse_actual is not None
    if isinstance(children, bool) or not isinstance(children, int) or children < 0:
        raise UserError(f"children: expected a whole number >= 0, got {children!r}")
    years = list(minor_children_years)
    for y in years:
        if isinstance(y, bool) or not isinstance(y, int) or not 1 <= y <= table["minor_age"]:
            raise UserError(f"minor_children_years: each must be 1..{table['minor_age']} (years to age 19), got {y!r}")
    if len(years) > children:
        raise UserError(f"minor_children_years: {len(years)} minors but only {children} children (--children)")
    if financial > estate:
        raise UserError(f"financial: {format_won(financial)} exceeds the estate {format_won(estate)}")
    if spouse_actual is not None and spouse_actual > estate:
        raise UserError(f"spouse_inherits: {format_won(spouse_actual)} exceeds the estate {format_won(estate)}")

    notes: list[str] = ["상속재산가액은 채무·공과금·장례비를 뺀 상속세 과세가액으로 가정 (사전증여재산 없음)"]
    steps = [Step("상속세 과세가액", estate, art("13"))]
    basic = table["basic"]
    steps.append(Step("기초공제", basic, art("18")))
    personal = 0
    if children:
        child = children * table["per_child"]
        steps.append(Step(f"자녀공제 ({children}명 × {format_won(table['per_child'])})", child, art("20")))
        personal += child
    if years:
        minor = sum(years) * table["minor_per_year"]
        steps.append(Step(f"미성년자공제 (19세까지 {sum(years)}년 × 1천만원)", minor, art("20")))
        personal += minor
    spouse_alone = spouse and children == 0
    if spouse_alone:
        people = basic + personal
        steps.append(Step("배우자 단독상속: 일괄공제 없이 기초공제 + 인적공제", people, art("21")))
        notes.append("자녀가 없어 배우자가 단독으로 상속하는 것으로 가정")
    elif basic + personal < table["lump_sum"]:
        people = table["lump_sum"]
        steps.append(Step(f"일괄공제 (기초·인적공제 {format_won(basic + personal)} < 5억원)", people, art("21")))
    else:
        people = basic + personal
        steps.append(Step("기초공제 + 인적공제 (일괄공제 5억원보다 큼)", people, art("21")))
    deductions = people

    if spouse:
        share = spouse_legal_share(estate, children, table)
        actual = spouse_actual or 0
        ceiling = min(share, table["spouse_max"])
        spouse_ded = max(table["spouse_min"], min(actual, ceiling))
        how = f"실제 상속 {format_won(actual)}, 법정상속분 {format_won(share)}, 최소 5억원·최대 30억원"
        steps.append(Step("배우자상속공제", spouse_ded, art("19"), how))
        deductions += spouse_ded
        if spouse_actual is None:
            notes.append("배우자 실제 상속액이 주어지지 않아 최소 배우자상속공제 5억원 적용")
    if financial:
        fin = financial_deduction(financial, table)
        steps.append(Step("금융재산상속공제", fin, art("22"), f"순금융재산 {format_won(financial)}"))
        deductions += fin
    steps.append(Step("상속공제 합계", deductions, art("24")))
    if deductions > estate:
        deductions = estate
        steps.append(Step("공제 적용 한도 (상속세 과세가액)", deductions, art("24")))
    tax_base = estate - deductions
    steps.append(Step("상속세 과세표준", tax_base, art("25")))
    inputs = {
        "estate": estate,
        "spouse": spouse,
        "spouse_inherits": spouse_actual,
        "children": children,
        "minor_children_years": years,
        "financial": financial,
    }
    extra = {"deduction": deductions}
    if tax_base < table["minimum_base"]:
        steps.append(Step("과세최저한: 과세표준 50만원 미만은 부과하지 않음", 0, art("25")))
        return TaxResult("inheritance", day.isoformat(), tax_base, 0, 0, steps, [], extra, notes, inputs)
    computed, row = progressive(tax_base, rates["brackets"])
    steps.append(Step("상속세 산출세액", computed, art("26"), describe_bracket(row)))
    num, den = table["filing_credit"]
    credits = [Step("신고세액공제 (3%)", computed * num // den, art("69"), "기한 내 신고 가정")]
    steps.extend(credits)
    payable = computed - credits[0].amount
    steps.append(Step("납부할 상속세", payable, art("69")))
    notes.append("신고기한 내 신고하여 신고세액공제 3%를 적용한 것으로 가정")
    return TaxResult("inheritance", day.isoformat(), tax_base, computed, payable, steps, credits, extra, notes, inputs)
