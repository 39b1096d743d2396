"""퇴직소득세 (소득세법 제22·48조, 제55조②) and its 개인지방소득세 (지방세법 제92조②).

퇴직소득금액 -> 근속연수공제 -> ÷ 근속연수 × 12 = 환산급여 -> 환산급여공제 -> 과세표준
-> 기본세율 (제55조①) = 환산산출세액 -> ÷ 12 × 근속연수 = 퇴직소득 산출세액.
"""

from __future__ import annotations

import math
import re
from datetime import date

from taxqa.amounts import format_won, iter_amounts
from taxqa.errors import UserError
from taxqa.tax.gift import won
from taxqa.tax.kind import TaxKind
from taxqa.tax.mentions import near
from taxqa.tax.rates import MAN, describe_bracket, parse_as_of, progressive, select
from taxqa.tax.result import Step, TaxResult
from taxqa.tax.words import amount_near

LAW = "소득세법"


def service_years(value: int | float | str) -> tuple[int, bool]:
    """근속연수 in whole years, a part year counting as a full year (제48조①): (years, rounded up)."""
    try:
        x = float(value)
    except (TypeError, ValueError) as exc:
        raise UserError(f"years: expected the years of service (e.g. 10 or 10.5), got {value!r}") from exc
    if not x > 0 or math.isinf(x):
        raise UserError(f"years: expected years of service > 0, got {value!r}")
    n = math.ceil(x)
    return n, n != x


def retirement_tax(
    pay: int | str, years: int | float | str, *, withheld: int | str | None = None, as_of: date | str | None = None
) -> TaxResult:
    """퇴직소득세 on `pay` (퇴직소득금액, 비과세 제외) after `years` of service."""
    day = parse_as_of(as_of)
    table = select("retirement", day)
    rates = select("income_tax_rates", day)
    local_rates = select("local_income_tax_rates", day)
    pay_v = won(pay, "pay")
    n, rounded = service_years(years)
    withheld_v = None if withheld is None else won(withheld, "withheld")
    assumptions = ["임원 퇴직소득 한도 초과분과 2012년 이전 근속분의 경과규정은 없는 것으로 가정"]
    if rounded:
        assumptions.append(f"1년 미만의 기간은 1년으로 보아 근속연수 {n}년 (제48조①)")
    steps = [Step("퇴직소득금액", pay_v, f"{LAW} 제22조")]
    by_table, row = progressive(n, table["service"])
    service = min(by_table, pay_v)  # 제48조②: never more than the 퇴직소득금액
    over, _, base, (per_year, _) = row
    how = f"{format_won(base)} + {format_won(per_year)} × (근속연수 {n}년 - {over}년)" if over else (
        f"{format_won(per_year)} × 근속연수 {n}년"
    )  # fmt: skip
    if service < by_table:
        how += f" = {format_won(by_table)} → 퇴직소득금액 한도"
    steps.append(Step("근속연수공제", service, f"{LAW} 제48조", how))
    converted = (pay_v - service) * 12 // n
    steps.append(Step("환산급여 ((퇴직소득금액 - 근속연수공제) × 12 ÷ 근속연수)", converted, f"{LAW} 제48조"))
    conv_ded, conv_row = progressive(converted, table["converted"])
    conv_ded = min(conv_ded, converted)
    steps.append(
        Step("환산급여공제", conv_ded, f"{LAW} 제48조", describe_bracket(conv_row).replace("과세표준", "환산급여"))
    )
    tax_base = converted - conv_ded
    steps.append(Step("퇴직소득 과세표준", tax_base, f"{LAW} 제14조"))
    converted_tax, rate_row = progressive(tax_base, rates["brackets"])
    steps.append(Step("환산산출세액 (기본세율)", converted_tax, f"{LAW} 제55조", describe_bracket(rate_row)))
    computed = converted_tax * n // 12
    steps.append(Step(f"퇴직소득 산출세액 (환산산출세액 ÷ 12 × {n}년)", computed, f"{LAW} 제55조"))
    local_converted, _ = progressive(tax_base, local_rates["brackets"])
    local_tax = local_converted * n // 12
    steps.append(
        Step(
            "퇴직소득 지방소득세",
            local_tax,
            "지방세법 제92조",
            f"지방세 기본세율 적용액 {format_won(local_converted)} ÷ 12 × {n}년",
        )
    )
    payable = computed
    if withheld_v is not None:
        payable = computed - withheld_v
        steps.append(Step("기납부(원천징수)세액", withheld_v, f"{LAW} 제146조"))
    else:
        assumptions.append("원천징수 등으로 이미 낸 세액이 없다고 가정")
    extra = {"service_deduction": service, "converted_pay": converted, "converted_deduction": conv_ded,
             "converted_tax": converted_tax, "local_tax": local_tax}  # fmt: skip
    inputs = {"pay": pay_v, "years": n, "withheld": withheld_v}
    return TaxResult(
        "retirement", day.isoformat(), tax_base, computed, payable, steps, [], extra, [], inputs,
        assumptions=assumptions,
    )  # fmt: skip


