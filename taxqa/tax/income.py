"""종합소득세 산출세액 (소득세법 제55조) with 지방소득세, and 근로소득공제 (소득세법 제47조)."""

from __future__ import annotations

import re
from datetime import date

from taxqa.amounts import AmountMention, format_won, iter_amounts
from taxqa.tax.gift import won
from taxqa.tax.kind import TaxKind, realistic_won
from taxqa.tax.rates import EOK, MAN, describe_bracket, parse_as_of, progressive, select
from taxqa.tax.result import Step, TaxResult
from taxqa.tax.words import amount_near, josa, window_before


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
ASKS_WAGE_ONLY = r"근로소득\s*(?:공제|금액)\S{0,3}\s*(?:이|은|는|가|만)?\s*(?:얼마|계산|알려)"


# "근로소득공제가 얼마인지만", "근로소득공제 금액만요", "세금 말고 근로소득공제": the deduction asked alone, whatever
# tax word is said beside it
ASKS_DEDUCTION_ALONE = (
    r"근로소득\s*공제(?:액|\s*금액)?\S{0,2}\s*(?:얼마(?:인지|쯤인지|나\s*되는지)?|금액)?\s*만\s*(?:요|[!.?]|$|알|궁금|계산|구하|얼마|좀)|"
    r"세금\S{0,2}\s*(?:말고|빼고|말구|은\s*됐고|은\s*필요\s*없고)[^.?!\n]{0,12}근로소득\s*공제"
)


def asks_deduction_alone(text: str) -> bool:
    return bool(re.search(ASKS_DEDUCTION_ALONE, text))


def asks_wage_only(text: str) -> bool:
    return bool(
        (re.search(ASKS_WAGE_ONLY, text) or asks_deduction_alone(text)) and re.search(r"총급여|연봉|급여", text)
    )


def recognise_income(text: str) -> bool:
    """종합소득세; or a 과세표준 given for a person's income tax ("직장인 A씨의 과세표준이 5천만원")."""
    if re.search(r"종합소득|종소(?:세|\s|$)", text):
        return not asks_wage_only(text)
    if re.search(
        r"(?:월세|임대료|임대\s*수입)[^?!\n]{0,16}?받|(?:월세|임대료|임대)\s*(?:수입|소득)", text
    ) and re.search(r"세금|소득세", text):
        return not re.search(r"연말정산|연봉|월급|급여|양도|부가|상속|증여|세액\s*공제", text)  # "월세 200 받으면 세금"
    return bool(
        re.search(r"과세표준|과표", text)
        and re.search(r"소득세|세금|세액|직장인|근로자|회사원|개인", text)
        and not re.search(
            r"법인|상속|증여|양도|부가|간이|퇴직|가산세|혼인\s*공제", text
        )  # "혼인공제 1억 … 과표": a gift
    )


def recognise_wage(text: str) -> bool:
    other = re.search(r"종합소득|종소", text) and re.search(
        r"부업|사업소득|임대|프리랜서|유튜브|수익|수입|이자|배당", text
    )
    return bool(re.search(r"근로소득공제|총급여|연봉|근로소득금액|월급|급여", text)) and not (
        re.search(r"(?:종합소득|소득세)\s*(?:과세표준|과표)", text) or (other and not asks_wage_only(text))
    )


def worked_base(text: str, reading) -> bool:
    """A sole trader's 매출 and 필요경비 said, no 과세표준: the base is 매출 - 필요경비 - the 소득공제 said."""
    revenue = amount_near(text, r"매출|수입", r"경비|공제|비용")
    expense = amount_near(text, r"필요경비|경비|비용", r"매출|수입|공제")
    ratio = re.search(r"(?:단순|기준)?\s*경비율\S{0,2}\s*(\d{1,2}(?:\.\d)?)\s*%", text)  # "단순경비율 60%로"
    if expense is None and ratio and revenue is not None and not re.search(r"과세표준|과표", text):
        cost = int(revenue.value * float(ratio[1]) / 100)
        expense = AmountMention(revenue.end, revenue.end, f"{revenue.text} × {ratio[1]}%", cost)
        said = ratio.group(0).strip()
        reading.assume(
            f"필요경비는 수입금액 {revenue.text}에 '{said}'{josa(said, '을를')[len(said) :]} 곱한 {format_won(cost)}으로 봄"
        )
    if re.search(r"과세표준|과표", text) or revenue is None or expense is None or expense.start == revenue.start:
        return False
    if re.search(r"소득\s*금액\S{0,2}\s*$", window_before(text, expense.start, 10)):
        return False  # "경비율 적용하면 소득금액 1200": the income is said, not the costs
    if expense.value >= revenue.value:
        return False
    deduction = amount_near(text, r"소득\s*공제|종합소득\s*공제|인적\s*공제|기본\s*공제", r"매출|경비|세액")
    base = revenue.value - expense.value - (deduction.value if deduction else 0)
    words = f"{revenue.text} - {expense.text}" + (f" - {deduction.text}" if deduction else "")
    reading.fact("base", max(base, 0), words)
    reading.say(f"종합소득 과세표준 {format_won(max(base, 0))} ({words})")
    reading.assume(
        "매출에서 필요경비를 뺀 사업소득금액" + (", 소득공제를 뺀 금액을" if deduction else "을") + " 과세표준으로 봄"
    )
    if deduction is None:
        reading.unclear(
            "소득공제(기본공제 150만원 등)를 빼지 않은 소득금액을 과세표준으로 봄: 소득공제 금액을 확인해 주세요"
        )
    return True


