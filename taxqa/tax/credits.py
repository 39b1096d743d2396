"""The 세액공제 tables of the 연말정산 applied: 근로소득세액공제 한도 (소득세법 제59조②) and
자녀세액공제 (제59조의2①); the rows are in `taxqa.tax.rates` (`salary`, `child_credit`)."""

from __future__ import annotations

import re
from datetime import date

from taxqa.amounts import format_won
from taxqa.tax.rates import parse_as_of, select


def wage_credit_limit(salary: int, rows: list) -> tuple[int, str]:
    """제59조②: the 근로소득세액공제 limit for a 총급여 (floored to the won), with how it was found."""
    for over, up_to, at_over, (num, den), floor in rows:
        if up_to is None or salary <= up_to:
            cut = -(-(salary - over) * num // den)  # ceil: the limit is floored to the won
            limit = max(at_over - cut, floor)
            if num == 0:
                return limit, f"급여 {format_won(up_to)} 이하 구간 {format_won(limit)}"
            how = f"{format_won(at_over)} - ({format_won(over)} 넘는 급여 × {num}/{den}), 최소 {format_won(floor)}"
            return limit, how
    raise AssertionError("the limit table ends with an open row")


def child_credit_min_age(table: dict, year: int, born: int | None = None) -> int:
    """The age (the 과세기간's year less the birth year) from which a child counts for the 자녀세액공제 of
    `year`: the table's, or during a phase-in the age of that year unless the child's birth year is excluded
    from it (소득세법 부칙 <제21548호> 제2조②③: 2026 9세, 2027 10세, 2028 11세, 2029 12세, not for 2017)."""
    phased = table.get("phase_in", {}).get(year)
    if phased is None or (born is not None and born == table.get("phase_in_excludes_born")):
        return table["min_age"]
    return phased


def child_age_rule(table: dict, year: int) -> str:
    """The age rule of `year` in words: '8세 이상', '9세 이상 (2017년생은 13세 이상)'."""
    rule = f"{child_credit_min_age(table, year)}세 이상"
    if year in table.get("phase_in", {}) and table.get("phase_in_excludes_born"):
        rule += f" ({table['phase_in_excludes_born']}년생은 {table['min_age']}세 이상)"
    return rule


def child_counts(table: dict, year: int, age: int) -> bool:
    """Whether a child of `age` in `year` (a 기본공제대상 자녀, 20세 이하) counts for the 자녀세액공제."""
    return child_credit_min_age(table, year, year - age) <= age <= 20


def child_credit_amount(children: int, table: dict) -> int:
    if children <= 0:
        return 0
    if children == 1:
        return table["one"]
    return table["two"] + (children - 2) * table["each_more"]


# "작년 총급여가 6천", "작년 원천징수영수증 보니까": the pay of the year before the question's, unless this year's
# is said too ("작년엔 환급받았는데 올해는"); "작년에 둘째가 태어났고" tells a birth, not the year of the pay
LAST_YEAR = (
    r"(?:작년|지난\s*해|전년(?!도\s*대비))(?=[^.?!\n]{0,14}(?:급여|연봉|월급|원천징수|귀속|연말정산|소득|벌었|받았))"
)
THIS_YEAR = r"올해|금년|이번\s*해|올\s*연말|이번\s*연말정산"


def child_table(as_of: str | None, text: str = "") -> tuple[dict, int]:
    """The 자녀세액공제 table and the 과세기간 (a year) the children's ages are taken in: the year of `as_of`, or
    the year before when the question tells last year's pay and not this year's."""
    day = parse_as_of(as_of)
    if re.search(LAST_YEAR, text) and not re.search(THIS_YEAR, text):
        day = date(day.year - 1, 12, 31)
    return select("child_credit", day), day.year


def year_note(as_of: str | None, ages: list[int], text: str = "") -> str | None:
    """A line asking which 과세기간 is meant when a child's age counts under this year's rule and not last
    year's, or the other way round ("9살": 2025 귀속 8세 이상, 2026 귀속 9세 이상 but not for 2017년생)."""
    table, year = child_table(as_of, text)
    last = select("child_credit", date(year - 1, 12, 31))
    changed = [a for a in ages if child_counts(table, year, a) != child_counts(last, year - 1, a)]
    if not changed:
        return None
    said = ", ".join(f"{a}세, {year - a}년생" for a in changed)
    return (
        f"자녀({said})의 자녀세액공제: {year}년 귀속은 {child_age_rule(table, year)}, {year - 1}년 귀속은 "
        f"{child_age_rule(last, year - 1)}이라 {year}년 기준으로 계산함: 어느 해 귀속 연말정산인지 알려 주세요"
    )


def born_ages(text: str, year: int) -> list[int]:
    """Children's ages in the 과세기간 `year` from their years of birth ("2012년생", "2020년 11월생"): the credit's
    age is the year's less the birth year, whatever age the story says in 우리 나이 or 만 나이. A year of birth 20
    years or more back is no child's (a parent's "1953년생")."""
    years = re.findall(r"((?:19|20)\d{2})\s*년\s*(?:\d{1,2}\s*월\s*)?생", text)
    return [year - int(y) for y in years if 0 <= year - int(y) < 20]
