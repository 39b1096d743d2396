"""Answer checking: each figure an answer states is read as the field its words name (납부할 세액 ->
payable, 매출세액 -> output tax, 산출세액, 과세표준, a step such as 배우자상속공제 ...) and compared
with the calculator's result for the question; the answer is judged on the figure the question asks
for. Used by the quality gate, `taxqa generate --check`, evaluation and the chat app.

Verdict fields: `agree` (no stated figure wrong; None when nothing was checked), `checked` (the answer states a
figure at all), `asked` (the field the question asks for), `key_figure_ok` (the asked figure is
stated and right; None when the answer does not state it), `consistent`, `expected` (the
calculator's figures by field), `found` (the stated figures by field), `reason`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from taxqa.amounts import format_won, iter_amounts
from taxqa.tax.kind import FIGURE_LABELS
from taxqa.tax.kinds import KINDS, words_pattern
from taxqa.tax.reading import ASKS_FIGURE, read_question
from taxqa.tax.result import TaxResult

TAXES = words_pattern()  # every kind's words for its tax (taxqa.tax.kinds)
TAX_NOUN = rf"(?:세액|세금|금액|{TAXES})"
PAYABLE = (
    rf"납부할\s*{TAX_NOUN}|납부하(?:실|셔야\s*할|여야\s*할|야\s*할)\s*{TAX_NOUN}|(?<!기)납부\s*세액|차가감\s*납부할\s*세액|"
    rf"최종\s*(?:세액|납부액|세금|부담액?|납부\s*세액)|실제\s*(?:납부|부담)\w*|내야\s*(?:할|하는|될)\s*{TAX_NOUN}?|"
    rf"내셔야\s*(?:할|하는)\s*{TAX_NOUN}?|낼\s*{TAX_NOUN}|부담할\s*{TAX_NOUN}|납부액|"
    r"환급\s*세액|환급액|환급받을\s*(?:세액|금액)|돌려받을\s*(?:세액|금액|세금)"
)
# (field, pattern) in the order they are tried; a span claimed by one is not read again
LABELS: list[tuple[str, str]] = [
    ("output_tax", r"매출\s*세액"),
    ("input_tax", r"매입\s*세액"),
    ("computed_tax", r"(?:종합소득\s*|증여세\s*|상속세\s*)?산출\s*세액"),
    ("tax_base", r"(?:종합소득\s*|증여세\s*|상속세\s*)?과세\s*표준|과표"),
    ("determined_tax", r"결정\s*세액"),  # after credits; differs from payable once withheld tax is subtracted
    ("payable", PAYABLE),
    ("income", r"근로소득\s*금액"),
    ("deduction", r"근로소득\s*공제(?:액)?|(?<![가-힣])공제액"),
    ("local_tax", r"(?:개인\s*)?지방소득세"),
    ("salary", r"총\s*급여(?:액)?|연봉"),
    # the generic tax word needs a particle so "증여세 과세가액" is not read as a figure
    (
        "tax",
        rf"(?<![가-힣])(?:{TAXES}|세금|세액)(?:액)?\s*(?:은|는|이|가|:|：|으로|로)",
    ),
]
# an amount followed by one of these verbs is what the answer says is paid (or refunded)
PAY_VERB = re.compile(
    rf"\s*(?:원)?\s*(?:의\s*(?:세금|세액|{TAXES})\s*)?(?:을|를|이|가|만)?\s*"
    r"(?:최종적으로\s*|실제로\s*)?(?:납부|내(?:야|면|게|시|세|요|고|ㅂ|셔)|냅니다|부담하)"
)
REFUND_VERB = re.compile(r"\s*(?:원)?\s*(?:을|를|이|가)?\s*(?:환급|돌려\s*받)")
FIELD_LABELS = {**FIGURE_LABELS, "salary": "총급여액", "tax": "세액"}  # what each field of `found` means
ANY_LABEL = re.compile("|".join(f"(?:{pattern})" for name, pattern in LABELS if name != "tax"))
BOUND_AFTER = re.compile(r"\s*(?:을|를|이|가)?\s*(?:이하|초과|이상|미만|까지|한도|\+|×|x\s|\*|의\s*\d)")
OTHER_CASE = re.compile(r"(?:이전|종전|앞선|지난|과거|기존|작년|이미\s*낸|따로\s*계산한)\s*\S*\s*(?:의\s*)?\S*\s*$")
NOT_SUBJECT = re.compile(r"\s*(?:을|를|에서|에|보다|과|와|의)(?![가-힣]*\s*[:=])")
APPROX = re.compile(r"약\s*$|대략\s*$")
STEP_FORM = (
    r"\s*\([^()]*\)\s*[:：]\s*(?P<approx>약\s*)?"
    r"(?P<amount>\d[\d,.]*\s*[천백십]?\s*[조억만]?(?:\s*\d[\d,.]*\s*[천백십]?\s*[조억만]?)*\s*원?)"
)
STEP_VALUE = (
    r"\s*(?:\([^()]*\))?\s*(?:[:：]|은|는|이|가|으로|로|을|를|액은|액)?\s*(?P<approx>약\s*)?(?:총\s*)?"
    r"(?P<amount>\d[\d,.]*\s*[천백십]?\s*[조억만]?(?:\s*\d[\d,.]*\s*[천백십]?\s*[조억만]?)*\s*원?)"
)
SENTENCE_END = re.compile(r"(?<=다)\.|\.\s|\n|[?!]")
# the field a question asks for, by its words (tried in this order of preference)
ASKS = [
    ("payable", PAYABLE + r"|납부|내야|낼|얼마(?:나)?\s*(?:내|나와|나오)|환급|부담"),
    ("determined_tax", r"결정\s*세액"),
    ("computed_tax", r"산출\s*세액"),
    ("income", r"근로소득\s*금액"),
    ("deduction", r"근로소득\s*공제|공제액|공제(?:를|는|가)?\s*(?:얼마|몇)"),
    ("output_tax", r"매출\s*세액"),
    ("input_tax", r"매입\s*세액"),
    ("local_tax", r"지방소득세"),
    ("tax_base", r"과세\s*표준|과표"),
]
GIVEN_AFTER = re.compile(r"\s*(?:이|가|은|는|을|를)?\s*(?:약\s*)?\d")  # "과세표준이 5,000만원": a fact, not a question


@dataclass
class Verdict:
    agree: bool | None  # None when nothing was checked (the answer states no result figure)
    expected: dict[str, int]
    found: dict[str, dict[str, Any]]
    reason: str
    assumptions: list[str] = field(default_factory=list)
    checked: bool = True  # False when the answer states no result figure (nothing to compare)
    kind: str = ""
    asked: str = ""  # the field the question asks for (payable, computed_tax, tax_base, ...)
    key_figure_ok: bool | None = None  # the asked figure stated and right; None = not stated
    consistent: bool = True  # no stated figure is wrong
    understood: str = ""  # the Korean line of what the question was read as (taxqa.tax.reading)

    def to_dict(self) -> dict[str, Any]:
        return {
            "agree": self.agree,
            "checked": self.checked,
            "kind": self.kind,
            "asked": self.asked,
            "key_figure_ok": self.key_figure_ok,
            "consistent": self.consistent,
            "expected": dict(self.expected),
            "found": {k: dict(v) for k, v in self.found.items()},
            "reason": self.reason,
            "assumptions": list(self.assumptions),
            "understood": self.understood,
        }


def asked_field(question: str, kind: str) -> str:
    """The figure the question asks for: the most final field it names as a question (not as a
    given fact), else the kind's main figure; the kind's record says which fields it can be asked
    for and what a question's words mean for it (`asked_figures`, `asked_as`)."""
    record = KINDS[kind]
    figures = record.asked_figures
    for name, pattern in ASKS:
        for m in re.finditer(pattern, question):
            if GIVEN_AFTER.match(question, m.end()):
                continue
            if name in figures:
                return name
            if name in record.asked_as and record.asked_as[name] in figures:
                return record.asked_as[name]  # income: no credits are applied, the tax asked is the 산출세액
    return record.main_figure


