"""Reading a 부과제척기간 question (국세기본법 제26조의2) for the penalty kind: the question asked by its
name ("제척기간") or by what it means ("세무서에서 언제까지 다시 들여다볼 수 있어요?"), the case (fraud, no
return, 상속·증여) and the 법정신고기한 said or derived from a 귀속 year ("2021년 귀속", "21년 귀속분")."""

from __future__ import annotations

import calendar
import re
from datetime import date

from taxqa.tax.limitation import CASE_LABELS
from taxqa.tax.negation import negated, negated_match, present

NO_RETURN = r"무신고|신고\s*(?:를|도)?\s*(?:안(?!내|에)|않|못|빠뜨|놓치|까먹|잊)|신고\s*(?:를\s*)?하지\s*(?:않|못|아니)|기한\s*후\s*신고"
FRAUD = r"부정(?!확)|사기|가짜\s*(?:세금\s*)?계산서|가짜\s*(?:영수증|장부|거래)|이중\s*장부|허위|가공|(?<!원)(?<!피)고의|장부\s*조작|차명|장부\S{0,2}\s*(?:두\s*(?:개|벌|권)|2\s*(?:개|벌|권)|따로\s*두)"
# a wrong denied in its own clause, after it: "부정행위로 볼 만한 건 없어요", "부정행위랑은 상관없어요", "이중장부 같은
# 건 작성하지 않았어요", and on a form: "부정 행위 X", "부정행위 여부: N", "부정행위 □"
DENIED_AFTER = (
    r"[^.?!\n]*?(?:없|않|아니|안\s*(?:했|함|해|하)|무관)"
    r"|\s*[가-힣]{0,4}\s*(?:여부|해당)?\s*[:：]?\s*(?:[XxNn×✕]|□|☐|no|No|NO)(?![A-Za-z가-힣])"
)
CLAUSE_END = re.compile(r"[.?!\n]|(?<=[가-힣])(?:는데|지만|면서|고|서)\s")
# "부정행위로 신고하지 않았으면", "장부 두 개로 신고를 아예 안 했습니다": the return negated, the wrong its means
RETURN_NEGATED = (
    r"(?:신고|납부|내|냈)\S{0,4}\s*(?:를|도|는|은)?\s*(?:아예\s*|전혀\s*)?(?:안|않|못|하지\s*않|지\s*않)\S*"
)
# "이중장부? 그런 거 없어요": the wrong asked about, then denied with a pronoun
DENIED_NEXT = r"[?？]\s*(?:그런|그거|그건|그렇)[^.?!\n]{0,12}?(?:없|않|아니)"


