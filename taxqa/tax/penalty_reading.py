"""Reading a 가산세 question (taxqa.tax.penalty): which 가산세 (무신고, 과소신고, 납부지연), the tax it is on, fraud,
the days of late payment and the months after the due date a late or corrected return came in (제48조② 감면); a
부과제척기간 question goes to `read_limitation`."""

from __future__ import annotations

import re

from taxqa.amounts import format_won
from taxqa.tax.cue_words import named_values
from taxqa.tax.limitation_reading import LIMITATION, NO_RETURN, fraud_said, no_return, read_limitation
from taxqa.tax.negation import present
from taxqa.tax.penalty_days import (
    COUNTED_FROM,
    COUNTED_TO,
    OTHER_EVENT,
    days_between_said,
    days_said,
    months_after_due,
    no_reduction_after_notice,
)
from taxqa.tax.rates import parse_as_of
from taxqa.tax.spoken_sums import late_half
from taxqa.tax.words import COUNT_WORD, amount_near, amounts, count_value

KIND_LABELS = {"no-return": "무신고가산세", "under-report": "과소신고가산세", "late-payment": "납부지연가산세"}

UNDER = r"과소\s*신고|적게\s*신고|덜\s*신고|누락|빠뜨린\s*(?:소득|매출)|수정\s*신고"
LATE = r"늦게\s*(?:냈|내|냄|낸|납부)|(?:지나서야?|지나고|넘겨서|넘기고)\s*[^.?!]{0,24}?(?:납부|냈|냄|낸)|납부\s*(?:를|도|만)?\s*(?:안|못|늦)|기한\S{0,3}\s*못\s*(?:냈|내|낸|냄)|미납|체납|납부\s*지연|연체"


# "고지서 납부기한 넘기고 …에 낼 것 같아요": the notice's own due date missed, so the 3% after a 납부고지 is added
NOTICE_DUE_MISSED = r"고지서?\s*(?:의|에\s*(?:적힌|나온|찍힌))?\s*납부\s*기한\S{0,3}\s*(?:을|를|도)?\s*(?:넘기|넘겨|넘어|넘긴|지나|지난|놓치|놓쳐|못\s*지키)"
# "고지서에 본세 300만원, 납부기한 3월 31일로 나와 있었는데": the due date read off a notice (not "고지서 오기 전에")
NOTICE_DUE_READ = r"(?:납부\s*)?고지서?\S{0,2}\s*(?!\S{0,3}\s*(?:나오기|받기|오기|날아오기|전))[^.?!\n]{0,24}?납부\s*기한\S{0,3}\s*(?:은|는|이|:)?\s*\d{1,2}\s*월"
# "가산세 총 얼마", "가산세는 전부 해서": every 가산세 asked, even where one was named (a friend's "무신고가산세 20%")
ALL_ASKED = r"가산세\S{0,2}\s*(?:총|전부|모두|합계|합쳐|다\s*(?:합|해서|더해))|(?:총|전체|모든)\s*가산세"
# "기한후신고하면서 세금도 그날 같이 냈어요", "기한후신고랑 납부 같이", "기한후신고 + 세금 납부 완료": paid with the return
PAID_WITH_RETURN = (
    r"(?:같이|함께|그날|같은\s*날|동시에)\s*(?:\S+\s*){0,4}?(?:냈|납부|내었)|"
    r"(?:신고|기한후신고)\S{0,2}\s*(?:랑|와|과|하고|및)\s*납부\S{0,2}\s*(?:도\s*)?(?:같이|함께|동시에)|"
    r"(?:기한\s*후\s*신고|수정\s*신고)\s*\+\s*(?:세금|세액)?\s*납부"
)


# "단, 예정고지세액과 가산세는 없는 것으로 한다": an exam's premise that there is no 가산세, not a question of one
# "가산세 같은 건 없어", "가산세 그런 거 없어요": a hedge word before the 없 does not make it a question
NONE_SAID = (
    r"가산세\S{0,2}\s*(?:(?:같은|그런|이런)\s*(?:건|거|것|거는|것은)\s*)?"
    r"(?:없는\s*것으로|없음|없다|없고|(?:없어요|없습니다|없어(?!요))(?!\s*[?？])|고려하지\s*않|무시)"
)


