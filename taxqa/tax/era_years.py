"""Years and months said the old way, written as the readers read them: 단기 years ("단기 4352년" is 2019), years
named by the sixty-year cycle ("갑진년", "경인년": the latest such year not after the law date, said as assumed), and
months in Hangul ("시월", "유월", "섣달", "동짓달", "정월"). 일월 and 이월 are changed only where they can be nothing
else ("이월결손금" is a loss carried over, not February)."""

from __future__ import annotations

import re

from taxqa.tax.words import sino_number

DANGI_OFFSET = 2333  # 단기 (the Dangun era) 4352 is 2019
NUMERALS = "일이삼사오육칠팔구십백천"
DANGI = re.compile(rf"단기\s*(\d{{4}}|[{NUMERALS}]{{4,10}})\s*(년|해)?")
STEMS, BRANCHES = "갑을병정무기경신임계", "자축인묘진사오미신유술해"
CYCLE = re.compile(rf"(?<![가-힣])([{STEMS}])([{BRANCHES}])\s*년(?![가-힣]{{0,1}}(?:생|대))")
CYCLE_START = 1984  # 갑자년
MONTHS = {
    "정월": 1, "삼월": 3, "사월": 4, "오월": 5, "유월": 6, "칠월": 7, "팔월": 8, "구월": 9, "시월": 10,
    "십일월": 11, "동짓달": 11, "십이월": 12, "섣달": 12,
}  # fmt: skip
# 일월·이월 only before what follows a month ("일월부터", "이월 초에"), never "이월결손금", "이월된"
RISKY = {"일월": 1, "이월": 2}
AFTER_MONTH = r"(?=\s*(?:초|말|중순|하순|상순|부터|까지|에|달|경|쯤|께|중에|\d+\s*일|[,~]))"
MONTH = re.compile(
    rf"(?<![가-힣])(?:(음력|양력)\s*)?({'|'.join(sorted(MONTHS, key=len, reverse=True))}|"
    rf"(?:{'|'.join(RISKY)}){AFTER_MONTH})(?!결손|공제|된|금|분)"
)


def cycle_year(stem: str, branch: str, latest: int) -> int | None:
    """The latest year not after `latest` that the cycle names stem+branch; None for a pair the cycle lacks."""
    i, j = STEMS.index(stem), BRANCHES.index(branch)
    if i % 2 != j % 2:
        return None
    offset = next(k for k in range(60) if k % 10 == i and k % 12 == j)
    return latest - (latest - CYCLE_START - offset) % 60


def in_common_era(text: str, latest: int) -> tuple[str, list[str]]:
    """(the text with old years and Hangul months in digits, what was assumed in doing so)."""
    assumed: list[str] = []

    def dangi(m: re.Match) -> str:
        said = int(m[1]) if m[1].isdigit() else sino_number(m[1])
        year = said - DANGI_OFFSET
        assumed.append(f"단기 {said}년을 {year}년으로 읽음")
        return f"{year}년"

    def cycle(m: re.Match) -> str:
        year = cycle_year(m[1], m[2], latest)
        if year is None:
            return m[0]
        assumed.append(f"'{m[0]}'을 {year}년으로 읽음 (60년마다 돌아오는 해 이름: 그 앞 {year - 60}년이면 알려 주세요)")
        return f"{year}년"

    def month(m: re.Match) -> str:
        if m[1] == "음력":
            assumed.append(f"음력 {m[2]}을 그 달로 보고 계산함 (양력 날짜가 다르면 기간이 달라질 수 있음)")
        return f"{MONTHS.get(m[2]) or RISKY[m[2]]}월"

    if "단기" in text:
        text = DANGI.sub(dangi, text)
    text = CYCLE.sub(cycle, text)
    return MONTH.sub(month, text), assumed
