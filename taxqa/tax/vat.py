"""부가가치세: 일반과세 (제30·37·38조) and 간이과세 (제61·63·69조, 시행령 제109·111조)."""

from __future__ import annotations

from datetime import date

from taxqa.amounts import format_won
from taxqa.errors import UserError
from taxqa.tax.gift import won
from taxqa.tax.rates import parse_as_of, select
from taxqa.tax.result import Step, TaxResult

LAW = "부가가치세법"


def vat(
    sales: int | str, purchases: int | str = 0, *, card_sales: int | str = 0, as_of: date | str | None = None
) -> TaxResult:
    """General taxpayer: 매출세액 - 매입세액 on 공급가액 (VAT excluded); negative = 환급세액.
    `card_sales` (신용카드매출전표 등 발행금액) gives the 제46조 credit of an individual business."""
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
    card = won(card_sales, "card_sales")
    if card:
        step = card_credit(card, max(payable, 0), day)  # 제46조②: not beyond the tax to pay
        credits.append(step)
        steps.append(step)
        payable -= step.amount
        steps.append(Step("차가감 납부할 세액", payable, f"{LAW} 제37조"))
        notes.append(
            "직전 연도 공급가액 10억원 이하의 개인사업자로 소비자 대상 업종이라 발행세액공제 대상이라고 가정 (제46조①)"
        )
    if payable < 0:
        notes.append(f"매입세액이 매출세액을 넘어 {format_won(-payable)}을 환급받음")
    inputs = {"sales": sales, "purchases": purchases, "card_sales": card}
    return TaxResult("vat", day.isoformat(), sales, output_tax, payable, steps, credits, {}, notes, inputs)


def card_credit(card: int, room: int, day: date) -> Step:
    """신용카드매출전표 등 발행세액공제 (제46조①3: a share of the amount, a yearly cap, ② within the tax)."""
    ctable = select("vat_card_credit", day)
    num, den = ctable["rate"]
    by_rate = card * num // den
    amount = min(by_rate, ctable["cap"], room)
    how = f"발행금액 {format_won(card)} × {num * 100 / den:g}% = {format_won(by_rate)}, 연 한도 {format_won(ctable['cap'])}"
    if amount < min(by_rate, ctable["cap"]):
        how += ", 납부세액 한도"
    return Step("신용카드매출전표 등 발행세액공제", amount, ctable["law"], how)


def vat_simple(
    supply: int | str,
    industry: str,
    purchases: int | str = 0,
    *,
    card_sales: int | str = 0,
    no_invoice: int | str = 0,
    as_of: date | str | None = None,
) -> TaxResult:
    """간이과세자: 공급대가 × 업종별 부가가치율 × 10%, less 0.5% of 매입 공급대가 (제63조③) and the
    신용카드매출전표 등 발행세액공제 on `card_sales` (제46조, yearly cap), plus the 0.5% 가산세 on
    `no_invoice` (purchases from an invoicing supplier without a 세금계산서, 제68조의2②1); yearly figures."""
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
    notes = ["공급대가는 과세기간(1년) 합계, 직전 연도 공급대가도 간이과세 기준 미만으로 가정"]
    credits, penalty, more_notes = card_credit_and_penalty(supply, computed, credit, card_sales, no_invoice, day)
    notes.extend(more_notes)
    if supply < table["simple_exemption_below"]:
        exempt = computed - sum(c.amount for c in credits)
        credits.append(Step("납부의무 면제 (공급대가 4,800만원 미만)", exempt, f"{LAW} 제69조"))
        notes.append("해당 과세기간 공급대가 합계가 4,800만원 미만이라 납부의무가 면제됨")
    steps.extend(credits)
    if penalty is not None:
        steps.append(penalty)
    payable = computed - sum(c.amount for c in credits) + (penalty.amount if penalty else 0)
    steps.append(Step("차가감 납부할 세액", payable, f"{LAW} 제63조"))
    inputs = {
        "supply": supply,
        "industry": industry,
        "purchases": purchases,
        "card_sales": won(card_sales, "card_sales"),
        "no_invoice": won(no_invoice, "no_invoice"),
    }
    extra = {"penalty": penalty.amount} if penalty else {}
    determined = computed - sum(c.amount for c in credits)
    return TaxResult(
        "vat-simple", day.isoformat(), supply, computed, payable, steps, credits, extra, notes, inputs,
        determined_tax=determined + (penalty.amount if penalty else 0),
    )  # fmt: skip


def card_credit_and_penalty(
    supply: int, computed: int, purchase_credit: int, card_sales: int | str, no_invoice: int | str, day: date
) -> tuple[list[Step], Step | None, list[str]]:
    """The credits of a 간이과세자 (매입 0.5% already computed, then 제46조 within what is left: 제63조⑥)
    and the 미수취 가산세 step (None when there is none)."""
    card = won(card_sales, "card_sales")
    missing = won(no_invoice, "no_invoice")
    table = select("vat", day)
    pnum, pden = table["simple_purchase_credit"]
    credits = [Step(f"매입세금계산서 등 수취세액공제 (매입 공급대가 × {pnum * 100 / pden:g}%)", purchase_credit,
                    f"{LAW} 제63조")]  # fmt: skip
    notes: list[str] = []
    if card:
        credits.append(card_credit(card, max(computed - purchase_credit, 0), day))  # 제63조⑥
        notes.append("주로 소비자에게 공급하는 업종으로 신용카드매출전표 등 발행세액공제 대상이라고 가정 (제46조①)")
    penalty = None
    if missing:
        ptable = select("vat_simple_penalty", day)
        if supply < table["simple_exemption_below"]:
            notes.append(
                "영수증 발급 간이과세자(공급대가 4,800만원 미만)라 세금계산서 미수취 가산세 없음 (제68조의2②1)"
            )
        else:
            num, den = ptable["no_invoice"]
            how = f"세금계산서 없이 매입한 공급대가 {format_won(missing)} × {num * 100 / den:g}%"
            penalty = Step("세금계산서 미수취 가산세", missing * num // den, ptable["law"], how)
            notes.append("직전 연도 공급대가도 4,800만원 이상이라 세금계산서를 발급받아야 하는 간이과세자로 가정")
    return credits, penalty, notes