def stated_amount(answer: str, start: int) -> tuple[int, str, bool, int] | None:
    """The result amount stated after a keyword ending at `start`: after the last '=' of the
    sentence if there is one, else the first amount that is not a bracket bound or formula term.
    (value, text, approximate, position)."""
    end = SENTENCE_END.search(answer, start)
    stop = min(end.end() if end else len(answer), start + 120)
    following = ANY_LABEL.search(answer, start, stop)  # "과세표준은 X이고, 산출세액은 ...": stop at the next label
    window = answer[start : following.start() if following else stop]
    offset = start
    eq = max(window.rfind("="), window.rfind("→"))
    if eq != -1:
        offset, window = start + eq + 1, window[eq + 1 :]
    for a in iter_amounts(window):
        if BOUND_AFTER.match(window, a.end):
            continue
        approx = bool(APPROX.search(answer[max(0, offset + a.start - 4) : offset + a.start]))
        approx = approx or bool(re.match(r"\s*(?:정도|가량|내외)", window[a.end :]))
        return a.value, a.text, approx, offset + a.start
    return None


def step_labels(result: TaxResult) -> dict[str, int]:
    """Named steps an answer may state (배우자상속공제, 신고세액공제, 일괄공제 ...) -> amount."""
    named: dict[str, int] = {}
    for s in [*result.steps, *result.credits]:
        head = re.split(r"\s*[(:]", s.label)[0].strip()
        if len(head) >= 4 and head not in named:
            named[head] = s.amount
    return named


