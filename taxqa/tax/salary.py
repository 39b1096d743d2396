"""연말정산 of a salaried worker (소득세법 제47·50·51·51의3·52·55·59·59의2·59의4조, 지방세법 제103조의13).

총급여 -> 근로소득공제 -> 근로소득금액 -> 인적공제 -> 연금보험료·보험료 공제 -> 과세표준 -> 산출세액
-> 근로소득세액공제 (한도) -> 자녀세액공제 -> 표준세액공제 -> 결정세액 -> 지방소득세 -> 기납부세액 -> 환급/추가 납부.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from taxqa.amounts import format_won
from taxqa.errors import UserError
from taxqa.tax.credits import child_age_rule, child_credit_amount, wage_credit_limit
from taxqa.tax.gift import won
from taxqa.tax.income import wage_income
from taxqa.tax.kind import TaxKind
from taxqa.tax.rates import MAN, describe_bracket, parse_as_of, progressive, select, whole_number
from taxqa.tax.result import Step, TaxResult, article
from taxqa.tax.salary_reading import read, recognise

LAW = "소득세법"
art = partial(article, LAW)


def count(value: int | str | None, name: str) -> int:
    return whole_number(value, name) or 0


def salary_tax(
    salary: int | str,
    *,
    dependents: int = 0,
    children: int = 0,
    pension: int | str | None = None,
    insurance: int | str | None = None,
    withheld: int | str | None = None,
    elderly: int = 0,
    disabled: int = 0,
    single_parent: bool = False,
    woman: bool = False,
    as_of: date | str | None = None,
) -> TaxResult:
    """The year-end settlement (연말정산) of a resident with wage income only.

    `dependents` counts the 기본공제대상자 besides the worker (spouse, children, parents ...);
    `children` counts the children among them who qualify for 자녀세액공제 (제59조의2 age);
    `elderly` / `disabled` count dependents (or the worker) for 추가공제 (제51조①1·2).
    `pension` is 국민연금 등 연금보험료, `insurance` 건강·고용·장기요양보험료 (근로자 부담분);
    `withheld` is the 소득세 already withheld in the year (기납부세액).
    """
    day = parse_as_of(as_of)
    table = select("salary", day)
    rates = select("income_tax_rates", day)
    child_table = select("child_credit", day)
    salary = won(salary, "salary")
    dependents, children = count(dependents, "dependents"), count(children, "children")
    elderly, disabled = count(elderly, "elderly"), count(disabled, "disabled")
    pension_v = 0 if pension is None else won(pension, "pension")
    insurance_v = 0 if insurance is None else won(insurance, "insurance")
    withheld_v = None if withheld is None else won(withheld, "withheld")
    assumptions: list[str] = ["일용근로자가 아닌 거주자로 근로소득만 있다고 가정"]
    notes: list[str] = []
    if children > dependents:
        assumptions.append(f"자녀 {children}명은 기본공제대상자이므로 부양가족 수를 {children}명으로 봄")
        dependents = children
    if elderly + disabled > dependents + 1:
        raise UserError(
            f"elderly/disabled: {elderly + disabled} people for 추가공제 but only {dependents + 1} "
            "기본공제대상자 (the worker + --dependents)"
        )

    # 근로소득공제 and 근로소득금액 (제47조): the `wage` calculator's steps
    wage = wage_income(salary, as_of=day)
    wage_deduction, income = wage.extra["deduction"], wage.extra["income"]
    steps = list(wage.steps)

    # 인적공제 (제50·51조), capped at 종합소득금액 (제51조④)
    people = 1 + dependents
    basic = people * table["basic_per_person"]
    steps.append(Step(f"기본공제 (본인 포함 {people}명 × {format_won(table['basic_per_person'])})", basic, art("50")))
    extra_ded = elderly * table["elderly"] + disabled * table["disabled"]
    parts = []
    if elderly:
        parts.append(f"경로우대 {elderly}명 × {format_won(table['elderly'])}")
    if disabled:
        parts.append(f"장애인 {disabled}명 × {format_won(table['disabled'])}")
    if single_parent:
        if children == 0 and dependents == 0:
            raise UserError("single_parent: 한부모공제 needs a child who is a 기본공제대상자 (--dependents/--children)")
        extra_ded += table["single_parent"]
        parts.append(f"한부모 {format_won(table['single_parent'])}")
        if woman:
            notes.append("한부모공제와 부녀자공제에 모두 해당하면 한부모공제만 적용 (제51조① 단서)")
    elif woman:
        if income <= table["woman_income_max"]:
            extra_ded += table["woman"]
            parts.append(f"부녀자 {format_won(table['woman'])}")
        else:
            notes.append(f"종합소득금액이 {format_won(table['woman_income_max'])}을 넘어 부녀자공제는 적용되지 않음")
    if extra_ded:
        steps.append(Step("추가공제 (" + ", ".join(parts) + ")", extra_ded, art("51")))
    personal = min(basic + extra_ded, income)
    if personal < basic + extra_ded:
        notes.append("인적공제 합계가 종합소득금액을 넘어 넘는 부분은 없는 것으로 봄 (제51조④)")
    steps.append(Step("인적공제 합계", personal, art("51")))
    left = income - personal

    # 연금보험료공제 (제51조의3) and 특별소득공제 보험료 (제52조①), each within what is left (③, ⑧)
    pension_ded = min(pension_v, left)
    left -= pension_ded
    if pension is None:
        assumptions.append("연금보험료(국민연금 등) 납입액을 입력하지 않아 연금보험료공제 0원")
    else:
        steps.append(Step("연금보험료공제", pension_ded, art("51-3"), f"납입액 {format_won(pension_v)}"))
    insurance_ded = min(insurance_v, left)
    left -= insurance_ded
    if insurance is None:
        assumptions.append("건강·고용보험료 등 특별소득공제를 신청하지 않은 것으로 가정")
    else:
        steps.append(Step("특별소득공제 (건강·고용·장기요양보험료)", insurance_ded, art("52"), "근로자 부담분"))
    tax_base = left
    steps.append(Step("종합소득 과세표준", tax_base, art("14")))

    # 산출세액 (제55조①)
    computed, rate_row = progressive(tax_base, rates["brackets"])
    steps.append(Step("종합소득 산출세액", computed, art("55"), describe_bracket(rate_row)))

    # 세액공제: each within the tax still left (결정세액 >= 0)
    credits: list[Step] = []
    remaining = computed
    by_rate, wc_row = progressive(computed, table["wage_credit"])
    limit, limit_how = wage_credit_limit(salary, table["wage_credit_limit"])
    wage_credit = min(by_rate, limit, remaining)
    wc_how = describe_bracket(wc_row).replace("과세표준", "세액") + f" = {format_won(by_rate)}; 한도 {limit_how}"
    credits.append(Step("근로소득세액공제", wage_credit, art("59"), wc_how))
    remaining -= wage_credit
    if children:
        amount = child_credit_amount(children, child_table)
        child = min(amount, remaining)
        how = f"자녀 {children}명: {format_won(amount)}"
        if child < amount:
            how += " (남은 산출세액 한도)"
        credits.append(Step("자녀세액공제", child, art("59-2"), how))
        remaining -= child
        rule = child_age_rule(child_table, day.year)
        assumptions.append(
            f"자녀는 모두 {day.year}년 귀속 자녀세액공제 나이({rule})의 기본공제대상 자녀로 가정 (제59조의2①)"
        )
    itemised = insurance is not None
    if itemised:
        notes.append("특별소득공제(보험료)를 신청하여 표준세액공제 13만원은 적용하지 않음 (제59조의4⑨1)")
    else:
        standard = min(table["standard_credit"], remaining)
        credits.append(Step("표준세액공제", standard, art("59-4"), "특별소득공제·특별세액공제 미신청"))
        remaining -= standard
        assumptions.append("의료비·교육비·보험료·기부금 등 특별세액공제를 신청하지 않은 것으로 가정")
    steps.extend(credits)
    determined = computed - sum(c.amount for c in credits)
    steps.append(Step("결정세액", determined, art("59-4")))
    local_tax = determined * 10 // 100
    steps.append(Step("지방소득세 (결정세액의 10%)", local_tax, "지방세법 제103조의13"))
    extra: dict = {"deduction": wage_deduction, "income": income, "local_tax": local_tax}
    if withheld_v is None:
        payable = determined
        assumptions.append("기납부(원천징수)세액을 입력하지 않아 결정세액 전액을 납부할 세액으로 봄")
    else:
        payable = determined - withheld_v
        steps.append(Step("기납부세액 (원천징수된 소득세)", withheld_v, art("137")))
        local_withheld = withheld_v * 10 // 100
        extra["local_payable"] = local_tax - local_withheld
        label = "환급받을 세액" if payable < 0 else "추가 납부할 세액"
        steps.append(Step(label, abs(payable), art("137")))
    inputs = {
        "salary": salary,
        "dependents": dependents,
        "children": children,
        "pension": pension_v if pension is not None else None,
        "insurance": insurance_v if insurance is not None else None,
        "withheld": withheld_v,
        "elderly": elderly,
        "disabled": disabled,
        "single_parent": single_parent,
        "woman": woman,
    }
    return TaxResult(
        "salary",
        day.isoformat(),
        tax_base,
        computed,
        payable,
        steps,
        credits,
        extra,
        notes,
        inputs,
        determined_tax=determined,
        assumptions=assumptions,
    )


# --- what the registry, the CLI and datagen need -------------------------------------------------

FIELDS = ("salary", "dependents", "children", "pension", "insurance", "withheld", "elderly", "disabled",
          "single_parent", "woman")  # fmt: skip
FIGURES = {
    "salary": "총급여액",
    "deduction": "근로소득공제",
    "income": "근로소득금액",
    "tax_base": "과세표준",
    "computed_tax": "산출세액",
    "determined_tax": "결정세액",
    "local_tax": "지방소득세",
    "payable": "납부할 세액",
}


def add_arguments(p) -> None:
    p.add_argument("--salary", required=True, help="총급여액 (yearly gross wages less non-taxable pay)")
    p.add_argument("--dependents", type=int, default=0, help="기본공제대상자 besides the worker (spouse, children ...)")
    p.add_argument(
        "--children", type=int, default=0, help="children who qualify for 자녀세액공제 (counted in --dependents)"
    )
    p.add_argument("--pension", default=None, help="연금보험료 paid (국민연금 등); default: not claimed")
    p.add_argument("--insurance", default=None, help="건강·고용·장기요양보험료 paid; claiming it drops 표준세액공제")
    p.add_argument("--withheld", default=None, help="소득세 already withheld in the year (기납부세액)")
    p.add_argument("--elderly", type=int, default=0, help="기본공제대상자 aged 70+ (경로우대 추가공제)")
    p.add_argument("--disabled", type=int, default=0, help="기본공제대상자 who are disabled (장애인 추가공제)")
    p.add_argument("--single-parent", action="store_true", help="한부모 추가공제")
    p.add_argument("--woman", action="store_true", help="부녀자 추가공제 (종합소득금액 3천만원 이하)")


def sample(rng):
    """A datagen case: (calculator kwargs, phrasing choices)."""
    salary = rng.randrange(2_500, 15_001, 100) * MAN
    args: dict = {"salary": salary}
    say = {"template": rng.randrange(3)}
    family = rng.choices(["single", "couple", "kids"], weights=[40, 20, 40])[0]
    if family != "single":
        args["dependents"] = 1
    if family == "kids":
        args["children"] = rng.choice([1, 2, 2, 3])
        args["dependents"] = 1 + args["children"]
    if rng.random() < 0.4:
        args["withheld"] = rng.randrange(0, max(1, salary // 10 // MAN), 10) * MAN
    return args, say


def question(a: dict, say: dict) -> str:
    salary = format_won(a["salary"])
    who = "미혼 직장인"
    if a.get("children"):
        who = f"배우자와 자녀 {a['children']}명을 부양하는 직장인"
    elif a.get("dependents"):
        who = "소득 없는 배우자를 부양하는 직장인"
    tail = ""
    if a.get("withheld") is not None:
        tail = f" 올해 원천징수된 소득세는 {format_won(a['withheld'])}입니다."
    return [
        f"연봉(총급여) {salary}인 {who}입니다.{tail} 연말정산하면 결정세액과 납부(환급)할 세액은 얼마인가요?",
        f"총급여 {salary} {who}의 근로소득세 결정세액을 계산해 주세요.{tail}",
        f"{who}이고 연봉이 {salary}이면 소득세는 얼마나 내나요?{tail}",
    ][say["template"]]


# --- reading a question ---------------------------------------------------------------------


def figure_values(result: TaxResult) -> dict[str, int]:
    return {"salary": result.inputs["salary"], "tax_base": result.tax_base, "computed_tax": result.computed_tax,
            "determined_tax": result.determined_tax, "payable": result.payable, **result.extra}  # fmt: skip


def conclusion(result: TaxResult) -> str:
    pay = result.payable
    if result.inputs.get("withheld") is None:
        tail = f"납부할 세액은 {format_won(pay)}입니다"
    elif pay < 0:
        tail = f"원천징수된 세액을 빼면 환급받을 세액은 {format_won(-pay)}입니다"
    else:
        tail = f"원천징수된 세액을 빼면 추가로 납부할 세액은 {format_won(pay)}입니다"
    return (
        f"과세표준은 {format_won(result.tax_base)}, 산출세액은 {format_won(result.computed_tax)}, "
        f"결정세액은 {format_won(result.determined_tax)}이고, {tail} (지방소득세 {format_won(result.local_tax)} 별도)."
    )


KIND = TaxKind(
    name="salary",
    title="근로소득세 연말정산 계산",
    subject="근로소득세(연말정산)",
    label="연말정산",
    help="연말정산: 총급여 -> 공제 -> 산출세액 -> 세액공제 -> 결정세액 -> 환급/추가 납부",
    calculator=salary_tax,
    fields=FIELDS,
    add_arguments=add_arguments,
    figures=FIGURES,
    main_figure="payable",
    values=figure_values,
    reader=read,
    recognise=recognise,
    order=25,  # before `wage` (근로소득공제 only) when the question asks for the tax
    weight=15,
    sampler=sample,
    question=question,
    template_asks=("payable", "determined_tax", "payable"),
    words=("근로소득세", "소득세"),
    amount="salary",
    needs={"총급여액(연봉)": "비과세소득을 뺀 1년 총급여(연봉)는 얼마인가요?"},
    missing_questions=(
        "입사 {n}년 차 직장인인데 연말정산하면 소득세는 얼마인가요?",
        "부양가족이 {n}명인 회사원입니다. 근로소득세 결정세액은 얼마인가요?",
        "직원 {n}명 회사에 다니는데 올해 소득세를 얼마나 내나요?",
    ),
    articles=("소득세법 제59조", "소득세법 제55조"),
    distractor="vat",
    fact_labels={
        "salary": "총급여",
        "dependents": "부양가족 수",
        "children": "자녀 수",
        "elderly": "경로우대 추가공제",
        "disabled": "장애인 추가공제",
        "single_parent": "한부모 추가공제",
        "woman": "부녀자 추가공제",
        "pension": "연금보험료",
        "insurance": "보험료",
        "withheld": "기납부세액",
    },  # fmt: skip
    counts=("dependents", "children", "elderly", "disabled"),
    extra={"conclusion": conclusion},
)
