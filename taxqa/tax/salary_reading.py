"""Reading a 연말정산 question (taxqa.tax.salary): the 총급여 (a yearly pay, a monthly pay times the months, a bonus
added), the dependents and own age, and the 기납부세액, pension and insurance amounts said beside it."""

from __future__ import annotations

import re

from taxqa.amounts import AmountMention, format_won, iter_amounts
from taxqa.tax.asked_pay import asked_pay, others_blanked
from taxqa.tax.dependents import OWN_PAY, WORKER_SPOUSE, own_pay, read_dependents
from taxqa.tax.income_reading import ASKS_WAGE_ONLY, asks_deduction_alone
from taxqa.tax.kind_nets import money_from_kin
from taxqa.tax.parent_view import read_own_age
from taxqa.tax.words import amount_near, josa, quoted, window_before
from taxqa.tax.worker_self import pay_changed_unsaid

# tax already taken from the wages: "원천징수", "이미 낸", "회사에서 미리 뗀 세금", "떼인 세금"
WITHHELD = r"원천징수|기납부|(?:이미|미리)\s*(?:낸|냈|납부|소득세|세금)|떼|뗀|뗐|징수된|withh?eld|withholding|(?<=명세서)[^.?!]{0,16}?1\s*년\s*치\s*소득세"
# the words of what was paid or taken from pay (tax, pension, insurance, deductions), not of the pay itself
PAID_WORDS = r"원천징수|기납부|이미|소득세|세금|연금|보험료|공제"
ASKS_TAX = r"세금|소득세|결정세액|연말정산|환급|추가\s*납부|내야|내나|낼|떼|얼마나?\s*나오|원천징수|13\s*월의?\s*월급|돌려\s*받"


def recognise(text: str) -> bool:
    """A worker's tax (not only the 근로소득공제 or 근로소득금액 that `wage` answers)."""
    if not re.search(
        r"연봉|총급여|급여|월급|기본급|직장인|근로자|회사원|연말정산|근로소득(?!공제|금액)|알바|아르바이트|"
        r"(?<!소득)(?<!소득\s)원천\s*징수\s*영수증|주\s*\(\s*현\s*\)\s*근무지|"  # a bare slip is a worker's (사업소득 … are not)
        r"(?<![가-힣])월\s*세전|세전\s*월|임금|노임|(?:공장|회사|직장)\S{0,3}\s*일[^?!]{0,30}?받는\s*(?:것|돈)|"  # "1년 돈 받는 것 3,800만원"
        r"(?:(?<![가-힣\d])월|매달|매월|달마다)\s*\d[^.?!]{0,30}받[^?!\n]{0,40}부양(?:\s*가족|해|하|\s*중)|명절\s*(?:상여|보너스)|(?<![가-힣\d])월\s*\d[^.?!]{0,12}받다가|(?:아빠|아버지|엄마|어머니)\S{0,2}\s*[^.?!\d]{0,12}?(?<![가-힣\d])월\s*\d{2,4}\s*(?:만\s*원?)?\s*(?:받|벌|버)|상여금|(?:정기|특별)\s*상여|상여\s*\d|"
        r"(?:매달|매월|달마다)\s*\d[^.?!]{0,20}받[^?!\n]{0,60}(?:결정세액|연말정산)",  # "매달 250씩 받았어요. 결정세액은요?"  # "월 350씩 12달 받아요. 부양가족 없고요"
        text,
    ):
        return False
    if money_from_kin(text):
        return False  # "직장인인데 엄마가 8천5백을 보내주셨어요": a relative's money is a gift, not pay
    if re.search(r"종합소득|종소", text) and re.search(r"부업|사업소득|임대|프리랜서|유튜브|수익|수입|이자|배당", text):
        return False  # wages and other income: 종합소득세 on a 과세표준, not the 연말정산
    if re.search(r"과세표준|과표", text) and not re.search(r"연봉|총급여|급여|월급|연말정산", text):
        return False  # "직장인 A씨의 종합소득 과세표준이 5천만원": a tax base is given, not wages
    if re.search(r"근로소득공제|근로소득금액", text) and not re.search(
        r"결정세액|연말정산|환급|소득세|세금|내야|내나", text
    ):
        return False
    if asks_deduction_alone(text):
        return False  # "근로소득공제 금액만요, 세금 말고": `wage` answers it
    if re.search(ASKS_WAGE_ONLY, text) and not re.search(
        r"결정세액|환급|소득세|세금|내야|내나|추가\s*납부|돌려\s*받", text
    ):
        return False  # "연말정산 얘기가 나왔는데 … 근로소득공제 금액이 얼마예요?": the deduction is what is asked
    return bool(re.search(ASKS_TAX, text))