def read_figures(answer: str, steps: dict[str, int] | None = None) -> dict[str, dict[str, Any]]:
    """The figures the answer gives, by field (the last statement of each wins); with `steps`
    (step label -> amount), named steps too, as "step:<label>"."""
    return {name: item for _, name, item in read_statements(answer, steps)}


def read_statements(answer: str, steps: dict[str, int] | None = None) -> list[tuple[int, str, dict[str, Any]]]:
    """Every figure statement of the answer as (position, field, {label, amount, text, approx}), in order."""
    found: list[tuple[int, str, dict[str, Any]]] = []
    claimed: list[tuple[int, int]] = []
    used: dict[int, str] = {}  # position of each amount already read -> its field

    def note(name: str, m_start: int, label: str, got, sign: int = 1) -> None:
        value, text, approx, pos = got
        used[pos] = name
        found.append((m_start, name, {"label": label, "amount": sign * value, "text": text, "approx": approx}))

    # a step's amount after its name ("배우자상속공제: 5억원"); a step named like a field ("증여세 산출세액
    # (제56조 ...): X" before the 세대생략 surcharge) only in the step form "name (...): amount"
    for head in sorted(steps or {}, key=len, reverse=True):
        value_form = STEP_FORM if ANY_LABEL.fullmatch(head) else STEP_VALUE
        for m in re.finditer(r"(?<![가-힣·])" + re.escape(head) + value_form, answer):
            if any(a <= m.start() < b for a, b in claimed) or m.start("amount") in used:
                continue
            a = next(iter_amounts(m.group("amount")), None)  # "3%" is not an amount
            if a is None or BOUND_AFTER.match(answer, m.start("amount") + a.end):
                continue
            claimed.append((m.start(), m.start() + len(head)))
            note(f"step:{head}", m.start(), head, (a.value, a.text, bool(m.group("approx")), m.start("amount")))
    for name, pattern in LABELS:
        for m in re.finditer(pattern, answer):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in claimed):
                continue  # "세액은" inside "산출세액은" is the named label, not the generic one
            claimed.append(m.span())
            if OTHER_CASE.search(answer[max(0, m.start() - 16) : m.start()]):
                continue  # "이전 증여분을 따로 계산한 산출세액": a figure of another case, not this result
            if NOT_SUBJECT.match(answer, m.end()):
                continue  # "매출세액을 넘어", "과세표준에 세율을 곱해": the figure is an object here, not stated
            got = stated_amount(answer, m.end())
            if got is not None and got[3] not in used:
                sign = -1 if name == "payable" and re.search(r"환급|돌려", m.group(0)) else 1
                note(name, m.start(), m.group(0).strip(" :：은는이가으로"), got, sign)
    for a in iter_amounts(answer):  # "…1,000만원을 납부합니다": the amount paid, whatever precedes it
        if used.get(a.start) == "payable" or BOUND_AFTER.match(answer, a.end):
            continue  # "매출세액 1,000만원을 납부합니다" says 1,000만원 is paid: read it as the payable too
        if PAY_VERB.match(answer, a.end):
            found.append((a.start, "payable", {"label": "납부", "amount": a.value, "text": a.text, "approx": False}))
        elif REFUND_VERB.match(answer, a.end):
            found.append((a.start, "payable", {"label": "환급", "amount": -a.value, "text": a.text, "approx": False}))
    if not found:  # fall back on the last amount of the last sentence that talks about tax
        for sentence in reversed([s for s in re.split(r"(?<=[.?!\n])", answer) if s.strip()]):
            amounts = [a for a in iter_amounts(sentence) if not BOUND_AFTER.match(sentence, a.end)]
            if amounts and re.search(r"세|세액|세금", sentence):
                a = amounts[-1]
                found.append((0, "tax", {"label": "최종 세액", "amount": a.value, "text": a.text, "approx": False}))
                break
    return sorted(found, key=lambda row: row[0])


