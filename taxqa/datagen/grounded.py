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
# per kind (taxqa.tax.kinds): `articles` (its key articles), `distractor` (the kind whose articles
# serve as distractors), `missing_questions` (questions without the deciding fact), `needs`


def key_articles(kind: str) -> list[str]:
    from taxqa.tax.kinds import KINDS

    return list(KINDS[kind].articles)


def other_articles(kind: str) -> list[str]:
    """The key articles of the tax this kind's distractors come from."""
    from taxqa.tax.kinds import KINDS

    return key_articles(KINDS[kind].distractor)


@dataclass(frozen=True)
class Mix:
    """Shares of the variants (the rest is ``plain``); ``k``/``max_chars`` size the articles."""

    grounded: float = 0.5
    distractor: float = 0.2
    missing: float = 0.15
    k: int = DEFAULT_K
    max_chars: int = DEFAULT_MAX_CHARS
    compact: bool = False  # one line per article, the breakdown's last lines; see compact_grounding

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
                "plain": plain, "k": self.k, "max_chars": self.max_chars, "compact": self.compact}  # fmt: skip

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
    others = [a for a in governing_articles(other_articles(kind))][: max(1, mix.k - len(relevant))]
    articles = [_article(a) for a in relevant + others]
    rng.shuffle(articles)
    return {"articles": fit_articles(articles, mix.max_chars), "calculation": calculation}


def missing_grounding(question: str, kind: str, rng: random.Random, mix: Mix) -> dict | None:
    """None (a third), articles of another tax (a third), or what retrieval finds for the question."""
    roll = rng.random()
    if roll < 1 / 3:
        return None
    if roll < 2 / 3:
        others = [_article(a) for a in governing_articles(other_articles(kind))]
        return {"articles": fit_articles(others[: mix.k], mix.max_chars), "calculation": None}
    found = build_grounding(question, k=mix.k, max_chars=mix.max_chars, calculate=False)
    return {"articles": [_article(a) for a in found["articles"]], "calculation": None}


def missing_question(scenario: dict[str, Any], rng: random.Random) -> str:
    from taxqa.amounts import format_won
    from taxqa.tax.kinds import KINDS
    from taxqa.tax.vat import industry_name

    kind, a, say = scenario["kind"], scenario["args"], scenario["say"]
    record = KINDS[kind]
    heirs = (  # the heirs of an estate ({heirs} in the kind's missing-fact questions)
        (f"배우자와 자녀 {a.get('children', 1)}명" if a.get("spouse") else f"자녀 {a.get('children', 1)}명")
        if "{heirs}" in "".join(record.missing_questions)
        else ""
    )
    low, high = record.extra.get("missing_ages", (20, 60))  # the asker's age (the decedent's for 상속)
    fields = {
        "donor": say.get("donor", "부모님"),
        "decedent": say.get("decedent", "아버지"),
        "heirs": heirs,
        "purchases": format_won(a.get("purchases") or 10_000_000),
        "industry": industry_name(a.get("industry") or "retail"),
        "age": rng.randint(low, high),
        "n": rng.randint(1, 30),
    }
    return rng.choice(record.missing_questions).format(**fields)


