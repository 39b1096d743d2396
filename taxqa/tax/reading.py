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
from taxqa.tax.asking_price import without_asking
from taxqa.tax.claimed import drop_claimed
from taxqa.tax.corrections import drop_corrected
from taxqa.tax.kinds import KINDS
from taxqa.tax.limitation_reading import LIMITATION
from taxqa.tax.mentions import Mention, read_mentions
from taxqa.tax.negation import negated
from taxqa.tax.nets import flag_follow_up
from taxqa.tax.normalise import normalise
from taxqa.tax.placing import place
from taxqa.tax.plain_question import plain_question
from taxqa.tax.plans import without_supposed
from taxqa.tax.rates import parse_as_of
from taxqa.tax.relative_figures import age_relations, settle, worked_relations
from taxqa.tax.result import TaxResult
from taxqa.tax.running_totals import last_running_totals, projected_totals
from taxqa.tax.spacing import spaced
from taxqa.tax.spoken_sums import flag_unsure, worked_out
from taxqa.tax.spoken_time import dated_months
from taxqa.tax.tax_terms import KIND_TAXES, NAMED_TAX, not_computed, only_asked, said_done, uncovered_tax
from taxqa.tax.words import (
    CLAUSE_END,
    quoted,
)

# "첫째, … ? 둘째, …": two questions numbered in one message (the second starts here)
SECOND_QUESTION = re.compile(r"(?:첫째|첫\s*번째)[^?？]{4,}[?？]\s*(?:둘째|두\s*번째)\s*[,:)]?\s")

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
    mentions: list[Mention] = field(default_factory=list)  # the question read into typed mentions
    tax_name: str | None = None  # the tax the question is about, in Korean (also when kind is None)
    result: TaxResult | None = None  # the calculator's result, computed once when the reading is done
    worked: list[str] = field(default_factory=list)  # the question's words a calculation said in them worked out
    relative: list[str] = field(default_factory=list)  # figures said relative to others and left uncomputed

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
            "mentions": [m.to_dict() for m in self.mentions],
            "tax_name": self.tax_name,
        }


TAX_NAMES = {"gift": "증여세", "inheritance": "상속세", "income": "종합소득세", "wage": "근로소득세",
             "salary": "근로소득세", "vat": "부가가치세", "vat-simple": "부가가치세", "transfer": "양도소득세",
             "corporate": "법인세", "penalty": "가산세", "retirement": "퇴직소득세"}  # fmt: skip


# the amount asked for in the words people use for it
PLAIN_FACT = {"inheritance": "(상속재산에서 빚·장례비를 뺀 금액)", "salary": "(연봉·1년 세전 급여)",
              "wage": "(연봉·1년 세전 급여)", "gift": "(받는 재산의 시가·금액)",
              "vat-simple": "(1년 매출, 부가세 포함)"}  # fmt: skip


# characters read at most: the passes grow faster than the text, and a longer paste is a document, not one question
MAX_READ = 5_000


def read_question(text: str, as_of: str | date | None = None) -> Reading:
    """Read a Korean question. kind is None when no calculator fits (then `missing` says why).

    The question is read once into typed mentions (taxqa.tax.mentions); the first kind that
    recognises it fills the inputs; then every mention is placed or reported (taxqa.tax.placing).
    A question typed without spaces ("딸한테2억주려고하는데증여세얼마예요") is read also spaced by the analyser;
    where the two readings differ, the figure is not stated as final. A text longer than MAX_READ characters is
    not read: it is refused in the reading's own words, so every surface says so instead of taking minutes."""
    if len(text) > MAX_READ:
        reading = Reading(text=text, as_of=None if as_of is None else parse_as_of(as_of).isoformat())
        reading.lack(f"질문이 너무 깁니다 ({len(text):,}자): 세금에 관한 부분만 {MAX_READ:,}자 이내로 보내 주세요")
        return finish(reading)
    reading = read_as_written(text, as_of)
    respaced, squashed = spaced(text)
    if squashed:
        other = read_as_written(respaced, as_of)
        if (other.kind, other.inputs) != (reading.kind, reading.inputs):
            reading.unclear("띄어쓰기 없이 쓴 부분이 있어 읽은 값이 확실하지 않음: 띄어 써서 다시 물어봐 주세요")
    return reading


