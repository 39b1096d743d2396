"""The result every calculator returns: figures in whole won, steps with their statute."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Step:
    label: str  # Korean, e.g. "증여재산공제 (직계존속)"
    amount: int
    law: str  # e.g. "상속세 및 증여세법 제53조"
    note: str = ""  # how the amount was obtained, e.g. "2억4천만원 + (10억원 초과분 × 40%)"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label, "amount": self.amount, "law": self.law}
        if self.note:
            d["note"] = self.note
        return d


@dataclass
class TaxResult:
    kind: str  # gift, inheritance, income, wage, vat, vat-simple
    as_of: str  # ISO date of the law version applied
    tax_base: int
    computed_tax: int  # 산출세액, surcharges included
    payable: int  # what is owed after credits; negative = refund (VAT)
    steps: list[Step]
    credits: list[Step] = field(default_factory=list)
    extra: dict[str, int] = field(default_factory=dict)  # deduction/income (wage), local_tax (income)
    notes: list[str] = field(default_factory=list)  # Korean: assumptions, exemptions applied
    inputs: dict[str, Any] = field(default_factory=dict)

    @property
    def citations(self) -> list[str]:
        """Every article cited by the steps and credits, in order, without repeats."""
        seen: dict[str, None] = {}
        for s in [*self.steps, *self.credits]:
            if s.law:
                seen.setdefault(s.law, None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "as_of": self.as_of,
            "tax_base": self.tax_base,
            "computed_tax": self.computed_tax,
            "credits": [c.to_dict() for c in self.credits],
            "payable": self.payable,
            **self.extra,
            "steps": [s.to_dict() for s in self.steps],
            "citations": self.citations,
            "notes": list(self.notes),
            "inputs": dict(self.inputs),
        }
