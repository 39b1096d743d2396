"""Spans of time said in words, rewritten as digits the readers know, before amounts and durations are read:
small Hangul numerals before 년/개월 ("보유기간 칠년"), a day count before a word of lateness ("삼십 일 늦게"),
English years ("held 6 years"), weeks, 보름, "한 달 반" and native day counts (이틀, 열흘)."""

from __future__ import annotations

import re

from taxqa.tax.words import count_value, sino_number

DAY_WORDS = dict(
    하루=1, 이틀=2, 사흘=3, 나흘=4, 닷새=5, 엿새=6, 이레=7, 여드=8, 아흐=9, 열흘=10, 스무=20, 일주=7, 보름=15
)
WEEKS = re.compile(
    r"(?<![\d.])(\d{1,2})\s*주\s*(?:일)?(?=\s*(?:을|이나|동안|간)?\s*(?:쯤|정도|가량|남짓)?\s*(?:늦|지연|지나|뒤|후|만에|연체|초과|경과|넘|있다가))"
)
# a payment a whole year or more late: "납부를 1년 밀렸고", "두 해 늦게"
YEARS_LATE = re.compile(
    r"(?<![\d.])(\d{1,2}|한|두|세)\s*(?:년|해)\s*(?:이나|동안|간|을)?\s*(?=밀리|밀렸|밀린|늦게|연체|체납)"
)
# small Hangul numerals before a unit of time: "보유기간 칠년", "삼년 육개월"
HANGUL_SPAN = re.compile(
    r"(?<![가-힣])([일이삼사오육칠팔구]?십?[일이삼사오육칠팔구]?)\s*(년|개월)(?=[간동째전후\s,.?!]|이면|이고|을|를|은|는|의|에|$)"
)


# "삼십 일 늦게" (the space keeps 삼십일, 31, apart): a day count before a word of lateness
HANGUL_DAYS = re.compile(
    r"(?<![가-힣])([이삼사오육칠팔구]?십[일이삼사오육칠팔구]?|[이삼사오육칠팔구])\s+일(?=\s*(?:늦|지연|연체|동안|간|만에|째|후|뒤|지나|경과|초과|넘))"
)


# years counted in native numbers with 해 and a ten ("근속은 스물두 해", "서른 해"); "한 해" stays a phrase
NATIVE_YEARS = re.compile(
    r"(?<![가-힣])(열|스물|서른|마흔)\s*(한|두|세|네|다섯|여섯|일곱|여덟|아홉)?\s*해(?=[\s,.?!]|입|이|를|을|동안|간|째|$)"
)
NATIVE_TEN = dict(열=10, 스물=20, 스무=20, 서른=30, 마흔=40, 쉰=50)


def plain_spans(text: str) -> str:
    """`text` with its spans of time said in words written as digits."""
    text = NATIVE_YEARS.sub(lambda m: f"{NATIVE_TEN[m[1]] + (count_value(m[2]) if m[2] else 0)}년", text)
    text = HANGUL_SPAN.sub(lambda m: f"{sino_number(m[1])}{m[2]}" if m[1] else m[0], text)
    text = HANGUL_DAYS.sub(lambda m: f"{sino_number(m[1])}일", text)  # "삼십 일 늦게": 30일
    text = re.sub(r"\bheld\s+(?:for\s+)?(\d{1,2})\s*years?\b", r"보유 \1년", text, flags=re.I)
    text = re.sub(r"(?<![\d.])(\d{1,2})\s*years?\b", r"\1년", text, flags=re.I)
    text = re.sub(  # "16년 하고 두 달", "3년에 다섯 달": years and months said apart, written as one span
        r"(\d{1,2})\s*년\s*(?:하고|과|에)\s*(\d{1,2}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:개월|달)",
        lambda m: f"{m[1]}년 {count_value(m[2])}개월",
        text,
    )
    text = re.sub(r"(\d{1,2})\s*년\s*(?:하고(?:도)?|과|에)\s*반\s*년", r"\1년 6개월", text)  # "7년 하고 반년"
    text = YEARS_LATE.sub(lambda m: f"{count_value(m[1]) * 365}일 ", text)  # "딱 1년 밀렸고": 365 days late
    text = WEEKS.sub(lambda m: f"{int(m[1]) * 7}일", text)  # "2주 늦게": 14일
    text = re.sub(r"(?<![가-힣])보름", "15일", text)  # "보름 늦게": 15 days
    text = re.sub(  # "한 달 반 늦게": 45 days
        r"(?<![가-힣\d])(한|두|세|\d{1,2})\s*(?:달|개월)\s*반(?![가-힣])",
        lambda m: f"{count_value(m[1]) * 30 + 15}일",
        text,
    )
    text = re.sub(  # "마흔닷새", "스무하루", "열이틀": a native ten and a day count, as one number of days
        r"(?<![가-힣])(열|스무|서른|마흔|쉰)\s*(하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레)",
        lambda m: f"{NATIVE_TEN[m[1]] + DAY_WORDS[m[2][:2]]}일",
        text,
    )
    text = re.sub(
        r"(?<![가-힣])(이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘|스무\s*날|일주일|보름)",  # native day counts
        lambda m: f"{DAY_WORDS[m[1][:2]]}일",
        text,
    )
    return text


SEASON = re.compile(r"((?:19|20)\d{2})\s*년\s*(봄|여름|가을)")
SEASON_MONTH = {"봄": 4, "여름": 7, "가을": 10}  # the middle month: 3-5, 6-8, 9-11 (겨울 spans two years)
# "2018년 겨울에 산": the winter that begins in that year, December (January-February of the next year give the
# same whole years to any date in March-November); the reading asks when it counts a span from it
WINTER = re.compile(r"((?:19|20)\d{2})\s*년\s*겨울(?=에|\s|,|쯤|경)")