def close(value: int, expected: int, approx: bool) -> bool:
    if value == expected:
        return True
    return approx and abs(value - expected) <= abs(expected) // 100


def expected_figures(result: TaxResult) -> dict[str, int]:
    """The calculator's figures by field, named as `found` names them."""
    kind = KINDS[result.kind]
    figures = all_figures(result)
    return kind.checked(result, figures) if kind.checked is not None else figures


def all_figures(result: TaxResult) -> dict[str, int]:
    """Every figure of a result by field (the TaxResult fields, its extra, the kind's own figures)."""
    figures = {"tax_base": result.tax_base, "computed_tax": result.computed_tax, "payable": result.payable}
    return figures | {"determined_tax": result.determined_tax} | result.extra | KINDS[result.kind].figure_values(result)


def check_answer(question: str, answer: str, as_of: str | None = None) -> Verdict | None:
    """Read ``question`` and check ``answer`` against it (None if the question is not computable).
    A request that has read its question already checks its `taxqa.case.Case` (`Case.check`)."""
    if not ASKS_FIGURE.search(question):
        return None
    reading = read_question(question, as_of)
    if not reading.computable:
        return None
    notes = reading.assumptions + reading.ambiguous
    return check_figures(question, reading.result, answer, notes=notes, understood=reading.understood)


def check_figures(
    question: str, result: TaxResult, answer: str, *, notes: list[str] = (), understood: str = ""
) -> Verdict:
    """The one figure check: each figure ``answer`` states against the calculator's ``result`` for
    ``question`` (judged on the figure the question asks for). `agree` is None when the answer
    states no result figure (nothing was checked), else whether no stated figure is wrong."""
    record = KINDS[result.kind]
    figures = all_figures(result)
    expected = expected_figures(result)
    asked = asked_field(question, result.kind)
    asked = record.asked_as.get(asked, asked)  # wage: the "과세표준" asked is the deduction
    steps = step_labels(result)
    statements = read_statements(answer, steps)
    found = {name: item for _, name, item in statements}
    wrong, right = [], []
    key: bool | None = None
    for _, name, item in statements:
        value, approx = item["amount"], item["approx"]
        if name == "tax":  # "증여세는 X": the payable or the computed tax
            # 증여세·상속세 "는 X": the payable or the 산출세액 before the filing credit; VAT: what is paid
            generic = [figures[field_name] for field_name in record.plain_tax]
            ok = any(close(value, c, approx) for c in generic)
            target = f"계산값 {format_won(generic[0])}" + (
                f" (산출세액 {format_won(result.computed_tax)})" if len(generic) > 1 else ""
            )
            if asked in ("payable", "computed_tax", "deduction") and asked in expected and asked not in found:
                hit = close(value, expected[asked], approx)
                key = hit if key is None else key and hit
        elif name.startswith("step:"):
            ok = close(value, steps[name[5:]], approx)
            target = f"계산값 {format_won(steps[name[5:]])}"
        elif name in expected:
            ok = close(value, expected[name], approx)
            target = f"계산값 {format_won(expected[name])}"
            if name == asked:
                key = ok if key is None else key and ok
        else:
            continue
        (right if ok else wrong).append(f"{item['label']} {format_won(value)}" + ("" if ok else f" != {target}"))
    asked_label = record.label_of(asked)
    if not right and not wrong:
        return Verdict(None, expected, found, "답변에 결과 금액이 없어 비교하지 않음", list(notes), False,
                       result.kind, asked, None, True, understood)  # fmt: skip
    if wrong:
        reason = "; ".join(wrong)
    else:
        reason = "계산값과 일치: " + ", ".join(right)
    if key is None:
        reason += f" (질문이 묻는 {asked_label}은 답변에 없음)"
    consistent = not wrong
    return Verdict(consistent, expected, found, reason, list(notes), True, result.kind, asked, key, consistent,
                   understood)  # fmt: skip
