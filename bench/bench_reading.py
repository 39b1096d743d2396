"""Question reading and the answer gate: how often a question is read exactly, and how well the
gate (taxqa.tax.checking.check_answer) rejects planted wrong figures without rejecting right ones.

Reading: every question of tests/data/reading_cases.json (natural phrasings, expected kind and
calculator inputs) and the calc-mode template questions (`taxqa data generate --mode calc`) are
read by `read_question`; "exact" = same kind (or both not computable) and the same calculator
inputs once defaults are filled in.

Gate: for every computable question, right answers (the teacher and student template answers and
one-line answers naming the asked figure, the tax or the sum to pay) and planted wrong ones (the asked figure replaced by a
wrong amount — another figure of the same result such as the 매출세액 or the 산출세액 where the
납부할 세액 is asked, or the right amount off by 10% or 2x — in the template's conclusion, in a
one-line answer, as "...을 납부합니다", "총 ...의 세금을 내셔야 합니다" and "증여세는 ...입니다") go
through check_answer. A rejection is agree=False.
precision = planted among rejected; recall = rejected among planted.

    python bench/bench_reading.py            # the table + 600 template questions
    python bench/bench_reading.py --quick    # the table + 60 template questions
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO, print_table, write_result  # noqa: E402
from taxqa.amounts import format_won  # noqa: E402
from taxqa.datagen.calc import compute_scenario, question_text, sample_scenario  # noqa: E402
from taxqa.tax.checking import asked_field, check_answer, expected_figures  # noqa: E402
from taxqa.tax.kinds import KINDS  # noqa: E402
from taxqa.tax.reading import complete_inputs, read_question  # noqa: E402
from taxqa.tax.render import conclusion, render_answer  # noqa: E402

CASES = REPO / "tests" / "data" / "reading_cases.json"


def read_exactly(question: str, kind: str | None, inputs: dict | None) -> bool:
    reading = read_question(question, as_of="2026-06-01")
    got = reading.kind if reading.computable else None
    if got != kind:
        return False
    return kind is None or complete_inputs(kind, reading.inputs) == complete_inputs(kind, inputs)


def answers(question: str) -> tuple[list[str], list[str]]:
    """(right answers, planted wrong answers) for a computable question."""
    reading = read_question(question)
    result = reading.compute()
    kind = KINDS[result.kind]
    asked = asked_field(question, result.kind)
    figures = expected_figures(result)
    if asked not in figures:
        return [], []
    value = figures[asked]
    label = kind.label_of(asked) if value >= 0 else "환급세액"
    right = [
        render_answer(result, "teacher"),
        render_answer(result, "student"),
        f"{label}은 {format_won(abs(value))}입니다.",
    ]
    if asked == kind.main_figure and value > 0 and result.kind not in ("wage", "income"):
        right += [f"{kind.subject}는 {format_won(value)}입니다.", f"총 {format_won(value)}의 세금을 내셔야 합니다."]
    wrong_values = {v for k, v in figures.items() if k != asked and v > 0 and v != value}
    wrong_values |= {abs(value) * 11 // 10, abs(value) * 2} - {abs(value), 0}
    if not value:
        wrong_values.add(1_000_000)
    head = conclusion(result)
    wrong = []
    for w in sorted(wrong_values):
        wrong.append(f"{label}은 {format_won(w)}입니다.")
        if asked == "payable" and value > 0:
            wrong.append(f"따라서 {format_won(w)}을 납부합니다.")
            wrong.append(f"총 {format_won(w)}의 세금을 내셔야 합니다.")
            if result.kind in ("vat", "vat-simple") or w != result.computed_tax:  # 산출세액 is a right "증여세는 X"
                wrong.append(f"{kind.subject}는 {format_won(w)}입니다.")
        shown = format_won(abs(value))
        if shown in head:
            i = head.rindex(shown)
            text = render_answer(result, "teacher")
            wrong.append(text.replace(head, head[:i] + format_won(w) + head[i + len(shown) :]))
    return right, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="60 template questions instead of 600")
    parser.add_argument("--json", type=Path, help="results JSON (default bench/results/reading.json)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    table_ok = sum(read_exactly(c["q"], c["kind"], c["inputs"]) for c in cases)
    templates = [sample_scenario(0, i) for i in range(60 if args.quick else 600)]
    template_ok = sum(read_exactly(question_text(s), s["kind"], compute_scenario(s).inputs) for s in templates)
    read_seconds = time.perf_counter() - start

    questions = [c["q"] for c in cases if c["kind"]] + [question_text(s) for s in templates]
    tp = fp = fn = tn = 0
    key_right = 0
    for q in questions:
        if check_answer(q, "") is None:  # a statement, not a question asking for a figure: no gate
            continue
        right, wrong = answers(q)
        for a in right:
            v = check_answer(q, a)
            rejected = v is not None and not v.agree
            fp += rejected
            tn += not rejected
            key_right += bool(v and v.key_figure_ok)
        for a in wrong:
            v = check_answer(q, a)
            rejected = v is not None and not v.agree
            tp += rejected
            fn += not rejected
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    rows = [
        ["question table (tests/data/reading_cases.json)", len(cases), f"{table_ok / len(cases):.1%}"],
        ["calc-mode template questions", len(templates), f"{template_ok / len(templates):.1%}"],
    ]
    print_table("Question reading: read exactly (kind + every calculator input)", ["set", "questions", "exact"], rows)
    print_table(
        "Answer gate on planted wrong figures",
        ["right answers", "planted wrong", "rejected right (FP)", "missed wrong (FN)", "precision", "recall"],
        [[fp + tn, tp + fn, fp, fn, f"{precision:.1%}", f"{recall:.1%}"]],
        caption=f"key figure stated and right in {key_right} of {fp + tn} right answers; {time.perf_counter() - start:.1f} s",
    )
    headline = (
        f"read exactly {table_ok}/{len(cases)} table questions, {template_ok}/{len(templates)} template questions; "
        f"gate precision {precision:.1%}, recall {recall:.1%}"
    )
    write_result(
        "reading",
        {
            "headline": headline,
            "table": {"questions": len(cases), "exact": table_ok},
            "templates": {"questions": len(templates), "exact": template_ok},
            "gate": {
                "true_positive": tp,
                "false_positive": fp,
                "false_negative": fn,
                "true_negative": tn,
                "precision": precision,
                "recall": recall,
                "key_figure_right": key_right,
            },  # fmt: skip
            "read_seconds": read_seconds,
        },
        args.json,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
