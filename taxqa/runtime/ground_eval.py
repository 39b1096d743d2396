"""Grounding metrics for `taxqa eval`: what the calculator knows about each question, the
grounding an answer is given in each mode, and the judgement of the answer (key figure,
consistency, citations, invented figures). Question files without reference answers read here.
"""

from __future__ import annotations

import functools
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
class EvalCase:
    """What the calculator knows about a question, shared by the grounding modes: the question's
    `taxqa.case.Case` (read, computed and retrieved once) and what a right answer looks like."""

    case: Any  # taxqa.case.Case
    missing_facts: bool  # the question lacks a fact its tax depends on
    governing: list[str]  # the articles a right answer cites (one of them)

    @property
    def reading(self) -> dict[str, Any] | None:
        return self.case.calculation


@functools.cache
def tax_named() -> re.Pattern[str]:
    """Any kind's word for its tax, or a figure of a kind without one (근로소득공제)."""
    from taxqa.tax.kinds import KINDS, words_pattern

    labels = tuple(k.label_of(f) for k in KINDS.values() if not k.words for f in k.figures if f != "tax_base")
    return re.compile(words_pattern(labels))


@functools.cache
def tax_asked() -> re.Pattern[str]:
    """A question that asks for a tax figure: any kind's word for its tax, or a figure of a kind
    that has no tax word of its own (근로소득공제, 근로소득금액), then 얼마/계산/몇."""
    return re.compile(rf"(?:{tax_named().pattern}).*(?:얼마|계산|몇)")


def asks_tax_without_amount(question: str) -> bool:
    """'아버지에게서 돈을 받으면 증여세는 얼마?', '일반과세자인데 부가가치세 납부세액은?': a tax figure
    is asked (a tax word, or a figure word in a question some kind recognises) but no amount is given."""
    from taxqa.amounts import iter_amounts
    from taxqa.tax.kinds import KINDS
    from taxqa.tax.reading import ASKS_FIGURE

    if next(iter_amounts(question), None) is not None:
        return False
    if tax_asked().search(question):
        return True
    if not ASKS_FIGURE.search(question):
        return False
    return bool(tax_named().search(question)) or any(k.recognise and k.recognise(question) for k in KINDS.values())


def read_case(record, k: int = 4) -> EvalCase:
    """Read the record's question once (its articles only when the record brings none)."""
    from taxqa.case import read_case as read
    from taxqa.grounding import governing_citations

    case = read(record.question, k=k, retrieve=not record.grounding)
    reading = case.calculation
    result = (reading or {}).get("result")
    missing = bool(record.meta.get("variant") == "missing" or record.meta.get("missing"))
    missing = missing or bool(reading and (reading.get("missing") or not result))
    missing = missing or (reading is None and asks_tax_without_amount(record.question))
    governing = governing_citations(result)[:2] if result else list(record.citations)
    return EvalCase(case, missing, governing)


def item_grounding(record, mode: str, k: int, case: EvalCase | None = None) -> dict[str, Any] | None:
    """The record's own grounding when it has one, else what inference would build (the item's
    `Case`, not a second reading); None when off."""
    if mode == "off":
        return None
    if record.grounding:
        return record.grounding
    return (case or read_case(record, k)).case.grounding()


def judge(record, case: EvalCase, answer: str) -> dict[str, Any]:
    """The grounding metrics of one answer (the figure check of the item's `Case`)."""
    figure = None
    if not case.missing_facts:
        figure = metrics.figure_summary(case.case.check(answer), record.meta.get("asked"))
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