# a year's pay said as a sum of the months: "1년 월급 다 합하면", "연간 급여 합계", "12달 치 합쳐서"
YEAR_TOTAL = (
    r"(?:1\s*년|일\s*년|연간|한\s*해|12\s*(?:개월|달)|열두\s*달)[^.?!\n\d]{0,12}?"
    r"(?:합하|합치|합쳐|합계|통틀|다\s*더하)[^.?!\n\d]{0,8}$"
)
ANNUAL = r"연봉|총급여|연\s*소득|연간|1\s*년|일\s*년|한\s*해|(?<![가-힣])연\s*\d"


# pay said after tax and 4대보험: "실수령 월 300", "세금 떼고 통장에 350 들어와요" (총급여 is the pay before them)
NET_PAY = r"실수령|세후|세금\s*(?:다\s*)?(?:떼고|뗀|빼고|뺀|제하고|제한)|손에\s*(?:쥐|쥔)|통장에\s*(?:찍|들어|꽂)"
# the months worked in the year: "7월에 입사해서 12월까지", "3월부터 10월까지 일했어요"
WORKED_SPAN = r"(?<![\d~∼-])(\d{1,2})\s*월\s*(?:에|부터)?[^.?!\d]{0,16}?(?<![\d~∼-])(\d{1,2})\s*월\s*(?:말\s*)?까지"


# the month a job began this year: "6월에 입사했어요", "3월부터 다니기 시작"
JOINED = r"(?<![\d~∼-])(\d{1,2})\s*월\s*(?:에|부터|달에)?\s*(?:입사|취직|취업|들어갔|들어와|첫\s*출근|다니기|일하기|근무\s*시작)"


def months_worked(text: str) -> tuple[int, str] | None:
    """(months, words) of a span of months said with a start at work ("7월에 입사해서 12월까지"), or None."""
    span = re.search(WORKED_SPAN, text)
    if span and re.search(
        r"입사|취직|취업|들어가|일\s*(?:시작|했|하|한)|근무|다녔|받(?:았|고|은|음)|퇴사|퇴직|그만[두뒀]", text
    ):
        first, last = int(span[1]), int(span[2])
        if 1 <= first < last <= 12:
            return last - first + 1, span.group(0)
    return None


LAST_YEAR = r"(?:작년|전년|지난\s*해)\s*(?:에는|엔|에|은|는)?\s*$"
# "올해는 520"; "올해 1월부터 6,700" (read as "2026년 1월부터": the whole year at the new pay)
THIS_YEAR = (
    r"(?:(?:올해|금년|이번\s*해)\s*(?:에는|엔|에|은|는)?\s*|(?:올해|금년|\d{4}\s*년)\s*1\s*월\s*부터\S{0,2}\s*)$"
)


def this_years(text: str, hit):
    """Of a figure said for last year and then this year ("작년엔 400이었는데 올해는 520"), this year's."""
    if not re.search(LAST_YEAR, window_before(text, hit.start, 10)):
        return hit
    later = (a for a in iter_amounts(text) if 0 < a.start - hit.end < 30)
    return next((a for a in later if re.search(THIS_YEAR, window_before(text, a.start, 14))), hit)


PAY_PART = r"(?:기본급|수당)\s*(?:은|는|이|가|:)?\s*(?:월\s*)?$"  # the parts of a month's pay, each said with its name
MONTHLY_UNLIKELY = 20_000_000  # a month's pay this large is more often a year's total said beside 월급


def pay_raise(text: str, found) -> tuple[int, object, object] | None:
    """A monthly pay raised from a month on ("1~6월은 월 320, 7월부터는 월 380", "월 300 받다가 7월부터 350"):
    (the month, the pay before, the pay from then), the months before and after it paid at each."""
    amounts = list(iter_amounts(text))
    # "7월부터는 월 380", and "7월에 올라서 7~12월은 월 400만 원": the months of the new pay said as a span
    raised = r"(?<![\d~∼-])(\d{1,2})\s*월\s*(?:부터|에\s*(?:올라|인상)\S{0,3}\s*\d{1,2}\s*[~∼-]\s*12\s*월)"
    for said in re.finditer(raised + r"\S{0,2}\s*(?:(?:월급|급여)\S{0,2}\s*)?(?:월\s*)?", text):
        month = int(said[1])
        after = next((a for a in amounts if a.start == said.end()), None)
        before = [a for a in amounts if a.end <= said.start()]
        if 2 <= month <= 12 and after is not None and before and found in (before[-1], after):
            return month, before[-1], after
    return None


