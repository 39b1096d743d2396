"""Rate tables and statutory amounts as data, each with its 시행일 (effective date).

A new year's amendment is a new entry in a table, not a code change: the calculators ask
``select(name, as_of)`` for the version in force on a date. The tables live in
`taxqa.tax.rate_tables` (personal taxes) and `taxqa.tax.rate_tables_business` (법인세, 퇴직,
양도, 가산세); each table's first version is whole and every later one states only what changed
from the one before (`versions`). Every figure was read from the statute text (legalize-kr 2026
Markdown and law.go.kr JSON in ../shared/data); ``tests/test_tax_statute.py`` parses the
progressive tables back out of that text and compares them with these rows.

A progressive bracket is ``(over, up_to, base_tax, (num, den))``: for an amount
in (over, up_to], the result is ``base_tax + (amount - over) * num // den``
(up_to None = no upper bound). The statute writes each row exactly this way
("1천만원 + (1억원을 초과하는 금액의 100분의 20)").
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from taxqa.errors import UserError
from taxqa.tax.rate_tables import EOK, MAN, PERSONAL, Bracket, versions
from taxqa.tax.rate_tables_business import BUSINESS

__all__ = ["EOK", "INDUSTRIES", "MAN", "RELATIONS", "TABLES", "Bracket", "describe_bracket", "parse_as_of",
           "percent", "progressive", "select", "today", "versions", "whole_number"]  # fmt: skip

TABLES: dict[str, list[dict[str, Any]]] = {**PERSONAL, **BUSINESS}

INDUSTRIES = tuple(TABLES["vat"][-1]["value_added_ratio"])
RELATIONS = ("spouse", "lineal_ascendant", "lineal_descendant", "other_relative", "other")
# the donor as the donee sees them (상증법 제53조), in Korean
RELATION_LABELS = {
    "spouse": "배우자",
    "lineal_ascendant": "직계존속",
    "lineal_descendant": "직계비속",
    "other_relative": "기타친족",
    "other": "타인",
}


# The date a run takes for "today" when none is given: the system's, unless this variable names one.
# `taxqa demo` pins it (taxqa.demo.DEMO_AS_OF), so that its records (the block's "YYYY-MM-DD 시행 법령
# 기준" line), tokenizer, training and judged figures are the same whatever day it runs; users' commands
# keep the system date.
AS_OF_ENV = "TAXQA_AS_OF"


def system_date() -> date:
    return date.today()


def today() -> date:
    """The run's today: $TAXQA_AS_OF when set, else the system date."""
    pinned = os.environ.get(AS_OF_ENV, "").strip()
    if not pinned:
        return system_date()
    try:
        return date.fromisoformat(pinned)
    except ValueError as exc:
        raise UserError(f"{AS_OF_ENV}: expected a date like 2026-01-01, got {pinned!r}") from exc


def parse_as_of(value: str | date | None) -> date:
    """The law date: a date, an ISO string, or None for the run's today (`today`)."""
    if value is None:
        return today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise UserError(f"--as-of: expected a date like 2026-01-01, got {value!r}") from exc


def whole_number(value: int | str | None, name: str) -> int | None:
    """A count or a number of days/years given to a calculator: an int >= 0 (None stays None)."""
    if value is None:
        return None
    try:
        n = int(value)
    except (TypeError, ValueError) as exc:
        raise UserError(f"{name}: expected a whole number, got {value!r}") from exc
    if n < 0:
        raise UserError(f"{name}: expected a number >= 0, got {n}")
    return n


def select(name: str, as_of: date) -> dict[str, Any]:
    """The version of table `name` in force on `as_of` (the latest with effective <= as_of)."""
    versions = [v for v in TABLES[name] if date.fromisoformat(v["effective"]) <= as_of]
    if not versions:
        first = TABLES[name][0]["effective"]
        raise UserError(f"no {name} table in force on {as_of.isoformat()} (data starts {first})")
    return max(versions, key=lambda v: v["effective"])


def progressive(amount: int, brackets: list[Bracket]) -> tuple[int, Bracket]:
    """Apply a statute table to `amount`: (result floored to the won, the bracket used)."""
    for row in brackets:
        over, up_to, base, (num, den) = row
        if up_to is None or amount <= up_to:
            return base + (amount - over) * num // den, row
    raise AssertionError("a progressive table must end with an open bracket")


def percent(num: int, den: int) -> str:
    """(3, 100) -> '3%', (5, 1000) -> '0.5%'."""
    return f"{num * 100 / den:g}%"


def describe_bracket(row: Bracket) -> str:
    """'1천만원 + (1억원 초과분 × 20%)' style text for steps and answers."""
    from taxqa.amounts import format_won

    over, _, base, (num, den) = row
    pct = percent(num, den)
    if base == 0 and over == 0:
        return f"과세표준 × {pct}"
    return f"{format_won(base)} + ({format_won(over)} 초과분 × {pct})"
