"""Reading an income question (taxqa.tax.income): whether it is about 종합소득세 or only the 근로소득공제 of a
wage, and the 과세표준 or 총급여 it gives."""

from __future__ import annotations

import re

from taxqa.amounts import AmountMention, format_won, iter_amounts
from taxqa.tax.asked_pay import asked_pay, others_blanked
from taxqa.tax.rates import parse_as_of
from taxqa.tax.words import amount_near, josa, window_before

ASKS_WAGE_ONLY = r"근로소득\s*(?:공제|금액)(?:\s*금액)?\S{0,3}\s*(?:이|은|는|가|만)?\s*(?:얼마|계산|알려)"


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
        and not re.search(PARENT_GIVES, text)  # "아빠가 2억 보태주심 … 과표 5천 → 세금 500 맞음?": a gift checked
    )


PARENT_GIVES = r"(?:아빠|엄마|아버지|어머니|부모님|할머니|할아버지)(?:가|께서|이)\s*(?:\S+\s*){0,2}?(?:보태|주셨|주심|주신|보내\s*주)"


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


# "과표 8,800 넘으면 35%라던데": a bracket's bound said with its rate, a rule, not the case's base
BRACKET_AFTER = r"\s*(?:원|만\s*원)?\s*(?:을|를|이|가)?\s*(?:넘으면|넘는|넘어가면|초과|이상|이하|미만|까지)[^.?!\n]{0,16}?(?:\d\s*%|세율|구간)"


def without_brackets(text: str) -> str:
    """The text with a bracket's bound blanked (positions kept), when another amount is left to read."""
    bounds = [a for a in iter_amounts(text) if re.match(BRACKET_AFTER, text[a.end :])]
    if not bounds or len(bounds) == sum(1 for _ in iter_amounts(text)):
        return text
    for a in bounds:
        text = text[: a.start] + " " * (a.end - a.start) + text[a.end :]
    return text


def read_income(text: str, reading) -> None:
    text = without_brackets(text)
    if worked_base(text, reading) or income_less_deductions(text, reading):
        return
    found = amount_near(text, r"과세표준|과표") or amount_near(text, r"소득\s*금액") or next(iter_amounts(text))
    found = base_of_asked_year(text, reading, found)
    reading.fact("base", found.value, found.text)
    reading.say(f"종합소득 과세표준 {format_won(found.value)}")
    reading.assume("주어진 금액을 종합소득 과세표준으로 보고 세액공제·감면은 반영하지 않음")
    if not re.search(r"과세표준|과표", text):
        reading.unclear(
            "과세표준이라는 말이 없어 금액을 종합소득 과세표준으로 봄 (소득공제 전 금액이면 세액이 더 적음)"
        )


def base_of_asked_year(text: str, reading, found: AmountMention) -> AmountMention:
    """ "2024년 과세표준은 3,900이었는데 작년(2025년) 과세표준은 4,350 … 작년 거 산출세액은?": of 과세표준 said for
    several years, the one of the year the question asks about (its last sentence's year)."""
    year_now = parse_as_of(reading.as_of).year

    def year_of(words: str) -> int | None:
        said = re.findall(r"(?<!\d)((?:19|20)\d{2})\s*년|(재작년|작년|전년|올해|금년)", words)
        if not said:
            return None
        digits, word = said[-1]
        return int(digits) if digits else year_now - {"재작년": 2, "작년": 1, "전년": 1}.get(word, 0)

    bases = [
        a
        for a in iter_amounts(others_blanked(text))  # "제 친구는 과표 3,100이라던데": the friend's, not a year's
        if re.search(r"(?:과세표준|과표)\S{0,3}\s*$", window_before(text, a.start, 12))
    ]
    if len(bases) < 2 or len({a.value for a in bases}) < 2:
        return found
    last = re.split(r"[.?!\n]\s*(?=\S)", text.strip())[-1]
    asked = year_of(last)
    years = [year_of(window_before(text, a.start, 30).split(".")[-1]) for a in bases]
    picked = [a for a, y in zip(bases, years) if asked is not None and y == asked]
    if len(picked) != 1:
        reading.unclear("과세표준이 여럿이라 어느 해의 것을 계산할지 확인이 필요: 첫 금액으로 계산")
        return found
    others = ", ".join(format_won(a.value) for a in bases if a is not picked[0])
    reading.assume(f"질문이 묻는 {asked}년의 과세표준 {picked[0].text}으로 계산 (다른 해의 {others}은 넣지 않음)")
    return picked[0]


