"""Calc-mode answers that read like a person wrote them.

Every answer states the figure the question asked for first, then how it was reached
(several wordings per tax kind: numbered steps, a short paragraph, the key steps only),
then what was assumed and the articles it rests on. The figures come from the calculator
(a `TaxResult` as a dict); no generation date, no CLI words. Questions that lack a fact
the tax depends on get an answer that names the missing fact and gives no figure.
"""

from __future__ import annotations

import functools
import random
import re
from typing import Any

from taxqa.amounts import format_won
from taxqa.tax.words import josa


@functools.cache
def cli_word() -> re.Pattern[str]:
    """'(income)', '(vat-simple)', '(--amount)': the command words a calculator note may carry."""
    from taxqa.tax.kinds import KINDS

    names = "|".join(re.escape(n) for n in sorted(KINDS, key=len, reverse=True))
    return re.compile(rf"\s*\((?:{names}|--[a-z-]+)\)")


def clean(text: str) -> str:
    """A calculator note without command words ('… 계산 (income)' -> '… 계산')."""
    return cli_word().sub("", text).strip()


def subject(kind: str) -> str:
    """The tax's Korean name from the registry, without its parenthetical ('부가가치세(간이과세)' -> '부가가치세')."""
    from taxqa.tax.kinds import KINDS

    return KINDS[kind].tax_name


def kind_hook(kind: str, name: str):
    """A kind's own answer wording (`extra["lead"]`, `extra["summary"]` of its record), or None."""
    from taxqa.tax.kinds import KINDS

    return KINDS[kind].extra.get(name)


def _won(value: int) -> str:
    return format_won(value)


def lead(result: dict[str, Any], asked: str, rng: random.Random) -> str:
    """The opening sentence: the asked figure, first."""
    kind, payable = result["kind"], result["payable"]
    name = subject(kind)
    own = kind_hook(kind, "lead")  # a kind whose answer leads with another figure (wage, income)
    if own is not None:
        return own(result, asked, rng)
    if asked == "determined_tax":
        tail = f"환급받을 세액은 {_won(-payable)}" if payable < 0 else f"납부할 세액은 {_won(payable)}"
        return f"결정세액은 {_won(result['determined_tax'])}이고, {tail}입니다."
    if payable < 0:
        return f"환급받을 세액은 {_won(-payable)}입니다."
    if asked == "tax_base":
        return f"과세표준은 {_won(result['tax_base'])}이고, 납부할 {name}는 {_won(payable)}입니다."
    if payable == 0:
        return rng.choice([f"납부할 {name}는 없습니다(0원).", f"내야 할 {name}는 0원입니다."])
    return rng.choice([
        f"납부할 {name}는 {_won(payable)}입니다.",
        f"내야 할 {name}는 {_won(payable)}입니다.",
        f"최종 납부세액은 {_won(payable)}입니다.",
        f"결론부터 말씀드리면, 납부할 세액은 {_won(payable)}입니다.",
    ])  # fmt: skip


def _step(step: dict[str, Any], with_law: bool = True) -> str:
    """'label: amount (law)': the step form the answer checker reads as that step, not as a result field."""
    text = f"{step['label']}: {_won(step['amount'])}"
    return text + (f" ({step['law']})" if with_law and step.get("law") else "")


def body(result: dict[str, Any], style: int) -> list[str]:
    """How the figure was reached: 0 numbered steps, 1 a paragraph, 2 the key steps only."""
    steps = result.get("steps") or []
    if style == 0:
        lines = ["계산 과정은 다음과 같습니다."]
        for i, s in enumerate(steps, 1):
            note = f" — {clean(s['note'])}" if s.get("note") else ""
            lines.append(f"{i}. {s['label']}: {_won(s['amount'])} ({s['law']}){note}")
        return lines
    if style == 1:
        words = ["먼저", "이어서", "그다음", "또", "그리고", "이어", "끝으로"]
        parts = []
        for i, s in enumerate(steps):
            word = words[min(i, len(words) - 2)] if i < len(steps) - 1 else words[-1]
            parts.append(f"{word} {_step(s)}")
        return [", ".join(parts) + "입니다."]
    key = [s for s in steps if re.search(r"공제|산출세액|세율|할증|매입세액|부가가치율", s["label"])] or steps
    return ["핵심만 보면 " + ", ".join(_step(s) for s in key) + "입니다."]


def summary(result: dict[str, Any], rng: random.Random) -> str:
    """The figures once more at the end (a reader who skims the working sees them again)."""
    kind, won = result["kind"], _won
    opener = rng.choice(["정리하면", "요약하면", "즉"])
    own = kind_hook(kind, "summary")
    if own is not None:
        return own(result, opener)
    payable = result["payable"]
    last = f"환급세액은 {won(-payable)}" if payable < 0 else f"납부할 세액은 {won(payable)}"
    return f"{opener} 과세표준은 {won(result['tax_base'])}, 산출세액은 {won(result['computed_tax'])}이고, {last}입니다."


def closing(result: dict[str, Any], assumptions: list[str], citations: list[str], rng: random.Random) -> list[str]:
    notes = list(dict.fromkeys(clean(n) for n in [*assumptions, *(result.get("notes") or [])] if clean(n)))
    lines = []
    if notes:
        opener = rng.choice(["이 계산은 다음을 전제로 했습니다: ", "전제: ", "다음과 같이 가정했습니다: "])
        lines.append(opener + "; ".join(notes) + ".")
    if citations:
        lines.append(rng.choice(["근거: ", "근거 조문: ", "관련 조문: "]) + ", ".join(citations))
    return lines


def calc_answer(
    result: dict[str, Any],
    asked: str,
    rng: random.Random,
    *,
    assumptions: list[str] = (),
    citations: list[str] | None = None,
) -> str:
    """A calc-mode answer: the asked figure, the working (one of three styles), the premises, the articles."""
    cited = list(result.get("citations") or []) if citations is None else citations
    lines = [lead(result, asked, rng), ""]
    lines += body(result, rng.randrange(3))
    lines += [summary(result, rng), ""] + closing(result, list(assumptions), cited, rng)
    return "\n".join(lines).strip()


def missing_answer(kind: str, rng: random.Random, citations: list[str] = ()) -> str:
    """The answer to a question that lacks the fact its tax depends on: what is missing, no figure."""
    from taxqa.tax.kinds import KINDS

    name, needed = subject(kind), " 및 ".join(KINDS[kind].needs)
    first = rng.choice([
        f"{josa(name, '을를')} 계산하려면 {josa(needed, '이가')} 필요한데, 질문에 나와 있지 않아 금액을 말씀드릴 수 없습니다.",
        f"질문만으로는 {josa(name, '을를')} 정할 수 없습니다. {josa(needed, '이가')} 빠져 있습니다.",
        f"{josa(needed, '을를')} 알 수 없어 {name} 금액은 계산하지 않았습니다.",
    ])  # fmt: skip
    lines = [first]
    if citations:
        lines.append(f"적용되는 규정은 {', '.join(citations)}입니다.")
    lines.append(rng.choice([f"{josa(needed, '을를')} 알려 주시면 단계별로 계산해 드리겠습니다.",
                             "빠진 사실을 알려 주시면 바로 계산해 드리겠습니다."]))  # fmt: skip
    return "\n".join(lines)
