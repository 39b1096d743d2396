"""법인세 산출세액 (법인세법 제55조) and 법인지방소득세 (지방세법 제103조의20), by the 사업연도's table.

The table is chosen by `as_of` = the first day of the 사업연도 (the 2026 table applies to
사업연도 beginning on or after 2026-01-01). `small` = a 내국법인 of 법인세법 제60조의2①1호 (소규모
성실신고확인 법인, e.g. mainly 부동산임대업), taxed by the second table of 제55조① (from 2025).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from taxqa.amounts import format_won, iter_amounts
from taxqa.errors import UserError
from taxqa.tax.gift import won
from taxqa.tax.kind import TaxKind
from taxqa.tax.rates import EOK, MAN, describe_bracket, parse_as_of, progressive, select
from taxqa.tax.result import Step, TaxResult
from taxqa.tax.words import amount_near

LAW = "법인세법"


def corporate_tax(
    base: int | str,
    *,
    small: bool = False,
    months: int = 12,
    prepaid: int | str | None = None,
    as_of: date | str | None = None,
) -> TaxResult:
    """과세표준 -> 산출세액 (제55조①, 사업연도 1년 미만이면 ②의 환산), 법인지방소득세, 기납부세액."""
    day = parse_as_of(as_of)
    table = select("corporate_tax_rates", day)
    local_table = select("local_corporate_tax_rates", day)
    base_v = won(base, "base")
    small_asked = small
    prepaid_v = None if prepaid is None else won(prepaid, "prepaid")
    try:
        months = int(months)
    except (TypeError, ValueError) as exc:
        raise UserError(f"months: expected the months of the 사업연도 (1-12), got {months!r}") from exc
    if not 1 <= months <= 12:
        raise UserError(f"months: expected the months of the 사업연도 (1-12), got {months}")
    notes = []
    if small and table["small"] is None:  # 제55조①2호 applies to 사업연도 from 2025-01-01
        notes.append(f"{day.isoformat()}에 개시한 사업연도에는 제55조①2호(소규모 법인) 세율이 없어 일반 세율 적용")
        small = False
    brackets = table["small"] if small else table["brackets"]
    local_brackets = local_table["small"] if small else local_table["brackets"]
    which = "제55조①2호 (제60조의2①1호 소규모 법인)" if small else "제55조①1호"
    assumptions = [f"사업연도 개시일 {day.isoformat()} 기준 세율표 적용; 토지등 양도소득 법인세 없음"]
    if not small_asked:
        assumptions.append("법인세법 제60조의2①1호 소규모 성실신고확인 법인(부동산임대업 위주 등)이 아닌 법인으로 가정")
    steps = [Step("각 사업연도 소득에 대한 과세표준", base_v, f"{LAW} 제13조")]
    if months == 12:
        computed, row = progressive(base_v, brackets)
        local_tax, _ = progressive(base_v, local_brackets)
        steps.append(Step(f"법인세 산출세액 ({which})", computed, f"{LAW} 제55조", describe_bracket(row)))
    else:
        yearly = base_v * 12 // months
        steps.append(Step(f"연 환산 과세표준 (과세표준 ÷ {months} × 12)", yearly, f"{LAW} 제55조"))
        year_tax, row = progressive(yearly, brackets)
        steps.append(Step("연 환산 과세표준의 세액", year_tax, f"{LAW} 제55조", describe_bracket(row)))
        computed = year_tax * months // 12
        steps.append(Step(f"법인세 산출세액 (× {months}/12)", computed, f"{LAW} 제55조"))
        local_year, _ = progressive(yearly, local_brackets)
        local_tax = local_year * months // 12
    steps.append(Step("법인지방소득세 (표준세율)", local_tax, "지방세법 제103조의20"))
    assumptions.append("세액공제·감면, 최저한세, 가산세는 반영하지 않음")
    payable = computed
    if prepaid_v is not None:
        steps.append(Step("기납부세액 (중간예납·원천징수 등)", prepaid_v, f"{LAW} 제64조"))
        payable = computed - prepaid_v
        label = "환급받을 세액" if payable < 0 else "차감 납부할 세액"
        steps.append(Step(label, abs(payable), f"{LAW} 제64조"))
    else:
        assumptions.append("중간예납 등 기납부세액이 없다고 가정")
    if small:
        low = brackets[0]
        notes.append(f"제55조①2호: 과세표준 {format_won(low[1])} 이하 전체에 {low[3][0]}% (2억원 이하 저율 구간 없음)")
    inputs = {"base": base_v, "small": small_asked, "months": months, "prepaid": prepaid_v}
    return TaxResult(
        "corporate", day.isoformat(), base_v, computed, payable, steps, [], {"local_tax": local_tax}, notes, inputs,
        assumptions=assumptions,
    )  # fmt: skip


# --- what the registry, the CLI and datagen need -------------------------------------------------

FIELDS = ("base", "small", "months", "prepaid")
FIGURES = {"tax_base": "과세표준", "computed_tax": "산출세액", "determined_tax": "결정세액", "payable": "납부할 세액",
           "local_tax": "법인지방소득세"}  # fmt: skip


def add_arguments(p) -> None:
    p.add_argument("--base", required=True, help="각 사업연도 소득에 대한 과세표준")
    p.add_argument("--small", action="store_true", help="법인세법 제60조의2①1호 법인 (제55조①2호 table, 2025~)")
    p.add_argument("--months", type=int, default=12, help="months of the 사업연도 when shorter than a year")
    p.add_argument("--prepaid", default=None, help="중간예납·원천징수 등 기납부세액")


def sample(rng):
    base = rng.choice([rng.randrange(1, 100) * 1_000 * MAN, rng.randrange(1, 300) * 10 * EOK])
    return {"base": base}, {"template": rng.randrange(3)}


def question(a: dict, say: dict) -> str:
    base = format_won(a["base"])
    return [
        f"법인의 각 사업연도 소득에 대한 과세표준이 {base}이면 법인세는 얼마인가요?",
        f"과세표준 {base}인 중소법인의 법인세 산출세액과 법인지방소득세를 계산해 주세요.",
        f"우리 회사 올해 법인세 과세표준이 {base}입니다. 산출세액이 얼마나 되나요?",
    ][say["template"]]


# --- reading a question ---------------------------------------------------------------------


def recognise(text: str) -> bool:
    if re.search(r"법인세|법인\s*(?:의\s*)?(?:과세표준|소득|이익)|법인지방소득세|(?:내국|영리)법인", text):
        return True  # and "갑 법인의 사업연도(1.1.~12.31.) 과세표준은": the company's own base
    return bool(
        # "갑 법인의 … 과세표준", "레스토랑 법인 대표입니다. 과세표준 5억": a company's base, no other tax said
        # "과세표준 180억 원인 법인의 산출세액": the base said before the company ("과표 2.3억 제조 중소법인": its trade)
        re.search(
            r"법인(?!세)\S{0,2}\s[^?!\n]{0,50}?(?:과세표준|과표)|(?:과세표준|과표)[^?!\n]{0,20}?(?:인|한|\d\s*[억만천원])\s*(?:[가-힣]{1,4}\s+)?(?:중소|영리|비상장)?법인(?!세)"
            r"|(?:당사|회사|㈜|\(주\)|주식회사)[^?!\n]{0,16}제\s*\d{1,3}\s*기[^?!\n]{0,30}?(?:과세표준|과표)",  # "당사 제6기 … 과세표준"
            text,
        )
        and not re.search(r"종합소득|종소|근로|연봉|월급|급여|양도|증여|상속|부가|퇴직", text)
    )


# "작년보다 딱 1억 늘 것 같아요", "전년 대비 5천 줄었어요": a change said against last year's figure
YEAR_ON_YEAR = re.compile(
    r"(?:작년|전년|지난\s*해|\d{4}\s*년)\S{0,2}\s*(?:보다|대비|에\s*비해)\s*(?:딱|약|한|대략|정확히)?\s*(?P<n>\d[\d,.\s억천백만]*?[억천백만원])"
    r"\s*(?:정도|쯤|가량)?\s*(?:이|가)?\s*(?:(?P<up>늘|증가|많|더)|(?P<down>줄|감소|적|덜))"
)


def year_on_year(text: str, found):
    """(change, words) when the base is said as last year's figure and this year's as a change from it."""
    m = YEAR_ON_YEAR.search(text, found.end)
    if m is None or not re.search(r"작년|전년|지난\s*해|\d{4}\s*년", window_of(text, found.start)):
        return None
    amount = next((a for a in iter_amounts(text) if a.start == m.start("n")), None)
    if amount is None:
        return None
    return (amount.value if m["up"] else -amount.value), m.group(0)


def read(text: str, reading) -> None:
    found = amount_near(text, r"과세표준|과표|소득|이익|벌") or next(iter_amounts(text))
    base, change = found.value, year_on_year(text, found)
    if (
        change is not None
    ):  # "작년 과세표준이 3억 5천 … 올해는 작년보다 딱 1억 늘 것 같아요": this year's by last year's
        base += change[0]
        reading.assume(f"올해 과세표준을 작년 {found.text}에 '{change[1]}'을 반영한 {format_won(base)}으로 봄")
    reading.fact("base", base, found.text)
    said = [f"과세표준 {format_won(base)}"]
    if not re.search(r"과세표준|과표", window_of(text, found.start)):
        reading.assume("주어진 금액을 각 사업연도 소득에 대한 과세표준으로 봄 (세무조정·이월결손금 반영 후)")
    small = re.search(
        r"성실신고확인|부동산\s*임대업?\S{0,2}\s*(?:을\s*)?(?:주로|주된|위주|주업)|소규모\s*(?:임대\s*)?법인", text
    )
    # "부동산임대업 주업 법인 같은 소규모 특례 대상은 아니고요": said not to be one
    if small and not re.match(
        r"[^.?!\n]{0,30}?(?:아니|아님|아닙|아닌|해당\s*(?:없|안|사항\s*없)|않)", text[small.end() :]
    ):
        reading.fact("small", True, "부동산임대업 위주 소규모 법인")
        said.append("제60조의2①1호 소규모 법인")
    prepaid = amount_near(text, r"중간예납|기납부|원천징수|미리\s*낸")
    if prepaid is not None and prepaid.start != found.start:
        reading.fact("prepaid", prepaid.value, prepaid.text)
        said.append(f"기납부세액 {format_won(prepaid.value)}")
    short = re.search(
        r"사업\s*연도[^\d\s]{0,3}\s*(\d{1,2})\s*개월|(\d{1,2})\s*개월\S{0,3}\s*(?:짜리\s*)?사업\s*연도|"
        # "첫 사업연도가 12월 31일까지 7개월", "첫 사업연도는 12월 31일까지(9개월)"
        r"첫\s*사업\s*연도[^.?!\d]{0,4}\s*(?:\d{1,2}\s*월\s*\d{1,2}\s*일\s*까지\s*\(?\s*)?(\d{1,2})\s*개월",
        text,
    )
    said_months = int(next(g for g in short.groups() if g)) if short else founded_months(text, reading.as_of)
    if 1 <= said_months < 12:  # 제55조: a short 사업연도 is annualised
        reading.fact("months", said_months, short.group(0) if short else "설립일부터 첫 사업연도 끝까지")
        said.append(f"사업연도 {reading.inputs['months']}개월")
        if not short:
            reading.assume(f"설립한 달부터 첫 사업연도가 끝난 달까지 {said_months}개월로 봄 (법인세법 제55조 환산)")
    span = re.search(rf"{DAY}\s*[~∼\-]\s*{DAY}", text) or year_left_out(text)  # "제7기(2025.7.1~2025.12.31)"
    if span and "months" not in reading.inputs:
        months = span_months(*(int(x) for x in span.groups()))
        if 1 <= months < 12:
            reading.fact("months", months, span.group(0))
            said.append(f"사업연도 {months}개월")
    founded = re.search(  # "2026년 3월 설립", "올해 7월 1일에 법인 세웠고"
        r"(\d{4}\s*년|올해|금년)\s*(\d{1,2})\s*월\s*(?:\d{1,2}\s*일\s*)?(?:에\s*)?(?:법인\s*(?:을|를)?\s*)?(?:설립|개업|창업|세웠|세운|세워|차렸|차린|차려)",
        text,
    )
    if (
        founded
        and re.sub(r"\D", "", founded.group(1)) in ("", (reading.as_of or "")[:4])
        and "months" not in reading.inputs
        and not re.search(r"(?<!12)(?<!12\s)월\s*(?:말\s*)?결산", text)
    ):
        months = 12 - int(founded.group(2)) + 1  # founded this year, the 사업연도 ends in December: part month a month
        if 1 <= months < 12:
            reading.fact("months", months, founded.group(0))
            reading.assume(f"'{founded.group(0)}', 12월 결산: 첫 사업연도 {months}개월로 연 환산 (제55조)")
            said.append(f"사업연도 {months}개월")
    if span and not re.search(r"(\d{4})\s*(?:년|사업연도)", text):  # the rates of the year it began in
        began = "{}-{:02d}-{:02d}".format(*(int(x) for x in span.groups()[:3]))
        if span_months(*(int(x) for x in span.groups())) and (reading.as_of is None or began < reading.as_of):
            reading.as_of = began
            said.append(f"{span.group(1)} 사업연도")
    if m := re.search(r"(\d{4})\s*(?:년|사업연도)", text):
        said_year = re.search(r"(\d{4})\s*(?:년\s*)?(?:도\s*)?(?:사업\s*연도|귀속)", text)  # "2025 사업연도": its rates
        if said_year and reading.as_of and said_year.group(1) < reading.as_of[:4] and not span:
            reading.as_of = f"{said_year.group(1)}-01-01"
        reading.as_of = reading.as_of or f"{m.group(1)}-01-01"
        said.append(f"{m.group(1)} 사업연도")
    reading.say(", ".join(said))


DAY = r"(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*(?:일|\.)?"


class YearLeftOut:
    """ "2025.1.1~12.31": a 사업연도's last day written without its year, which is the first day's year, or
    the next when its month comes before the first day's (2025.7.1~6.30); shaped as a DAY~DAY match."""

    def __init__(self, m: re.Match):
        y, m1, d1, m2, d2 = (int(x) for x in m.groups())
        self.parts = (str(y), str(m1), str(d1), str(y if (m2, d2) >= (m1, d1) else y + 1), str(m2), str(d2))
        self.text = m.group(0)

    def groups(self) -> tuple:
        return self.parts

    def group(self, i: int = 0) -> str:
        return self.text if i == 0 else self.parts[i - 1]