def read(text: str, reading) -> None:
    found = amount_near(text, r"연봉|총급여|급여|월급|근로소득|받", PAID_WORDS)
    total = amount_near(text, r"총급여") or pay_in_tens(text, reading)
    # "원천징수된 소득세는 300만 원", "떼어간 소득세를 1년치 합치니까 198만 원": no pay said, only what was taken
    pay_said = [a for a in iter_amounts(text) if not re.search(PAID_WORDS, window_before(text, a.start, 30))]
    if found is None and total is None and not pay_said:
        reading.lack("총급여 (연봉: 1년 동안 받은 세전 급여)")
        taken = [a for a in iter_amounts(text) if re.search(WITHHELD, window_before(text, a.start, 30))]
        if len(taken) == 1:  # the tax taken is still read, so it is not asked for again
            reading.fact("withheld", taken[0].value, taken[0].text)
        return
    own = (
        amount_near(text, OWN_PAY) if own_pay(text) else None
    )  # "아내분은 연봉 3천 … 본인 연봉 6,200": the worker's own pay wins over a spouse's
    own = own or mine_beside_spouse(text)  # "남편 연봉 8,100, 저는 5천4백 … 제 결정세액은"
    if found is not None and re.search(r"상여|보너스|성과급|인센", window_before(text, found.start, 8)):
        found = (
            amount_between(text, *EACH_MONTH, width=6) or found
        )  # "월 450씩 12달에 상여 600 받았어요": the pay is the monthly one
    notes: list[str] = []
    asked = asked_pay(text, notes)  # "큰형 7,200, 누나 3,100, 저 4,800 … 저만 계산": the asked person's pay
    found = asked or total or own or found or max(iter_amounts(text), key=lambda a: a.value)  # 총급여 said wins
    for note in notes:
        reading.assume(note)
    found = this_years(text, found)  # "연봉은 작년엔 5,800이었는데 올해 1월부터 6,700으로": this year's pay
    if re.search(r"시급|시간당", window_before(text, found.start, 8)):  # "시급 10,320원": a year's hours unknown
        reading.lack(f"총급여 (연봉): '{found.text}'은 시급이라 1년 동안 받은 급여를 알 수 없음")
        return
    said = [m.lastindex for m in re.finditer(f"({NET_PAY})|(세전|총급여)", window_before(text, found.start, 14))]
    if said and said[-1] == 1:  # the nearest word before the pay says it is after tax
        gross = amount_near(text, r"세전|총급여")
        if gross is None or gross.start == found.start:  # only the pay after tax is said: 총급여 cannot be had from it
            reading.lack(f"세전 급여(총급여): '{found.text}'은 세금·4대보험을 뗀 실수령액으로 보여 총급여로 쓸 수 없음")
            return
        found = gross  # "실수령 320인데 세전은 380": the pay before tax is the 총급여
    monthly = re.search(
        r"월급|월\s*급여|한\s*달|매달|매월|달마다|(?<![가-힣\d])월(?=\s|\d|$)", window_before(text, found.start, 12)
    )
    if monthly and re.search(YEAR_TOTAL, window_before(text, found.start, 30)):  # "1년 월급 다 합하면 3천2백"
        monthly = None
        reading.assume(f"'{found.text}'을 1년 동안 받은 급여의 합계(총급여)로 봄")
    value, days = found.value, days_paid(text, found)
    if days:  # "일당 15만원에 한 달 22일씩": a day's pay times the days of a month, a month's pay
        value, monthly = value * int(days[1]), days
        reading.assume(f"일당 {format_won(found.value)} × 한 달 {days[1]}일을 월급으로 봄")
    parts = [a for a in iter_amounts(text) if re.search(PAY_PART, window_before(text, a.start, 10))]
    if len(parts) >= 2 and found in parts and re.search(r"매달|매월|달마다|월\s*급여|한\s*달", text):
        value = sum(a.value for a in parts)  # "기본급 280, 직책수당 40 매달 나와요": the month's pay is their sum
        monthly = monthly or re.search(r"매달|매월|달마다|월\s*급여|한\s*달", text)
        reading.assume(f"매달 받는 {' + '.join(a.text for a in parts)}의 합을 월급으로 봄")
    if value < 100_000 and not re.search(r"[만억원]", found.text):  # "연봉 7천", "월급 300": 만원 left out
        value *= 10_000
        reading.assume(f"'{found.text}'을 {format_won(value)}으로 봄 (만원 단위 생략)")
    paid = re.search(r"(?<![\d.])(\d{1,2})\s*(?:개월|달)\s*(?:치|동안|간|분)", text) if monthly else None
    # "월 급여 310만원 × 13개월": the months said, a 13th month's bonus included
    times_said = re.match(r"\s*(?:원)?\s*[×xX*]\s*(\d{1,2})\s*(?:개월|달|회)", text[found.end :]) if monthly else None
    months = int((times_said or paid)[1]) if times_said or paid else None
    worked = months_worked(text) if monthly and months is None else None
    if worked:  # "7월에 입사해서 12월까지 매달 380씩": the months paid in the year
        months = worked[0]
        reading.assume(f"'{worked[1]}': {worked[0]}개월 동안 받은 월급으로 봄")
    times = months if months is not None and (months < 12 or times_said) else 12  # the months a monthly sum covers
    salary = value * times if monthly else value
    bonus, words = amount_near(text, r"상여|보너스|성과급|성과금|인센티브|인센"), found.text
    raise_to = pay_raise(text, found) if monthly and months is None else None
    if raise_to:  # "1~6월은 월 320, 7월부터는 월 380"
        month, before, after = raise_to
        salary = before.value * (month - 1) + after.value * (13 - month)
        words = f"{before.text} × {month - 1} + {after.text} × {13 - month}"
        reading.assume(f"{month}월부터 오른 월급: {words}개월을 총급여로 봄")
    words += f" × {times_said[1]}" if times_said else ""
    if bonus is not None and bonus.start != found.start and (monthly or re.search(r"따로|별도|추가로|\+", text)):
        # "상여 200씩 두 번": a bonus paid several times is wages that many times (제20조)
        repeat = re.match(r"\s*(?:원)?\s*씩\s*(\d|두|세|네)\s*(?:번|회|차례)", text[bonus.end :])
        n = {"두": 2, "세": 3, "네": 4}.get(repeat[1]) or int(repeat[1]) if repeat else 1
        salary += bonus.value * n  # "월급 320에 상여 400 따로": the bonus is wages too
        words = f"{found.text} + {bonus.text}" + (f" × {n}" if n > 1 else "")
        reading.assume(f"상여(성과급) {format_won(bonus.value)}" + (f" × {n}번" if n > 1 else "") + "을 총급여에 더함")
    percent = re.search(r"(?:상여|보너스)금?\s*(?:은|는|이|가|을|를)?\s*(?:연\s*)?(\d{2,4})\s*%", text)
    if percent and bonus is None:  # "기본급 월 300에 상여 400%": a bonus said as a share of the monthly pay
        if monthly:
            salary += value * int(percent[1]) // 100
            words += f" + {percent.group(0)}"
            reading.assume(f"{percent.group(0)}를 월급의 {int(percent[1]) / 100:g}배로 보아 총급여에 더함")
        else:
            reading.unclear(f"'{percent.group(0)}'의 기준 금액(월 기본급)을 알 수 없어 총급여에 넣지 않음: 확인이 필요")
    exempt = amount_near(text, r"비과세|식대|자가운전보조금|보육수당", r"상여|보너스|성과급")
    if exempt is not None and exempt.start != found.start:
        where = text[max(0, exempt.start - 16) : exempt.end + 16]
        if re.search(r"포함|안에\s*(?:들어|있)|들어\s*있|그\s*중", where) and not re.search(
            r"별도|제외|빼고|뺀", where
        ):  # "월급 420(식대 비과세 20 포함)"
            cut = exempt.value * (times if monthly else 1)
            salary -= cut
            words += f" - {exempt.text}" + (f" × {times}" if monthly else "")
            reading.assume(f"급여에 포함된 비과세소득 {format_won(cut)}을 빼고 총급여로 봄 (소득세법 제12조)")
        elif not re.search(r"별도|제외|빼고|뺀", where):
            reading.unclear(
                f"비과세소득 {exempt.text}이 급여에 포함됐는지 알 수 없어 총급여에서 빼지 않음: 확인이 필요"
            )
    joined = None if monthly or "연봉" not in window_before(text, found.start, 10) else re.search(JOINED, text)
    year = (
        re.search(r"(\d{2,4})\s*년\s*$|작년|재작년|지난\s*해", window_before(text, joined.start(), 8))
        if joined
        else None
    )
    if joined and 1 < int(joined[1]) and (year is None or year[1] == reading.as_of[:4]):
        # "연봉 4천인데 6월에 입사": a year's pay by contract, paid for the months from then (총급여 is what was paid)
        months_in = 13 - int(joined[1])
        salary = salary * months_in // 12
        words += f" × {months_in}/12"
        reading.unclear(f"연봉에 '{joined.group(0)}': 올해 총급여를 {months_in}개월분 {format_won(salary)}으로 계산함 "
                        "— 올해 실제로 받은 총급여를 확인해 주세요")  # fmt: skip
    pays, taken = workplace_amounts(text)
    if len(pays) >= 2 and any(
        a.start == found.start for a in pays
    ):  # "김해 공장에서 1,650만원, 창원 회사에서 2,380만원"
        salary, words = sum(a.value for a in pays), " + ".join(a.text for a in pays)
        reading.assume(
            f"근무지 {len(pays)}곳에서 받은 급여 {josa(words, '을를')} 합산해 총급여로 봄 (종전 근무지 합산)"
        )
    reading.fact("salary", salary, words)
    if changed := pay_changed_unsaid(text):  # "이건 작년 거고 … 올해 연봉이 꽤 올랐는데": this year's pay not said
        reading.lack(f"올해 총급여 ('{changed.group(0)}': 바뀐 연봉이 나오지 않아 예전 금액으로는 계산할 수 없음)")
    for a in iter_amounts(text):  # "2019년에 입사했어요(그때 연봉 3,400)": a past year's pay, not this year's
        if a.start != found.start and re.search(PAST_PAY, window_before(text, a.start, 12)):
            reading.assume(f"{quoted(a.text, '은는')} 예전(그때)의 급여라 올해 총급여에 넣지 않음")
    if not monthly and re.search(r"월급|월\s*급여|매달|매월|한\s*달", text) and not re.search(ANNUAL, text):
        # "월급실수령 320인데 세전은 380": a pay said as monthly, its figure too far from the word to be sure
        reading.unclear(f"'{found.text}'이 월급인지 1년 총급여인지 알 수 없어 1년 총급여로 계산함: 확인이 필요")
    if monthly and not raise_to:
        reading.assume(f"월급에 {times}개월을 곱해 총급여로 봄 (상여·비과세소득 없음)")
        if value >= MONTHLY_UNLIKELY and not times_said:  # a year's sum said beside a 월급 word, read as a month's
            reading.unclear(
                f"'{found.text}'을 한 달 급여로 보아 {times}개월을 곱함: 1년 합계라면 총급여는 "
                f"{format_won(value)}입니다. 확인이 필요"
            )
    elif not raise_to:
        reading.assume("연봉을 비과세소득을 뺀 총급여액으로 봄")
    said = [f"총급여 {format_won(salary)}"]
    dependents = read_dependents(others_blanked(text), reading, said)  # not a sibling's or friend's family
    if claimed := re.search(ELDER_CLAIMED_BY_SPOUSE, text):  # "시어머니(73세)는 남편 쪽으로 올립니다"
        dependents = drop_spouses_elder(reading, said, dependents, claimed.group(0))
    read_own_age(text, reading, said)
    if dependents:
        reading.fact("dependents", dependents, "")
    said.append(f"본인 포함 기본공제 {dependents + 1}명")
    for name, pattern, label in (("withheld", WITHHELD, "기납부세액"),
                                 ("pension", r"국민연금|연금보험료", "연금보험료"),
                                 ("insurance", r"건강보험|고용보험|(?<!연금)(?<!연금\s)보험료|건강\s*[·ㆍ,/+]\s*(?:장기요양\s*[·ㆍ,/+]\s*)?고용|4대\s*보험|건보", "보험료")):  # fmt: skip
        hit = amount_near(text, pattern, r"월급|연봉|총급여|급여" if name == "withheld" else "") or (
            amount_between(text, *TAKEN_EACH) if name == "withheld" else None
        )  # "월급에서 세금 떼요. 월급 230"
        if hit is not None and hit.start != found.start:
            hit = this_years(text, hit)
            value = hit.value
            if name == "withheld" and re.search(
                r"(?:월|매달|매월|달마다)\s*(?:소득세|세금)?\s*$", window_before(text, hit.start, 10)
            ):
                value *= times  # "원천징수된 게 월 20만원씩": tax withheld each month, over the months paid
                reading.unclear(  # the monthly withholding can change over the year: the year's total is asked
                    f"매달 원천징수된 {format_won(hit.value)}에 {times}개월을 곱해 기납부세액으로 봄: "
                    "1년 기납부세액(근로소득 원천징수영수증) 확인이 필요"
                )
            if name == "withheld" and len(taken) >= 2 and any(a.start == hit.start for a in taken):
                value = sum(a.value for a in taken)  # "원천징수는 앞 회사 21만원, 뒤 회사 38만원": both withheld
                hit = AmountMention(hit.start, hit.end, " + ".join(a.text for a in taken), value)
            if name == "insurance":  # "건강보험 97만4천원, 고용보험 24만7,500원": each 보험료 said apart, summed
                apart = [a for a in iter_amounts(text) if re.search(INSURANCE_APART, window_before(text, a.start, 30))]
                if len(apart) >= 2 and any(a.start == hit.start for a in apart):
                    value = sum(a.value for a in apart)
                    hit = AmountMention(hit.start, hit.end, " + ".join(a.text for a in apart), value)
            reading.fact(name, value, hit.text)
            said.append(f"{label} {format_won(value)}")
    reading.say(", ".join(said))


