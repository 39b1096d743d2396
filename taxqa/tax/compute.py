"""Dispatch: run the calculator of a tax kind by name (the kinds are listed in taxqa.tax.kinds)."""

from __future__ import annotations

from typing import Any

from taxqa.errors import UserError
from taxqa.tax.kinds import KINDS
from taxqa.tax.result import TaxResult


def compute(kind: str, /, **kwargs: Any) -> TaxResult:
    """Run the calculator `kind` (gift, inheritance, income, wage, vat, vat-simple, ...)."""
    if kind not in KINDS:
        raise UserError(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    try:
        return KINDS[kind].calculator(**kwargs)
    except TypeError as exc:
        raise UserError(f"{kind}: bad arguments {sorted(kwargs)}: {exc}") from exc