def read_as_written(text: str, as_of: str | date | None = None) -> Reading:
    """Read a Korean question as written (see read_question)."""
    day = None if as_of is None else parse_as_of(as_of).isoformat()  # a bad date is a UserError
    text, assumed, doubts = plain_question(text, parse_as_of(day).year)
    clean = dated_months(normalise(text), day)
    reading = Reading(text=text, as_of=day)
    for said in assumed:
        reading.assume(said)
    for said in doubts:
        reading.unclear(said)
    clean = worked_out(clean, reading)  # "420에 근속연수 11을 곱한 금액": the calculation said in words, done
    clean = worked_relations(clean, reading)  # "산 값의 두 배", "작년(2억) 대비 10% 줄었어요": worked out
    reading.mentions = read_mentions(text, clean)
    age_relations(reading)  # "아버지는 어머니(67세)보다 4살 위": the age itself
    settle(reading)
    clean = drop_corrected(clean, reading)
    clean = projected_totals(
        last_running_totals(clean, reading), reading
    )  # "2월까지 누계 3,100만 / 3월까지 누계 4,850만": the last total
    clean = without_supposed(clean, reading)  # "만약 그때 팔았으면", "팔까 했는데": figures of what did not happen
    clean = without_asking(clean, reading)  # "호가는 15억 … 실거래가는 14억 2천": the asking price is no price
    clean = drop_claimed(clean, reading)  # "세금 970 나오던데 맞나요?", "7천 나오는 거 맞죠?": checked, not given
    if second := SECOND_QUESTION.search(clean):  # "첫째, … 근로소득공제는? 둘째, 환급은?": the first asked first
        cut = second.end() - len(re.search(r"(?:둘째|두\s*번째)\s*[,:)]?\s$", second.group(0)).group(0))
        clean = clean[:cut] + " " * (len(clean) - cut)
        reading.unclear("질문이 둘이라 첫째 질문만 계산함: 둘째 질문은 따로 물어봐 주세요")
    uncovered = uncovered_tax(clean)
    if uncovered is not None:
        reading.tax_name = uncovered
        reading.lack(not_computed(uncovered))
        return finish(reading)
    has_amount = any(True for _ in iter_amounts(clean)) or any(m.type == "unreadable" for m in reading.mentions)
    asked = asked_tax(clean)
    for kind in sorted(KINDS.values(), key=lambda k: k.order):
        if kind.recognise is None or kind.reader is None or not kind.recognise(clean):
            continue
        if asked is not None and KIND_TAXES.get(kind.name) not in (asked, None):
            continue
        if asked is not None and kind.name == "penalty" and not re.search(r"가산세|" + LIMITATION, clean):
            continue  # "그때는 신고 안 했어요 … 증여세 얼마": a gift's tax asked, a past return only told
        reading.kind = kind.name
        if not has_amount and not kind.extra.get("reads_without_amount"):
            plain = PLAIN_FACT.get(kind.name, "")
            reading.lack(f"{kind.subject} 계산에 필요한 금액: {kind.main_fact}{plain} (질문에 금액이 없음)")
            break
        kind.reader(clean, reading)
        set_aside_done(clean, reading)
        break
    else:
        reading.lack("어떤 세금을 계산할지 알 수 없음" if has_amount else "금액이 없어 계산할 수 없음")
        flag_follow_up(reading)  # "그럼 3억이면요?": say what it points back at, whatever the tax
    flag_unsure(reading)
    place(reading, reading.mentions)
    reading.tax_name = tax_name_of(reading)
    return finish(reading)


def said_as_none(clean: str, m: re.Match) -> bool:
    """ "의료업이라 부가세는 없고, …": a tax said not to apply, in a statement rather than a question."""
    if not negated(clean, *m.span()):
        return False
    right = CLAUSE_END.search(clean, m.end())
    return bool(
        right and right.group(0) != "?" and not re.search(r"나요|까요|는지|[되있없]나", clean[m.end() : right.start()])
    )


