"""The 세액공제 tables of the 연말정산 applied: 근로소득세액공제 한도 (소득세법 제59조②) and
자녀세액공제 (제59조의2①); the rows are in `taxqa.tax.rates` (`salary`, `child_credit`)."""

from __future__ import annotations

from taxqa.amounts import format_won


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


def child_credit_amount(children: int, table: dict) -> int:
    if children <= 0:
        return 0
    if children == 1:
        return table["one"]
    return table["two"] + (children - 2) * table["each_more"]