# a day's pay and the days worked each month: "일당 15만원에 한 달 22일씩", "일급 12만 원, 월 20일 근무"
DAY_PAY = r"(?:일당|일급|하루\s*(?:일당|품삯|벌이)?)\s*(?:은|는|이|가|:)?\s*$"
DAYS_A_MONTH = r"(?:한\s*달(?:에)?|월|매달|매월)\s*(?:평균\s*)?(\d{1,2})\s*일(?!\s*(?:에|부터|까지))"


def days_paid(text: str, found) -> re.Match | None:
    """The days of a month worked when the pay found is a day's pay, or None."""
    if not re.search(DAY_PAY, window_before(text, found.start, 8)):
        return None
    days = re.search(DAYS_A_MONTH, text[found.end : found.end + 30])
    return days if days and 1 <= int(days[1]) <= 31 else None


PAST_PAY = r"(?:그때|그\s*당시|당시|입사\s*(?:때|당시)|처음에?는?)\s*(?:연봉|월급|급여)\S{0,2}\s*(?:은|는|이|가|:)?\s*$"
# "연봉 계약 6.2에", "연봉 5.4고": a yearly pay said in 천만원 with a decimal point (6.2 = 6,200만원)
PAY_IN_TENS = re.compile(
    r"(?:연봉|총급여)\s*(?:계약|협상)?\s*(?:은|는|이|가|:)?\s*(?:계약\s*)?(?<![\d.,])(\d{1,2}\.\d)(?![\d.,%]|\s*(?:[억만천원배]|년))"
)