def set_aside_done(clean: str, reading) -> None:
    """ "부가세는 따로 신고했어요(작년 매출 2,400만 원). 그건 빼고 연말정산만": the amounts said in the sentence of
    another tax filed apart belong to that tax, and are left out of this one's calculation."""
    for name, words in NAMED_TAX:
        for m in re.finditer(words, clean):
            if name != KIND_TAXES.get(reading.kind) and said_done(clean, m):
                start = max([e.end() for e in re.finditer(r"[.?!\n]", clean[: m.start()])] or [0])
                end = next((e.start() for e in re.compile(r"[.?!\n]").finditer(clean, m.end())), len(clean))
                used = {v for v in reading.inputs.values() if isinstance(v, int) and not isinstance(v, bool)}
                for a in iter_amounts(clean[start:end]):
                    if a.value in used:  # the reader took it after all: say so rather than claim it was left out
                        reading.unclear(
                            f"{quoted(a.text, '이가')} 따로 신고한 {name}의 금액인지 이 계산의 금액인지 불분명함"
                        )
                    else:
                        reading.assume(f"{quoted(a.text, '은는')} 따로 신고한 {name}의 금액이라 계산에 넣지 않음")


def asked_tax(clean: str) -> str | None:
    """With several taxes named ("증여세랑 상속세 차이도 궁금한데요, 일단 부모님께 2억 받으면 증여세는?"),
    the one named from the last amount on; None when one or no tax is named."""
    named = {name for name, words in NAMED_TAX if any(not said_as_none(clean, m) for m in re.finditer(words, clean))}
    if len(named) == 1 and not named & {"종합소득세", "근로소득세"}:  # "직장인인데 이모가 ... 증여세": 증여세
        return next(iter(named))
    if len(named) > 1 and (alone := only_asked(clean)) in named:
        return alone
    # "부가세는 따로 신고했어요 … 그건 빼고 연말정산만": a tax said as filed apart is not the one asked
    left = {name for name in named if not all(said_done(clean, m) for m in re.finditer(dict(NAMED_TAX)[name], clean))}
    if len(left) == 1 and len(named) > 1:
        return next(iter(left))
    last = list(iter_amounts(clean))
    if len(named) < 2 or not last:
        return None
    left = max([m.end() for m in re.finditer(r"[?!\n]|[.,](?!\d)|는데|지만", clean[: last[-1].start])] or [0])
    tail = {name for name, words in NAMED_TAX if re.search(words, clean[left:])}
    return next(iter(tail)) if len(tail) == 1 else None


def tax_name_of(reading: Reading) -> str | None:
    terms = [m.value for m in reading.mentions if m.type == "term"]
    if reading.kind == "penalty" and reading.inputs.get("limitation"):
        named = [t for t in terms if t not in ("가산세", "국세 부과제척기간")]
        return f"{named[0]} 부과제척기간" if named else "국세 부과제척기간"
    if reading.kind is not None:
        return TAX_NAMES.get(reading.kind, KINDS[reading.kind].subject)
    return terms[0] if terms else None


def finish(reading: Reading) -> Reading:
    if reading.kind is not None and not reading.missing:
        try:
            reading.result = reading.compute()
        except UserError as exc:  # the calculator's own words are for the CLI; the reader says which value in Korean
            field = str(exc).split(":")[0].strip()
            label = KINDS[reading.kind].input_label(field) if field in KINDS[reading.kind].fields else "입력값"
            reading.lack(
                f"계산할 수 없는 값: {label} — 질문에서 읽은 값이 계산 조건에 맞지 않습니다. 값을 확인해 주세요"
            )
    kind = KINDS.get(reading.kind) if reading.kind else None
    head = (
        kind.subject
        if kind
        else (f"{reading.tax_name} (계산할 수 없는 질문)" if reading.tax_name else "계산할 수 없는 질문")
    )
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
    (+ facts, ambiguous, mentions, tax_name). `result` is `taxqa tax KIND --json` for the inputs,
    or None. `missing` also repeats the `ambiguous` lines (a result with either needs checking).
    `text` may be a finished Reading (taxqa.case reads once and keeps both)."""
    reading = text if isinstance(text, Reading) else read_question(text, as_of)
    result = reading.result.to_dict() if reading.computable and reading.result is not None else None
    return {
        "kind": reading.kind if reading.computable else None,
        "inputs": dict(reading.inputs),
        "understood": reading.understood,
        "assumptions": list(reading.assumptions),
        "missing": list(dict.fromkeys(reading.missing + reading.ambiguous)),
        "ambiguous": list(reading.ambiguous),
        "tax_name": reading.tax_name,
        "mentions": [m.to_dict() for m in reading.mentions],
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
