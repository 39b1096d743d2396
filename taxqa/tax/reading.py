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
from taxqa.tax.rates import parse_as_of
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
    result: TaxResult | None = None  # the calculator's result, computed once when the reading is done

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


SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
SINO_UNITS = {"십": 10, "백": 100, "천": 1000}
HANGUL_AMOUNT = re.compile(
    r"(?<![가-힣\d])((?:[일이삼사오육칠팔구십백천]+\s*[억만]\s*)+)(?=원|\s*원|[을를이가은는의과와에,.\s]|$)"
)


def sino_number(word: str) -> int:
    """'이십' -> 20, '오천' -> 5000, '천' -> 1000."""
    total, digit = 0, 0
    for ch in word:
        if ch in SINO:
            digit = SINO[ch]
        else:
            total += (digit or 1) * SINO_UNITS[ch]
            digit = 0
    return total + digit


def hangul_amount(m: re.Match) -> str:
    """'이십억' -> '20억', '삼억 오천만' -> '3억 5000만' (only sums with a unit 억/만)."""
    parts = re.findall(r"([일이삼사오육칠팔구십백천]+)\s*([억만])", m.group(1))
    if not any(unit == "억" for _, unit in parts) and not re.match(r"\s*원", m.string[m.end() :]):
        return m.group(0)
    return " ".join(f"{sino_number(num)}{unit}" for num, unit in parts) + (" " if m.group(1).endswith(" ") else "")


def normalise(text: str) -> str:
    """The question in the shapes the amount parser reads: the act's own name removed (상속세 및
    증여세법 names both taxes), amounts in Hangul numerals as digits (이십억 -> 20억, 천만원 ->
    1천만원), and the spoken '3억5천' as 3억 5천만."""
    text = re.sub(r"상속세\s*및\s*증여세법", "상증법", text)
    text = re.sub(r"(?<![\d가-힣])(천|백)(만\s*원|만원)", r"1\1\2", text)
    text = HANGUL_AMOUNT.sub(hangul_amount, text)
    text = re.sub(r"(\d)\s*억\s*(\d{1,4})\s*천(?![만원\d])", r"\1억 \2천만", text)
    text = re.sub(r"(?<![\d,.])(\d{1,4})\s*천(?!\s*[만원\d억])", r"\1천만", text)  # "연봉 6천": 6천만원
    return re.sub(r"(\d)\s*억\s*(\d)\s*천\s*원", r"\1억 \2천만원", text)


def read_question(text: str, as_of: str | date | None = None) -> Reading:
    """Read a Korean question. kind is None when no calculator fits (then `missing` says why)."""
    day = None if as_of is None else parse_as_of(as_of).isoformat()  # a bad date is a UserError
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
            reading.result = reading.compute()
        except UserError as exc:
            reading.lack(f"계산할 수 없는 값: {exc}")
    kind = KINDS.get(reading.kind) if reading.kind else None
    head = kind.subject if kind else "계산할 수 없는 질문"
    parts = ", ".join(reading.summary)
    reading.understood = f"{head}: {parts}" if parts else head
    return reading


def complete_inputs(kind: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """Every calculator input of `kind`: the given ones, the calculator's defaults for the rest
    (sequences as lists), so two readings compare equal when they compute the same case."""
    import inspect

    params = inspect.signature(KINDS[kind].calculator).parameters
    full = {}
    for name in KINDS[kind].fields:
        value = inputs.get(name, params[name].default if name in params else None)
        full[name] = list(value) if isinstance(value, (tuple, list)) else value
    return full


def ask(text: str | Reading, as_of: str | date | None = None) -> dict[str, Any]:
    """The `taxqa tax ask --json` object: kind, inputs, understood, assumptions, missing, result
    (+ facts and ambiguous). `result` is `taxqa tax KIND --json` for the inputs, or None.
    `text` may be a finished Reading (taxqa.case reads once and keeps both)."""
    reading = text if isinstance(text, Reading) else read_question(text, as_of)
    result = reading.result.to_dict() if reading.computable and reading.result is not None else None
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
