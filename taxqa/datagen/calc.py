"""Calc mode: scenarios sampled over the calculators, computed, and written as Q&A.

The numbers always come from the calculator. The text comes from Korean
templates (default: no LLM, offline, free) or from an LLM that is told the
exact figures (with --provider). Scenario i is drawn from its own RNG seeded by
(seed, i) (redrawn if it repeats an earlier case), so item i is the same
whatever N is and however often the run resumes.
"""

from __future__ import annotations

import json
import random
from typing import Any

from taxqa.amounts import format_won
from taxqa.datagen.engine import WorkItem
from taxqa.datagen.providers import ChatProvider, RetryableError, Usage
from taxqa.records import QARecord


def sample_scenario(seed: int, index: int, attempt: int = 0) -> dict[str, Any]:
    """A calculator call (kind + kwargs) and the phrasing choices for item ``index``."""
    from taxqa.tax.kinds import KINDS

    rng = random.Random(f"taxqa-calc:{seed}:{index}" + (f":{attempt}" if attempt else ""))
    kinds = [k for k in KINDS.values() if k.weight and k.sampler is not None]
    kind = rng.choices(kinds, weights=[k.weight for k in kinds])[0]
    say: dict[str, Any] = {"template": rng.randrange(3)}
    args, phrasing = kind.sampler(rng)
    return {"kind": kind.name, "args": args, "say": say | phrasing}


def compute_scenario(scenario: dict[str, Any]):
    from taxqa.tax.compute import compute

    return compute(scenario["kind"], **scenario["args"])


def question_text(scenario: dict[str, Any]) -> str:
    from taxqa.tax.kinds import KINDS

    return KINDS[scenario["kind"]].question(scenario["args"], scenario["say"])


def asked_field(scenario: dict[str, Any]) -> str:
    """What the scenario's question template asks for (the kind's `template_asks`): the figure the answer states first."""
    from taxqa.tax.kinds import KINDS

    return KINDS[scenario["kind"]].template_asks[scenario["say"]["template"]]


def payable_asked(scenario: dict[str, Any]) -> bool:
    """The question asks for the tax to pay, by its template and as the evaluation's judge reads it
    (퇴직소득: 산출세액), and there is one: what a compact block's last line states."""
    from taxqa.tax.checking import asked_field as judged_field

    if asked_field(scenario) != "payable" or judged_field(question_text(scenario), scenario["kind"]) != "payable":
        return False
    return compute_scenario(scenario).to_dict()["payable"] > 0


def calc_items(n: int, seed: int = 0, mix=None) -> list[WorkItem]:
    """N items with distinct cases: a scenario whose calculator call (kind and arguments) repeats an
    earlier one is redrawn (deterministically), so no two items are paraphrases of one question.

    Item i depends only on the seed and items before it, so --n 200 extends --n 100. With a
    grounding ``mix`` (`taxqa.datagen.grounded.Mix`) each item also gets its variant; a compact
    mix draws only questions that ask for a tax to pay (the figure its block ends with).
    """
    seen: set[str] = set()
    items = []
    for i in range(n):
        for attempt in range(100):
            scenario = sample_scenario(seed, i, attempt)
            case = json.dumps([scenario["kind"], scenario["args"]], sort_keys=True)
            if case not in seen and (mix is None or not mix.compact or payable_asked(scenario)):
                break
        seen.add(case)
        if mix is not None:
            scenario["variant"] = mix.variant(seed, i)
        items.append(WorkItem(key=f"calc:{seed}:{i}", parts=1, payload=scenario))
    return items


def _record(
    scenario: dict[str, Any], result, question: str, answer: str, meta: dict[str, Any], parts: dict | None = None
) -> QARecord:
    parts = parts or {}
    return QARecord(
        question=parts.get("question", question),
        answer=parts.get("answer", answer),
        type="calc",
        source="calculator",
        citations=parts.get("citations", list(result.citations) if result is not None else []),
        grounding=parts.get("grounding"),
        meta={**meta, **parts.get("meta", {}), "scenario": scenario,
              "result": result.to_dict() if result is not None else None},
    )  # fmt: skip


