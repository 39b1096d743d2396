"""The grounding a served answer is made with, and the figure check of the answer.

Grounding is the statute articles retrieved for the question and, for a computable
question, the calculator's result: ``{"articles": [...], "calculation": {...} | None}``.
"""

from __future__ import annotations

from typing import Any

from taxqa.errors import UserError

ARTICLE_CHARS = 600  # per article in the prompt; the panel gets the full text


def articles_for(question: str, k: int) -> list[dict[str, Any]]:
    from taxqa.corpus import search

    articles, seen = [], set()
    for passage, score in search(question, k * 3):  # an article can have several passages: keep its best
        if len(articles) == k:
            break
        if passage.citation in seen:
            continue
        seen.add(passage.citation)
        articles.append(
            {
                "citation": passage.citation,
                "title": passage.title,
                "text": passage.text,
                "effective_date": passage.effective_date,
                "kind": passage.kind,
                "score": round(float(score), 3),
            }
        )
    return articles


def calculation_for(question: str) -> dict[str, Any] | None:
    from taxqa.tax.verify import scenario_from_question

    try:
        scenario = scenario_from_question(question)
        if scenario is None:
            return None
        result = scenario.compute().to_dict()
    except UserError:
        return None
    return {
        "kind": scenario.kind,
        "inputs": dict(scenario.kwargs),
        "understood": [],
        "assumptions": list(scenario.assumptions),
        "missing": [],
        "result": result,
    }


def build_grounding(question: str, k: int = 4) -> dict[str, Any]:
    try:
        articles = articles_for(question, k)
    except Exception as exc:  # a missing or damaged index must not stop the answer
        return {"articles": [], "calculation": calculation_for(question), "error": f"{type(exc).__name__}: {exc}"}
    return {"articles": articles, "calculation": calculation_for(question)}


def context_block(grounding: dict[str, Any]) -> str:
    """The grounding as Korean text the model reads before the question."""
    from taxqa.amounts import format_won

    lines = []
    if grounding.get("articles"):
        lines.append("[참고 조문]")
        for a in grounding["articles"]:
            date = f" (시행 {a['effective_date']})" if a.get("effective_date") else ""
            lines.append(f"- {a['citation']}{date}: {a['text'][:ARTICLE_CHARS]}")
    calc = grounding.get("calculation")
    if calc and calc.get("result"):
        result = calc["result"]
        lines.append("[계산 결과]")
        for step in result.get("steps", []):
            lines.append(f"- {step['label']}: {format_won(step['amount'])}")
        for name, label in (("tax_base", "과세표준"), ("computed_tax", "산출세액"), ("payable", "납부할 세액")):
            if isinstance(result.get(name), int):
                lines.append(f"- {label}: {format_won(result[name])}")
        lines += [f"- 가정: {a}" for a in calc.get("assumptions", [])]
    return "\n".join(lines)


def grounded_question(question: str, grounding: dict[str, Any] | None) -> str:
    block = context_block(grounding) if grounding else ""
    return f"{block}\n\n[질문]\n{question}" if block else question


def check(question: str, answer: str) -> dict[str, Any] | None:
    """The calculator's verdict on the answer's figures; None when the question is not computable."""
    from taxqa.tax.verify import check_answer

    try:
        verdict = check_answer(question, answer)
    except UserError:
        return None
    return verdict.to_dict() if verdict is not None else None
