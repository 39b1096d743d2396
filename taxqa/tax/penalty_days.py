"""How late a payment was, as the penalty reader (taxqa.tax.penalty) reads it from a question: the days
said beside a word of lateness, before it ("30일 늦게") or after it ("납부기한 지나고 45일째에")."""

from __future__ import annotations

import re
from datetime import date

# "4개월 조금 넘게(122일) 지나서": the days said in brackets before the word
AFTER_WORD = r"(\d{1,4})\s*일\s*\)?\s*(?:을|이나|동안|간|이|째)?\s*(?:쯤|정도|가량)?\s*(?:늦|지연|지나|지남|지났|후|뒤|만에|연체|초과|경과|넘|밀|있다가)"
BEFORE_WORD = (
    r"(?:지연|연체|경과|미납|늦)\S{0,2}\s*(?:일수|날수|날짜\s*수|기간|날이|날은)?\s*(?:은|는|이|:)?\s*(\d{1,4})\s*일"
)
# "납부기한 지나고 45일째에 냈어요", "기한을 넘기고 20일 만에": the days counted from the due date past
PAST_DUE = r"기한\S{0,2}\s*(?:지나고|지나서|지난\s*(?:뒤|후|다음)|넘기고|넘겨서|넘어서)\s*(?:딱|정확히|꼭)?\s*(\d{1,4})\s*일\s*(?:째|만에|후|뒤)"


# "신고·납부기한 다음 날부터 세어 20일째 되는 날": the days counted from the day after the due date
COUNTED_FROM = r"(?:다음\s*날|익일)\s*부터\s*(?:세어|세서|계산해|따져)?\s*(?:\S+\s*){0,2}?(\d{1,4})\s*일\s*째"
# "납부기한 다음 날부터 낸 날까지 240일": the days from the day after the due date to the day paid
# "(기한 다음 날부터 150일)": the days from the day after the due date, the day paid left unsaid
COUNTED_TO = (
    r"(?:다음\s*날|익일)\s*부터\s*(?:(?:\S+\s*){0,3}?까지\S{0,2}\s*(?:는|은)?\s*)?(?:총\s*)?(\d{1,4})\s*일"
    r"(?!\s*(?:이내|내|안|째))"
)


# "예전에도 15일 늦게 낸 적 있는데": the days of another, earlier payment
OTHER_EVENT = r"[^.?!,]{0,12}?적\s*(?:이|은|도)?\s*있"


# "늦은 날수 45,", "지연일수: 45": a count of days labelled as such, its 일 left out (a numbered list explained)
LABELLED = r"(?:지연|연체|늦은|늦어진|밀린)\s*(?:일수|날수|날짜\s*수)\s*(?:은|는|이|:)?\s*(\d{1,4})(?!\d|[,.]\d|\s*[일만원억천%])"


def days_said(text: str) -> re.Match | None:
    """The days of lateness said in `text` (group 1), or None; days told of another payment are passed over."""
    for pattern in (AFTER_WORD, BEFORE_WORD, PAST_DUE, COUNTED_FROM, COUNTED_TO, LABELLED):
        for m in re.finditer(pattern, text):
            # "5월 31일을 넘겨서": a day of a month (the due date), not a count of days
            if not re.match(OTHER_EVENT, text[m.end() :]) and not re.search(r"\d\s*월\s*$", text[: m.start(1)]):
                return m
    return None


# "8월 31일에 기한후신고 했어요": the day a late or corrected return was filed
# a month and day, also dotted after a year: "8월 31일", "2025. 7. 21."
# "26.5.31": a year of two digits before a dotted month and day, left out of the month
MONTH_DAY = r"(?:(?:(?:19|20)?\d{2})\s*(?:[.\-/]|년)\s*(?=\d{1,2}\s*[.\-/월]\s*\d))?(\d{1,2})\s*(?:월|[.\-/])\s*(\d{1,2})\s*(?:일|\.)?"
FILED_ON = (
    MONTH_DAY + r"\s*(?:에|쯤|경)?\s*(?:기한\s*후\s*신고|수정\s*신고)"
    # "수정신고한 날은 올해 2026년 3월 10일이에요": the day named first
    r"|(?:기한\s*후\s*신고|수정\s*신고)\s*(?:한|했던|하신)\s*(?:날|날짜|일자)\s*(?:은|는|이|:)?\s*(?:올해|작년|금년)?\s*"
    + MONTH_DAY
    # a log's line: "2026년 2월 11일: 홈택스 기한후신고 접수 완료"
    + r"|"
    + MONTH_DAY
    + r"\s*:\s*(?:\S+\s+){0,2}?(?:기한\s*후\s*신고|수정\s*신고)"
)
# a log's line that names the due date: "2026년 1월 26일: 2025년 2기 부가세 확정신고 기한 ← 놓침"
DUE_LOGGED = MONTH_DAY + r"\s*:\s*[^\n.?!]{0,30}?(?:신고|납부)\s*기한(?!\s*후)"
DUE_SAID = r"(?:신고\s*)?기한\S{0,3}\s*(?:은|는|이|:)?\s*" + MONTH_DAY
DUE_BY = MONTH_DAY + r"\s*까지\s*(?:\S+\s*)?(?:신고|냈어야|내야|했어야|해야)"
# 법정신고기한 by tax: 종합소득세·양도소득세 확정신고 5월 31일 (소득세법 제70조·제110조), 법인세 3월 31일 (12월 결산)
DUE_OF_TAX = ((r"종합소득|종소|양도소득|양도세", (5, 31)), (r"법인세", (3, 31)))


