"""양도소득세 on real estate, the house case first (소득세법 제89·95·103·104조, 시행령 제154·159의4·160조,
지방세법 제103조의3).

양도차익 -> 1세대1주택 비과세 / 고가주택의 12억원 초과분 -> 장기보유특별공제 (표1 일반, 표2 1세대1주택 보유+거주)
-> 양도소득금액 -> 기본공제 250만원 -> 과세표준 -> 세율 (보유기간별 단기세율과 기본세율 중 큰 것) -> 지방소득세.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from taxqa.amounts import format_won
from taxqa.errors import UserError
from taxqa.tax.gift import won
from taxqa.tax.kind import TaxKind
from taxqa.tax.rates import describe_bracket, parse_as_of, progressive, select, whole_number
from taxqa.tax.result import Step, TaxResult, article
from taxqa.tax.transfer_reading import read, recognise

LAW = "소득세법"
DECREE = "소득세법 시행령"
ASSETS = ("house", "land")  # 주택 / 토지·건물 (주택 외)


art = partial(article, LAW)


def rate_by_years(n: int, start_at: int, start: tuple[int, int], step: tuple[int, int], cap: tuple[int, int]):
    """A 장기보유특별공제 rate (num, 100) for whole years `n`: start at `start_at` years, +step a year, capped."""
    if n < start_at:
        return (0, 100)
    pct = start[0] + (n - start_at) * step[0]
    return (min(pct, cap[0]), 100)


def transfer_tax(
    price: int | str,
    acquired: int | str,
    *,
    held_years: int | str,
    expenses: int | str = 0,
    resided_years: int | str | None = None,
    one_house: bool = False,
    asset: str = "house",
    as_of: date | str | None = None,
) -> TaxResult:
    """양도소득세 on one registered asset sold by a resident (실지거래가액 기준).

    `held_years` and `resided_years` are whole years (보유기간 from 취득일 to 양도일); `one_house`
    says the seller's household (1세대) owns only this house and meets the 비과세 requirements.
    """
    day = parse_as_of(as_of)
    table = select("transfer", day)
    rates = select("income_tax_rates", day)
    price_v, acquired_v, expenses_v = won(price, "price"), won(acquired, "acquired"), won(expenses, "expenses")
    held = whole_number(held_years, "held_years")
    resided = whole_number(resided_years, "resided_years")
    if held is None:
        raise UserError("held_years: give the holding period in whole years (보유기간)")
    if asset not in ASSETS:
        raise UserError(f"asset: expected one of {', '.join(ASSETS)}, got {asset!r}")
    if one_house and asset != "house":
        raise UserError("one_house: 1세대1주택 applies to a house (--asset house)")
    if resided is not None and resided > held:
        raise UserError(f"resided_years: {resided} is longer than the holding period held_years={held}")
    assumptions = ["등기된 자산을 실지거래가액으로 양도한 거주자로 가정 (다주택 중과·감면 없음)"]
    notes: list[str] = []
    inputs = {
        "price": price_v,
        "acquired": acquired_v,
        "expenses": expenses_v,
        "held_years": held,
        "resided_years": resided,
        "one_house": one_house,
        "asset": asset,
    }
    gain = price_v - acquired_v - expenses_v
    steps = [
        Step("양도가액", price_v, art("96")),
        Step("취득가액", acquired_v, art("97")),
    ]
    if expenses_v:
        steps.append(Step("필요경비 (자본적 지출·양도비 등)", expenses_v, art("97")))
    steps.append(Step("양도차익", max(gain, 0), art("95")))

    def zero(reason: str) -> TaxResult:
        notes.append(reason)
        return TaxResult(
            "transfer", day.isoformat(), 0, 0, 0, steps, [], {"gain": max(gain, 0), "local_tax": 0}, notes,
            inputs, assumptions=assumptions,
        )  # fmt: skip

    if gain <= 0:
        steps.append(Step("양도차손: 과세할 양도소득 없음", 0, art("95")))
        return zero(f"양도가액이 취득가액과 필요경비 합계보다 크지 않아 양도차익이 없음 ({format_won(-gain)} 차손)")

    exempt_ok = one_house and held >= table["exempt_min_years"]
    high = table["high_price"]
    taxable_gain = gain
    if one_house:
        assumptions.append("1세대1주택 비과세 요건(보유 2년, 조정대상지역 취득분은 거주 2년)을 충족하는 것으로 가정")
        if not exempt_ok:
            notes.append(f"보유기간 {held}년으로 1세대1주택 비과세 요건(2년 이상 보유)에 미달하여 전액 과세")
        elif price_v <= high:
            steps.append(Step(f"1세대1주택 비과세 (양도가액 {format_won(high)} 이하)", gain, art("89")))
            return zero(f"1세대1주택으로 양도가액이 {format_won(high)} 이하라 양도소득세가 비과세됨")
        else:
            taxable_gain = gain * (price_v - high) // price_v
            how = f"양도차익 × (양도가액 - {format_won(high)}) / 양도가액"
            steps.append(Step(f"고가주택 과세 양도차익 ({format_won(high)} 초과분)", taxable_gain, art("95"), how))
            steps.append(Step("비과세 양도차익", gain - taxable_gain, art("89"), article(DECREE, "160")))

    # 장기보유특별공제 (제95조②): 표2 for a 1세대1주택 with 2+ years of residence, else 표1
    house_table = exempt_ok and asset == "house"
    if house_table and resided is None:
        resided = held
        inputs["resided_years"] = resided
        assumptions.append("거주기간을 입력하지 않아 보유기간 내내 거주한 것으로 가정")
    if house_table and resided is not None and resided < table["house_ltd"]["resided_from"]:
        house_table = False
        notes.append("거주기간이 2년 미만이라 장기보유특별공제는 표1(일반)을 적용 (시행령 제159조의4)")
    if house_table:
        t = table["house_ltd"]
        if held < t["from"]:
            hold_rate = live_rate = (0, 100)
        else:
            hold_rate = rate_by_years(held, t["from"], t["start"], t["step"], t["max"])
            if resided < t["from"]:  # 2년 이상 3년 미만 거주 (보유기간 3년 이상에 한정)
                live_rate = t["resided_start"]
            else:
                live_rate = rate_by_years(resided, t["from"], t["start"], t["step"], t["resided_max"])
        total = hold_rate[0] + live_rate[0]
        label = f"장기보유특별공제 (표2: 보유 {held}년 {hold_rate[0]}% + 거주 {resided}년 {live_rate[0]}%)"
    else:
        t = table["general_ltd"]
        total = rate_by_years(held, t["from"], t["start"], t["step"], t["max"])[0]
        label = f"장기보유특별공제 (표1: 보유 {held}년 {total}%)"
    ltd = taxable_gain * total // 100
    if total:
        steps.append(Step(label, ltd, art("95"), f"과세 양도차익 × {total}%"))
    elif held < 3:
        notes.append("보유기간 3년 미만이라 장기보유특별공제 없음 (제95조②)")
    income = taxable_gain - ltd
    steps.append(Step("양도소득금액", income, art("95")))
    basic = min(table["basic_deduction"], income)
    steps.append(Step("양도소득 기본공제 (연 250만원)", basic, art("103")))
    tax_base = income - basic
    steps.append(Step("양도소득 과세표준", tax_base, art("92")))
    assumptions.append("같은 해 다른 양도소득이 없어 기본공제 250만원을 이 자산에 적용한다고 가정")

    # 세율 (제104조①): 단기 세율과 기본세율 중 큰 것
    basic_tax, row = progressive(tax_base, rates["brackets"])
    short = table["short_house" if asset == "house" else "short_other"]
    flat = short.get(1) if held < 1 else short.get(2) if held < 2 else None
    if flat is not None and tax_base * flat[0] // flat[1] > basic_tax:
        computed = tax_base * flat[0] // flat[1]
        period = "1년 미만" if held < 1 else "1년 이상 2년 미만"
        steps.append(
            Step(f"양도소득 산출세액 (보유 {period}: {flat[0]}%)", computed, art("104"), f"과세표준 × {flat[0]}%")
        )
    else:
        computed = basic_tax
        steps.append(Step("양도소득 산출세액 (기본세율)", computed, art("104"), describe_bracket(row)))
    local_tax = computed // 10
    steps.append(Step("양도소득 지방소득세 (산출세액의 10%)", local_tax, "지방세법 제103조의3"))
    steps.append(Step("소득세와 지방소득세 합계", computed + local_tax, "지방세법 제103조의3"))
    assumptions.append("예정신고 등으로 이미 낸 세액이 없다고 가정")
    extra = {"gain": gain, "taxable_gain": taxable_gain, "ltd": ltd, "local_tax": local_tax}
    return TaxResult(
        "transfer", day.isoformat(), tax_base, computed, computed, steps, [], extra, notes, inputs,
        assumptions=assumptions,
    )  # fmt: skip


# --- what the registry, the CLI and datagen need -------------------------------------------------

FIELDS = ("price", "acquired", "expenses", "held_years", "resided_years", "one_house", "asset")
FIGURES = {
    "gain": "양도차익",
    "taxable_gain": "과세 양도차익",
    "ltd": "장기보유특별공제",
    "tax_base": "과세표준",
    "computed_tax": "산출세액",
    "determined_tax": "결정세액",
    "payable": "납부할 세액",
    "local_tax": "지방소득세",
}


def add_arguments(p) -> None:
    p.add_argument("--price", required=True, help="양도가액 (actual sale price)")
    p.add_argument("--acquired", required=True, help="취득가액 (actual purchase price)")
    p.add_argument("--expenses", default="0", help="필요경비: capital expenditure, brokerage, acquisition tax ...")
    p.add_argument("--held-years", required=True, type=int, help="보유기간 in whole years")
    p.add_argument("--resided-years", type=int, default=None, help="거주기간 in whole years (1세대1주택 표2)")
    p.add_argument("--one-house", action="store_true", help="1세대1주택 meeting the 비과세 requirements")
    p.add_argument("--asset", choices=ASSETS, default="house", help="house (주택) or land (토지·건물)")


def sample(rng):
    acquired = rng.randrange(2, 21) * 5_000 * 10_000
    price = acquired + rng.randrange(1, 25) * 5_000 * 10_000
    held = rng.choice([1, 2, 3, 5, 7, 10, 12, 15, 20])
    args: dict = {"price": price, "acquired": acquired, "held_years": held}
    if rng.random() < 0.6:
        args["one_house"] = True
        args["resided_years"] = rng.choice([y for y in (0, 2, 3, 5, held) if y <= held])
    return args, {"template": rng.randrange(3)}


def question(a: dict, say: dict) -> str:
    price, acquired, held = format_won(a["price"]), format_won(a["acquired"]), a["held_years"]
    if a.get("one_house"):
        lived = a.get("resided_years")
        live = f"그중 {lived}년 거주했습니다" if lived else "거주한 적은 없습니다"
        what = f"1세대 1주택자로 {acquired}에 산 집을 {held}년 보유하고({live}) {price}에 팔았습니다."
    else:
        what = f"1세대1주택 비과세 대상이 아닌 주택을 {acquired}에 취득해 {held}년 보유 후 {price}에 양도했습니다."
    return [
        f"{what} 양도소득세는 얼마인가요?",
        f"{what} 양도소득세 과세표준과 산출세액, 지방소득세를 계산해 주세요.",
        f"{what} 세금이 얼마나 나오나요?",
    ][say["template"]]


# --- reading a question ---------------------------------------------------------------------


def conclusion(result: TaxResult) -> str:
    if result.computed_tax == 0 and result.tax_base == 0:
        return "과세할 양도소득이 없어 양도소득세는 0원입니다. " + " ".join(result.notes)
    return (
        f"과세표준은 {format_won(result.tax_base)}, 산출세액은 {format_won(result.computed_tax)}이고 "
        f"납부할 세액은 {format_won(result.payable)}입니다 (지방소득세 {format_won(result.local_tax)} 별도)."
    )


KIND = TaxKind(
    name="transfer",
    title="양도소득세 계산",
    subject="양도소득세",
    label="양도소득세",
    help="양도소득세 on real estate: 1세대1주택 비과세, 장기보유특별공제, 기본공제, 세율, 지방소득세",
    calculator=transfer_tax,
    fields=FIELDS,
    add_arguments=add_arguments,
    figures=FIGURES,
    main_figure="payable",
    reader=read,
    recognise=recognise,
    order=12,
    weight=15,
    sampler=sample,
    question=question,
    template_asks=("payable", "tax_base", "payable"),
    words=("양도소득세", "양도세"),
    stems=("양도",),
    amount="price",
    needs={
        "양도가액": "얼마에 파시나요(양도가액)?",
        "취득가액": "얼마에 사셨나요(취득가액)?",
        "보유기간": "몇 년 보유하셨나요?",
    },  # fmt: skip
    missing_questions=(
        "{n}년 보유한 집을 팔면 양도소득세는 얼마인가요?",
        "아파트를 {n}년 만에 팔려고 합니다. 양도세가 얼마나 나오나요?",
        "1주택자인데 {n}년 살던 집을 팔면 양도소득세는?",
    ),
    articles=("소득세법 제95조", "소득세법 제104조", "소득세법 제89조"),
    distractor="gift",
    fact_labels={
        "price": "양도가액",
        "acquired": "취득가액",
        "expenses": "필요경비",
        "held_years": "보유기간",
        "resided_years": "거주기간",
        "one_house": "1세대1주택",
    },  # fmt: skip
    counts=("held_years", "resided_years"),
    extra={"conclusion": conclusion},
)
