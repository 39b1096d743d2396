"""Nets on time: a year said in the question that the figure was not computed for.

The rate tables are chosen by a date (taxqa.tax.rates.select): the question's date unless a kind's
reader found the tax's own (a 사업연도, a 귀속 year, a death). When the question names an earlier year
for its event and that year's tables give another figure, the figure may be for the wrong year, however
the year was written ("사업연도 2025.1.1~12.31", "2025 귀속", "2025년에 받은"). The figure is kept and
flagged; a year whose tables give the same figure is no fact the figure depends on, so nothing is said.
"""

from __future__ import annotations

import re

# a calendar year as written beside a date, a period or its unit: "2025년", "2025.1.1", "2025-03", "2025 귀속"
YEAR = re.compile(
    r"(?<![\d.,])(20[0-3]\d|19[5-9]\d)(?=\s*(?:년|[./-]\s*\d|\s*(?:사업\s*연도|귀속|회계\s*연도|과세\s*연도)))"
)


def figures_at(reading, as_of: str) -> dict | None:
    from taxqa.errors import UserError
    from taxqa.tax.compute import compute
    from taxqa.tax.kinds import KINDS

    try:
        return KINDS[reading.kind].figure_values(compute(reading.kind, **reading.inputs, as_of=as_of))
    except UserError:
        return None


def flag_year_not_used(reading) -> None:
    """The latest year said is before the year whose tables were used, and its tables give another figure."""
    if reading.kind is None or reading.missing or not reading.as_of or reading.inputs.get("limitation"):
        return
    used = int(reading.as_of[:4])
    years = [(int(m.group(1)), m) for m in YEAR.finditer(reading.text)]
    if not years:
        return
    year, hit = max(years, key=lambda ym: ym[0])
    if year >= used:
        return
    now, then = figures_at(reading, reading.as_of), figures_at(reading, f"{year}-12-31")
    if now is None or then is None or now == then:
        return
    reading.unclear(
        f"'{hit.group(0)}'년이 질문에 있는데 {used}년 기준 세율로 계산함: 어느 해(사업연도·귀속·증여일 등)의 세금인지 확인해 주세요"
    )


def whole_years(first: dict, last: dict, part_year_counts: bool) -> int:
    months = (last["year"] - first["year"]) * 12 + last["month"] - first["month"]
    if part_year_counts:  # 근속연수: a part year is a year (소득세법 제48조①)
        return -(-months // 12)
    return months // 12  # 보유기간: whole years (제95조④)


PERIOD_INPUT = {"transfer": ("held_years", False), "retirement": ("years", True)}


def flag_dates_not_used(reading) -> None:
    """Two dates said to the month ("취득 2019년 9월 … 잔금일 2026년 5월 20일"), both left unused, whose span in whole
    years is not the period the figure was computed with: the period was taken from something else (the years
    alone, another number), so it is flagged when the span would change the figure."""
    from taxqa.tax.signals import changes_figure

    if reading.kind not in PERIOD_INPUT or reading.missing or reading.inputs.get("limitation"):
        return
    name, part_year = PERIOD_INPUT[reading.kind]
    dates = [
        m.value
        for m in reading.mentions
        if m.type == "date" and m.used_as is None and m.value.get("month") and not m.value.get("attribution")
    ]
    if len(dates) != 2 or reading.inputs.get(name) is None:
        return
    first, last = sorted(dates, key=lambda d: (d["year"], d["month"]))
    span = whole_years(first, last, part_year)
    if span != reading.inputs[name] and span >= 0 and changes_figure(reading, {name: span}):
        reading.unclear(
            f"{first['year']}년 {first['month']}월 ~ {last['year']}년 {last['month']}월은 {span}년인데 "
            f"{reading.inputs[name]}년으로 계산함: 기간을 확인해 주세요"
        )