# --- what the registry, the CLI and datagen need -------------------------------------------------

FIELDS = ("pay", "years", "withheld")
FIGURES = {"pay": "퇴직소득금액", "service_deduction": "근속연수공제", "converted_pay": "환산급여",
           "converted_deduction": "환산급여공제", "tax_base": "과세표준", "computed_tax": "산출세액",
           "determined_tax": "결정세액", "payable": "납부할 세액", "local_tax": "지방소득세"}  # fmt: skip


def add_arguments(p) -> None:
    p.add_argument("--pay", required=True, help="퇴직소득금액 (퇴직금, non-taxable part excluded)")
    p.add_argument("--years", required=True, help="근속연수 (a part year counts as a year, e.g. 10.5 -> 11)")
    p.add_argument("--withheld", default=None, help="퇴직소득세 already withheld")


def sample(rng):
    years = rng.randint(1, 35)
    pay = rng.randrange(5, 60) * years * 100 * MAN // 10 * 10
    return {"pay": pay, "years": years}, {"template": rng.randrange(3)}


def question(a: dict, say: dict) -> str:
    pay, years = format_won(a["pay"]), a["years"]
    return [
        f"{years}년 근무하고 퇴직금 {pay}을 받으면 퇴직소득세는 얼마인가요?",
        f"근속연수 {years}년, 퇴직급여 {pay}일 때 퇴직소득세와 지방소득세를 계산해 주세요.",
        f"회사를 {years}년 다니고 퇴사하면서 퇴직금으로 {pay}을 받습니다. 세금이 얼마나 떼이나요?",
    ][say["template"]]


# --- reading a question ---------------------------------------------------------------------


def recognise(text: str) -> bool:
    return bool(re.search(r"퇴직금|퇴직소득|퇴직급여|퇴직\s*수당|명예퇴직", text))


