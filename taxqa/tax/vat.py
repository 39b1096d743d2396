"""부가가치세: 일반과세 (제30·37·38조) and 간이과세 (제61·63·69조, 시행령 제109·111조)."""

from __future__ import annotations

import argparse
import re
from datetime import date

from taxqa.amounts import format_won, iter_amounts
from taxqa.errors import UserError
from taxqa.tax.gift import won
from taxqa.tax.kind import TaxKind, realistic_won
from taxqa.tax.rates import EOK, INDUSTRIES, MAN, parse_as_of, percent, select
from taxqa.tax.result import Step, TaxResult
from taxqa.tax.spoken_sums import SUMMED_AFTER
from taxqa.tax.vat_amounts import blanked, read_vat, simple_card
from taxqa.tax.vat_credits import LAW, card_credit, card_credit_and_penalty
from taxqa.tax.vat_industry import INDUSTRY_WORDS, said_industry
from taxqa.tax.vat_periods import set_aside_wages
from taxqa.tax.vat_purchases import simple_purchases
from taxqa.tax.vat_status import settled_status
from taxqa.tax.words import amount_near, clause_of, window_before


def vat(
    sales: int | str, purchases: int | str = 0, *, card_sales: int | str = 0, as_of: date | str | None = None
) -> TaxResult:
    """General taxpayer: 매출세액 - 매입세액 on 공급가액 (VAT excluded); negative = 환급세액.
    `card_sales` (신용카드매출전표 등 발행금액) gives the 제46조 credit of an individual business."""
    day = parse_as_of(as_of)
    table = select("vat", day)
    sales = won(sales, "sales")
    purchases = won(purchases, "purchases")
    if won(card_sales, "card_sales") > sales + sales // 10:  # 발행금액 includes VAT: at most 공급가액 × 1.1
        raise UserError(f"card_sales: {format_won(won(card_sales, 'card_sales'))} is more than the sales with VAT")
    num, den = table["rate"]
    output_tax = sales * num // den
    input_tax = purchases * num // den
    payable = output_tax - input_tax
    pct = percent(num, den)
    credits = [Step("매입세액", input_tax, f"{LAW} 제38조", f"매입 공급가액 {format_won(purchases)} × {pct}")]
    steps = [
        Step("과세표준 (매출 공급가액)", sales, f"{LAW} 제29조"),
        Step(f"매출세액 ({pct})", output_tax, f"{LAW} 제30조"),
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
    if won(card_sales, "card_sales") > supply:  # 공급대가 already includes VAT
        raise UserError(
            f"card_sales: {format_won(won(card_sales, 'card_sales'))} is more than the supply {format_won(supply)}"
        )
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
            f"supply: 부동산임대업 공급대가 {format_won(supply)} is not under "
            f"{format_won(table['simple_realestate_threshold'])} ({LAW} 제61조①3호); use `vat`"
        )
    num, den = table["rate"]
    computed = supply * ratio * num // (100 * den)
    pnum, pden = table["simple_purchase_credit"]
    credit = min(purchases * pnum // pden, computed)  # 제63조⑥: the credit never exceeds the tax
    pct = percent(num, den)
    steps = [
        Step("과세표준 (공급대가)", supply, f"{LAW} 제63조"),
        Step(
            f"납부세액 (공급대가 × 업종별 부가가치율 {ratio}% × {pct})",
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
        below = format_won(table["simple_exemption_below"])
        credits.append(Step(f"납부의무 면제 (공급대가 {below} 미만)", exempt, f"{LAW} 제69조"))
        notes.append(f"해당 과세기간 공급대가 합계가 {below} 미만이라 납부의무가 면제됨")
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
    extra = {"penalty": penalty.amount} if penalty else {}  # added to payable, not to the 결정세액
    return TaxResult("vat-simple", day.isoformat(), supply, computed, payable, steps, credits, extra, notes, inputs)


# --- the kind records: CLI arguments, question readers, datagen samplers and templates --------

# Words that name each industry of the 간이과세 부가가치율 table (names: rates.py)
SAMPLED_INDUSTRIES = ["retail", "restaurant", "manufacturing", "lodging", "construction", "transport", "service"]


def industry_name(key: str) -> str:
    return select("vat", parse_as_of(None))["value_added_ratio"][key][1]


def industry_arg(value: str) -> str:
    """--industry: a key (restaurant) or a Korean name or word for it (음식점업, 음식점, 카페)."""
    value = value.strip()
    if value in INDUSTRIES:
        return value
    names = {name: key for key, (_, name) in select("vat", parse_as_of(None))["value_added_ratio"].items()}
    if value in names:
        return names[value]
    found = next((key for key, words in INDUSTRY_WORDS if re.fullmatch(rf"(?:{words})\S{{0,2}}", value)), None)
    if found:
        return found
    raise argparse.ArgumentTypeError(
        f"expected one of {', '.join(INDUSTRIES)} or a Korean name like 음식점업, got {value!r}"
    )


def vat_arguments(p) -> None:
    p.add_argument("--sales", required=True, help="매출 공급가액")
    p.add_argument("--purchases", default="0", help="매입 공급가액 (세금계산서 등)")
    p.add_argument("--card-sales", default="0", help="신용카드매출전표·현금영수증 발행금액 (제46조 세액공제)")


def simple_arguments(p) -> None:
    p.add_argument("--supply", required=True, help="공급대가 합계 (VAT included)")
    p.add_argument("--industry", required=True, type=industry_arg, choices=INDUSTRIES, metavar="INDUSTRY",
                   help=f"업종: {', '.join(INDUSTRIES)} (or its Korean name, e.g. 음식점업)")  # fmt: skip
    p.add_argument("--purchases", default="0", help="세금계산서 등을 받은 매입 공급대가")
    p.add_argument("--card-sales", default="0", help="신용카드매출전표·현금영수증 발행금액 (제46조 세액공제)")
    p.add_argument("--no-invoice", default="0", help="세금계산서를 받지 못한 매입 공급대가 (미수취 가산세)")


def recognise_vat(text: str) -> bool:
    return bool(
        re.search(r"부가가치세|부가세|부과세|매출세액|VAT|일반과세자|[12]\s*기\s*(?:확정|예정)|매출\s*공급가액", text)
        and re.search(r"매출|매입|공급가액|판매|월세|임대료|세금계산서", text)
    )


def recognise_simple(text: str) -> bool:
    """간이과세, or "간이" alone beside a VAT word ("간이 편의점 ... 부가세"), not "간이인지 일반인지"."""
    if settled_status(text) == "일반":  # "간이과세자였다가 일반과세자로 바뀌었어요": 일반과세 now
        return False
    bare = re.search(r"(?<![가-힣])간이(?!\s*(?:세액|지급|영수증|명세))", text) and "일반" not in text
    return "간이과세" in text or bool(bare and re.search(r"부가가치세|부가세|부과세|공급대가", text))


SALES_UNKNOWN = re.compile(r"(?:매출|공급대가)\S{0,2}\s*[^.?!\d]{0,24}?(?:모르|모른|몰라|미정|안\s*나왔|안\s*나와)")
NO_INVOICE = re.compile(r"세금계산서\s*(?:를|을|도)?\s*(?:안|못|없이|받지\s*(?:않|못)|미수취)")


def read_simple(text: str, reading) -> None:
    industry = next(((key, m) for key, words in INDUSTRY_WORDS if (m := said_industry(text, words))), None)
    if industry is None:
        reading.lack("업종 (간이과세 업종별 부가가치율)")
        return
    set_aside_wages(text, reading)
    card = simple_card(text)
    no_invoice = NO_INVOICE.search(text)
    missing = None
    if no_invoice:  # "세금계산서 없이 산 1천만원", "1천만원어치는 세금계산서를 못 받았다"
        clause = [
            a for a in iter_amounts(text) if clause_of(text, a.start, a.end) == clause_of(text, *no_invoice.span())
        ]
        missing = clause[0] if clause else None
    taken = {a.start for a in (card, missing) if a is not None}
    sold = text  # "세금계산서 받은 매입이 공급대가로 880만원": 공급대가 said of the purchases, passed over
    supply = amount_near(sold, r"매출|공급대가|수입", r"매입|카드|현금\s*영수증")
    while supply is not None and re.search(r"매입|세금\s*계산서\S{0,2}\s*받", window_before(sold, supply.start)):
        sold = blanked(sold, supply)
        supply = amount_near(sold, r"매출|공급대가|수입", r"매입|카드|현금\s*영수증")
    unsaid = SALES_UNKNOWN.search(text)  # "매출은 기계 정산을 해봐야 안다고 아직 모른대요": no other amount is the 매출
    supply = supply or (None if unsaid else next((a for a in iter_amounts(sold) if a.start not in taken), None))
    if supply is None and unsaid:
        reading.lack(f"공급대가 (1년 매출 합계: '{unsaid.group(0)}')")
        return
    if supply is None:
        reading.lack("공급대가 (1년 매출 합계)")
        return
    # "매입 공급대가 3,300", "매입 세금계산서 받은 거 공급대가 5,500": 공급대가 said of the 매입 a few words before it
    rest = text  # "카드+현금영수증 8천 매입 …": the word after the card amount names the next one, not it
    for a in (card, supply):
        rest = blanked(rest, a) if a is not None else rest
    purchases = simple_purchases(rest)
    if purchases is not None and purchases.start in taken:
        purchases = None
    value = supply.value  # "카드 5,400만원이랑 현금 600 해서 다 더하면 1년 매출": the card part added to the rest
    if (
        card is not None
        and card.start != supply.start
        and (added := SUMMED_AFTER.match(text, max(card.end, supply.end)))
    ):
        value = card.value + supply.value
        reading.assume(
            f"'{added.group(0).strip()}': 카드매출 {format_won(card.value)}과 {supply.text}을 더한 {format_won(value)}을 공급대가로 봄"
        )
    reading.fact("supply", value, supply.text)
    if re.search(r"정산", window_before(text, supply.start, 30)):  # "배민 정산금으로 들어온 게 4,900만원"
        reading.unclear(
            f"{supply.text}은 플랫폼 정산금(수수료를 뺀 입금액)이라 매출과 다를 수 있음: 수수료를 빼기 전 매출 합계"
            "(공급대가)를 확인해 주세요"
        )
    reading.fact("industry", industry[0], industry[1].group(0))
    threshold = select("vat", parse_as_of(reading.as_of))["simple_threshold"]
    if value >= threshold:
        reading.lack(
            f"공급대가 {format_won(value)}은 간이과세 기준금액 {format_won(threshold)} 이상이라 간이과세자가 아님 "
            "(일반과세로 계산: taxqa tax vat)"
        )
    reading.fact("purchases", purchases.value if purchases else 0, purchases.text if purchases else "")
    said = [f"{industry_name(industry[0])} 간이과세자, 공급대가 {format_won(value)}"]
    if card is not None and card.start != supply.start:
        reading.fact("card_sales", card.value, card.text)
        said.append(f"카드·현금영수증 발행 {format_won(card.value)}")
    if missing is not None:
        reading.fact("no_invoice", missing.value, missing.text)
        said.append(f"세금계산서 미수취 매입 {format_won(missing.value)}")
    reading.say(", ".join(said))
    reading.assume("금액은 1년 과세기간의 공급대가(부가세 포함)로 가정")
    reading.assume("매입은 세금계산서 등을 받은 것으로 가정")


def sample_vat(rng) -> tuple[dict, dict]:
    sales = realistic_won(rng, 3_000 * MAN, 20 * EOK)
    return {"sales": sales, "purchases": int(round(sales * rng.uniform(0.2, 1.05), -6))}, {}


def sample_simple(rng) -> tuple[dict, dict]:
    industry = rng.choice(SAMPLED_INDUSTRIES)
    supply = realistic_won(rng, 1_500 * MAN, 10_400 * MAN)
    return {"supply": supply, "industry": industry, "purchases": int(round(supply * rng.uniform(0, 0.5), -5))}, {}


def vat_question(a: dict, say: dict) -> str:
    sales, purchases = format_won(a["sales"]), format_won(a["purchases"])
    return [
        f"일반과세자인 개인사업자의 이번 과세기간 매출 공급가액이 {sales}, 매입 공급가액이 {purchases}입니다. 납부할 부가가치세는 얼마인가요?",
        f"매출액(공급가액) {sales}, 매입액(공급가액) {purchases}인 일반과세자의 부가가치세를 계산해 주세요.",
        f"일반과세자의 매출 공급가액이 {sales}이고 매입 공급가액이 {purchases}입니다. 부가가치세 납부세액은?",
    ][say["template"]]


def simple_question(a: dict, say: dict) -> str:
    industry = industry_name(a["industry"])
    supply, purchases = format_won(a["supply"]), format_won(a["purchases"])
    return [
        f"간이과세자인 {industry} 사업자의 연간 공급대가가 {supply}, 세금계산서를 받은 매입액이 {purchases}입니다. 납부할 부가가치세는 얼마인가요?",
        f"{industry}을 하는 간이과세자입니다. 1년 공급대가 {supply}, 매입액 {purchases}이면 부가가치세는 얼마인가요?",
        f"간이과세자({industry})의 연간 공급대가가 {supply}이고 매입액이 {purchases}일 때 납부세액을 계산해 주세요.",
    ][say["template"]]


def vat_figures(result: TaxResult) -> dict[str, int]:
    return {"tax_base": result.tax_base, "output_tax": result.computed_tax, "input_tax": result.credits[0].amount,
            "payable": result.payable}  # fmt: skip


def vat_checked(result: TaxResult, figures: dict[str, int]) -> dict[str, int]:
    """A VAT answer names 매출세액 (output_tax), not 산출세액."""
    return {k: v for k, v in figures.items() if k != "computed_tax"}


VAT = TaxKind(
    name="vat",
    title="부가가치세 (일반과세) 계산",
    subject="부가가치세",
    label="부가가치세",
    help="부가가치세 일반과세자: 매출세액 - 매입세액 (공급가액 기준)",
    calculator=vat,
    fields=("sales", "purchases", "card_sales"),
    add_arguments=vat_arguments,
    figures={
        "tax_base": "과세표준 (매출 공급가액)",
        "output_tax": "매출세액",
        "input_tax": "매입세액",
        "payable": "납부세액",
    },  # fmt: skip
    values=vat_figures,
    reader=read_vat,
    recognise=recognise_vat,
    order=20,
    weight=10,
    sampler=sample_vat,
    question=vat_question,
    words=("부가가치세", "부가세"),
    stems=("부가가치세", "부가세"),
    amount="sales",
    needs={"과세기간의 매출 공급가액": "이번 과세기간의 매출 공급가액(부가세 제외)은 얼마인가요?"},
    missing_questions=(
        "직원 {n}명인 일반과세자인데 이번 과세기간 부가가치세는 얼마인가요?",
        "일반과세자로 {n}년째 장사하고 있습니다. 이번 부가가치세 납부세액은?",
        "개업 {n}년 차 일반과세자입니다. 부가가치세를 얼마 내야 하나요?",
    ),
    articles=("부가가치세법 제30조", "부가가치세법 제38조"),
    distractor="inheritance",
    fact_labels={"sales": "매출 공급가액", "purchases": "매입", "card_sales": "신용카드·현금영수증 매출"},
    plain_tax=("payable",),
    also_asked=("payable", "tax_base"),  # a VAT answer names 매출세액, not 산출세액
    checked=vat_checked,
)
VAT_SIMPLE = TaxKind(
    name="vat-simple",
    title="부가가치세 (간이과세) 계산",
    subject="부가가치세(간이과세)",
    label="부가가치세 (간이과세)",
    help="부가가치세 간이과세자 (공급대가 기준, 연간)",
    calculator=vat_simple,
    fields=("supply", "industry", "purchases", "card_sales", "no_invoice"),
    add_arguments=simple_arguments,
    figures={"tax_base": "과세표준 (공급대가)", "computed_tax": "납부세액 (공제 전)", "payable": "차가감 납부할 세액"},
    reader=read_simple,
    recognise=recognise_simple,
    order=10,
    weight=10,
    sampler=sample_simple,
    question=simple_question,
    words=("부가가치세", "부가세"),
    stems=("간이과세",),
    amount="supply",
    needs={"1년 동안의 공급대가": "1년 동안의 공급대가(부가세 포함 매출)는 얼마인가요?"},
    missing_questions=(
        "간이과세자인 {industry} 사업자입니다. 개업 {n}년 차인데 부가가치세는 얼마를 내나요?",
        "{industry}을 하는 간이과세자의 부가가치세 납부세액을 알려 주세요. 직원은 {n}명입니다.",
        "{industry} 간이과세자로 {n}년째인데 부가가치세는 얼마인가요?",
    ),
    articles=("부가가치세법 제63조",),
    distractor="gift",
    fact_labels={
        "supply": "공급대가",
        "industry": "업종",
        "purchases": "매입",
        "card_sales": "신용카드·현금영수증 매출",
        "no_invoice": "세금계산서 없는 매입",
    },  # fmt: skip
    plain_tax=("payable",),
)
