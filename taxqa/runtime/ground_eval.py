"""Grounding metrics for `taxqa eval`: what the calculator knows about each question, the
grounding an answer is given in each mode, and the judgement of the answer (key figure,
consistency, citations, invented figures). Question files without reference answers read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taxqa.records import QARecord, RecordError, qa_id, read_jsonl
from taxqa.runtime import metrics


@dataclass
class Question:
    """A question without a reference answer (from a question file)."""

    question: str
    id: str = ""
    answer: str | None = None
    type: str = "question"
    citations: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    grounding: dict[str, Any] | None = None


def read_questions(path: Path) -> list:
    """QA records, or bare questions (.txt lines; JSONL objects without an answer)."""
    if path.suffix == ".txt":
        from taxqa.textio import check_regular, decode_text

        check_regular(path)
        lines = [line.strip() for line in decode_text(path.read_bytes(), str(path)).splitlines()]
        return [Question(q, qa_id(q)) for q in lines if q]
    rows = []
    for lineno, obj in read_jsonl(path):
        where = f"{path}:{lineno}"
        if isinstance(obj, dict) and "answer" not in obj:
            question = obj.get("question")
            if not isinstance(question, str) or not question.strip():
                raise RecordError(f"{where}: field 'question' must be a non-empty string")
            meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
            rows.append(Question(question.strip(), qa_id(question), meta=meta))
        else:
            rows.append(QARecord.from_dict(obj, where=where))
    return rows


@dataclass
class Case:
    """What the calculator knows about a question, shared by the grounding modes."""

    reading: dict[str, Any] | None  # taxqa.grounding.calculation_for(question)
    missing_facts: bool  # the question lacks a fact its tax depends on
    governing: list[str]  # the articles a right answer cites (one of them)


TAX_ASKED = re.compile(r"(?:증여세|상속세|소득세|부가가치세|부가세|근로소득공제|근로소득금액).*(?:얼마|계산|몇)")


def asks_tax_without_amount(question: str) -> bool:
    """'아버지에게서 돈을 받으면 증여세는 얼마?': a tax figure is asked but no amount is given."""
    from taxqa.amounts import iter_amounts

    return bool(TAX_ASKED.search(question)) and next(iter_amounts(question), None) is None


def read_case(record) -> Case:
    from taxqa.grounding import calculation_for, governing_citations

    reading = calculation_for(record.question)
    result = (reading or {}).get("result")
    missing = bool(record.meta.get("variant") == "missing" or record.meta.get("missing"))
    missing = missing or bool(reading and (reading.get("missing") or not result))
    missing = missing or (reading is None and asks_tax_without_amount(record.question))
    governing = governing_citations(result)[:2] if result else list(record.citations)
    return Case(reading, missing, governing)


def item_grounding(record, mode: str, k: int) -> dict[str, Any] | None:
    """The record's own grounding when it has one, else what inference would build; None when off."""
    if mode == "off":
        return None
    if record.grounding:
        return record.grounding
    from taxqa.grounding import build_grounding

    return build_grounding(record.question, k=k)


def judge(record, case: Case, answer: str) -> dict[str, Any]:
    """The grounding metrics of one answer."""
    figure = metrics.figure_check(record.question, answer, record.meta.get("asked")) if not case.missing_facts else None
    return {
        "figure": figure,
        "citations": metrics.citation_check(answer, case.governing),
        "missing_facts": case.missing_facts,
        "invented": metrics.invented_figures(answer) if case.missing_facts else None,
    }


def ground_summary(items: list[dict]) -> dict[str, Any]:
    figures = [i["figure"] for i in items if i["figure"]]
    cited = [i["citations"]["correct"] for i in items if i["citations"]]
    invented = [bool(i["invented"]) for i in items if i["missing_facts"]]
    return {
        "n": len(items),
        "key_figure_accuracy": metrics.mean(float(f["key_figure_ok"]) for f in figures),
        "figure_consistency": metrics.mean(float(f["consistent"]) for f in figures),
        "computable_n": len(figures),
        "citation_accuracy": metrics.mean(float(c) for c in cited),
        "citation_n": len(cited),
        "invented_figure_rate": metrics.mean(float(x) for x in invented),
        "missing_facts_n": len(invented),
    }