def read(text: str, reading) -> None:
    found = amount_near(text, r"퇴직금|퇴직소득|퇴직급여|퇴직|받") or next(iter_amounts(text))
    reading.fact("pay", found.value, found.text)
    if net := re.search(
        r"세후|실수령|세금\s*(?:떼고|빼고|제하고)|손에\s*쥔", text
    ):  # "세후 퇴직금 9천": tax already taken
        reading.lack(f"'{net.group(0)}' 금액이라 퇴직소득세를 떼기 전 퇴직금(세전)이 필요합니다")
    worked = list(
        re.finditer(
            r"(\d{1,2}(?:\.\d)?)\s*년\s*(?:\d{1,2}\s*개월\s*)?(?:간|동안|째|을|이나)?\s*(?:근무|다니|다닌|다녔|다님|다녀|재직|일하|일한|일했|일혔|근속|몸담|복무)",
            text,
        )
    )  # fmt: skip  "23년 4개월을 다녔네요": the months are read below
    earlier = [m for m in worked if other_job(text, m.start())]
    worked = [m for m in worked if m not in earlier]
    if earlier and not worked:  # "예전 회사에서는 7년 일하고 … 이번 회사에서 퇴직금": not this payer's years
        said = ", ".join(dict.fromkeys(f"'{m.group(1)}년'" for m in earlier))
        reading.lack(
            f"근속연수 (이번 퇴직금을 주는 회사에서 몇 년 근무했는지): {said}은 예전 회사의 기간이라 쓰지 않음"
        )
        return
    years = worked[0] if worked else None
    years = years or re.search(
        r"(\d{1,2})\s*년\s*(?:간|동안)?\s*(?:하다|하고|했고|하다가)\s*(?:그만|퇴직|퇴사|나오|관두)", text
    )
    if len({m.group(1) for m in worked}) > 1:  # "부사관으로 9년 복무하고 … 회사에서 11년 다니다 퇴직"
        payer = [
            m for m in worked if re.search(r"회사|직장|기업|사업장|거기", text[max(0, m.start() - 12) : m.start()])
        ]
        if len(payer) == 1:
            years = payer[0]
            reading.assume(
                f"근속연수는 퇴직금을 주는 곳의 '{years.group(0)}'으로 봄 (다른 곳의 근무기간은 합산하지 않음)"
            )
        else:
            reading.unclear(
                f"근무기간이 여럿({', '.join(m.group(0) for m in worked)}): 퇴직금을 주는 회사의 근속연수를 알려 주세요"
            )
    years = years or re.search(
        r"(?:근속|근무|재직|복무|(?:뛴|일한|다닌|몸담은)\s*(?=기간))\s*(?:연수|기간)?\s*(?:이|은|는|:)?\s*(\d{1,2}(?:\.\d)?)(?:\s*년|(?=\s*[,.]\s|\s*$))"
        r"(?!\s*(?:이\s*)?(?:안\s*되는|안\s*되면|못\s*되는|미만(?:은|인\s*(?:건|거|것|기간)|이면)))",
        text,
    )  # "근속 12년", a table's "근속연수 12,"; not the rule "근속연수는 1년 안 되는 건 1년으로 친다"
    years = years or re.search(
        r"(?:근속|근무|재직)[^()]{0,6}\([^()]*?(?<![\d.])(\d{1,2})\s*년", text
    )  # "근속(입사 …, 11년 11개월)"
    years = years or re.search(  # "입사부터 퇴사까지 23년 4개월": the span between the two labels
        r"입사\S{0,2}\s*(?:부터|에서)\s*(?:퇴사|퇴직)\S{0,2}\s*(?:까지)?\s*(?:총|딱|꼭|만)?\s*(\d{1,2})\s*년", text
    )
    years = years or re.search(  # "94년 6월 1일 입사했으니 딱 32년이다": the years said after the day joined
        r"(?:입사|들어와|들어갔)[^.?!\n]{0,16}?(?:딱|총|꼭|만)?\s*(\d{1,2})\s*년\s*(?:이다|이에요|이야|입니다|째|이네|이지|을\s*채웠)",
        text,
    )

    start = month_said(text, r"입사|근무\s*시작|취직|들어(?:가|갔|와|왔)", min)  # "2016년 9월에 들어가서"
    if start and (anew := restart_month(text)) and (int(anew[1]), int(anew[2])) > (int(start[1]), int(start[2])):
        start = anew
        reading.assume(f"퇴직금 중간정산 뒤의 근속연수는 {anew[1]}년 {anew[2]}월부터 새로 셈 (시행령 제105조)")
    end = month_said(
        text, r"퇴사|퇴직|그만(?:두|뒀)|나(?:왔|와서)|\d{1,2}\s*일\S{0,2}\s*마지막\s*(?:근무|출근)", max
    )  # "2026년 4월에 나왔어요"
    if start and not end and (end := month_this_year(text, reading)):  # "지난달 말일(5월 31일)자로 퇴사"
        if (int(end[1]), int(end[2])) > (int(start[1]), int(start[2])):
            reading.assume(f"퇴사 연도가 없어 {end[1]}년 {end[2]}월 퇴사로 봄")
        else:
            end = None  # before the month joined: not this job's leaving
    day = r"(?:[.-]\s*(\d{1,2})\.?|\s*(\d{1,2})\s*일)?"  # "2020.7.1 ~ 2026.3.31": the days, when said
    span_said = re.search(rf"(?:근무|재직|근속)\s*기간\S{{0,2}}\s*:?\s*{MONTH}{day}\s*[~∼〜-]\s*{MONTH}{day}", text)
    span_said = span_said or re.search(  # "회사 다닌 건 2009년 7월부터 2026년 5월까지"
        rf"(?:근무|재직|근속|다닌|다녔|일한|일했|회사)[^.?!\d]{{0,10}}{MONTH}{day}\s*부터\s*{MONTH}{day}\s*까지", text
    )  # "근속기간은 2007. 3. 2.부터 2026. 5. 31.까지"
    days = (0, 0)
    if not (start and end) and span_said:  # "근무기간 2008.3~2026.2"
        start, end = [None, span_said[1], span_said[2]], [None, span_said[5], span_said[6]]
        days = (int(span_said[3] or span_said[4] or 0), int(span_said[7] or span_said[8] or 0))
    if years is None and start and end:  # "입사 2012년 3월 ~ 퇴사 2026년 2월": 13년 11개월, a part year is a year
        months = (int(end[1]) - int(start[1])) * 12 + int(end[2]) - int(start[2])
        months += 1 if days[0] and days[1] > days[0] else 0  # a part month on: it counts toward the part year
        value = -(-months // 12)
        reading.assume(
            f"입사·퇴사 연월로 근속 {months // 12}년 {months % 12}개월, 1년 미만을 1년으로 보아 {value}년 (제48조①)"
        )
        reading.fact("years", value, f"{start[1]}.{start[2]} ~ {end[1]}.{end[2]}")
        return read_rest(text, reading, found, value)
    span = near(  # "삼십이년을 한 직장에 다녔소": the years before "한 직장"
        reading.mentions,
        reading.text,
        "duration",
        r"근무|다니|다닌|다녔|재직|일하|일한|일했|근속|몸담|회사|한\s*(?:직장|회사|곳)|뛰고|뛰었|뛴|몰고|몰았|운전",  # "20년 버스 몰고"
    )
    if years is None and span is not None and other_job(reading.text, span.start):  # "이전 직장 근무 10년"
        reading.lack(
            f"근속연수 (이번 퇴직금을 주는 회사에서 몇 년 근무했는지): '{span.text}'은 예전 회사의 기간이라 쓰지 않음"
        )
        return
    if years is None and span is not None and (span.value.get("years") is not None or span.value.get("months")):
        # "14년 그리고 3개월 동안" (translated): the months said apart from the years, joined by a word
        apart = re.match(r"\s*(?:그리고|및|하고)\s*(\d{1,2})\s*개월", reading.text[span.end :])
        part = span.value.get("months") or (apart and int(apart[1]))
        value = (span.value.get("years") or 0) + (1 if part else 0)  # "근속 8개월": 1년
        if part and apart:
            reading.assume(f"{span.text} {apart[1]}개월은 1년 미만을 1년으로 보아 근속연수 {value}년 (제48조①)")
        elif span.value.get("months"):
            reading.assume(f"{span.text}은 1년 미만을 1년으로 보아 근속연수 {value}년 (제48조①)")
        reading.fact("years", value, span.text)
        read_rest(text, reading, found, value)
        return
    if years is None:
        reading.lack("근속연수 (몇 년 근무했는지)")
        return
    value = float(years.group(1)) if "." in years.group(1) else int(years.group(1))
    # "3년 6개월", "3년 반": a part year is a year
    # "14년 그리고 3개월 동안" (translated): the months joined by a word
    months = re.match(r"\s*(?:(?:그리고|및|하고)\s*)?(?:(\d{1,2})\s*개월|반(?![가-힣]))", text[years.end(1) + 1 :])
    if months and (months.group(1) is None or int(months.group(1))) and isinstance(value, int):
        value += 1
        part = f"{months.group(1)}개월" if months.group(1) else "반"
        reading.assume(f"{years.group(1)}년 {part}은 1년 미만을 1년으로 보아 근속연수 {value}년 (제48조①)")
    reading.fact("years", value, years.group(0))
    read_rest(text, reading, found, value)


MONTH = r"(\d{4})\s*(?:년|[.-])\s*(\d{1,2})(?:\s*월)?"  # "입사 2012년 3월", "2016.7 입사"


# "예전 회사에서는 7년 일하고", "이전 직장 10년": a job before the one that pays this 퇴직금 ("전 회사" alone may be
# "저는 회사", so it is not enough)
EARLIER_JOB = r"예전|이전|옛날?|전\s*직장|전에\s*다니|첫\s*(?:회사|직장)|다른\s*(?:회사|직장)"


def other_job(text: str, at: int) -> bool:
    """Whether the years said at `at` are, by the words before them in their sentence, an earlier job's."""
    head = re.split(r"[.?!\n]", text[max(0, at - 30) : at])[-1]
    return bool(re.search(EARLIER_JOB, head))


def month_this_year(text: str, reading) -> list | None:
    """ "5월 31일자로 퇴사", "지난달 말일(5월 31일)자로 퇴사": a leaving month said without its year is the latest
    such month up to the day the question is asked."""
    m = re.search(
        r"(?<![\d.년])(\d{1,2})\s*월(?:\s*\d{1,2}\s*일)?\s*\)?\s*(?:말일|말|초)?\s*(?:에|로|부로|자로|자|부)?\s*"
        rf"{GAP}(?:퇴사|퇴직|그만(?:두|뒀)|나(?:왔|와서))",
        text,
    )
    if m is None or reading.as_of is None or not 1 <= int(m[1]) <= 12:
        return None
    day = date.fromisoformat(reading.as_of)
    year = day.year if int(m[1]) <= day.month else day.year - 1
    return [None, str(year), m[1]]


# "2003년 1월 2일에 지금 회사에 입사", "2013. 3. 4. (주)B에 입사", "4월 30일자로 명예퇴직": a few words between the
# date and its label, none of them a number or another label
GAP = r"(?:(?!입사|퇴사|퇴직|그만|들어|나왔|나와|취직)[^.?!\d\n]){0,12}?"
DAY = r"(?:\s*\d{1,2}\s*일(?:자로|자|부로|부)?|[.-]\s*\d{1,2}\.?)?"  # "2025년 12월 31일자로 퇴사", "2011.3.2 입사"


def month_said(text: str, label: str, pick) -> list | None:
    """The month said beside `label` (before or after it); of several, `pick` (min for 입사, max for 퇴사): in
    "입사 2010년 1월 퇴사 2026년 5월" or "2012년 3월 입사해서 2026년 2월 퇴사" a month sits between two labels."""
    found = [
        m
        for p in (
            rf"(?:{label})\S{{0,3}}\s*{MONTH}",
            rf"{MONTH}{DAY}\s*(?:말|초|중순|말일)?\s*(?:에|로|부로|자로)?\s*{GAP}(?:{label})",  # "2026년 2월 말 퇴직"
            rf"(?:{label})[^.?!\d\n]{{0,10}}\?\s*[^\s:]{{1,8}}\s*:\s*{MONTH}",  # "입사는? 증인: 2008년 1월입니다"
        )
        for m in re.finditer(p, text)
    ]
    return pick(([None, m[1], m[2]] for m in found), key=lambda d: (int(d[1]), int(d[2])), default=None)


# "2018년 3월 말에 퇴직금 중간정산을 받았어요": a settlement with its month; "중간정산 받은 적 없어요" has none
SETTLED = re.compile(
    rf"{MONTH}{DAY}\s*(말일?)?\s*(?:에|로|자로)?[^.?!\n\d]{{0,12}}중간\s*정산(?![^.?!\n]{{0,12}}(?:없|안\s|않|못))"
)


def restart_month(text: str) -> list | None:
    """The month the service years start anew after a 퇴직금 중간정산 (they count from the day after it): the
    month said as the new start ("2018년 4월 1일부터 근속기간을 새로 센대요"), else the month after a settlement
    said at a month's end ("2018년 3월 말에 중간정산"), else the settlement's own month."""
    said = re.search(
        rf"{MONTH}{DAY}\s*(?:부터|이후)[^.?!\n]{{0,20}}(?:근속|근무|재직)[^.?!\n]{{0,12}}(?:새로|다시|처음부터)", text
    )
    if said:
        return [None, said[1], said[2]]
    if (settled := SETTLED.search(text)) is None:
        return None
    year, month = int(settled[1]), int(settled[2])
    if settled[3]:  # at the month's end: the next day is the next month's first
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [None, str(year), str(month)]


def read_rest(text: str, reading, found, value) -> None:
    paid = amount_near(text, r"원천징수|기납부|이미|떼")
    if paid is not None and paid.start != found.start:
        reading.fact("withheld", paid.value, paid.text)
    reading.say(f"퇴직소득 {format_won(found.value)}, 근속연수 {value}년")
    reading.assume("퇴직금 전액이 과세 퇴직소득이고 세금을 떼기 전 금액이라고 가정")


def conclusion(result: TaxResult) -> str:
    return (
        f"퇴직소득 과세표준은 {format_won(result.tax_base)}, 산출세액은 {format_won(result.computed_tax)}이고 "
        f"납부할 세액은 {format_won(result.payable)}입니다 (지방소득세 {format_won(result.local_tax)} 별도)."
    )


def figure_values(result: TaxResult) -> dict[str, int]:
    return {"pay": result.inputs["pay"], "tax_base": result.tax_base, "computed_tax": result.computed_tax,
            "determined_tax": result.determined_tax, "payable": result.payable, **result.extra}  # fmt: skip


KIND = TaxKind(
    name="retirement",
    title="퇴직소득세 계산",
    subject="퇴직소득세",
    label="퇴직소득세",
    help="퇴직소득세: 근속연수공제, 환산급여, 환산급여공제, 기본세율, ÷12 × 근속연수",
    calculator=retirement_tax,
    fields=FIELDS,
    add_arguments=add_arguments,
    figures=FIGURES,
    main_figure="computed_tax",
    values=figure_values,
    reader=read,
    recognise=recognise,
    order=16,
    weight=10,
    sampler=sample,
    question=question,
    template_asks=("computed_tax", "computed_tax", "payable"),
    words=("퇴직소득세",),
    amount="pay",
    needs={"퇴직금": "퇴직금(퇴직소득금액)은 얼마인가요?", "근속연수": "몇 년 근무하셨나요?"},
    missing_questions=(
        "{n}년 근무하고 퇴직하면 퇴직소득세는 얼마인가요?",
        "근속 {n}년에 퇴사합니다. 퇴직금에 세금이 얼마나 붙나요?",
        "회사를 {n}년 다니고 그만두면 퇴직소득세는?",
    ),
    articles=("소득세법 제48조", "소득세법 제55조"),
    distractor="inheritance",
    fact_labels={"pay": "퇴직금", "years": "근속연수", "withheld": "원천징수세액"},
    counts=("years",),
    extra={"conclusion": conclusion},
)
