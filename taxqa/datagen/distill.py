"""Distill mode: for each passage (statute article, precedent, ruling) ask a teacher model
for an expert (`teacher`) and a plain-language (`student`) Q&A grounded in it."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from taxqa.datagen.engine import WorkItem
from taxqa.datagen.providers import ChatProvider, RetryableError, Usage
from taxqa.records import PassageRecord, QARecord

MAX_PASSAGE_CHARS = 6000
MIN_PASSAGE_CHARS = 40
SOURCE_OF_KIND = {"statute": "statute", "decree": "statute", "precedent": "precedent", "ruling": "ruling"}

SYSTEM_PROMPT = (
    "당신은 한국 세법 전문가이자 세법 교육 자료 저자입니다. 주어진 자료(법 조문, 판례 또는 해석례)만을 근거로 "
    "학습용 질문-답변 쌍을 만듭니다. 자료에 없는 내용은 지어내지 않으며, 반드시 JSON 객체 하나로만 답합니다."
)

USER_TEMPLATE = """다음 자료를 근거로 질문-답변 쌍 두 개를 만드세요.

1. type "teacher": 세무 전문가가 물을 만한 질문과, 요건·효과·예외를 조문 번호와 함께 정확하게 설명하는 전문가의 답변
2. type "student": 세법을 처음 접하는 사람이 물을 만한 쉬운 질문과, 일상적인 말로 풀어 쓴 답변

규칙:
- 자료에 있는 내용만 사용하고, 자료에 없는 수치나 요건을 지어내지 마세요.
- 금액 예시를 들면 계산이 정확해야 합니다.
- 답변 끝에 근거를 괄호로 밝히세요. 예: (상속세 및 증여세법 제53조)
- citations에는 근거 조문을 "법령명 제N조" 형식으로 나열하세요.
- 질문과 답변은 한국어로 쓰세요.

출력 형식 (JSON):
{{"qa": [{{"type": "teacher", "question": "...", "answer": "...", "citations": ["..."]}},
        {{"type": "student", "question": "...", "answer": "...", "citations": ["..."]}}]}}

조문: {citation}{title}
시행일: {effective_date}
자료:
{text}
"""


def select_passages(passages: Sequence[PassageRecord], n: int | None, seed: int = 0) -> list[PassageRecord]:
    """The first n passages of a seeded shuffle (so --n 200 extends --n 100), skipping near-empty ones."""
    usable = [p for p in passages if len(p.text.strip()) >= MIN_PASSAGE_CHARS]
    order = sorted(usable, key=lambda p: p.id)
    random.Random(seed).shuffle(order)
    return order if n is None else order[:n]


def distill_items(passages: Sequence[PassageRecord]) -> list[WorkItem]:
    return [WorkItem(key=f"distill:{p.id}", parts=2, payload=p) for p in passages]


def distill_prompt(passage: PassageRecord) -> str:
    text = passage.text.strip()
    if len(text) > MAX_PASSAGE_CHARS:
        text = text[:MAX_PASSAGE_CHARS] + " …(이하 생략)"
    return USER_TEMPLATE.format(
        citation=passage.citation,
        title=f" ({passage.title})" if passage.title else "",
        effective_date=passage.effective_date or "알 수 없음",
        text=text,
    )


def records_from_reply(payload: Any, passage: PassageRecord, meta: dict[str, Any]) -> list[QARecord]:
    """The teacher and the student record from a reply; RetryableError when one is missing."""
    items = payload.get("qa") if isinstance(payload, dict) else payload
    if not isinstance(items, list):
        raise RetryableError("reply has no 'qa' list")
    by_type: dict[str, dict[str, Any]] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        qtype = str(item.get("type", "")).strip().lower()
        question, answer = item.get("question"), item.get("answer")
        if qtype in ("teacher", "student") and qtype not in by_type:
            if isinstance(question, str) and question.strip() and isinstance(answer, str) and answer.strip():
                by_type[qtype] = item
    missing = [t for t in ("teacher", "student") if t not in by_type]
    if missing:
        raise RetryableError(f"reply lacks a usable {' and '.join(missing)} item")
    records = []
    for qtype in ("teacher", "student"):
        item = by_type[qtype]
        cited = item.get("citations") or []
        cited = [c.strip() for c in (cited if isinstance(cited, list) else [cited]) if isinstance(c, str) and c.strip()]
        citations = list(dict.fromkeys([passage.citation, *cited]))
        records.append(
            QARecord(
                question=item["question"].strip(),
                answer=item["answer"].strip(),
                type=qtype,
                source=SOURCE_OF_KIND.get(passage.kind, "statute"),
                citations=citations,
                meta={**meta, "passage_id": passage.id},
            )
        )
    return records


def make_producer(provider: ChatProvider):
    cfg = provider.config
    meta = {"mode": "distill", "provider": cfg.provider, "model": cfg.model}

    async def produce(item: WorkItem) -> tuple[list[QARecord], Usage]:
        passage: PassageRecord = item.payload
        reply = await provider.ask(SYSTEM_PROMPT, distill_prompt(passage))
        try:
            return records_from_reply(reply.payload, passage, meta), reply.usage
        except RetryableError as exc:
            raise RetryableError(str(exc), usage=reply.usage) from None

    return produce