def read_wage(text: str, reading) -> None:
    monthly = amount_near(text, r"월급|월\s*급여|매달|한\s*달에?|월")
    # "연봉 계약 6,300만원 … 과세되는 총급여는 6,060만원": the 총급여 said wins, as in the 연말정산 reader
    total = amount_near(text, r"총급여")
    notes: list[str] = []
    asked = asked_pay(text, notes)  # "제 총급여 6,200만, 아내 총급여 3,900만 … 아내 것만": the asked person's pay
    found = asked or total or amount_near(text, r"총급여|연봉|급여|연\s*소득") or monthly or next(iter_amounts(text))
    for note in notes:
        reading.assume(note)
    salary = found.value
    bonus = None
    if (
        monthly is not None
        and found.start == monthly.start
        and not re.search(r"1년\s*(?:치|총|합계|에\s*\d)|연간", text)
        # "올해 총급여로 치면 근로소득공제 얼마": 총급여 named only as what is asked, with no amount of its own
        and not (re.search(r"연봉|총급여", text) and not bonus_times(text))
    ):
        salary = found.value * 12
        bonus = bonus_times(text)
        if bonus:  # "월급 280에 설·추석 상여 130씩 두 번": the bonuses paid beside the 12 months
            salary += bonus[0].value * bonus[1]
            reading.assume(f"월급 12개월분에 상여 {bonus[0].text} × {bonus[1]}번을 더해 총급여액으로 봄")
        else:
            reading.assume("월급을 12개월분으로 곱해 총급여액으로 봄 (상여금 없음)")
    if net := net_of_exempt(text):  # "비과세 식대 빼면 총급여가 1억 1,760만": the pay after the cut is said
        found = net
        salary = net.value
        reading.assume(f"비과세소득을 뺀 금액으로 말한 {josa(net.text, '을를')} 총급여액으로 봄 (다시 빼지 않음)")
    cut, words = (None if net else exempt_cut(text, found)), found.text
    if bonus and not net and monthly is not None and found.start == monthly.start:
        words = f"{found.text} × 12 + {bonus[0].text} × {bonus[1]}"
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


COUNT_WORDS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6}


def bonus_times(text: str) -> tuple[AmountMention, int] | None:
    """A bonus said with how often it is paid: "상여 130씩 두 번", "보너스 200만원씩 연 2회"."""
    for a in iter_amounts(text):
        if not re.search(r"(?:상여금?|보너스|성과급)\S{0,2}\s*$", window_before(text, a.start, 10)):
            continue
        times = re.match(
            r"\s*(?:원)?\s*씩\s*(?:1년에\s*|연\s*)?(\d{1,2}|한|두|세|네|다섯|여섯)\s*(?:번|회)", text[a.end :]
        )
        if times:
            return a, int(times[1]) if times[1].isdigit() else COUNT_WORDS[times[1]]
    return None


def net_of_exempt(text: str):
    """The pay said as what is left once the 비과세 is taken out ("식대 비과세 200 빼면 3600이래요", "비과세 식대
    빼면 총급여가 1억 1,760만"): that amount is the 총급여 itself, the larger one before it only how it came about."""
    cut = re.search(
        r"(?:비과세|식대)[^.?!\n]{0,24}?(?:빼면|빼고\s*나면|뺀\s*(?:게|금액|거)|제외하면)\s*(?:총급여(?:액)?\s*(?:이|가|은|는)?\s*)?",
        text,
    )
    if not cut:
        return None
    after = text[cut.end() :]
    if bare := re.match(r"(\d{3,5})(?=\s*(?:이래요|래요|이에요|예요|이고|이요|임|인데|이라|입니다))", after):
        # "… 빼면 3600이래요": a bare count of 만원, the same pay said with its unit elsewhere ("총급여 3600만원")
        return next((b for b in iter_amounts(text) if b.value == int(bare[1]) * 10_000), None)
    a = next(iter_amounts(after), None)
    if (
        a is None
        or a.start > 2
        or not re.match(
            r"\s*(?:원)?\s*(?:이|가)?(?:에요|예요|이래요|래요|이고|이에요|입니다|이요|임|인데|이라|라고|이라고)",
            text[cut.end() + a.end :],
        )
    ):
        return None
    return next(b for b in iter_amounts(text) if b.start == cut.end() + a.start)


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