def season_months(text: str) -> str:
    """'2011년 가을에 산 땅을 2026년 봄에 팔아요': two dates said by different seasons give the whole years
    between them whatever the days (14 here), so each season is read as its middle month."""
    said = list(SEASON.finditer(text))
    months = [int(m[1]) for m in re.finditer(r"(?:19|20)\d{2}\s*년\s*(\d{1,2})\s*월", text)]
    # "1998년 가을에 산 … 2026년 2월에 팔았어": a month outside the season gives the same whole years to any day
    # of it, so the season is read as its middle month
    one = len(said) == 1 and len(months) == 1 and abs(months[0] - SEASON_MONTH[said[0][2]]) > 1
    if not one and (len(said) != 2 or said[0][2] == said[1][2]):
        return WINTER.sub(lambda m: f"{m[1]}년 12월", text)
    return WINTER.sub(lambda m: f"{m[1]}년 12월", SEASON.sub(lambda m: f"{m[1]}년 {SEASON_MONTH[m[2]]}월", text))


RELATIVE_YEAR = {"재작년": 2, "작년": 1, "지난해": 1, "올해": 0, "금년": 0, "올": 0}  # "올 4월 말에"


RELATIVE_MONTH = {"지지난": 2, "지난": 1, "저번": 1, "이번": 0, "이": 0, "다음": -1, "오늘": 0, "현재": 0}
# "지난달 4억에 팔림", "이번 달에 양도": a month said relative to the question's date, for a sale, a leaving, a
# payment or a late return
MONTH_AGO = re.compile(
    r"(?<![가-힣])(?:(지지난|지난|저번|이번|이|다음)\s*달|(오늘|현재)(?=\s*[\d,억천만원\s]{0,14}(?:에\s*)?(?:팔|판|매도|양도)))"
    r"(?=\s*(?:에|말|초)?\s*[^.?!\n]{0,16}?(?:팔|판|매도|양도|퇴사|퇴직|그만|마지막\s*(?:근무|출근)"
    r"|납부|냈|낸\s|냄|기한\s*후\s*신고|수정\s*신고))"  # "지난달 15일에야 납부했습니다": the day paid or filed
)
# "퇴사 이번 달 말", "양도: 지난달", "잔금 이번 달": the month after its label, as a list or a form writes it
LABEL_MONTH_AGO = re.compile(
    r"(?<=(?:퇴사|퇴직|양도|매도|잔금)[\s:])\s*(지지난|지난|저번|이번|이)\s*달(?=\s*(?:말|초|중)?(?:에|\s|$|[,.]))"
)


def slashed_date(m: re.Match) -> str:
    """ "11/20/2025" (month first, as abroad) or "20/11/2025" (day first) as "2025년 11월 20일" when the order shows
    (one part over 12); "03/04/2025" stays as written, unread, for a flag."""
    a, b, y = int(m[1]), int(m[2]), m[3]
    if a <= 12 < b <= 31:
        return f"{y}년 {a}월 {b}일"
    if b <= 12 < a <= 31:
        return f"{y}년 {b}월 {a}일"
    return m[0]


def dated_months(text: str, day: str | None) -> str:
    """'작년 12월 31일자로 퇴사', '올해 3월 양도', '지난달 팔림': a month said of a year (or a month) named relative
    to the question's date, written with its calendar year so a span between two dates can be counted."""
    # "2019. 8. 1.", "2016.8.20", "2019.5월": a dotted date written in words, read like "2019년 8월 1일" (not a span's
    # end, "2025.1.1~12.31", read as it was)
    text = re.sub(
        r"(?<![\d.,~∼])((?:19|20)\d{2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})(?![\d,]|\s*[억만천원]|\.?\s*[~∼-])(?:\s*\.(?!\d))?",
        r"\1년 \2월 \3일",
        text,
    )
    text = re.sub(
        r"(?<![\d.,~∼])((?:19|20)\d{2})\s*\.\s*(\d{1,2})\s*(?:월|\.\s*(?=경))", r"\1년 \2월", text
    )  # "2019. 8.경"
    text = re.sub(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])", slashed_date, text)
    if day is None:
        return text
    year, month = int(day[:4]), int(day[5:7])

    def month_ago(m: re.Match) -> str:  # "오늘 4억 5천에 팔았다": today's month, the amount kept after it
        n = year * 12 + month - 1 - RELATIVE_MONTH[m[1] or m[2]]
        return f"{n // 12}년 {n % 12 + 1}월"

    text = MONTH_AGO.sub(month_ago, text)
    text = LABEL_MONTH_AGO.sub(month_ago, text)
    text = re.sub(
        r"(?<![가-힣])(재작년|작년|지난해|올해|금년|올)\s*(?=\d{1,2}\s*월)",
        lambda m: f"{year - RELATIVE_YEAR[m[1]]}년 ",
        text,
    )

    def full_year(m: re.Match) -> str:  # "'19년 3월에", "24년 8월에 산": a year written with its last two digits
        yy = int(m[2])
        if not m[1] and (2000 + yy > year or re.search(DURATION_WORD, text[max(0, m.start() - 8) : m.start()])):
            return m[0]  # "보유 10년 3월": a duration, not a year
        return f"{2000 + yy if 2000 + yy <= year else 1900 + yy}년 "

    return re.sub(r"(?<![\d,.가-힣])(['’‘])?(\d{2})\s*년\s*(?=\d{1,2}\s*월(?:에|\s|,|부터|~))", full_year, text)


DURATION_WORD = r"보유|근속|근무|거주|다닌|동안|간|째"