def months_after_due(text: str, year: int) -> tuple[int, str, int] | None:
    """(the months after the 법정신고기한 within which the return was filed, its words, the days from the due date
    to the filing day in `year`) when the filing day is said as a date and the due date is said or fixed by the
    tax; None otherwise."""
    filed = re.search(FILED_ON, text)
    if filed is None:
        return None
    # "7월 25일까지 신고했어야 했는데 … 10월 13일에 기한후신고": the due date said by what was to be done by then
    said = (
        re.search(DUE_SAID, text[: filed.start()])
        or re.search(DUE_BY, text[: filed.start()])
        or re.search(DUE_LOGGED, text[: filed.start()])
    )
    due = (int(said[1]), int(said[2])) if said else next((d for w, d in DUE_OF_TAX if re.search(w, text)), None)
    if due is None:
        return None
    month, day = (int(g) for g in filed.groups() if g)  # the month and day of whichever wording said it
    if not (valid(due) and valid((month, day))):
        return None  # "26.5" read as a month: no date to count from
    months = (month - due[0]) % 12 + (day > due[1])  # 5월 31일 -> 8월 31일: 3, -> 9월 1일: 4
    return max(1, months), filed.group(0), days_from(year, due, (month, day))


def valid(month_day: tuple[int, int]) -> bool:
    """A month and day that name a day of the year (29 February counted)."""
    month, day = month_day
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def days_from(year: int, due: tuple[int, int], paid: tuple[int, int]) -> int:
    """The days from a due date to a later day, both said as month and day; a day before the due date is in
    the next year ("12월 31일까지인데 1월 15일에")."""
    day = min(due[1], 28) if due[0] == 2 else due[1]  # 29 February said of a year without it: the 28th
    start, end = date(year, due[0], day), date(year, paid[0], min(paid[1], 28) if paid[0] == 2 else paid[1])
    if end <= start:
        end = date(year + 1, end.month, end.day)
    return (end - start).days


# "납부기한 1월 25일인데 3월 11일에 냈어요", "7월 10일에 남은 세금 300만원 다 냈어요", "낸 날은 9월 9일": the day
# paid, said before its verb (a few words between, no other date) or after a label
PAY_VERB = r"(?:냈|납부(?!\s*(?:기한|지연|고지|기일))|낸\s*(?:거|것|건)|냄|내었)"
PAID_ON = (
    rf"(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일\S{{0,2}}\s*(?:에\s*)?(?:[^.?!\n월]{{0,20}}?){PAY_VERB}"
    r"|(?:낸|냈던|납부한|실제\s*납부)\s*(?:날|날짜|일자|건|것은|거는)\S{0,2}\s*(?:\S+\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일"
)


ISO = r"(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})"


def days_between_said(text: str, year: int) -> tuple[int, str] | None:
    """(days late, words) when both the due date and the day paid are said as month and day, else None."""
    due = re.search(rf"기한\S{{0,3}}\s*:?\s*{ISO}", text)  # "납부기한 2026-03-31, 실제 납부 2026-05-10"
    paid = re.search(rf"(?:납부|냈|낸\s*날)\S{{0,3}}\s*:?\s*{ISO}", text[due.end() :]) if due else None
    if due and paid and valid((int(due[2]), int(due[3]))) and valid((int(paid[2]), int(paid[3]))):
        start, end = date(*(int(x) for x in due.groups())), date(*(int(x) for x in paid.groups()))
        if end > start:
            return (end - start).days, f"{due.group(0)} ~ {paid.group(0)}"
    due = re.search(DUE_SAID, text) or re.search(
        r"(\d{1,2})\s*월\s*(\d{1,2})\s*일\s*까지", text
    )  # "5월 31일까지 못 내고"
    paid = re.search(PAID_ON, text[due.end() :]) if due else None
    if paid is None:
        return None
    month, day = (int(g) for g in paid.groups() if g)  # the month and day of whichever wording said it
    if not (valid((int(due[1]), int(due[2]))) and valid((month, day))):
        return None
    return days_from(year, (int(due[1]), int(due[2])), (month, day)), f"{due.group(0)} ~ {paid.group(0)}"


# a return filed after the office said it would correct the tax: no 제48조② 감면 ("조사 통지 받고 나서야 수정신고")
NOTICE = re.compile(
    r"(?:경정|조사|과세\s*예고|세무서\S{0,3}\s*(?:연락|전화|안내))\S{0,3}\s*(?:통지|통보|예고)?\S{0,2}\s*(?:를\s*)?(?:받고|받은\s*(?:뒤|후|다음)|나온\s*(?:뒤|후)|오고)"
)


def no_reduction_after_notice(text: str, reading, parts: list[str]) -> None:
    """A 기한후신고·수정신고 made after a notice of 경정 gets no 제48조② 감면: the months late are dropped."""
    m = NOTICE.search(text)
    if "months_late" in reading.inputs and m:
        reading.inputs.pop("months_late")
        reading.assume(f"'{m.group(0)}' 뒤의 수정신고·기한후신고라 감면 없음 (제48조②)")
        parts.append("경정 통지 후 신고: 감면 없음")
