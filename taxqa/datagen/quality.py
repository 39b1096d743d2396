"""The quality gate (`taxqa data check`): every check runs on every item and every failure
is recorded with its reason.

Checks: schema, length bounds, Korean ratio, citation present (the `citations`
field or found in the text) and resolvable in the corpus, exact and
near-duplicate questions, and numeric verification against the calculators
(the question's `taxqa.case.Case` checks the result figures an answer gives —
과세표준, 산출세액, 납부할 세액 — with the calculator's).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from taxqa.datagen.dedup import DEFAULT_THRESHOLD, NearDupIndex
from taxqa.records import PassageRecord, QARecord, RecordError, normalize_text, write_jsonl_atomic
from taxqa.redaction import has_key_shape

# Strings shaped like credentials (OpenAI/Anthropic, Hugging Face, GitHub, AWS, Google, Slack, bearer
# tokens): generated text that holds one is never kept, whatever its other merits.
KEY_SHAPED = re.compile(
    r"\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_\-]{16,}|hf_[A-Za-z0-9]{20,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}"
    r"|AIza[0-9A-Za-z_\-]{30,}|xox[abprs]-[A-Za-z0-9-]{10,})|Bearer\s+[A-Za-z0-9_\-.=]{16,}"
)


def is_calc(obj: Any) -> bool:
    return isinstance(obj, dict) and (obj.get("type") == "calc" or obj.get("source") == "calculator")


@dataclass(frozen=True)
class Limits:
    min_question: int = 8
    max_question: int = 1000
    min_answer: int = 15
    max_answer: int = 8000
    min_korean: float = 0.5  # Hangul share of the letters in the question and in the answer
    near_dup_threshold: float = DEFAULT_THRESHOLD


@dataclass
class CheckResult:
    accepted: list[QARecord] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)  # reason code -> items

    def summary(self) -> str:
        total = len(self.accepted) + len(self.rejects)
        text = f"checked {total}: {len(self.accepted)} accepted, {len(self.rejects)} rejected"
        if self.reasons:
            text += " (" + ", ".join(f"{code} {n}" for code, n in self.reasons.most_common()) + ")"
        return text


def korean_ratio(text: str) -> float:
    """Share of Hangul among the letters (digits, punctuation and spaces do not count)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    hangul = sum(
        1 for ch in letters if "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"
    )
    return hangul / len(letters)


def read_raw_lines(path: str | Path) -> Iterator[tuple[int, Any, str | None]]:
    """(line, object or None, JSON error or None) for each non-blank line; a torn last line is skipped.
    Read by the one JSONL line reader (gzip, CR-only line ends, damaged files)."""
    from taxqa.records import BLANK, TORN, iter_raw_lines, parse_line

    for lineno, raw in iter_raw_lines(path):
        try:
            obj = parse_line(raw, f"line {lineno}", skip_torn_tail=True)
        except RecordError as exc:
            yield lineno, None, str(exc).removeprefix(f"line {lineno}: ")
            continue
        if obj is TORN:
            return
        if obj is not BLANK:
            yield lineno, obj, None


def _text_field(obj: Any, name: str) -> str:
    value = obj.get(name) if isinstance(obj, dict) else None
    return value if isinstance(value, str) else ""


