"""Times anchored on events and holidays, written as the dates the readers read: a year named by a well-known
event ("한일 월드컵 하던 해" is 2002, "IMF 터진 이듬해" 1998, "평창 올림픽 하던 해 봄"), holidays fixed in the solar
calendar ("스승의 날" is 15 May), 설 and 추석 of a known year (they move with the lunar calendar: the table below
holds their days, said as assumed), "작년 연말", and a year of an event only the asker knows ("큰애 돌잔치 하던
해"), which is asked, never guessed."""

from __future__ import annotations

import re

# events every Korean reader dates alike; an event that spans years ("IMF 때", "코로나 때") is named here only
# by its start ("터진", "터지고"), so the year is never a guess
EVENTS = (
    (r"(?:IMF|외환\s*위기)\S{0,2}\s*(?:가\s*)?터[진지졌]", 1997),
    (r"(?:88|서울)\s*올림픽", 1988),
    (r"(?:한일|2002)\s*월드컵", 2002),
    (r"독일\s*월드컵", 2006),
    (r"베이징\s*올림픽|(?:글로벌|세계)\s*금융\s*위기\S{0,2}\s*(?:가\s*)?터[진지졌]", 2008),
    (r"남아공\s*월드컵", 2010),
    (r"런던\s*올림픽", 2012),
    (r"브라질\s*월드컵|세월호", 2014),
    (r"리우\s*올림픽", 2016),
    (r"평창\s*(?:동계\s*)?올림픽|러시아\s*월드컵", 2018),
    (r"코로나\S{0,2}\s*(?:가\s*)?터[진지졌]|마스크\s*(?:사려고\s*)?(?:\S+\s*)?줄\s*서|첫\s*재난\s*지원금", 2020),
    (r"도쿄\s*올림픽", 2021),  # held in 2021, a year late
    (r"카타르\s*월드컵", 2022),
    (r"파리\s*올림픽", 2024),
)
EVENT = re.compile("|".join(f"(?P<e{i}>{p})" for i, (p, _) in enumerate(EVENTS)))
# the word that points at the event's year, a few words on in the same sentence: "하던 해", "터진 이듬해",
# "줄 서던 그해 3월", "할 때", or a season or month said of it ("하던 가을", "줄 서던 3월")
ANCHOR = re.compile(
    r"[^.?!\n]{0,40}?(?:(?<![가-힣])(?P<next>(?:그\s*)?이듬\s*해|다음\s*해)|(?<![가-힣])(?P<year>그\s*해|해)(?![가-힣])"
    r"|(?<![가-힣])(?P<year2>해)(?=에|였|엔|는|의|가)|(?<![가-힣])(?P<when>때|무렵|즈음|당시)(?![가-힣])"
    r"|(?<![가-힣\d])(?P<season>(?=봄|여름|가을|겨울|\d{1,2}\s*월)))"
)

# holidays on the same solar day every year
FIXED_HOLIDAYS = {"삼일절": (3, 1), "어린이날": (5, 5), "어버이\\s*날": (5, 8), "스승의\\s*날": (5, 15),
                  "현충일": (6, 6), "제헌절": (7, 17), "광복절": (8, 15), "개천절": (10, 3), "한글날": (10, 9),
                  "성탄절|크리스마스": (12, 25)}  # fmt: skip
# 설 and 추석 by year, in the solar calendar (음력 1월 1일, 8월 15일)
SEOLLAL = {2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1),
           2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 7)}  # fmt: skip
CHUSEOK = {2016: (9, 15), 2017: (10, 4), 2018: (9, 24), 2019: (9, 13), 2020: (10, 1), 2021: (9, 21), 2022: (9, 10),
           2023: (9, 29), 2024: (9, 17), 2025: (10, 6), 2026: (9, 25), 2027: (9, 15)}  # fmt: skip
RELATIVE = {"재작년": 2, "작년": 1, "지난해": 1, "올해": 0, "금년": 0, "올": 0}
YEAR_SAID = r"(?:(?P<rel>재작년|작년|지난해|올해|금년|올)|(?P<abs>(?:19|20)\d{2})\s*년)"
LUNAR = re.compile(
    rf"(?<![가-힣]){YEAR_SAID}\s*(?P<day>설날?|구정|추석|한가위)(?:\s*연휴)?\s*(?=쇠|지나|끝나|직후|뒤|후|전|앞|에|때|무렵|즈음|연휴)"
)
YEAR_END = re.compile(rf"(?<![가-힣]){YEAR_SAID}\s*(?P<part>연말|연초)(?!\s*정산)")  # not 연말정산
# "올여름에 팔려고", "작년 가을에 산": a season of a year named relative to the question's
RELATIVE_SEASON = re.compile(r"(?<![가-힣])(재작년|작년|지난해|올해|금년|올)\s*(?=봄|여름|가을|겨울)")
# a year named by an event of the asker's own life: only the asker knows it
OWN_EVENT = re.compile(
    r"(?<![가-힣])(?:[가-힣]+\s+){0,2}[가-힣]+\s*(?:하던|했던|치르던|치렀던|치른|태어난|낳은)\s*해(?=[^가-힣]|였|에|엔|쯤|$)"
)