def pay_in_tens(text: str, reading):
    """The pay of "연봉 계약 6.2" as an amount (6.2 → 6,200만원), or None."""
    said = PAY_IN_TENS.search(text)
    if said is None or not 1.5 <= float(said[1]) <= 30:
        return None
    value = round(float(said[1]) * 10_000_000)
    reading.assume(f"연봉 {quoted(said[1], '을를')} 천만원 단위로 보아 {format_won(value)}으로 계산함")
    return AmountMention(said.start(1), said.end(1), said[1], value)


# a slip's label may carry a bracket: "건강보험료(노인장기요양보험료 포함) 1,985,000"
INSURANCE_APART = r"(?:건강|고용|장기\s*요양)\s*보험(?:료)?(?:\s*\([^()\n]{0,20}\))?\S{0,2}\s*(?:은|는|이|:)?\s*$"


def amount_between(text: str, before: str, after: str, width: int = 8):
    """The first amount with `before` just before it and `after` just after it: "매달 소득세 12만원씩 떼 갔으니까"
    (the tax taken each month), "월 450씩" (the pay each month)."""
    return next(
        (
            a
            for a in iter_amounts(text)
            if re.search(before, window_before(text, a.start, width)) and re.match(after, text[a.end :])
        ),
        None,
    )


TAKEN_EACH = (r"(?:소득세|세금)\s*$", r"\s*(?:원)?\s*씩?\s*(?:떼|뗐|뗀|원천징수|징수)")
EACH_MONTH = (r"(?:(?<![가-힣])월|매달|매월)\s*$", r"\s*(?:원)?\s*씩")