class QualityGate:
    def __init__(self, passages: Sequence[PassageRecord] | None = None, limits: Limits = Limits()):
        from taxqa.corpus import load_passages

        self.passages = list(passages) if passages is not None else load_passages(None)
        self.limits = limits
        self._index = NearDupIndex(limits.near_dup_threshold)
        self._where: dict[str, str] = {}  # id -> "line N" of accepted questions
        self._questions: dict[str, str] = {}  # id -> accepted question

    def check(self, obj: Any, where: str = "") -> tuple[QARecord | None, list[str], dict[str, Any]]:
        """(record if accepted, reasons, extra facts for the reject row)."""
        from taxqa.corpus import find_citations, resolve_citation

        lim = self.limits
        reasons: list[str] = []
        extra: dict[str, Any] = {}
        record = None
        try:
            record = QARecord.from_dict(obj, where=where or "record")
        except RecordError as exc:
            reasons.append(f"schema: {exc}")
        question, answer = _text_field(obj, "question").strip(), _text_field(obj, "answer").strip()

        for name, text, low, high in (
            ("question", question, lim.min_question, lim.max_question),
            ("answer", answer, lim.min_answer, lim.max_answer),
        ):
            if not low <= len(text) <= high:
                reasons.append(f"length: {name} has {len(text)} characters, expected {low}..{high}")
            ratio = korean_ratio(text)
            if text and ratio < lim.min_korean:
                reasons.append(f"korean: {name} Hangul ratio {ratio:.2f} < {lim.min_korean:.2f}")

        if any(KEY_SHAPED.search(text) for text in (question, answer)) or has_key_shape(json.dumps(obj)):
            reasons.append("secret: the text contains a credential-shaped string (API key or token)")

        given = obj.get("citations") if isinstance(obj, dict) else None
        given = [c for c in given if isinstance(c, str) and c.strip()] if isinstance(given, list) else []
        citations = list(dict.fromkeys([c.strip() for c in given] + find_citations(answer) + find_citations(question)))
        if not citations:
            reasons.append("citation: none in the citations field or in the text")
        else:
            resolved = [c for c in citations if resolve_citation(c, self.passages) is not None]
            if not resolved:
                reasons.append(f"citation: none resolves in the corpus: {', '.join(citations)}")
            extra["citations_resolved"] = resolved

        if question:
            for key in self._index.matches(question):
                kind = "duplicate" if _norm_equal(question, self._questions[key]) else "near_duplicate"
                reasons.append(f"{kind}: of {key} ({self._where[key]})")
                break

        if question and answer:
            from taxqa.case import read_case

            try:
                verdict = read_case(question, retrieve=False).check(answer)  # the one figure check
            except Exception as exc:  # noqa: BLE001 - a scenario the calculators cannot take is not a verdict
                verdict = None
                extra["verification_error"] = f"{type(exc).__name__}: {exc}"
            if verdict is not None:
                extra["verification"] = verdict.to_dict()
                if verdict.agree is False:  # None: the answer states no figure, nothing to judge
                    reasons.append(f"numeric: {verdict.reason}")
            missing_fact = isinstance(obj.get("meta"), dict) and obj["meta"].get("variant") == "missing"
            if is_calc(obj) and missing_fact and verdict is None:
                # a question that lacks a deciding fact: the right answer names the fact and states no tax figure
                from taxqa.tax.checking import read_figures

                if read_figures(answer):
                    reasons.append("numeric: a missing-fact answer states a tax figure the question cannot give")
            elif is_calc(obj) and (verdict is None or not getattr(verdict, "checked", True)):
                what = "no calculator scenario in the question" if verdict is None else "the answer states none"
                reasons.append(f"numeric: a calc record must state the scenario's figures ({what})")

        if reasons or record is None:
            return None, reasons, extra
        record.citations = citations
        record.meta = {**record.meta, "check": {k: v for k, v in extra.items() if k != "verification_error"}}
        self._index.add(record.id, question)
        self._questions[record.id] = question
        self._where[record.id] = where or "earlier"
        return record, reasons, extra

    def run(self, rows: Iterable[tuple[str, Any, str | None]]) -> CheckResult:
        """Check (where, object, read error) rows in order; the first of duplicates wins."""
        result = CheckResult()
        for where, obj, error in rows:
            if error is not None:
                reasons, extra = [f"schema: {where}: {error}"], {}
                record = None
            else:
                record, reasons, extra = self.check(obj, where)
            if record is not None:
                result.accepted.append(record)
                continue
            row = dict(obj) if isinstance(obj, dict) else {"raw": obj}
            row["reasons"] = reasons
            row["where"] = where
            if "verification" in extra:
                row["verification"] = extra["verification"]
            result.rejects.append(row)
            result.reasons.update({r.split(":", 1)[0] for r in reasons})
        return result


def _norm_equal(a: str, b: str) -> bool:
    return normalize_text(a) == normalize_text(b)


def default_rejects(output: str | Path, *, existing: bool = False) -> Path | None:
    """Rejects of a check written to OUT.jsonl: OUT.rejects.jsonl beside it, so two checks in one folder
    keep their own. ``existing``: the rejects file that is there (the older shared rejects.jsonl too) or None."""
    output = Path(output)
    path = output.with_name(f"{output.name.removesuffix('.jsonl')}.rejects.jsonl")
    if not existing:
        return path
    legacy = output.with_name("rejects.jsonl")
    return next((p for p in (path, legacy) if p.is_file() and p != output), None)


def check_file(
    in_path: str | Path,
    out_path: str | Path,
    rejects_path: str | Path,
    passages: Sequence[PassageRecord] | None = None,
    limits: Limits = Limits(),
) -> CheckResult:
    in_path = Path(in_path)
    from taxqa.textio import check_regular

    check_regular(in_path)
    gate = QualityGate(passages, limits)
    rows = ((f"line {n}", obj, err) for n, obj, err in read_raw_lines(in_path))
    result = gate.run(rows)
    if not result.accepted and not result.rejects:
        raise RecordError(f"{in_path}: no records (expected JSONL, one QA record per line)")
    write_jsonl_atomic(out_path, result.accepted)
    write_jsonl_atomic(rejects_path, result.rejects)
    return result