SYSTEM_PROMPT = (
    "당신은 한국 세법 전문가이자 교육 자료 저자입니다. 주어진 계산 결과의 수치를 한 글자도 바꾸지 않고, "
    "자연스러운 한국어 질문과 단계별 답변을 만듭니다. 반드시 JSON 객체 하나로만 답합니다."
)

USER_TEMPLATE = """다음 상황과 세법 계산 결과로 질문-답변 한 쌍을 만드세요.

상황(질문의 예): {question}
계산 결과 (금액은 원 단위, 바꾸지 말 것):
{steps}
과세표준: {tax_base}
산출세액: {computed_tax}
납부할 세액: {payable}
근거 조문: {citations}

규칙:
- 질문은 상황을 자연스럽게 바꿔 써도 되지만 금액, 관계, 사실관계는 그대로 두세요.
- 답변은 계산 단계를 차례로 설명하고, 과세표준·산출세액·납부할 세액을 위 수치 그대로 쓰세요.
- 답변 끝에 근거 조문을 괄호로 밝히세요.

출력 형식 (JSON):
{{"qa": [{{"type": "calc", "question": "...", "answer": "...", "citations": ["..."]}}]}}
"""


def llm_prompt(question: str, result) -> str:
    steps = "\n".join(f"- {s.label}: {format_won(s.amount)} ({s.law})" for s in result.steps)
    return USER_TEMPLATE.format(
        question=question,
        steps=steps,
        tax_base=format_won(result.tax_base),
        computed_tax=format_won(result.computed_tax),
        payable=format_won(result.payable),
        citations=", ".join(result.citations),
    )


def make_producer(provider: ChatProvider | None, mix=None):
    """Template answers without a provider; LLM-written text around the exact figures with one.
    With a grounding ``mix``, items carry the grounding of their variant (taxqa.datagen.grounded)."""
    from taxqa.datagen.grounded import variant_parts

    mix_meta = {"grounding_mix": mix.to_dict()} if mix is not None else {}

    async def from_template(item: WorkItem) -> tuple[list[QARecord], Usage]:
        scenario = item.payload
        variant = scenario.get("variant", "plain")
        result = compute_scenario(scenario) if variant != "missing" else None
        parts = variant_parts(scenario, result, question_text(scenario), asked_field(scenario), item.key, mix)
        meta = {"mode": "calc", "writer": "template", **mix_meta}
        return [_record(scenario, result, "", "", meta, parts)], Usage()

    if provider is None:
        return from_template

    meta = {"mode": "calc", "writer": "llm", "provider": provider.config.provider, "model": provider.config.model}
    meta |= mix_meta

    async def from_llm(item: WorkItem) -> tuple[list[QARecord], Usage]:
        scenario = item.payload
        if scenario.get("variant") == "missing":  # nothing to compute: the template says what is missing
            return await from_template(item)
        result = compute_scenario(scenario)
        reply = await provider.ask(SYSTEM_PROMPT, llm_prompt(question_text(scenario), result))
        items = reply.payload.get("qa") if isinstance(reply.payload, dict) else reply.payload
        qa = next((q for q in items or [] if isinstance(q, dict) and q.get("question") and q.get("answer")), None)
        if qa is None or not isinstance(qa["question"], str) or not isinstance(qa["answer"], str):
            raise RetryableError(f"reply has no question/answer: {json.dumps(reply.payload)[:80]}", usage=reply.usage)
        question, answer = qa["question"].strip(), qa["answer"].strip()
        parts = variant_parts(scenario, result, question, asked_field(scenario), item.key, mix, answer=answer)
        return [_record(scenario, result, question, answer, meta, parts)], reply.usage

    return from_llm
