"""Answer checking: the figures an answer states, read by what their words name, compared with
the calculator's result for the question (used by the quality gate, `taxqa generate --check`,
evaluation and the chat app)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from taxqa.amounts import format_won, iter_amounts
from taxqa.tax.kind import FIGURE_LABELS
from taxqa.tax.reading import scenario_from_question

# --- checking an answer -------------------------------------------------------------------

RESULT_LABELS = [  # (field, keyword pattern); the generic tax word needs a particle so "증여세 과세가액" is not read
    ("tax_base", r"과세\s*표준"),
    ("computed_tax", r"산출\s*세액"),
    ("determined_tax", r"결정\s*세액"),
    (
        "payable",
        r"납부할\s*(?:세액|세금|금액|증여세|상속세|소득세|부가가치세|부가세)|납부\s*세액|최종\s*(?:세액|납부액|세금|부담액?)|"
        r"실제\s*(?:납부|부담)\w*|내야\s*(?:할|하는)\s*(?:세금|세액|금액|증여세|상속세)|납부액|환급\s*세액|환급액|환급받을\s*(?:세액|금액)",
    ),
    ("deduction", r"근로소득\s*공제(?:액)?"),
    ("income", r"근로소득\s*금액"),
    ("local_tax", r"지방소득세"),
    # a word ending in 세액 (매입세액, 매출세액) is a step, not the result
    ("tax", r"(?<![가-힣])(?:증여세|상속세|소득세|부가가치세|부가세|세금|세액)(?:액)?\s*(?:은|는|이|가|:|：|으로|로)"),
]
FIELD_LABELS = {**FIGURE_LABELS, "tax": "세액"}  # what each field of a Verdict's `found` means
ANY_LABEL = re.compile("|".join(f"(?:{pattern})" for name, pattern in RESULT_LABELS if name != "tax"))
BOUND_AFTER = re.compile(r"\s*(?:을|를|이|가)?\s*(?:이하|초과|이상|미만|까지|한도|\+|×|x\s|\*|의\s*\d)")
APPROX = re.compile(r"약\s*$|대략\s*$")
SENTENCE_END = re.compile(r"(?<=다)\.|\.\s|\n|[?!]")


@dataclass
class Verdict:
    agree: bool
    expected: dict[str, int]
    found: dict[str, dict[str, Any]]
    reason: str
    assumptions: list[str] = field(default_factory=list)
    checked: bool = True  # False when the answer states no result figure (nothing to compare)
    kind: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "agree": self.agree,
            "checked": self.checked,
            "kind": self.kind,
            "expected": dict(self.expected),
            "found": {k: dict(v) for k, v in self.found.items()},
            "reason": self.reason,
            "assumptions": list(self.assumptions),
        }


def stated_amount(answer: str, start: int) -> tuple[int, str, bool] | None:
    """The result amount stated after a keyword ending at `start`: after the last '=' of the
    sentence if there is one, else the first amount that is not a bracket bound or formula term."""
    end = SENTENCE_END.search(answer, start)
    stop = min(end.end() if end else len(answer), start + 120)
    following = ANY_LABEL.search(
        answer, start, stop
    )  # "과세표준은 X이고, 산출세액은 ... = Y": stop before the next label
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
        return a.value, a.text, approx
    return None


def read_figures(answer: str) -> dict[str, dict[str, Any]]:
    """The figures the answer gives as its results, by field (the last statement of each wins)."""
    found: dict[str, tuple[int, dict[str, Any]]] = {}
    named = [m.span() for name, pattern in RESULT_LABELS if name != "tax" for m in re.finditer(pattern, answer)]
    for name, pattern in RESULT_LABELS:
        for m in re.finditer(pattern, answer):
            if name == "tax" and any(a <= m.start() < b or m.start() <= a < m.end() for a, b in named):
                continue  # "세액은" inside "산출세액은" is the named label, not the generic one
            got = stated_amount(answer, m.end())
            if got is None:
                continue
            value, text, approx = got
            if name == "payable" and "환급" in m.group(0):
                value = -value
            found[name] = (m.start(), {"label": m.group(0).strip(" :：은는이가으로"), "amount": value, "text": text,
                                       "approx": approx})  # fmt: skip
    if not found:  # fall back on the last amount of the last sentence that talks about tax
        for sentence in reversed([s for s in re.split(r"(?<=[.?!\n])", answer) if s.strip()]):
            amounts = [a for a in iter_amounts(sentence) if not BOUND_AFTER.match(sentence, a.end)]
            if amounts and re.search(r"세|세액|세금", sentence):
                a = amounts[-1]
                found["tax"] = (0, {"label": "최종 세액", "amount": a.value, "text": a.text, "approx": False})
                break
    return {k: v for k, (_, v) in sorted(found.items(), key=lambda kv: kv[1][0])}


def close(value: int, expected: int, approx: bool) -> bool:
    if value == expected:
        return True
    return approx and abs(value - expected) <= abs(expected) // 100


def check_answer(question: str, answer: str) -> Verdict | None:
    """Compare the result figures an answer states with the calculator's; None if not computable."""
    scenario = scenario_from_question(question)
    if scenario is None:
        return None
    result = scenario.compute()
    expected = {"tax_base": result.tax_base, "computed_tax": result.computed_tax, "payable": result.payable}
    expected |= {"determined_tax": result.determined_tax} | result.extra
    found = read_figures(answer)
    wrong, right = [], []
    for name, item in found.items():
        value, approx = item["amount"], item["approx"]
        if name == "tax":
            candidates = [result.payable, result.computed_tax] + ([-result.payable] if result.payable < 0 else [])
            if result.kind == "wage":
                candidates = [result.extra["deduction"]]
            ok = any(close(value, c, approx) for c in candidates)
            target = f"계산값 {format_won(candidates[0])}" + (
                f" (산출세액 {format_won(result.computed_tax)})" if result.kind != "wage" else ""
            )
        elif name in expected:
            ok = close(value, expected[name], approx)
            target = f"계산값 {format_won(expected[name])}"
        else:
            continue
        (right if ok else wrong).append(f"{item['label']} {format_won(value)}" + ("" if ok else f" != {target}"))
    if not right and not wrong:
        return Verdict(
            True, expected, found, "답변에 결과 금액이 없어 비교하지 않음", scenario.assumptions, False, result.kind
        )
    if wrong:
        reason = "; ".join(wrong)
    else:
        reason = "계산값과 일치: " + ", ".join(right)
    return Verdict(not wrong, expected, found, reason, scenario.assumptions, True, result.kind)