def year_left_out(text: str) -> YearLeftOut | None:
    m = re.search(rf"{DAY}\s*[~∼\-]\s*(\d{{1,2}})\s*[.\-/월]\s*(\d{{1,2}})(?!\d|\s*[.\-/]\s*\d)", text)
    return YearLeftOut(m) if m else None


def span_months(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int) -> int:
    """The months of a 사업연도 from its first to its last day, a part month counting as a month (제55조)."""
    try:
        end = date(y2, m2, d2) + timedelta(days=1)
        date(y1, m1, d1)
    except ValueError:
        return 0
    return (end.year - y1) * 12 + end.month - m1 + (end.day > d1)


def window_of(text: str, start: int) -> str:
    return text[max(0, start - 15) : start]


def conclusion(result: TaxResult) -> str:
    return (
        f"과세표준 {format_won(result.tax_base)}의 법인세 산출세액은 {format_won(result.computed_tax)}이고, "
        f"법인지방소득세는 {format_won(result.local_tax)}입니다 (세액공제·감면 전)."
    )


KIND = TaxKind(
    name="corporate",
    title="법인세 산출세액 계산",
    subject="법인세",
    label="법인세",
    help="법인세 산출세액 (법인세법 제55조, dated tables; --small for 제55조①2호) and 법인지방소득세",
    calculator=corporate_tax,
    fields=FIELDS,
    add_arguments=add_arguments,
    figures=FIGURES,
    main_figure="computed_tax",
    reader=read,
    recognise=recognise,
    order=14,
    weight=10,
    sampler=sample,
    question=question,
    template_asks=("computed_tax", "computed_tax", "computed_tax"),
    words=("법인세",),
    stems=("법인세",),
    amount="base",
    needs={"각 사업연도 소득에 대한 과세표준": "이번 사업연도 법인세 과세표준은 얼마인가요?"},
    missing_questions=(
        "직원 {n}명인 법인의 법인세는 얼마인가요?",
        "설립 {n}년 차 법인입니다. 올해 법인세 산출세액은?",
        "중소법인 {n}년 차인데 법인세를 얼마나 내야 하나요?",
    ),
    articles=("법인세법 제55조",),
    distractor="income",
    fact_labels={
        "base": "과세표준",
        "small": "제60조의2 법인",
        "months": "사업연도 개월 수",
        "prepaid": "기납부세액",
    },  # fmt: skip
    counts=("months",),
    extra={"conclusion": conclusion},
)


def founded_months(text: str, as_of: str | None) -> int:
    """ "작년 10월 1일에 법인 세운 … 첫 사업연도가 올 3월 말에 끝났어요": the months of a first 사업연도 from the month
    founded to the month it ended (both counted); 0 when either is not said."""
    founded = re.search(r"(\d{4})\s*년\s*(\d{1,2})\s*월[^.?!]{0,12}?(?:설립|세운|세웠|창업|개업|차린|차렸)", text)
    ended = re.search(
        r"첫\s*사업\s*연도[^.?!]{0,20}?(?:(\d{4})\s*년\s*|(올해?|금년|내년)\s*)?(\d{1,2})\s*월\s*(?:말|\d{1,2}\s*일)?\S{0,2}\s*"
        r"(?:에\s*)?(?:끝|종료|마감)",
        text,
    )
    if not (founded and ended):
        return 0
    year_f, month_f, month_e = int(founded[1]), int(founded[2]), int(ended[3])
    now = int((as_of or "0000")[:4])
    year_e = (
        int(ended[1])
        if ended[1]
        else now + 1
        if ended[2] == "내년"
        else now
        if ended[2]
        else year_f + (month_e < month_f)
    )
    return (year_e * 12 + month_e) - (year_f * 12 + month_f) + 1