# an amount said of one workplace ("창원 회사에서 2,380만원", "앞 회사 21만원") when the worker changed jobs in the year
WORKPLACE = r"(?:회사|공장|직장|사업장|근무지|매장|병원)\S{0,3}\s*$"
JOB_CHANGE = r"이직|전\s*직장|종전\s*근무지|직장을?\s*옮|회사를?\s*옮|두\s*번째\s*회사|앞\s*회사|뒤\s*회사|중도\s*(?:입사|퇴사)|퇴사\S{0,3}\s*(?:후|하고)"


def workplace_amounts(text: str) -> tuple[list, list]:
    """(the pays, the taxes withheld) said each of its own workplace when a change of jobs is said, for the 총급여 and
    기납부세액 summed over the workplaces of the year (소득세법 제137조의2: 종전 근무지 합산); ([], []) otherwise."""
    if not re.search(JOB_CHANGE, text) or re.search(r"남편|아내|와이프|배우자|신랑", text):
        return [], []
    pays, taken = [], []
    for a in iter_amounts(text):
        if not re.search(WORKPLACE, window_before(text, a.start, 8)):
            continue
        sentence = text[max([m.end() for m in re.finditer(r"[.?!\n]", text[: a.start])] or [0]) : a.start]
        (taken if re.search(WITHHELD, sentence) else pays if not re.search(PAID_WORDS, sentence) else []).append(a)
    return pays, taken


