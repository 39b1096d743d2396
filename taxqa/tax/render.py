"""Deterministic Korean answers from a calculator result (the calc-mode answer template)."""

from __future__ import annotations

import re

from taxqa.amounts import format_won
from taxqa.errors import UserError
from taxqa.tax.kinds import KINDS
from taxqa.tax.result import TaxResult


def conclusion(result: TaxResult) -> str:
    """The final figures, each named for what it is: 납부할 세액 only where credits were applied."""
    custom = KINDS[result.kind].extra.get("conclusion")
    if custom is not None:
        return custom(result)
    if result.kind == "wage":
        return (
            f"총급여액 {format_won(result.tax_base)}의 근로소득공제는 {format_won(result.extra['deduction'])}, "
            f"근로소득금액은 {format_won(result.extra['income'])}입니다."
        )
    if result.kind == "income":
        return (
            f"과세표준은 {format_won(result.tax_base)}, 산출세액은 {format_won(result.computed_tax)}입니다 "
            f"(지방소득세 {format_won(result.extra['local_tax'])} 별도). 세액공제·감면과 기납부세액은 반영하지 않은 "
            "금액이라 실제 납부할 세액은 이보다 적을 수 있습니다."
        )
    if result.kind == "vat":
        head = f"과세표준은 {format_won(result.tax_base)}, 매출세액은 {format_won(result.computed_tax)}, "
        head += f"매입세액은 {format_won(result.credits[0].amount)}"
        if result.payable < 0:
            return f"{head}이고, 환급세액은 {format_won(-result.payable)}입니다."
        return f"{head}이고, 납부세액은 {format_won(result.payable)}입니다."
    head = f"과세표준은 {format_won(result.tax_base)}, 산출세액은 {format_won(result.computed_tax)}"
    if result.payable < 0:
        tail = f"환급세액은 {format_won(-result.payable)}입니다."
    else:
        tail = f"납부할 세액은 {format_won(result.payable)}입니다."
    if "local_tax" in result.extra:
        tail = tail[:-1] + f" (지방소득세 {format_won(result.extra['local_tax'])} 별도)."
    return f"{head}이고, {tail}"


def render_answer(result: TaxResult, style: str = "teacher", assumptions: list[str] | None = None) -> str:
    """A deterministic Korean answer: steps with their articles, then the final figures.

    style "teacher": every step with its citation; "student": the key steps in plain words.
    """
    if style not in ("teacher", "student"):
        raise UserError(f"style: expected teacher or student, got {style!r}")
    notes = list(dict.fromkeys(re.sub(r"\s*\([a-z-]+\)", "", n) for n in [*(assumptions or []), *result.notes]))
    subject = KINDS[result.kind].subject
    if style == "teacher":
        lines = [f"{subject}는 다음 순서로 계산합니다."]
        for i, s in enumerate(result.steps, 1):
            lines.append(f"{i}. {s.label}: {format_won(s.amount)} ({s.law})" + (f" — {s.note}" if s.note else ""))
        lines.append("")
        lines.append("따라서 " + conclusion(result))
        if notes:
            lines.append("")
            lines.append("※ 전제: " + "; ".join(notes) + ".")
        lines.append("근거: " + ", ".join(result.citations))
        return "\n".join(lines)
    # student: plain words, only the steps that change the amount
    key = [s for s in result.steps if any(w in s.label for w in ("공제", "할증", "과세최저한", "면제"))]
    lines = [f"{subject}를 쉽게 계산해 보면 이렇습니다."]
    for s in key:
        lines.append(f"- {s.label}: {format_won(s.amount)} ({s.law})")
    lines.append(conclusion(result))
    if notes:
        lines.append("(전제: " + "; ".join(notes) + ")")
    return "\n".join(lines)