def recognise(text: str) -> bool:
    text = re.sub(NONE_SAID, " ", text)
    return bool(re.search(r"가산세|" + LIMITATION + "|" + NO_RETURN + "|" + UNDER + "|" + LATE, text))


def read(text: str, reading) -> None:
    if re.search(LIMITATION, text):
        return read_limitation(text, reading)
    days = days_said(text)
    said_months = list(re.finditer(rf"(\d{{1,2}}|{COUNT_WORD})\s*(?:개월|달)", text))
    within_months = [m for m in said_months if re.match(r"\s*(?:안|이내|내)", text[m.end() :])]
    months = (within_months or said_months or [None])[-1 if within_months else 0]  # "한 달은 넘기고 석 달 안에"
    within = re.search(r"(\d{1,4})\s*일\s*(?:이\s*)?(?:내|이내|안에)\S{0,2}\s*(?:기한\s*후\s*신고|수정\s*신고)", text)
    filed_after = (
        within is not None
        or (  # "기한 후 15일 내 기한후신고": filed within 15 days
            days is not None
            and re.match(  # "기한 지나 10일 만에 신고함", "40일째 되는 날 세무서에 가서 기한 후 신고": filed that late
                r"[^.,?!]{0,20}?(?:기한\s*후\s*신고|수정\s*신고)|\s*(?:신고|신고를)\s*(?:함|했|하였|해)",
                text[days.end() :],
            )
        )
        or (  # "신고를 기한 지나고 닷새 뒤에 했어요": the return named before the days, its verb after
            days is not None
            and re.search(r"신고(?:를|은|는)?\s*(?:(?!납부|냈|내|했|함)[^.?!,]){0,16}$", text[: days.start()])
            and re.match(r"\S{0,3}\s*(?:했|함|하였)", text[days.end() :])
        )
        or (  # "기한후신고 + 세금 납부 (기한 다음 날부터 9일째)": the return named just before, on the same line
            days is not None
            and re.search(r"(?:기한\s*후\s*신고|수정\s*신고)\s*\+[^.?!\n]{0,30}$", text[: days.start()])
        )
    )
    days = within or days
    paid_days = None
    if filed_after:  # "20일 만에 기한후신고": filed within ceil(20/30) months, no days of late payment said
        # "한 달 하고도 열흘 만에": the months said before the days count too
        before = re.search(
            rf"({COUNT_WORD}|\d{{1,2}})\s*(?:개월|달)\s*(?:하고도|하고|에다|,)?\s*$", text[: days.start()]
        )
        months_after = max(1, -(-(int(days.group(1)) + (count_value(before[1]) * 30 if before else 0)) // 30))
        late = f"{before[1]} 달 {days.group(1)}일" if before else f"{days.group(1)}일"
        reading.fact("months_late", months_after, text[before.start() : days.end()] if before else days.group(0))
        reading.assume(f"신고기한 {late} 뒤 신고는 {months_after}개월 이내 신고로 감면 (제48조②)")
        # "20일 만에 기한후신고하면서 세금도 그날 같이 냈어요": paid that many days late as well
        paid_with = days is not within and re.search(PAID_WITH_RETURN, text)
        paid_days = (int(days.group(1)), days.group(0)) if paid_with else None
        # "… 납부기한 다음 날부터 낸 날까지 24일": the days of the payment said apart win over the return's days
        counted = re.search(COUNTED_TO, text) or re.search(COUNTED_FROM, text)
        if paid_with and counted and counted.start(1) != days.start(1):
            paid_days = (int(counted[1]), counted[0])
        days = None
        months = None
    on_date = months_after_due(text, parse_as_of(reading.as_of).year) if not filed_after else None
    if on_date is not None:  # "(5월 31일 기한) 8월 31일에 기한후신고": filed within that many months of the due date
        reading.fact("months_late", on_date[0], on_date[1])
        reading.assume(f"법정신고기한부터 {on_date[1]}까지 {on_date[0]}개월 이내 신고로 감면 (제48조②)")
        months = None
        if days is None and re.search(PAID_WITH_RETURN, text):  # "… 9월 10일에 기한후신고하면서 그날 다 냈어요"
            paid_days = (on_date[2], on_date[1])
    named = [k for k, w in KIND_LABELS.items() if re.search(r"\s*".join(w), text)]  # "… 납부지연가산세?": the one asked
    # "과소신고랑 납부지연 가산세 합쳐서": the first kind named with the 가산세 said once, after the second
    named = [k for k in named_values("penalty", text).get("kind", {}) if k not in named and k != "late-payment"] + named
    if len(named) == 2 and "late-payment" in named:  # "무신고가산세와 납부지연가산세를 합친": the return's, days added
        named.remove("late-payment")
        all_asked = True
    else:
        all_asked = bool(re.search(ALL_ASKED, text))
    if len(named) == 1:
        kind, said = named[0], KIND_LABELS[named[0]][:-3]
    elif re.search(UNDER, text):
        kind, said = "under-report", "과소신고"
    elif no_return(text):
        kind, said = "no-return", "무신고"
    elif re.search(LATE, text) or days or days_between_said(text, parse_as_of(reading.as_of).year):
        kind, said = "late-payment", "납부지연"  # "7월 25일까지 내야 했는데 9월 3일에 냈어요": paid late
    else:
        kind, said = "no-return", "무신고"
        reading.assume("어떤 가산세인지 밝히지 않아 무신고가산세로 계산")
    reading.fact("kind", kind, said)
    if (
        paid_days
        and (len(named) != 1 or all_asked)
        # "납부지연가산세(16일치)는 따로 계산해 봤으니 빼고": that one left out of the asked figure
        and not re.search(
            r"납부\s*지연\S{0,6}(?:\s*\([^()]{0,12}\))?\s*(?:는|은)?\s*(?:[^.?!]{0,20}?)(?:빼|제외)", text
        )
    ):
        reading.fact("days", paid_days[0], paid_days[1])
        reading.assume(f"세금도 신고하며 함께 내어 납부지연가산세 {paid_days[0]}일을 더함 (제47조의4)")
    lone = [  # "납부지연, …, 60일" (not the days of an earlier payment, "예전에도 15일 늦게 낸 적")
        m
        for m in re.finditer(r"(?<![월\d])(?<!월\s)(\d{1,4})\s*일(?![자째])", text)
        if not re.match(r"\S{0,2}\s*(?:늦게|지나서?|넘겨서?)?\s*(?:\S+\s*)?" + OTHER_EVENT, text[m.end() :])
    ]
    # "1월 26일 기한 … 3월 30일에 냈어요 … 두 달 좀 넘게": the two dates said count the days, not the months said
    between = days_between_said(text, parse_as_of(reading.as_of).year) if kind == "late-payment" else None
    if between and days is None and months is not None and not lone:
        months = None
    if kind == "late-payment" and days is None and months is None and len(lone) == 1:
        days = reading.assume(f"'{lone[0].group(0)}'을 납부기한 다음 날부터 늦은 일수로 봄") or lone[0]
    elif kind == "late-payment" and days is None and months is None and between:
        days = re.match(r"(\d+)", str(between[0]))  # "납부기한 1월 25일인데 3월 11일에 냈어요": 45 days
        reading.assume(f"{between[1]}: 납부기한 다음 날부터 낸 날까지 {between[0]}일로 봄")
    elif kind == "late-payment" and days is None and months is None:
        reading.lack("납부지연 일수 (납부기한 다음 날부터 며칠 늦게 냈는지)")
    tax = amount_near(text, r"세액|세금|소득세|부가세|부가가치세|법인세|납부할|낼|내야|누락|적게") or next(
        iter(amounts(text)), None
    )
    if tax is None:
        reading.lack("신고·납부하지 않은 세액 (가산세는 그 세액에 비율을 곱함)")
        reading.say(f"{said} 가산세")
        return
    value, words = late_half(text, tax, reading, late=kind == "late-payment")  # "반만 내고 나머지 반은 늦게"
    if kind == "under-report" and (short := under_reported(text, reading)):
        value, words = short
    reading.fact("tax", value, words)
    if value < 100_000 and not re.search(r"[원만억천]", tax.text):  # "아 1,200 아니고 1,250이요": 만원 not said
        reading.unclear(f"'{tax.text}'을 {value:,}원으로 계산함: 단위(만원·억원)를 확인해 주세요")
    parts = [f"{said} 가산세", f"세액 {format_won(value)}"]
    m = fraud_said(text)  # "부정행위는 없어요", "부정행위로 볼 만한 건 없어요", "부정행위 □": no fraud
    if kind != "late-payment" and m:
        reading.fact("fraud", True, m.group(0))
        parts.append("부정행위")
        if present(r"역외|해외|국외", text):
            reading.fact("offshore", True, "역외거래")
    if days is None and months is not None and kind == "late-payment":
        reading.fact("days", count_value(months.group(1)) * 30, months.group(0))
        reading.assume("1개월을 30일로 보아 납부지연 일수를 계산")
        parts.append(f"{count_value(months.group(1)) * 30}일 지연")
    elif days is not None:
        reading.fact("days", int(days.group(1)), days.group(0))
        parts.append(f"{days.group(1)}일 지연")
    if (
        kind != "late-payment"
        and months is not None
        and (
            re.search(r"기한\s*후|수정\s*신고|신고(?:했|하면|를\s*하|함|하였|완료)|(?:내|안에)\s*신고", text)
            # "신고를 두 달 늦게 했어요", "신고 안 하고 있다가 2달 지나서 했어요": the return filed that late
            or re.match(r"\s*(?:늦게|늦어|지나|지난\s*(?:뒤|후)|뒤|후|만에|넘겨|넘어)", text[months.end() :])
            and "신고" in text[: months.start()]
            and not re.search(r"납부|냈|낸|내었|늦게\s*내", text)
        )
    ):
        # "기한 후 3개월이 조금 넘었다": within the next month
        over = re.match(  # "한 달 하고도 열흘 만에": days past the months said, within the next month
            r"\S{0,2}\s*(?:조금|좀|약간|살짝)\s*(?:더\s*)?(?:넘었|넘어|넘게|넘은|넘긴|지났|지난)"
            r"|\s*반(?![가-힣])|\s*반(?=쯤|정도|가량|만에|뒤|후|지나)"  # "한 달 반쯤 뒤에": half a month more
            r"|\s*(?:하고도|하고|에다|,)?\s*(?:[1-9]\d?\s*일(?![자째])|하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘|보름|며칠)",
            text[months.end() :],
        )
        n = count_value(months.group(1)) + (1 if over else 0)
        reading.fact("months_late", n, months.group(0))
        parts.append(f"기한 후 {n}개월 내 신고")
    missed = re.search(NOTICE_DUE_MISSED, text) or re.search(NOTICE_DUE_READ, text)
    if kind == "late-payment" and missed:
        reading.fact("after_notice", True, missed.group(0))
        parts.append("납부고지 기한 넘김 (3% 가산)")
    no_reduction_after_notice(text, reading, parts)
    reading.say(", ".join(parts))


# "처음 신고한 세액 300만원 … 맞는 세액은 700만원", "당초 신고세액 / 정당세액", "originally_reported_tax / corrected_tax":
# the tax first reported and the tax it should have been; the 과소신고가산세 is on the difference (국세기본법 제47조의3)
FIRST_REPORTED = r"(?:처음|당초|원래|애초|최초)\S{0,3}\s*(?:에\s*)?신고\S{0,3}\s*(?:세액|세금)?|신고(?:한|했던)\s*(?:세액|세금)|originally[_ ]reported"
RIGHT_TAX = (
    r"(?:맞는|정당한?|제대로\s*된|실제|내야\s*(?:했던|할)|수정(?:한|된)?|정정(?:한|된)?|다시\s*계산\S{0,6})\s*(?:세액|세금)"
    r"|정당세액|corrected[_ ]tax"
)


def under_reported(text: str, reading) -> tuple[int, str] | None:
    """(the tax under-reported, its words) when the question says the tax first reported and the tax it should have
    been, not the difference; None otherwise."""
    first, right = amount_near(text, FIRST_REPORTED), amount_near(text, RIGHT_TAX)
    if first is None or right is None or first.start == right.start or right.value <= first.value:
        return None
    short = right.value - first.value
    reading.assume(
        f"과소신고한 세액 = {right.text} - {first.text} = {format_won(short)} (신고한 세액과 정당한 세액의 차이, 제47조의3)"
    )
    return short, f"{right.text} - {first.text}"