def mine_beside_spouse(text: str):
    """ "남편 연봉 8,100, 저는 5천4백이고요 … 제 결정세액은": the asker's pay said beside the spouse's, with no pay word of
    its own, when the asker's own tax is asked; None otherwise."""
    spouse_pay = rf"{WORKER_SPOUSE}\S{{0,2}}\s*(?:의\s*)?(?:연봉|월급|총급여|급여)\s*(?:은|는|이|가|:)?\s*\d"
    if not re.search(spouse_pay, text) or not re.search(
        r"(?:제|저의|내|나의)\s*(?:결정세액|연말정산|근로소득세)", text
    ):
        return None
    mine = r"(?<![가-힣])(?:저는|나는|전|난|저도|나도)\s*(?:연봉|월급|총급여)?\s*(?:은|는|이|가)?\s*$"
    return next((a for a in iter_amounts(text) if re.search(mine, window_before(text, a.start, 10))), None)


# a parent said to be claimed by the worker's spouse: "같이 사는 시어머니(73세)는 남편 쪽으로 올립니다"
ELDER_CLAIMED_BY_SPOUSE = (
    r"(?:시어머니|시아버지|시부모님?|장인(?:어른)?|장모님?|어머니|아버지|부모님?)\s*(?:\([^()]{0,24}\))?\s*(?:는|은|도)?\s*"
    r"(?:남편|아내|와이프|배우자|신랑)\s*(?:쪽|앞)\S{0,3}\s*(?:올|넣|등록)[가-힣]*"
)


def drop_spouses_elder(reading, said: list[str], dependents: int, words: str) -> int:
    """A parent the spouse claims is no dependent of the worker: the parent counted from "같이 사는 어머니" taken off
    again, with the 경로우대 of an age of 70 or more said in the same words; the dependents left."""
    counted = next((p for p in said if p.startswith("부양하는 부모")), None)
    if counted:
        dependents -= int(re.search(r"\d", counted)[0])
        said.remove(counted)
        old = sum(1 for age in re.findall(r"(\d{2,3})\s*(?:세|살)", words) if int(age) >= 70)
        if old and reading.inputs.get("elderly"):
            reading.fact("elderly", max(0, reading.inputs["elderly"] - old), words)
            said[:] = [p for p in said if not p.startswith("70세 이상")]
    reading.assume(f"'{words}': 배우자가 공제받는 부양가족이라 본인 계산에 넣지 않음")
    return dependents