def training_calculation(
    question: str, kind: str, args: dict[str, Any], data: dict[str, Any], found: dict[str, Any] | None = None
) -> dict[str, Any]:
    """What inference would show for ``question`` (the question reader's own output, ``found`` when
    the question's Case has it) when it reads the case right; else the case as the scenario defines
    it, so the breakdown is never wrong."""
    from taxqa.grounding import ask, calculation_of

    found = ask(question) if found is None else found
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
    from taxqa.datagen.answers import calc_answer, missing_answer
    from taxqa.tax.kinds import KINDS

    kind, variant = scenario["kind"], scenario.get("variant", "plain")
    rng = random.Random(f"taxqa-answer:{key}")
    meta: dict[str, Any] = {"variant": variant, "asked": asked}
    if variant == "missing":
        question = missing_question(scenario, rng)
        grounding = missing_grounding(question, kind, rng, mix or Mix())
        if mix is not None and mix.compact and grounding:
            grounding = compact_grounding(grounding)
        cited = key_articles(kind)[:1]
        meta.update(asked=None, missing=list(KINDS[kind].needs))
        return {"question": question, "answer": missing_answer(kind, rng, cited), "citations": cited,
                "grounding": grounding, "meta": meta}  # fmt: skip
    data = result.to_dict()
    applied = list(data["citations"])
    grounding = None
    if variant in ("grounded", "distractor"):
        from taxqa.case import read_case

        mix = mix or Mix()
        case = read_case(question, k=mix.k, max_chars=mix.max_chars, retrieve=variant == "grounded")  # read once
        calculation = training_calculation(question, kind, scenario["args"], data, case.reading)
        if variant == "grounded":
            grounding = {"articles": [_article(a) for a in case.articles], "calculation": calculation}
        else:
            grounding = distractor_grounding(kind, data, calculation, rng, mix)
        applied = cited_in(applied, grounding["articles"]) or applied[:1]
    if mix is not None and mix.compact and grounding:
        grounding = compact_grounding(grounding)
        answer = answer or compact_answer(grounding, applied)
    if answer is None:
        answer = calc_answer(data, asked, rng, citations=applied)
    return {"question": question, "answer": answer, "citations": applied, "grounding": grounding, "meta": meta}


COMPACT_STEPS = 1  # the breakdown lines a compact block keeps, the payable one last: 1 copied best (BENCHMARKS §15)
# The compact block's last line, the same words for every tax (the question and the cited article say
# which tax): a tiny model learns to copy the figure after one fixed label far sooner than after one
# that varies with the tax (bench/bench_copy_skill.py, BENCHMARKS.md §15, rounds 4-6)
PAYABLE_LABEL = "납부할 세액"


def compact_grounding(grounding: dict[str, Any]) -> dict[str, Any]:
    """A short block for a tiny model (`taxqa data generate --ground-compact`, the demo): each article
    as its one-line reference (citation and title), the calculation as its last few steps without
    notes, ending with the payable line labelled `PAYABLE_LABEL`. A tiny model's step cost grows with
    the sequence; the skill it must learn is to copy the last line's figure (BENCHMARKS.md §15)."""
    articles = [
        {k: a[k] for k in ("citation", "title") if k in a} | {"text": ""} for a in grounding.get("articles") or ()
    ]
    calc = grounding.get("calculation")
    if calc and calc.get("result"):
        result = calc["result"]
        steps = [{"label": s["label"], "amount": s["amount"]} for s in result.get("steps") or ()]
        payable = [i for i, s in enumerate(steps) if s["amount"] == result.get("payable")]
        if payable:  # the payable line last: not a total with local tax after it (양도소득세)
            steps = steps[: payable[-1]]
        # the tax to pay in the one label (the calculator's own may be 양도소득 산출세액 or 추가 납부할
        # 세액), so the answer that repeats the line states the tax to pay as the evaluation's judge reads it
        steps.append({"label": PAYABLE_LABEL, "amount": result.get("payable")})
        steps = steps[-COMPACT_STEPS:]
        calc = {"result": {"as_of": result.get("as_of", ""), "steps": steps}}
    elif calc:
        calc = {k: calc[k] for k in ("missing", "result") if k in calc}
    return {"articles": articles, "calculation": calc}


def compact_answer(grounding: dict[str, Any], citations: list[str]) -> str:
    """The block's last line as a sentence, in its own words ('납부할 세액은 1억 4,550만원입니다.'),
    then the article: what a model that copies from its block says."""
    from taxqa.amounts import format_won
    from taxqa.tax.words import josa

    last = grounding["calculation"]["result"]["steps"][-1]
    lead = f"{josa(last['label'], '은는')} {format_won(last['amount'])}입니다."
    return lead + (f"\n\n관련 조문: {citations[0]}" if citations else "")