def fraud_said(text: str) -> re.Match | None:
    """The first wrong (부정행위) said as done: not negated, not unchecked on a form ("[ ] 부정행위"), not denied in the
    rest of its clause."""
    for m in re.finditer(FRAUD, text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        end = CLAUSE_END.search(text, m.end())
        end = end.start() if end else len(text)
        if not (
            negated(text, m.start(), m.end())
            or re.search(r"(?:\[\s\]|□|☐)\s*$", line)
            or re.match(DENIED_AFTER, re.sub(RETURN_NEGATED, "", text[m.end() : end]))
            or re.match(DENIED_NEXT, text[end:])
        ):
            return m
    return None


# "신고는 기한 안에 했고요": filed on time, whatever 안 follows 신고
FILED_ON_TIME = (  # "신고는 세무사 사무실에서 기한 안에 해 줬다는데", "신고는 제대로 했으니까": a few words between
    r"신고\S{0,2}\s*(?:는|은|도)?\s*(?:[가-힣]+\s+){0,3}?(?:기한\s*)?(?:안에|내에|제때|정상적?으로|제대로|제\s*날짜에)\s*"
    r"(?:했|하|함|마쳤|해\s*줬|해줬)"
)


def no_return(text: str):
    """A return said not filed ("신고 안 했어요", "무신고"), unless it is said filed on time."""
    return not re.search(FILED_ON_TIME, text) and (
        re.search(NO_RETURN, text) or negated_match(r"(?<![후정소과])신고", text)
    )


STILL = r"(?:지금|아직|이제|여태|이때까지)"
OFFICE = r"(?:세무서|국세청|과세\s*관청|세무\s*당국)\S{0,3}"
# the period asked by its name, or as how long the tax office can still look at, assess or collect a tax
LIMITATION = (
    r"제척\s*기간|(?:세무서|국세청|과세\s*관청|세무\s*당국)\S{0,3}\s*(?:\S+\s*){0,2}?언제까지\s*(?:다시|더|추가로)?\s*[^.?!\n]{0,8}?"
    r"(?:들여다|조사|부과|추징|과세|고지|매기|매길|물리|물릴|볼\s*수|건드)|"
    r"언제까지\s*(?:세금을\s*)?(?:부과|추징|과세)(?:할|될|하|되|\s*가능|\s*할\s*수)|"
    # "세무서가 그 세금을 부과할 수 있는 게 정확히 언제까지예요": the time asked after what the office may do
    r"(?:부과|추징|과세|고지)\S{0,2}\s*수\s*있는\s*(?:게|건|것은|기간은?|날은?)\s*(?:\S+\s*){0,2}?언제까지|"
    # "지금 세무서가 부과할 수 있나요", "세무서에서 아직도 세금 매길 수 있는 기간인가요", "지금이라도 세금 물릴 수 있어요"
    rf"(?:{STILL}\S{{0,4}}\s*(?:\S+\s*){{0,2}}?{OFFICE}|{OFFICE}\s*(?:\S+\s*){{0,2}}?{STILL})"
    r"\S{0,4}\s*(?:\S+\s*){0,2}?(?:부과|추징|과세|매기|매길|물리|물릴|때리|때릴|고지)\S{0,3}\s*(?:수\s*(?:가\s*)?있|가능|기간)"
)


def read_limitation(text: str, reading) -> None:
    reading.fact("limitation", True, re.search(LIMITATION, text).group(0))
    # not "상속세·증여세와는 무관한 건입니다": those taxes said to be beside the point
    if re.search(r"상속|증여", text) and not re.search(r"(?:상속|증여)[^.?!]{0,10}?(?:와는|과는)\s*무관", text):
        case = "inheritance-gift-fraud" if fraud_said(text) else (
            "inheritance-gift-no-return" if no_return(text) else "inheritance-gift")  # fmt: skip
    else:
        offshore = "offshore-" if present(r"역외|해외|국외", text) else ""  # not "역외거래는 없었습니다"
        case = "fraud" if fraud_said(text) else "no-return" if no_return(text) else "general"
        case = (offshore + case) if case != "general" else (offshore.rstrip("-") or "general")
    reading.fact("case", case, "")
    m = re.search(r"(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})", text)
    year = re.search(
        r"(?<!\d)(\d{4}|\d{2}(?=\s*년))\s*(?:년\s*)?(?:도\s*)?(?:귀속|분|사업\s*연도)", text
    )  # "21년 귀속분"
    if m is None and year is not None and re.search(r"종합소득|종소|양도소득|양도세|법인세", text):
        said = int(year.group(1))
        # 종합소득세: 5월 31일 (소득세법 제70조), 양도소득세 확정신고도 5월 31일 (제110조); 법인세: 3월 31일 (12월 결산)
        y = (said + 2000 if said < 100 else said) + 1
        due = f"{y}-05-31" if re.search(r"종합소득|종소|양도소득|양도세", text) else f"{y}-03-31"
        if "03-31" in due:
            reading.assume("12월 결산 법인으로 보아 법정신고기한은 다음 해 3월 31일")
        reading.fact("due_date", due, year.group(0))
        reading.say(f"부과제척기간, 법정신고기한 {due}, {CASE_LABELS[case]}")
        return
    said = re.search(  # "신고기한은 2016.11.30이었음": the due date said as such
        r"신고\s*기한\S{0,3}\s*(?:은|는|이|:)?\s*(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})", text
    )
    m = said or m
    given = None if said else event_month(text)
    if given and case.startswith("inheritance-gift") and (m is None or text.find(given[3]) == m.start()):
        # 상증법 제67조·제68조: 신고기한은 상속개시일(증여일)이 속하는 달의 말일부터 6개월(3개월)
        year, month, what, words = given
        months = 3 if what == "증여" else 6
        y, mo = divmod(year * 12 + month - 1 + months, 12)
        due = date(y, mo + 1, calendar.monthrange(y, mo + 1)[1]).isoformat()
        reading.assume(f"{words}: 신고기한은 그 달 말일부터 {months}개월인 {due}로 봄 (상증법 제67조·제68조)")
        reading.fact("due_date", due, words)
        reading.say(f"부과제척기간, 법정신고기한 {due}, {CASE_LABELS[case]}")
        return
    if m is None:
        reading.lack("법정신고기한 (예: 2025-05-31)")
        return
    due = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    reading.fact("due_date", due, m.group(0))
    reading.say(f"부과제척기간, 법정신고기한 {due}, {CASE_LABELS[case]}")


def event_month(text: str) -> tuple[int, int, str, str] | None:
    """(year, month, 증여 or 상속, words) of a gift or a death: "2024년 4월에 증여받았어요", "상속개시일은 2023년 2월"."""
    # "2018년 3월에 아버지한테 받은 돈 증여 신고": the gift's words a few words after its month
    m = re.search(  # "2012년 3월 15일에 돌아가셨는데": the day of the event; "2016.8.20 부친(당시 74세)으로부터 …
        # 토지 증여", "2016년 3월 10일에 울 아빠한테.. 아 아빠 아니고 엄마한테 … 증여했는데": the event's words further on
        r"(\d{4})\s*[.년]\s*(\d{1,2})\s*(?:월|\.)?\s*(?:\d{1,2}\s*(?:일|\.)?)?\S{0,2}\s*"
        r"(?:(?!신고|기한|\d{4})[^?!\n]){0,40}?(증여|상속|돌아가|사망|별세|받은|받았)",
        text,
    )
    if m:
        gift = m[3] == "증여" or m[3] in ("받은", "받았") and "상속" not in text
        return int(m[1]), int(m[2]), "증여" if gift else "상속", m[0]
    # "상속개시일은 2023년 2월", "돌아가신 날이 2021년 4월이에요", "증여받은 날: 2024.3"
    m = re.search(
        r"(상속\s*개시일|증여일|사망일|돌아가신\s*날|별세하신\s*날|증여\s*받은\s*날)\S{0,2}\s*(\d{4})\s*[.년]\s*(\d{1,2})",
        text,
    )
    if m:
        return int(m[2]), int(m[3]), "증여" if m[1].startswith("증여") else "상속", m[0]
    return None
