"""Calc mode: scenarios sampled over the calculators, computed, and written as Q&A.

The numbers always come from the calculator. The text comes from Korean
templates (default: no LLM, offline, free) or from an LLM that is told the
exact figures (with --provider). Scenario i is drawn from its own RNG seeded by
(seed, i) (redrawn if it repeats an earlier case), so item i is the same
whatever N is and however often the run resumes.
"""

from __future__ import annotations

import json
import math
import random
from typing import Any

from taxqa.amounts import format_won
from taxqa.datagen.engine import WorkItem
from taxqa.datagen.providers import ChatProvider, RetryableError, Usage
from taxqa.records import QARecord

MAN, EOK = 10_000, 100_000_000
KINDS = {"gift": 40, "inheritance": 15, "income": 15, "wage": 10, "vat": 10, "vat-simple": 10}
GIFT_AMOUNTS = [3_000 * MAN, 5_000 * MAN, 8_000 * MAN, 1 * EOK, 15_000 * MAN, 2 * EOK, 3 * EOK, 5 * EOK,
                7 * EOK, 10 * EOK, 15 * EOK, 20 * EOK, 30 * EOK, 50 * EOK]  # fmt: skip
DONORS = {
    "lineal_ascendant": ["부모님", "아버지", "어머니"],
    "grandparent": ["할아버지", "할머니"],
    "spouse": ["배우자", "남편", "아내"],
    "lineal_descendant": ["아들", "딸", "자녀"],
    "other_relative": ["삼촌", "이모", "고모"],
    "other": ["친구", "지인"],
}
INDUSTRY_NAMES = {"retail": "소매업", "restaurant": "음식점업", "manufacturing": "제조업", "lodging": "숙박업",
                  "construction": "건설업", "transport": "운수업", "service": "서비스업"}  # fmt: skip


def _has_batchim(word: str) -> bool:
    last = word[-1]
    return "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0


def _from(word: str) -> str:
    """'부모님' -> '부모님으로부터', '친구' -> '친구로부터', '딸' -> '딸로부터' (ㄹ takes 로)."""
    rieul = _has_batchim(word) and (ord(word[-1]) - 0xAC00) % 28 == 8
    return word + ("으로부터" if _has_batchim(word) and not rieul else "로부터")