def income_less_deductions(text: str, reading) -> bool:
    """소득금액 and 소득공제 said, no 과세표준: the base is 소득금액 - 소득공제 (제14조②)."""
    income = amount_near(text, r"소득\s*금액", r"공제|세액")
    deduction = amount_near(text, r"소득\s*공제|종합소득\s*공제|인적\s*공제", r"금액|세액")
    if re.search(r"과세표준|과표", text) or income is None or deduction is None or income.start == deduction.start:
        return False
    if deduction.value >= income.value:
        return False
    base, words = income.value - deduction.value, f"{income.text} - {deduction.text}"
    reading.fact("base", base, words)
    reading.say(f"종합소득 과세표준 {format_won(base)} ({words})")
    reading.assume("종합소득금액에서 종합소득공제를 뺀 금액을 과세표준으로 봄")
    return True


def read_income(text: str, reading) -> None:
    if worked_base(text, reading) or income_less_deductions(text, reading):
        return
    found = amount_near(text, r"과세표준|과표") or amount_near(text, r"소득\s*금액") or next(iter_amounts(text))
    reading.fact("base", found.value, found.text)
    reading.say(f"종합소득 과세표준 {format_won(found.value)}")
    reading.assume("주어진 금액을 종합소득 과세표준으로 보고 세액공제·감면은 반영하지 않음")
    if not re.search(r"과세표준|과표", text):
        reading.unclear(
            "과세표준이라는 말이 없어 금액을 종합소득 과세표준으로 봄 (소득공제 전 금액이면 세액이 더 적음)"
        )


def read_wage(text: str, reading) -> None:
    monthly = amount_near(text, r"월급|월\s*급여|매달|한\s*달에?|월")
    found = amount_near(text, r"총급여|연봉|급여|연\s*소득") or monthly or next(iter_amounts(text))
    salary = found.value
    if (
        monthly is not None
        and found.start == monthly.start
        and not re.search(r"연봉|총급여|1년\s*(?:치|총|합계|에\s*\d)|연간", text)
    ):
        salary = found.value * 12
        reading.assume("월급을 12개월분으로 곱해 총급여액으로 봄 (상여금 없음)")
    cut, words = exempt_cut(text, found), found.text
    if cut:  # "연봉 3,600이고 식대 비과세가 월 10만원이라 그거 빼면 총급여": the asker takes the 비과세 out
        salary, words = salary - cut[0], f"{words} - {cut[1].text}"
        reading.assume(f"비과세소득 {format_won(cut[0])}을 연봉에서 빼고 총급여액으로 봄 (소득세법 제12조)")
    reading.fact("salary", salary, words)
    reading.say(f"총급여액 {format_won(salary)}")
    reading.assume("상용근로자의 총급여액으로 가정 (비과세소득 제외)")
    if re.search(r"소득세|세금|납부|내야|세액", text) and not re.search(r"근로소득공제|근로소득금액", text):
        reading.unclear(
            "총급여로는 근로소득공제와 근로소득금액까지만 계산됨: 소득세는 소득공제 후 종합소득 과세표준이 필요"
        )


def exempt_cut(text: str, found) -> tuple | None:
    """The 비과세 a year's pay is said to include, when the question says to take it out ("그거 빼면"):
    a monthly one ("월 10만원") for the 12 months of the year."""
    if not re.search(r"빼면|빼고|뺀\s*(?:게|금액|거)|제외하면", text) or re.search(r"이미\s*(?:뺀|제외)|별도", text):
        return None
    for a in iter_amounts(text):
        near = text[max(0, a.start - 12) : a.end + 10]
        if a.start != found.start and re.search(r"비과세|식대", near):
            monthly = re.search(r"(?:월|매달|매월|한\s*달에?)\s*$", text[max(0, a.start - 6) : a.start])
            return a.value * (12 if monthly else 1), a
    return None


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
