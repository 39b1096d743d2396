"""국세기본법 제26조의2 부과제척기간: how long after a 법정신고기한 the tax can still be assessed, by
case (`taxqa tax penalty --limitation`; the penalty kind's record reads and renders it)."""

from __future__ import annotations

from datetime import date, timedelta

from taxqa.errors import UserError
from taxqa.tax.rates import parse_as_of, select
from taxqa.tax.result import Step, TaxResult

CASE_LABELS = {
    "general": "일반 (신고한 경우)",
    "offshore": "역외거래",
    "no-return": "무신고",
    "offshore-no-return": "역외거래 무신고",
    "fraud": "부정행위로 포탈·환급",
    "offshore-fraud": "역외거래 부정행위",
    "inheritance-gift": "상속세·증여세",
    "inheritance-gift-no-return": "상속세·증여세 무신고",
    "inheritance-gift-fraud": "상속세·증여세 부정행위",
    "inheritance-gift-false-return": "상속세·증여세 거짓·누락신고",
}
CASES = tuple(CASE_LABELS)
# other names a caller may use for a case (the kinds' own words, the tax instead of "inheritance-gift")
CASE_ALIASES = {
    "under-report": "general",
    "inheritance": "inheritance-gift",
    "gift": "inheritance-gift",
    "inheritance-no-return": "inheritance-gift-no-return",
    "gift-no-return": "inheritance-gift-no-return",
    "inheritance-fraud": "inheritance-gift-fraud",
    "gift-fraud": "inheritance-gift-fraud",
}


def add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February in a year without one
        return d.replace(year=d.year + n, day=28)


def limitation_period(due_date: date | str, case: str = "general", *, as_of: date | str | None = None) -> TaxResult:
    """부과제척기간 (제26조의2) for a 법정신고기한 `due_date`: it runs from the next day (the day the tax
    can be assessed, 시행령 제12조의3) for N years, so it ends on the same date N years after the due date."""
    day = parse_as_of(as_of)
    table = select("limitation", day)
    case = CASE_ALIASES.get(case, case)
    if case not in table["years"]:
        raise UserError(f"case: expected one of {', '.join(table['years'])}, got {case!r}")
    try:
        due = date.fromisoformat(str(due_date).strip())
    except ValueError as exc:
        raise UserError(f"due_date: expected a date like 2025-05-31, got {due_date!r}") from exc
    n = table["years"][case]
    start = due + timedelta(days=1)
    end = add_years(due, n)
    para = "④" if case.startswith("inheritance-gift") else "②" if case != "general" and case != "offshore" else "①"
    law = table["law"]
    steps = [
        Step(f"법정신고기한 {due.isoformat()}", 0, law),
        Step(f"부과할 수 있는 날 {start.isoformat()} (신고기한 다음 날)", 0, "국세기본법 시행령 제12조의3"),
        Step(f"부과제척기간 {n}년 ({CASE_LABELS[case]}, 제26조의2{para})", 0, law),
        Step(f"제척기간 만료일 {end.isoformat()}", 0, law),
    ]
    expired = day > end
    notes = [
        f"{day.isoformat()} 현재 제척기간이 " + ("지나 더 이상 부과할 수 없음" if expired else "남아 있음"),
        "쟁송 결정·판결, 상호합의 등 특례기간(제26조의2⑥)은 반영하지 않음",
    ]
    extra = {"limitation_years": n, "limitation_start": start.isoformat(), "limitation_end": end.isoformat(),
             "expired": expired}  # fmt: skip
    inputs = {"limitation": True, "due_date": due.isoformat(), "case": case}
    return TaxResult("penalty", day.isoformat(), 0, 0, 0, steps, [], extra, notes, inputs)
