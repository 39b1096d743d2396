"""Every kind in the registry, one by one: its record is complete, its template questions read back
to its own calculator, its results keep their invariants, its answers are checked, gated and
judged by eval. A new kind is covered here by adding it to taxqa.tax.kinds, without a new test."""

from __future__ import annotations

import random

import pytest

from taxqa.amounts import format_won
from taxqa.case import read_case
from taxqa.tax.kinds import KINDS
from taxqa.tax.reading import complete_inputs, read_question
from taxqa.tax.render import render_answer

NAMES = list(KINDS)
SEEDS = range(9)


def cases(name: str):
    """(seed, question, calculator kwargs, result) of the kind's datagen templates."""
    kind = KINDS[name]
    for seed in SEEDS:
        args, say = kind.sampler(random.Random(seed))
        question = kind.question(args, {"template": seed % 3} | say)
        yield seed, question, args, kind.calculator(**args)


def wrong_answer(answer: str, result) -> str | None:
    """The answer with its last statement of the payable changed (None when it states none)."""
    final = format_won(abs(result.payable))
    if not result.payable or final not in answer:
        return None
    return answer[::-1].replace(final[::-1], format_won(abs(result.payable) * 2 + 10_000)[::-1], 1)[::-1]


@pytest.mark.parametrize("name", NAMES)
def test_record_is_complete(name):
    from taxqa.corpus import resolve_citation

    kind = KINDS[name]
    assert kind.name == name and kind.sampler and kind.question and kind.reader and kind.recognise
    assert kind.main_figure in kind.figures and kind.main_figure in kind.asked_figures
    assert kind.words or any(f != "tax_base" for f in kind.figures)  # something names what is asked
    assert kind.needs and all(q.endswith("?") for q in kind.needs.values())
    assert len(kind.template_asks) == 3 and set(kind.template_asks) <= kind.asked_figures | {"income"}
    assert set(kind.fact_labels) <= set(kind.fields) and set(kind.counts) <= set(kind.fields)
    assert kind.distractor in KINDS and kind.distractor != name
    assert not set(kind.articles) & set(KINDS[kind.distractor].articles)
    assert kind.articles and all(resolve_citation(c) is not None for c in kind.articles), kind.articles
    fields = {"donor": "부모님", "decedent": "아버지", "heirs": "자녀 2명", "industry": "소매업", "age": 40, "n": 3}
    for template in kind.missing_questions:
        assert not read_question(template.format(**fields)).computable, template  # it lacks the deciding fact


@pytest.mark.parametrize("name", NAMES)
def test_template_questions_read_back_to_the_calculator(name):
    for seed, question, args, result in cases(name):
        reading = read_question(question)
        assert reading.kind == name and reading.computable, (seed, question, reading.missing)
        assert complete_inputs(name, reading.inputs) == complete_inputs(name, args), question
        assert reading.result.to_dict() == result.to_dict()


@pytest.mark.parametrize("name", NAMES)
def test_result_invariants(name):
    kind = KINDS[name]
    for _, question, _, result in cases(name):
        figures = kind.figure_values(result)
        assert all(isinstance(v, int) and not isinstance(v, bool) for v in figures.values()), figures
        assert result.kind == name and result.tax_base >= 0 and result.local_tax >= 0, question
        assert all(s.law for s in result.steps) and result.citations
        assert kind.calculator(**result.inputs).to_dict() == result.to_dict()  # its inputs give it back


@pytest.mark.parametrize("name", NAMES)
def test_more_of_the_amount_never_lowers_the_key_figure(name):
    from taxqa.errors import UserError
    from taxqa.tax.checking import all_figures

    kind = KINDS[name]
    assert kind.amount in kind.fields
    for _, question, args, result in cases(name):
        try:
            more = kind.calculator(**{**args, kind.amount: int(args[kind.amount]) * 2})
        except UserError:  # e.g. 간이과세 above its threshold: another kind's case
            continue
        assert all_figures(more)[kind.main_figure] >= all_figures(result)[kind.main_figure], question


@pytest.mark.parametrize("name", NAMES)
def test_answers_are_checked_gated_and_judged(name):
    from taxqa.datagen.quality import QualityGate
    from taxqa.runtime.metrics import figure_summary

    for seed, question, _, result in cases(name):
        case = read_case(question, retrieve=False)
        answer = render_answer(result, ("teacher", "student")[seed % 2])
        verdict = case.check(answer)
        assert verdict is not None and verdict.agree is True and verdict.checked, (question, verdict)
        assert figure_summary(verdict)["consistent"] is True
        record = {"question": question, "answer": answer, "type": "calc", "source": "calculator",
                  "citations": result.citations}  # fmt: skip
        gate = QualityGate()
        accepted, reasons, _ = gate.check(record, "x:1")
        assert not [r for r in reasons if r.startswith("numeric")], reasons
        wrong = wrong_answer(answer, result)
        if wrong is not None:
            assert case.check(wrong).agree is False, wrong
            _, reasons, _ = QualityGate().check({**record, "answer": wrong}, "x:2")
            assert any(r.startswith("numeric") for r in reasons), wrong


@pytest.mark.parametrize("name", NAMES)
def test_eval_knows_a_question_that_lacks_the_deciding_fact(name):
    from taxqa.runtime.ground_eval import Question
    from taxqa.runtime.ground_eval import read_case as eval_case

    fields = {"donor": "부모님", "decedent": "아버지", "heirs": "자녀 2명", "industry": "소매업", "age": 40, "n": 3}
    for template in KINDS[name].missing_questions:
        question = template.format(**fields)
        assert eval_case(Question(question), 1).missing_facts, question
