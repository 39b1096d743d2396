"""Ages read from years of birth ("2010년 9월생", "빠른 08년생"), as the law counts them: 만 나이 on the day
that matters (a death, the law date). A Korean count said beside them ("우리 나이로 열일곱") is the year count,
one or two more than 만 나이, so the birth date decides. Self-contained, for any kind's reader."""

from __future__ import annotations

import re
from datetime import date

from taxqa.tax.family import DEATH

# "2010년 9월생", "2016년 2월 생", "2008년생", "08년생", "빠른 2008년생" (born in January or February)
BORN = re.compile(
    r"(?P<early>빠른\s*)?(?<!\d)(?P<year>(?:19|20)?\d{2})\s*년\s*(?:(?P<month>1[0-2]|0?[1-9])\s*월\s*)?(?:생|출생|에\s*태어)"
)
# the year a death is said in, with its month: "올해 3월에 … 세상을 떠났어요", "작년 11월에 돌아가셨습니다"
WHEN = r"(?P<when>올해|올|금년|작년|지난해|재작년|(?P<y>(?:19|20)\d{2})\s*년(?!\s*(?:\d{1,2}\s*월\s*)?(?:생|출생)))\s*(?:(?P<m>1[0-2]|0?[1-9])\s*월)?"
YEARS_BACK = {"올해": 0, "올": 0, "금년": 0, "작년": 1, "지난해": 1, "재작년": 2}


def event_day(text: str, as_of: date) -> tuple[date, bool]:
    """The day of the death the question tells of (its month's first day), and whether its month was said;
    without one, the law date."""
    m = re.search(WHEN + r"\s*(?:에는?|엔)?\s*[^.?!\n]{0,24}?(?:" + DEATH + ")", text)
    if m is None:
        return as_of, False
    year = int(m["y"]) if m["y"] else as_of.year - YEARS_BACK[m["when"]]
    return date(year, int(m["m"] or 1), 1), m["m"] is not None


def born_ages(text: str, as_of: date, under: int) -> tuple[list[tuple[int, str]], list[str]]:
    """The 만 나이 under `under` of each birth said, on the day of the death, with the words; and notes of
    those ages not sure (the month of birth or of the death not said, the age on either side of a birthday)."""
    found = list(BORN.finditer(text))
    if not found:
        return [], []
    day, month_said = event_day(text, as_of)
    ages, notes = [], []
    for m in found:
        year = int(m["year"]) + (0 if len(m["year"]) == 4 else 2000 if int(m["year"]) <= day.year % 100 else 1900)
        month = int(m["month"]) if m["month"] else 2 if m["early"] else None
        age = day.year - year - (1 if month is None or day.month < month else 0)
        if age >= under:  # an adult's birth ("아버지는 1950년생"): no minor's years
            continue
        if month is None or (not month_said and month > 1) or (month == day.month):
            # the birthday falls on either side of the day: the age is one of two
            words = m.group(0).strip()
            notes.append(f"'{words}'의 만 나이가 생일에 따라 {age}세 또는 {age + 1}세: 생년월일 확인이 필요")
        ages.append((age, m.group(0).strip()))
    return ages, notes


def twins_twice(text: str, ages: list, children: int) -> list:
    """Each age said of twins ("만 15살 쌍둥이 딸 둘이랑 만 11살 아들", "쌍둥이 둘(만 10세)이랑 막내 7세") counted for
    both: the age nearest each 쌍둥이 or "둘 다", while fewer ages than children were said."""
    if len(ages) >= (children or 0):
        return ages
    at = [text.find(w) for _, w in ages]
    doubled = set()
    for cue in re.finditer(r"쌍둥이|(?:둘|두\s*명|2\s*명)\s*(?:다|모두)", text):
        near = [i for i, p in enumerate(at) if p >= 0 and abs(p - cue.start()) <= 16]
        if near:
            doubled.add(min(near, key=lambda i: abs(at[i] - cue.start())))
    out = [a for i, a in enumerate(ages) for _ in range(2 if i in doubled else 1)]
    return out if len(out) <= children else ages
