"""`taxqa eval --judge SPEC`: a model grades free-text answers against the reference, by a written rubric.

Three yes/no criteria per answer (the key figure, the governing article, no false statement); the
score is their mean. The judge sees the question, the reference answer and the answer, and
replies in JSON. Its prompt, every raw reply and the scores are kept in OUT.json. A reply that is
not readable JSON after the retries counts as unscored (never as a pass). The judge is refused
when it is one of the compared models unless --judge-compared says otherwise
(taxqa.runtime.comparison.check_judge).
"""

from __future__ import annotations

import sys
from typing import Any

from taxqa.runtime import metrics

CRITERIA = ("key_figure", "article", "no_false_statement")
RUBRIC = """채점 기준 (각 항목 0 또는 1):
1. key_figure: 질문이 묻는 핵심 금액·세율·기한이 참고 답안과 같게 답에 적혀 있으면 1. 핵심 수치가 없거나 다르면 0.
   참고 답안에 수치가 없으면, 답이 근거 없는 수치를 내세우지 않을 때 1.
2. article: 참고 답안의 근거 조문(법령명과 조)을 답이 정확히 인용하면 1. 인용이 없거나 다른 조문이면 0.
3. no_false_statement: 답에 참고 답안이나 세법과 어긋나는 진술(틀린 수치, 틀린 요건, 없는 조문)이 하나도 없으면 1.
답의 길이, 문체, 말투는 채점하지 않습니다."""
SYSTEM = "당신은 한국 세법 답안을 채점하는 엄격한 채점자입니다. 주어진 기준으로만 채점하고 JSON 하나로만 답하세요."
TEMPLATE = """{rubric}

[질문]
{question}

[참고 답안]
{reference}

[채점할 답]
{answer}

다음 JSON 하나로만 답하세요:
{{"key_figure": 0 또는 1, "article": 0 또는 1, "no_false_statement": 0 또는 1, "reason": "한두 문장"}}"""


def judge_prompt(question: str, reference: str, answer: str) -> str:
    return TEMPLATE.format(rubric=RUBRIC, question=question, reference=reference, answer=answer or "(빈 답)")


def read_scores(raw: str) -> dict[str, int] | None:
    """The three 0/1 scores from a judge's reply; None when it is not readable."""
    from taxqa.datagen.providers import parse_json_reply

    try:
        data = parse_json_reply(raw)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    scores = {}
    for key in CRITERIA:
        value = data.get(key)
        if isinstance(value, bool) or value in (0, 1, "0", "1"):
            scores[key] = int(value)
        else:
            return None
    return scores


def grade(backend, question: str, reference: str, answer: str, max_tokens: int) -> dict[str, Any]:
    from taxqa.runtime.remote import RemoteError

    prompt = judge_prompt(question, reference, answer)
    raws = []
    for _ in range(2):  # an unreadable reply is asked once more
        try:
            raw, _stats = backend.answer(prompt, system=SYSTEM, grounding=None, max_tokens=max_tokens)
        except RemoteError as exc:
            return {"prompt": prompt, "raw": raws, "scores": None, "error": str(exc)}
        raws.append(raw)
        scores = read_scores(raw)
        if scores is not None:
            return {"prompt": prompt, "raw": raws, "scores": scores, "score": sum(scores.values()) / len(CRITERIA)}
    return {"prompt": prompt, "raw": raws, "scores": None, "error": "the judge's reply is not the rubric's JSON"}


def judge_backend(spec: str, timeout: float):
    """An answering backend for the judge: a provider model, or a local model through chat_engine."""
    from taxqa.modelspec import is_provider_spec

    if is_provider_spec(spec):
        from taxqa.runtime.remote import RemoteBackend

        return RemoteBackend(spec, timeout=timeout)
    return LocalJudge(spec)


class LocalJudge:
    """A local model as judge (the chat engine of `taxqa.runtime.backends`)."""

    def __init__(self, spec: str):
        from taxqa.runtime.backends import chat_engine

        self.engine = chat_engine("auto", spec)

    def answer(self, question: str, *, system, grounding, max_tokens: int):
        text = "".join(c.text for c in self.engine.stream(question, system=system, max_tokens=max_tokens))
        return text, {}

    def close(self) -> None:
        self.engine.close()


def judge_models(spec: str, entries: list[dict], *, timeout: float, max_tokens: int = 300) -> dict[str, Any]:
    """Grade every compared model's reference-split answers; each entry gets its ``judge`` summary."""
    out: dict[str, Any] = {"spec": spec, "rubric": RUBRIC, "system": SYSTEM, "prompt_template": TEMPLATE}
    graded = [e for e in entries if e["status"] == "ok" and (e["result"].get("dataset") or {}).get("items")]
    if not graded:
        out["note"] = "No model had answers with reference answers to grade (--data needs QA records)."
        return out
    backend = judge_backend(spec, timeout)
    try:
        for entry in graded:
            print(f"judge: grading {entry['label']}", file=sys.stderr)
            items = []
            for item in entry["result"]["dataset"]["items"]:
                graded_item = grade(backend, item["question"], item["reference"], item["answer"], max_tokens)
                items.append({"id": item["id"], **graded_item})
            scored = [i for i in items if i["scores"]]
            entry["judge"] = {
                "n": len(scored),
                "unscored": len(items) - len(scored),
                "score": metrics.mean(i["score"] for i in scored),
                **{key: metrics.mean(float(i["scores"][key]) for i in scored) for key in CRITERIA},
                "items": items,
            }
    finally:
        backend.close()
    out["note"] = (
        f"Graded by {spec} against the reference answers (key figure, governing article, no false statement; "
        "score = their mean); the rubric, prompts and raw replies are in the JSON."
    )
    return out
