"""Question reading: a Korean question -> the tax kind, the calculator inputs (each fact with the
words it came from), the assumptions taken for what is missing, and what is missing or ambiguous.

`read_question` dispatches to the reader of the first kind in `taxqa.tax.kinds.KINDS` that
recognises the question; `ask` is the `taxqa tax ask --json` contract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from taxqa.amounts import iter_amounts
from taxqa.errors import UserError
from taxqa.tax.kinds import KINDS
from taxqa.tax.result import TaxResult

# A question asks for a figure when it has one of these words.
ASKS_FIGURE = re.compile(
    r"얼마|계산|산출|세액|세금|내야|내나|낼|납부|몇\s*원|과세표준|공제액|근로소득금액|환급|부담|나오|"
    r"세(?:은|는|이|가)?\s*(?:\?|어떻게)"
)


@dataclass
class Fact:
    """One thing the question says (or the reader assumed), with the words it came from."""

    name: str  # a calculator input (amount, relation, children, ...) or a descriptive fact (heirs, donor)
    value: Any
    words: str  # the words of the question; "" for a value assumed, not read

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "words": self.words}


@dataclass
class Reading:
    """What a question says. `inputs` holds the calculator keyword arguments read or assumed
    (only those that differ from the calculator's defaults); `facts` the evidence for them."""

    text: str
    kind: str | None = None
    inputs: dict[str, Any] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    understood: str = ""
    summary: list[str] = field(default_factory=list)  # Korean phrases for the understood line
    as_of: str | None = None

    def fact(self, name: str, value: Any, words: str = "", *, input: bool = True) -> None:
        """Record a fact; `input` facts also set the calculator input `name`."""
        self.facts.append(Fact(name, value, words.strip()))
        if input:
            self.inputs[name] = value

    def assume(self, text: str) -> None:
        if text not in self.assumptions:
            self.assumptions.append(text)

    def lack(self, text: str) -> None:
        """A fact the result depends on that the question does not give."""
        if text not in self.missing:
            self.missing.append(text)

    def unclear(self, text: str) -> None:
        """A fact the question gives in a way that can be read more than one way."""
        if text not in self.ambiguous:
            self.ambiguous.append(text)

    def say(self, phrase: str) -> None:
        """Add a phrase to the Korean line of what was understood."""
        self.summary.append(phrase)

    @property
    def computable(self) -> bool:
        return self.kind is not None and not self.missing

    def compute(self) -> TaxResult:
        from taxqa.tax.compute import compute

        return compute(self.kind, **self.inputs, as_of=self.as_of)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "inputs": dict(self.inputs),
            "facts": [f.to_dict() for f in self.facts],
            "understood": self.understood,
            "assumptions": list(self.assumptions),
            "missing": list(self.missing),
            "ambiguous": list(self.ambiguous),
        }


def normalise(text: str) -> str:
    """The question with the act's own name removed (상속세 및 증여세법 names both taxes)."""
    return re.sub(r"상속세\s*및\s*증여세법", "상증법", text)


def read_question(text: str, as_of: str | date | None = None) -> Reading:
    """Read a Korean question. kind is None when no calculator fits (then `missing` says why)."""
    day = None if as_of is None else (as_of.isoformat() if isinstance(as_of, date) else str(as_of))
    clean = normalise(text)
    reading = Reading(text=text, as_of=day)
    has_amount = any(True for _ in iter_amounts(clean))
    for kind in sorted(KINDS.values(), key=lambda k: k.order):
        if kind.recognise is None or kind.reader is None or not kind.recognise(clean):
            continue
        if not has_amount and not kind.extra.get("reads_without_amount"):
            continue
        reading.kind = kind.name
        kind.reader(clean, reading)
        break
    else:
        reading.lack("어떤 세금을 계산할지 알 수 없음" if has_amount else "금액이 없어 계산할 수 없음")
    return finish(reading)


def finish(reading: Reading) -> Reading:
    if reading.kind is not None and not reading.missing:
        try:
            reading.compute()
        except UserError as exc:
            reading.lack(f"계산기가 받을 수 없는 값: {exc}")
    kind = KINDS.get(reading.kind) if reading.kind else None
    head = kind.subject if kind else "계산할 수 없는 질문"
    parts = ", ".join(reading.summary)
    reading.understood = f"{head}: {parts}" if parts else head
    return reading


def ask(text: str, as_of: str | date | None = None) -> dict[str, Any]:
    """The `taxqa tax ask --json` object: kind, inputs, understood, assumptions, missing, result
    (+ facts and ambiguous). `result` is `taxqa tax KIND --json` for the inputs, or None."""
    reading = read_question(text, as_of)
    result = reading.compute().to_dict() if reading.computable else None
    return {
        "kind": reading.kind if reading.computable else None,
        "inputs": dict(reading.inputs),
        "understood": reading.understood,
        "assumptions": list(reading.assumptions),
        "missing": list(reading.missing + reading.ambiguous),
        "result": result,
        "facts": [f.to_dict() for f in reading.facts],
    }


# --- the old interface: a Scenario for computable questions that ask for a figure ----------


@dataclass
class Scenario:
    kind: str
    kwargs: dict[str, Any]
    assumptions: list[str] = field(default_factory=list)

    def compute(self) -> TaxResult:
        from taxqa.tax.compute import compute

        return compute(self.kind, **self.kwargs)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "kwargs": dict(self.kwargs), "assumptions": list(self.assumptions)}


def scenario_from_question(text: str) -> Scenario | None:
    """A computable case in a question that asks for a figure, or None (derived from read_question)."""
    if not ASKS_FIGURE.search(text):
        return None
    reading = read_question(text)
    if not reading.computable:
        return None
    return Scenario(reading.kind, dict(reading.inputs), list(reading.assumptions))