def _round_won(rng: random.Random, low: int, high: int, step: int) -> int:
    return rng.randrange(low // step, high // step + 1) * step


def _amount(rng: random.Random, low: int, high: int) -> int:
    """A realistic amount: log-uniform between ``low`` and ``high`` (more small cases than large),
    rounded to two significant figures as people write them (3,700만원, 1억 2,000만원, 15억원)."""
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    digits = max(0, len(str(int(value))) - 2)
    return int(round(value, -digits))


def _gift_amount(rng: random.Random) -> int:
    """Mostly round sums people give (1억, 20억), sometimes two significant figures (3억 5,000만원)."""
    amount = rng.choice(GIFT_AMOUNTS)
    if rng.random() < 0.5:
        amount = round(amount * rng.uniform(0.6, 1.6), -len(str(amount)) + 2)
    return int(amount)


def sample_scenario(seed: int, index: int, attempt: int = 0) -> dict[str, Any]:
    """A calculator call (kind + kwargs) and the phrasing choices for item ``index``."""
    rng = random.Random(f"taxqa-calc:{seed}:{index}" + (f":{attempt}" if attempt else ""))
    kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
    args: dict[str, Any]
    say: dict[str, Any] = {"template": rng.randrange(3)}
    if kind == "gift":
        relation = rng.choices(list(DONORS), weights=[40, 10, 15, 10, 10, 15])[0]
        args = {"amount": _gift_amount(rng), "relation": relation}
        if relation == "grandparent":
            args.update(relation="lineal_ascendant", generation_skip=True)
        elif relation == "lineal_ascendant":
            feature = rng.choices(["none", "minor", "prior", "marriage"], weights=[40, 20, 20, 20])[0]
            if feature == "minor":
                args["minor"] = True
            elif feature == "prior":
                args["prior"] = rng.choice([3_000 * MAN, 5_000 * MAN, 1 * EOK, 2 * EOK])
            elif feature == "marriage":
                args["marriage_birth"] = 1 * EOK
        say["donor"] = rng.choice(DONORS[relation])
    elif kind == "inheritance":
        children = rng.choice([1, 2, 2, 3])
        args = {"estate": _amount(rng, 5 * EOK, 60 * EOK), "spouse": rng.random() < 0.7, "children": children}
        if rng.random() < 0.2:
            args["minor_children_years"] = [rng.randint(1, 15)]
        if rng.random() < 0.3:
            args["financial"] = _round_won(rng, 5_000 * MAN, 3 * EOK, 1_000 * MAN)
        say["decedent"] = rng.choice(["아버지", "어머니"])
    elif kind == "income":
        args = {"base": _amount(rng, 1_200 * MAN, 5 * EOK)}
    elif kind == "wage":
        args = {"salary": _amount(rng, 2_400 * MAN, 2 * EOK)}
    elif kind == "vat":
        sales = _amount(rng, 3_000 * MAN, 20 * EOK)
        args = {"sales": sales, "purchases": int(round(sales * rng.uniform(0.2, 1.05), -6))}
    else:
        industry = rng.choice(list(INDUSTRY_NAMES))
        supply = _amount(rng, 1_500 * MAN, 10_400 * MAN)
        args = {"supply": supply, "industry": industry, "purchases": int(round(supply * rng.uniform(0, 0.5), -5))}
    return {"kind": kind, "args": args, "say": say}


def compute_scenario(scenario: dict[str, Any]):
    from taxqa.tax.verify import compute

    return compute(scenario["kind"], **scenario["args"])


def question_text(scenario: dict[str, Any]) -> str:
    kind, a, say = scenario["kind"], scenario["args"], scenario["say"]
    t = say["template"]
    if kind == "gift":
        donor = say["donor"]
        intro = "미성년자인 제가 " if a.get("minor") else ""
        extra = ""
        if a.get("prior"):
            extra = f" 10년 안에 같은 {_from(donor)} {format_won(a['prior'])}을 이미 증여받은 적이 있습니다."
        if a.get("marriage_birth"):
            extra = " 혼인신고일 전후 2년 안에 받은 돈이라 혼인 증여재산공제를 받으려고 합니다."
        if a.get("generation_skip"):
            extra = " 부모님은 살아 계십니다."
        amount = format_won(a["amount"])
        return [
            f"{intro}{donor}에게서 {amount}을 증여받았습니다.{extra} 납부할 증여세는 얼마인가요?",
            f"{intro}{_from(donor)} 현금 {amount}을 증여받으면 증여세가 얼마나 나오나요?{extra}",
            f"{intro}{_from(donor)} {amount}을 증여받을 때 증여세 과세표준과 납부할 세액을 계산해 주세요.{extra}",
        ][t]
    if kind == "inheritance":
        heirs_text = f"배우자와 자녀 {a['children']}명" if a["spouse"] else f"자녀 {a['children']}명"
        extra = ""
        if a.get("minor_children_years"):
            extra += f" 자녀 중 1명은 만 {19 - a['minor_children_years'][0]}세 미성년자입니다."
        if a.get("financial"):
            extra += f" 상속재산 중 순금융재산은 {format_won(a['financial'])}입니다."
        estate = format_won(a["estate"])
        return [
            f"{say['decedent']}께서 돌아가시며 상속세 과세가액 {estate}을 남기셨습니다. 상속인은 {heirs_text}입니다.{extra} 상속세는 얼마인가요?",
            f"상속세 과세가액이 {estate}이고 상속인이 {heirs_text}일 때 납부할 상속세를 계산해 주세요.{extra}",
            f"{say['decedent']}의 상속재산(과세가액)이 {estate}입니다. 상속인은 {heirs_text}입니다.{extra} 상속세 과세표준과 세액은?",
        ][t]
    if kind == "income":
        base = format_won(a["base"])
        return [
            f"종합소득 과세표준이 {base}이면 종합소득세 산출세액은 얼마인가요?",
            f"종합소득 과세표준 {base}에 대한 소득세와 지방소득세를 계산해 주세요.",
            f"과세표준이 {base}인 거주자의 종합소득 산출세액은 얼마입니까?",
        ][t]
    if kind == "wage":
        salary = format_won(a["salary"])
        return [
            f"총급여액이 {salary}인 직장인의 근로소득공제액과 근로소득금액은 얼마인가요?",
            f"연봉(총급여) {salary}이면 근로소득공제를 얼마나 받나요?",
            f"총급여 {salary}인 근로자의 근로소득금액을 계산해 주세요.",
        ][t]
    if kind == "vat":
        sales, purchases = format_won(a["sales"]), format_won(a["purchases"])
        return [
            f"일반과세자인 개인사업자의 이번 과세기간 매출 공급가액이 {sales}, 매입 공급가액이 {purchases}입니다. 납부할 부가가치세는 얼마인가요?",
            f"매출액(공급가액) {sales}, 매입액(공급가액) {purchases}인 일반과세자의 부가가치세를 계산해 주세요.",
            f"일반과세자의 매출 공급가액이 {sales}이고 매입 공급가액이 {purchases}입니다. 부가가치세 납부세액은?",
        ][t]
    industry = INDUSTRY_NAMES[a["industry"]]
    supply, purchases = format_won(a["supply"]), format_won(a["purchases"])
    return [
        f"간이과세자인 {industry} 사업자의 연간 공급대가가 {supply}, 세금계산서를 받은 매입액이 {purchases}입니다. 납부할 부가가치세는 얼마인가요?",
        f"{industry}을 하는 간이과세자입니다. 1년 공급대가 {supply}, 매입액 {purchases}이면 부가가치세는 얼마인가요?",
        f"간이과세자({industry})의 연간 공급대가가 {supply}이고 매입액이 {purchases}일 때 납부세액을 계산해 주세요.",
    ][t]


# what each question template asks for (by kind, in template order): the figure the answer states first
ASKED = {
    "gift": ("payable", "payable", "tax_base"),
    "inheritance": ("payable", "payable", "tax_base"),
    "income": ("computed_tax",) * 3,
    "wage": ("deduction", "deduction", "income"),
    "vat": ("payable",) * 3,
    "vat-simple": ("payable",) * 3,
}


def asked_field(scenario: dict[str, Any]) -> str:
    return ASKED[scenario["kind"]][scenario["say"]["template"]]


def calc_items(n: int, seed: int = 0, mix=None) -> list[WorkItem]:
    """N items with distinct cases: a scenario whose calculator call (kind and arguments) repeats an
    earlier one is redrawn (deterministically), so no two items are paraphrases of one question.

    Item i depends only on the seed and items before it, so --n 200 extends --n 100. With a
    grounding ``mix`` (`taxqa.datagen.grounded.Mix`) each item also gets its variant.
    """
    seen: set[str] = set()
    items = []
    for i in range(n):
        for attempt in range(100):
            scenario = sample_scenario(seed, i, attempt)
            case = json.dumps([scenario["kind"], scenario["args"]], sort_keys=True)
            if case not in seen:
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
