"""The result every calculator returns: figures in whole won, steps with their statute.

JSON contract (`TaxResult.to_dict`, printed by `taxqa tax KIND --json`), the same for every kind:
`tax_base`, `computed_tax` (산출세액), `credits` (label, amount, law = article), `determined_tax`
(결정세액: after credits and reductions), `payable` (what remains after withheld tax or
prepayments; negative = refund), `local_tax` (지방소득세 where it applies, else 0), `steps`,
`as_of`, `inputs`, `citations`, `assumptions` (Korean), plus `kind`, `notes` and the kind's
own figures (`extra`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def article(law: str, n: str) -> str:
    """article("소득세법", "59-2") -> "소득세법 제59조의2"."""
    num, _, branch = n.partition("-")
    return f"{law} 제{num}조" + (f"의{branch}" if branch else "")


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
    kind: str  # gift, inheritance, income, wage, vat, vat-simple, salary, transfer, corporate, ...
    as_of: str  # ISO date of the law version applied
    tax_base: int
    computed_tax: int  # 산출세액, surcharges included
    payable: int  # what is owed after credits and prepayments; negative = refund
    steps: list[Step]
    credits: list[Step] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # the kind's own figures (deduction, local_tax ...)
    notes: list[str] = field(default_factory=list)  # Korean: remarks and assumptions
    inputs: dict[str, Any] = field(default_factory=dict)
    determined_tax: int | None = None  # 결정세액; None = 산출세액 - credits
    assumptions: list[str] = field(default_factory=list)  # Korean: what was assumed for missing facts

    def __post_init__(self) -> None:
        if self.determined_tax is None:
            self.determined_tax = self.computed_tax - sum(c.amount for c in self.credits)
        self.notes = list(dict.fromkeys([*self.notes, *self.assumptions]))  # the text output shows both

    @property
    def local_tax(self) -> int:
        return int(self.extra.get("local_tax", 0))

    @property
    def citations(self) -> list[str]:
        """Every article cited by the steps and credits, in order, without repeats."""
        seen: dict[str, None] = {}
        for s in [*self.steps, *self.credits]:
            if s.law:
                seen.setdefault(s.law, None)
        return list(seen)

    def all_assumptions(self) -> list[str]:
        """The assumptions, with the notes of older calculators that state one ("... 가정")."""
        return list(dict.fromkeys([*self.assumptions, *(n for n in self.notes if "가정" in n)]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "as_of": self.as_of,
            "tax_base": self.tax_base,
            "computed_tax": self.computed_tax,
            "credits": [{**c.to_dict(), "article": c.law} for c in self.credits],
            "determined_tax": self.determined_tax,
            "payable": self.payable,
            **self.extra,
            "local_tax": self.local_tax,
            "steps": [s.to_dict() for s in self.steps],
            "citations": self.citations,
            "assumptions": self.all_assumptions(),
            "notes": list(self.notes),
            "inputs": dict(self.inputs),
        }
