"""Calc-mode items that teach a model to use its grounding (`taxqa data generate --mode calc`).

Each item is one of four variants, drawn per item from its own seeded RNG with the mix
the command was given (recorded in every record's meta and in the dataset card):

- ``grounded``: the articles the calculation applied (plus the retrieval's hits) and the
  calculator's breakdown; the answer takes its figures from the breakdown and cites only
  given articles.
- ``distractor``: the governing articles shuffled among articles of other taxes; the answer
  cites only the governing ones.
- ``missing``: the question leaves out the fact the tax depends on; no grounding, or
  articles of another tax; the answer says what is missing and states no figure.
- ``plain``: no grounding; the answer as before (what a model without retrieval learns).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from taxqa.grounding import (
    DEFAULT_K,
    DEFAULT_MAX_CHARS,
    build_grounding,
    fit_articles,
    governing_articles,
    governing_citations,
)

VARIANTS = ("grounded", "distractor", "missing", "plain")
# the tax whose key articles serve as distractors for each kind
OTHER_TAX = {"gift": "vat", "inheritance": "income", "income": "gift", "wage": "vat", "vat": "inheritance",
             "vat-simple": "gift", "salary": "vat", "transfer": "gift", "corporate": "income", "penalty": "vat",
             "retirement": "inheritance"}  # fmt: skip
KEY_ARTICLES = {
    "gift": ["상속세 및 증여세법 제53조", "상속세 및 증여세법 제26조"],
    "inheritance": ["상속세 및 증여세법 제18조", "상속세 및 증여세법 제19조", "상속세 및 증여세법 제21조"],
    "income": ["소득세법 제55조", "소득세법 제47조"],
    "wage": ["소득세법 제47조"],
    "vat": ["부가가치세법 제30조", "부가가치세법 제38조"],
    "vat-simple": ["부가가치세법 제63조"],
    "salary": ["소득세법 제59조", "소득세법 제55조"],
    "transfer": ["소득세법 제95조", "소득세법 제104조", "소득세법 제89조"],
    "corporate": ["법인세법 제55조"],
    "penalty": ["국세기본법 제47조의2", "국세기본법 제47조의4"],
    "retirement": ["소득세법 제48조", "소득세법 제55조"],
}
MISSING_QUESTIONS = {  # {n} is a fact that does not decide the tax (so questions stay distinct)
    "gift": ["{donor}에게서 돈을 증여받기로 했습니다. 저는 {age}세입니다. 증여세는 얼마를 내야 하나요?",
             "{age}세인데 {donor}에게 현금을 받으면 증여세가 얼마나 나오나요?",
             "{donor}께서 집 살 때 보태 주신다고 합니다. 저는 {age}세인데 증여세가 얼마인가요?"],
    "inheritance": ["{decedent}께서 {age}세로 돌아가셨습니다. 상속인은 {heirs}입니다. 상속세는 얼마인가요?",
                    "상속인이 {heirs}일 때 상속세를 얼마나 내야 하나요? {decedent}께서 {age}세에 돌아가셨습니다.",
                    "{decedent} 명의 집과 예금을 {heirs}이 상속받습니다. 상속세는 얼마쯤 나올까요?"],
    "income": ["사업을 시작한 지 {n}년 된 개인사업자입니다. 종합소득세 산출세액은 얼마인가요?",
               "프리랜서 {n}년 차인데 종합소득세를 얼마나 내야 하나요?",
               "부업 소득이 {n}건 있는데 종합소득세는 얼마가 나오나요?"],
    "wage": ["입사 {n}년 차 직장인인데 근로소득공제를 얼마나 받을 수 있나요?",
             "회사에 다닌 지 {n}년입니다. 제 근로소득금액은 얼마인가요?",
             "직원 {n}명 회사에 다니는데 근로소득공제액은 얼마인가요?"],
    "vat": ["직원 {n}명인 일반과세자인데 이번 과세기간 부가가치세는 얼마인가요?",
            "일반과세자로 {n}년째 장사하고 있습니다. 이번 부가가치세 납부세액은?",
            "개업 {n}년 차 일반과세자입니다. 부가가치세를 얼마 내야 하나요?"],
    "vat-simple": ["간이과세자인 {industry} 사업자입니다. 개업 {n}년 차인데 부가가치세는 얼마를 내나요?",
                   "{industry}을 하는 간이과세자의 부가가치세 납부세액을 알려 주세요. 직원은 {n}명입니다.",
                   "{industry} 간이과세자로 {n}년째인데 부가가치세는 얼마인가요?"],
    "salary": ["입사 {n}년 차 직장인인데 연말정산하면 소득세는 얼마인가요?",
               "부양가족이 {n}명인 회사원입니다. 근로소득세 결정세액은 얼마인가요?",
               "직원 {n}명 회사에 다니는데 올해 소득세를 얼마나 내나요?"],
    "transfer": ["{n}년 보유한 집을 팔면 양도소득세는 얼마인가요?",
                 "아파트를 {n}년 만에 팔려고 합니다. 양도세가 얼마나 나오나요?",
                 "1주택자인데 {n}년 살던 집을 팔면 양도소득세는?"],
    "corporate": ["직원 {n}명인 법인의 법인세는 얼마인가요?",
                  "설립 {n}년 차 법인입니다. 올해 법인세 산출세액은?",
                  "중소법인 {n}년 차인데 법인세를 얼마나 내야 하나요?"],
    "penalty": ["신고기한을 {n}일 넘겨서 신고했는데 가산세는 얼마인가요?",
                "세금을 {n}일 늦게 냈습니다. 납부지연가산세는 얼마인가요?",
                "신고를 안 했는데 {n}개월이 지났습니다. 무신고가산세는 얼마인가요?"],
    "retirement": ["{n}년 근무하고 퇴직하면 퇴직소득세는 얼마인가요?",
                   "근속 {n}년에 퇴사합니다. 퇴직금에 세금이 얼마나 붙나요?",
                   "회사를 {n}년 다니고 그만두면 퇴직소득세는?"],
}  # fmt: skip


@dataclass(frozen=True)
class Mix:
    """Shares of the variants (the rest is ``plain``); ``k``/``max_chars`` size the articles."""

    grounded: float = 0.5
    distractor: float = 0.2
    missing: float = 0.15
    k: int = DEFAULT_K
    max_chars: int = DEFAULT_MAX_CHARS

    def check(self) -> Mix:
        from taxqa.errors import UserError

        shares = (self.grounded, self.distractor, self.missing)
        if any(s < 0 for s in shares) or sum(shares) > 1 + 1e-9:
            raise UserError(
                f"--grounded {self.grounded}, --distractor {self.distractor}, --missing {self.missing}: "
                "each must be >= 0 and together <= 1 (the rest is ungrounded)"
            )
        if self.k < 1 or self.max_chars < 200:
            raise UserError(f"--ground-k {self.k} / --ground-chars {self.max_chars}: expected >= 1 / >= 200")
        return self

    def to_dict(self) -> dict[str, Any]:
        plain = round(1 - self.grounded - self.distractor - self.missing, 6)
        return {"grounded": self.grounded, "distractor": self.distractor, "missing": self.missing,
                "plain": plain, "k": self.k, "max_chars": self.max_chars}  # fmt: skip

    def variant(self, seed: int, index: int) -> str:
        x = random.Random(f"taxqa-ground:{seed}:{index}").random()
        for name, share in (("grounded", self.grounded), ("distractor", self.distractor), ("missing", self.missing)):
            if x < share:
                return name
            x -= share
        return "plain"


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)


def _article(a: dict[str, Any]) -> dict[str, Any]:
    return {k: a[k] for k in ("citation", "title", "text", "effective_date", "kind") if k in a}


def cited_in(applied: list[str], articles: list[dict[str, Any]]) -> list[str]:
    """The applied articles that are among the given ones (what a grounded answer cites)."""
    return [c for c in applied if any(_same(c, a["citation"]) for a in articles)]


def distractor_grounding(kind: str, result: dict[str, Any], calculation: dict, rng: random.Random, mix: Mix) -> dict:
    relevant = governing_articles(governing_citations(result))[:2]
    others = [a for a in governing_articles(KEY_ARTICLES[OTHER_TAX[kind]])][: max(1, mix.k - len(relevant))]
    articles = [_article(a) for a in relevant + others]
    rng.shuffle(articles)
    return {"articles": fit_articles(articles, mix.max_chars), "calculation": calculation}


def missing_grounding(question: str, kind: str, rng: random.Random, mix: Mix) -> dict | None:
    """None (a third), articles of another tax (a third), or what retrieval finds for the question."""
    roll = rng.random()
    if roll < 1 / 3:
        return None
    if roll < 2 / 3:
        others = [_article(a) for a in governing_articles(KEY_ARTICLES[OTHER_TAX[kind]])]
        return {"articles": fit_articles(others[: mix.k], mix.max_chars), "calculation": None}
    found = build_grounding(question, k=mix.k, max_chars=mix.max_chars, calculate=False)
    return {"articles": [_article(a) for a in found["articles"]], "calculation": None}


def grounded_grounding(question: str, mix: Mix) -> dict:
    g = build_grounding(question, k=mix.k, max_chars=mix.max_chars)
    return {"articles": [_article(a) for a in g["articles"]], "calculation": g["calculation"]}


def missing_question(scenario: dict[str, Any], rng: random.Random) -> str:
    from taxqa.amounts import format_won
    from taxqa.tax.vat import industry_name

    kind, a, say = scenario["kind"], scenario["args"], scenario["say"]
    heirs = (
        (f"배우자와 자녀 {a['children']}명" if a.get("spouse") else f"자녀 {a.get('children', 1)}명")
        if kind == "inheritance"
        else ""
    )
    fields = {
        "donor": say.get("donor", "부모님"),
        "decedent": say.get("decedent", "아버지"),
        "heirs": heirs,
        "purchases": format_won(a.get("purchases") or 10_000_000),
        "industry": industry_name(a.get("industry") or "retail"),
        "age": rng.randint(20, 85) if kind == "inheritance" else rng.randint(20, 60),
        "n": rng.randint(1, 30),
    }
    return rng.choice(MISSING_QUESTIONS[kind]).format(**fields)


def training_calculation(question: str, kind: str, args: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """What inference would show for ``question`` (the question reader's own output) when it reads
    the case right; else the case as the scenario defines it, so the breakdown is never wrong."""
    from taxqa.grounding import ask, calculation_of

    found = ask(question)
    result = found.get("result") or {}
    if (
        found.get("kind") == kind
        and result.get("payable") == data["payable"]
        and result.get("tax_base") == data["tax_base"]
    ):
        return found
    return calculation_of(kind, args, data)


def variant_parts(
    scenario: dict[str, Any],
    result,
    question: str,
    asked: str,
    key: str,
    mix: Mix | None,
    *,
    answer: str | None = None,
) -> dict[str, Any]:
    """Question, answer, citations, grounding and meta of one calc item in its variant.

    ``result`` is the scenario's TaxResult (None for ``missing``); ``answer`` an LLM-written
    answer to keep (else the templates write one, seeded by the item ``key``).
    """
    from taxqa.datagen.answers import NEEDED, calc_answer, missing_answer

    kind, variant = scenario["kind"], scenario.get("variant", "plain")
    rng = random.Random(f"taxqa-answer:{key}")
    meta: dict[str, Any] = {"variant": variant, "asked": asked}
    if variant == "missing":
        question = missing_question(scenario, rng)
        grounding = missing_grounding(question, kind, rng, mix or Mix())
        cited = [c for c in KEY_ARTICLES[kind][:1]]
        meta.update(asked=None, missing=NEEDED[kind])
        return {"question": question, "answer": missing_answer(kind, rng, cited), "citations": cited,
                "grounding": grounding, "meta": meta}  # fmt: skip
    data = result.to_dict()
    applied = list(data["citations"])
    grounding = None
    if variant in ("grounded", "distractor"):
        calculation = training_calculation(question, kind, scenario["args"], data)
        mix = mix or Mix()
        if variant == "grounded":
            grounding = {"articles": grounded_grounding(question, mix)["articles"], "calculation": calculation}
        else:
            grounding = distractor_grounding(kind, data, calculation, rng, mix)
        applied = cited_in(applied, grounding["articles"]) or applied[:1]
    if answer is None:
        answer = calc_answer(data, asked, rng, citations=applied)
    return {"question": question, "answer": answer, "citations": applied, "grounding": grounding, "meta": meta}