def event_year(m: re.Match) -> int:
    """The year of the event the EVENT match names."""
    return next(EVENTS[int(k[1:])][1] for k, v in m.groupdict().items() if v is not None)


def anchored(text: str) -> tuple[str, list[str]]:
    """The text with each event's year written where the question points at it ("하던 해" -> "2002년")."""
    said, out, at = [], [], 0
    for m in EVENT.finditer(text):
        if m.start() < at:
            continue
        anchor = ANCHOR.match(text, m.end())
        if anchor is None or re.search(r"(?:19|20)\d{2}\s*년", anchor.group(0)):
            continue  # "평창 올림픽 때 (2018년)": the year is said already
        year = event_year(m) + (1 if anchor["next"] else 0)
        start, end = anchor.start(anchor.lastgroup), anchor.end(anchor.lastgroup)
        if anchor["when"] and re.search(rf"{year}년[^.?!\n]{{0,30}}$", "".join(out) + text[at : m.start()]):
            continue  # "그해 여름 러시아 월드컵 할 때": the year is written just before
        word = f"{year}년 " if anchor["season"] is not None else f"{year}년에" if anchor["when"] else f"{year}년"
        out.append(text[at:start] + word)
        at = end
        said.append(f"'{text[m.start() : end].strip() or m.group(0)}': {year}년으로 읽음")
    text = "".join(out) + text[at:]
    for year in dict.fromkeys(re.findall(r"': (\d{4})년으로 읽음", "\n".join(said))):
        # "IMF 터진 이듬해, 그해 가을": 그해 is the year just named
        text = re.sub(rf"({year}년[^.?!\n]{{0,40}}?)(?<![가-힣])그\s*해(?![가-힣])", rf"\g<1>{year}년", text)
    return text, said


def event_dates(text: str, year: int) -> tuple[str, list[str], list[str]]:
    """(the text with event, holiday and year-end dates written in digits, what was assumed, what must be asked);
    `year` is the question's year, that of 올해."""
    assumed: list[str] = []
    text, said = anchored(text)
    assumed += said
    for name, (month, day) in FIXED_HOLIDAYS.items():  # "스승의 날(5월 15일)에": the date said once
        text = re.sub(
            rf"(?<![가-힣])(?:{name})\s*(?:\(\s*\d{{1,2}}\s*월\s*\d{{1,2}}\s*일\s*\))?", f"{month}월 {day}일", text
        )

    def lunar(m: re.Match) -> str:
        said_year = int(m["abs"]) if m["abs"] else year - RELATIVE[m["rel"]]
        table = CHUSEOK if m["day"] in ("추석", "한가위") else SEOLLAL
        if said_year not in table:
            return m.group(0)  # a year the table lacks: left as said, its month unread
        month, day = table[said_year]
        assumed.append(f"{said_year}년 {m['day']}을 양력 {month}월 {day}일로 봄 (음력 명절이라 해마다 날짜가 다름)")
        return f"{said_year}년 {month}월 {m['day']} "

    text = LUNAR.sub(lunar, text)
    # "설 쇠고 나서 그달 안에 설립": 그달 is the holiday's month
    text = re.sub(
        r"((\d{4})년 (\d{1,2})월 (?:설날?|구정|추석|한가위) [^.?!\n]{0,16}?)(?<![가-힣])그\s*달\s*(?:안에|중에|내에|에)?\s*",
        r"\1\2년 \3월 ",
        text,
    )
    # "입사 16년차": in the sixteenth year, 16 years of service (a part year of service counts whole)
    text = re.sub(r"(?<![가-힣])(?:입사|근속|근무)\s*(\d{1,2})\s*년\s*차", r"근속 \1년", text)
    text = RELATIVE_SEASON.sub(lambda m: f"{year - RELATIVE[m[1]]}년 ", text)
    text = YEAR_END.sub(  # "작년 연말에 팔았습니다": December of that year
        lambda m: f"{int(m['abs']) if m['abs'] else year - RELATIVE[m['rel']]}년 {12 if m['part'] == '연말' else 1}월",
        text,
    )
    doubts = [
        f"'{m.group(0).strip()}'가 몇 년인지 알 수 없음: 그해(예: 2019년)를 알려 주세요 "
        "(보유·근속 기간이나 10년 안의 증여 합산이 그 해에 따라 달라짐)"
        for m in OWN_EVENT.finditer(text)
    ]
    return text, assumed, doubts
