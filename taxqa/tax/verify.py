"""Calculators for other stages: recognise a computable case in a Korean question, compute it,
check the figures an answer gives, and render a deterministic answer from a result.

Used by the quality gate, `taxqa generate --check`, evaluation and the chat app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from taxqa.amounts import format_won, iter_amounts
from taxqa.errors import UserError
from taxqa.tax.gift import gift_tax
from taxqa.tax.income import income_tax, wage_income
from taxqa.tax.inheritance import inheritance_tax
from taxqa.tax.render import render_answer
from taxqa.tax.result import TaxResult
from taxqa.tax.vat import vat, vat_simple

__all__ = [
    "CALCULATORS",
    "Scenario",
    "Verdict",
    "check_answer",
    "compute",
    "render_answer",
    "scenario_from_question",
]

CALCULATORS = {
    "gift": gift_tax,
    "inheritance": inheritance_tax,
    "income": income_tax,
    "wage": wage_income,
    "vat": vat,
    "vat-simple": vat_simple,
}


def compute(kind: str, **kwargs: Any) -> TaxResult:
    """Run the calculator `kind` (gift, inheritance, income, wage, vat, vat-simple)."""
    if kind not in CALCULATORS:
        raise UserError(f"kind: expected one of {', '.join(CALCULATORS)}, got {kind!r}")
    try:
        return CALCULATORS[kind](**kwargs)
    except TypeError as exc:
        raise UserError(f"{kind}: bad arguments {sorted(kwargs)}: {exc}") from exc


@dataclass
class Scenario:
    kind: str
    kwargs: dict[str, Any]
    assumptions: list[str] = field(default_factory=list)

    def compute(self) -> TaxResult:
        return compute(self.kind, **self.kwargs)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "kwargs": dict(self.kwargs), "assumptions": list(self.assumptions)}


# --- reading a question -------------------------------------------------------------------

ASKS_FIGURE = re.compile(
    r"얼마|계산|산출|세액|세금|내야|납부|몇\s*원|과세표준|공제액|근로소득금액|환급|부담|세(?:은|는|이|가)?\s*(?:\?|어떻게)"
)
SPOUSE = r"배우자|아내|남편|부인|와이프"
GRANDPARENT = r"외?할아버지|외?할머니|조부모님?|조부|조모"
PARENT = r"부모님?|아버지|어머니|아빠|엄마|부친|모친"
GRANDCHILD = r"손자|손녀|손주"
CHILD = r"자녀|아들|딸|자식"
RELATIVE = (
    r"형님?|누나|오빠|언니|동생|형제|자매|삼촌|외삼촌|이모|고모|숙부|사촌|조카|친척|장인|장모|시아버지|시어머니|시부모"
)
STRANGER = r"친구|지인|타인|제3자|남남|동료"
GROUPS = [  # (pattern, relation when the word is the donor, relation when it is the donee, generation skip)
    (GRANDPARENT, "lineal_ascendant", "lineal_descendant", True),
    (GRANDCHILD, "lineal_descendant", "lineal_ascendant", True),
    (SPOUSE, "spouse", "spouse", False),
    (PARENT, "lineal_ascendant", "lineal_descendant", False),
    (CHILD, "lineal_descendant", "lineal_ascendant", False),
    (RELATIVE, "other_relative", "other_relative", False),
    (STRANGER, "other", "other", False),
]
FROM_PARTICLE = r"(?:으로부터|로부터|에게서|한테서|께서|이|가)"
TO_PARTICLE = r"(?:에게|한테|께)"
PRIOR_CUE = re.compile(r"(\d+)\s*년\s*전|이전에|전에|작년|지난해|예전에|과거에|이미|앞서|먼저")
INDUSTRY_WORDS = [
    ("realestate", r"부동산\s*임대"),
    ("facility", r"사업시설|사업지원|렌탈|임대\s*서비스"),
    ("recycling", r"재생용|재활용|고물"),
    ("parcel", r"소화물|택배|퀵서비스"),
    ("retail", r"소매|편의점|슈퍼|마트|가게|상점"),
    ("restaurant", r"음식점|식당|카페|치킨|분식|음식|요식"),
    ("manufacturing", r"제조"),
    ("agriculture", r"농업|임업|어업|농림"),
    ("lodging", r"숙박|모텔|펜션|민박|게스트하우스"),
    ("construction", r"건설|인테리어|시공"),
    ("transport", r"운수|운송|택시|화물|창고"),
    ("ict", r"정보통신|소프트웨어|출판|방송"),
    ("finance", r"금융|보험"),
    ("professional", r"전문|과학|기술서비스|컨설팅|디자인|광고"),
    ("service", r"서비스|미용|세탁|수리"),
]
KOREAN_COUNTS = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5}


def clause_of(text: str, start: int, end: int) -> str:
    """The clause around a span: from the last , . ? ! or newline before it to the next one after."""
    left = max(text.rfind(c, 0, start) for c in ",.?!\n") + 1
    rights = [i for i in (text.find(c, end) for c in ",.?!\n") if i != -1]
    return text[left : min(rights) if rights else len(text)]


def role_relation(text: str) -> tuple[str | None, bool]:
    """(relation of the donor as seen from the donee, generation skip) from relation words."""
    donor = donee = None
    for pattern, as_donor, as_donee, skip in GROUPS:
        for m in re.finditer(rf"({pattern})(님)?\s*({FROM_PARTICLE}|{TO_PARTICLE})?", text):
            particle = m.group(3) or ""
            after = text[m.end() : m.end() + 30]
            if re.fullmatch(FROM_PARTICLE, particle) or (particle and "받" in after.split(".")[0]):
                donor = donor or (as_donor, skip)
            elif particle:
                donee = donee or (as_donee, skip)
            elif pattern in (PARENT, GRANDPARENT, SPOUSE, RELATIVE, STRANGER):
                donor = donor or (as_donor, skip)  # "부모 증여" without a particle: the usual reading
    found = donor or donee
    return (found[0], found[1]) if found else (None, False)


def minor_age(text: str) -> int | None:
    """The age of a minor mentioned in the text (None when no minor is mentioned)."""
    for m in re.finditer(r"(?:만\s*)?(\d{1,2})\s*(?:세|살)", text):
        if int(m.group(1)) < 19:
            return int(m.group(1))
    if re.search(r"미성년|초등학생|중학생|고등학생|유치원|갓난|신생아|영아", text):
        return -1
    return None


def gift_scenario(text: str) -> Scenario | None:
    relation, skip = role_relation(text)
    if relation is None:
        return None
    current, prior, assumptions = [], [], []
    for a in iter_amounts(text):
        clause = clause_of(text, a.start, a.end)
        cue = PRIOR_CUE.search(text[max(0, a.start - 30) : a.start].split(",")[-1]) or PRIOR_CUE.search(clause)
        if cue and "이번" not in clause:
            years = cue.group(1) if cue.lastindex else None
            if years and int(years) > 10:
                assumptions.append(f"{years}년 전 증여는 10년이 지나 합산하지 않음")
                continue
            prior.append(a.value)
        elif not re.search(r"공제|한도", text[max(0, a.start - 8) : a.start]):
            current.append(a.value)
    if not current:
        return None
    kwargs: dict[str, Any] = {"amount": current[0], "relation": relation}
    age = minor_age(text)
    if relation == "lineal_ascendant" or skip:
        if age is None:
            assumptions.append("수증자는 성인으로 가정")
        else:
            kwargs["minor"] = True
    if skip:
        kwargs["generation_skip"] = True
        assumptions.append("수증자의 부모가 생존해 있어 세대생략 할증과세 적용으로 가정")
    if relation == "lineal_ascendant" and re.search(r"혼인|결혼|출산|출생|아이를\s*낳", text):
        kwargs["marriage_birth"] = 100_000_000
        assumptions.append(
            "혼인·출산 증여재산공제 요건(혼인신고일 전후 2년 또는 출생일부터 2년 이내)을 충족한다고 가정"
        )
    if prior:
        kwargs["prior"] = sum(prior)
        assumptions.append(
            "10년 내 이전 증여는 같은 증여자로부터 받았고, 그 세액은 같은 관계로 계산한 산출세액으로 가정"
        )
    else:
        assumptions.append("10년 내 동일인 증여 없음으로 가정")
    assumptions.append("거주자로 가정")
    return Scenario("gift", kwargs, assumptions)


def count_children(text: str) -> int | None:
    total, seen = 0, False
    for m in re.finditer(rf"(?:{CHILD})\s*(\d+|한|하나|두|둘|세|셋|네|넷|다섯)\s*(?:명|분)?", text):
        n = m.group(1)
        total += int(n) if n.isdigit() else KOREAN_COUNTS[n]
        seen = True
    if seen:
        return total
    if re.search(rf"(?:{CHILD})\s*(?:는|가|이)?\s*없", text):
        return 0
    return None


def inheritance_scenario(text: str) -> Scenario | None:
    assumptions = ["상속재산은 채무·공과금·장례비를 뺀 상속세 과세가액이며 사전증여재산은 없다고 가정"]
    kwargs: dict[str, Any] = {}
    estate = []
    spouse = bool(re.search(SPOUSE, text))
    kinds = [
        ("financial", r"금융재산|금융자산|금융|예금|적금|주식|펀드"),
        ("spouse_inherits", SPOUSE),
        ("estate", r"재산|유산|상속"),
    ]
    priority = {"financial": 2, "spouse_inherits": 1, "estate": 0}  # "금융재산": 금융 wins over 재산
    for a in iter_amounts(text):
        left = max(text.rfind(c, 0, a.start) for c in ",.?!\n") + 1
        window = text[max(left, a.start - 25) : a.start]
        hits = [(m.end(), priority[key], key) for key, pattern in kinds for m in re.finditer(pattern, window)]
        key = max(hits)[2] if hits else "estate"
        if key == "estate":
            estate.append(a.value)
        else:
            kwargs.setdefault(key, a.value)
    if not estate and "spouse_inherits" in kwargs:  # "아내가 10억원을 상속받으면": the spouse takes the estate
        estate.append(kwargs["spouse_inherits"])
    if not estate:
        return None
    kwargs["estate"] = estate[0]
    if "financial" in kwargs and kwargs["financial"] > kwargs["estate"]:
        kwargs["estate"], kwargs["financial"] = kwargs["financial"], kwargs["estate"]
    children = count_children(text)
    if children is None:
        children = 1 if re.search(CHILD, text) else 0
        if children:
            assumptions.append("자녀 수가 없어 자녀 1명으로 가정")
    kwargs["children"] = children
    if spouse:
        kwargs["spouse"] = True
        if "spouse_inherits" not in kwargs:
            assumptions.append("배우자 실제 상속액이 없어 배우자상속공제 최소 5억원 적용")
    ages = [int(m.group(1)) for m in re.finditer(r"(?:만\s*)?(\d{1,2})\s*(?:세|살)", text) if int(m.group(1)) < 19]
    if ages and children:
        kwargs["minor_children_years"] = [19 - age for age in ages[:children]]
    assumptions.append("동거가족·65세 이상·장애인 공제와 가업·영농·동거주택 상속공제는 없다고 가정")
    assumptions.append("거주자로 가정")
    return Scenario("inheritance", kwargs, assumptions)


def amount_near(text: str, pattern: str, rivals: str = "") -> int | None:
    """The first amount whose nearest preceding keyword (within its clause) matches `pattern`, not `rivals`."""
    for a in iter_amounts(text):
        left = max(text.rfind(c, 0, a.start) for c in ",.?!\n") + 1
        window = text[max(left, a.start - 25) : a.start]
        hits = [(m.end(), True) for m in re.finditer(pattern, window)]
        hits += [(m.end(), False) for m in re.finditer(rivals, window)] if rivals else []
        if hits and max(hits)[1]:
            return a.value
    return None


def scenario_from_question(text: str) -> Scenario | None:
    """A computable case in a Korean question, or None (no figure asked, or facts missing)."""
    text = re.sub(r"상속세\s*및\s*증여세법", "", text)
    if not ASKS_FIGURE.search(text) or not any(True for _ in iter_amounts(text)):
        return None
    scenario = scenario_for(text)
    if scenario is None:
        return None
    try:
        scenario.compute()
    except UserError:
        return None
    return scenario


def scenario_for(text: str) -> Scenario | None:
    first = next(iter_amounts(text)).value
    if "간이과세" in text:
        industry = next((key for key, words in INDUSTRY_WORDS if re.search(words, text)), None)
        if industry is None:
            return None
        supply = amount_near(text, r"매출|공급대가|수입", r"매입") or first
        purchases = amount_near(text, r"매입", r"매출|공급대가|수입") or 0
        assumptions = ["금액은 1년 과세기간의 공급대가(부가세 포함)로 가정", "매입은 세금계산서 등을 받은 것으로 가정"]
        return Scenario("vat-simple", {"supply": supply, "industry": industry, "purchases": purchases}, assumptions)
    if re.search(r"부가가치세|부가세|매출세액", text) and re.search(r"매출", text):
        sales = amount_near(text, r"매출", r"매입")
        purchases = amount_near(text, r"매입", r"매출") or 0
        if sales is None:
            return None
        assumptions = ["금액은 부가세를 뺀 공급가액으로 가정"]
        return Scenario("vat", {"sales": sales, "purchases": purchases}, assumptions)
    if re.search(r"근로소득공제|총급여|연봉|근로소득금액", text) and "종합소득 과세표준" not in text:
        salary = amount_near(text, r"총급여|연봉|급여") or first
        return Scenario("wage", {"salary": salary}, ["상용근로자의 총급여액으로 가정 (비과세소득 제외)"])
    if re.search(r"종합소득", text) or (re.search(r"소득세", text) and "과세표준" in text):
        base = amount_near(text, r"과세표준") or first
        return Scenario(
            "income", {"base": base}, ["주어진 금액을 종합소득 과세표준으로 보고 세액공제·감면은 반영하지 않음"]
        )
    if "상속" in text:
        return inheritance_scenario(text)
    if "증여" in text or ("받" in text and role_relation(text)[0]):  # "남편으로부터 10억원을 받으면"
        return gift_scenario(text)
    return None


# --- checking an answer -------------------------------------------------------------------

RESULT_LABELS = [  # (field, keyword pattern); the generic tax word needs a particle so "증여세 과세가액" is not read
    ("tax_base", r"과세\s*표준"),
    ("computed_tax", r"산출\s*세액"),
    (
        "payable",
        r"납부할\s*(?:세액|세금|금액|증여세|상속세|소득세|부가가치세|부가세)|납부\s*세액|최종\s*(?:세액|납부액|세금|부담액?)|"
        r"실제\s*(?:납부|부담)\w*|내야\s*(?:할|하는)\s*(?:세금|세액|금액|증여세|상속세)|결정\s*세액|납부액|환급\s*세액|환급액|환급받을\s*(?:세액|금액)",
    ),
    ("deduction", r"근로소득\s*공제(?:액)?"),
    ("income", r"근로소득\s*금액"),
    ("local_tax", r"지방소득세"),
    # a word ending in 세액 (매입세액, 매출세액) is a step, not the result
    ("tax", r"(?<![가-힣])(?:증여세|상속세|소득세|부가가치세|부가세|세금|세액)(?:액)?\s*(?:은|는|이|가|:|：|으로|로)"),
]
FIELD_LABELS = {
    "tax_base": "과세표준",
    "computed_tax": "산출세액",
    "payable": "납부세액",
    "deduction": "근로소득공제",
    "income": "근로소득금액",
    "local_tax": "지방소득세",
    "tax": "세액",
}
ANY_LABEL = re.compile("|".join(f"(?:{pattern})" for name, pattern in RESULT_LABELS if name != "tax"))
BOUND_AFTER = re.compile(r"\s*(?:을|를|이|가)?\s*(?:이하|초과|이상|미만|까지|한도|\+|×|x\s|\*|의\s*\d)")
APPROX = re.compile(r"약\s*$|대략\s*$")
SENTENCE_END = re.compile(r"(?<=다)\.|\.\s|\n|[?!]")


@dataclass
class Verdict:
    agree: bool
    expected: dict[str, int]
    found: dict[str, dict[str, Any]]
    reason: str
    assumptions: list[str] = field(default_factory=list)
    checked: bool = True  # False when the answer states no result figure (nothing to compare)
    kind: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "agree": self.agree,
            "checked": self.checked,
            "kind": self.kind,
            "expected": dict(self.expected),
            "found": {k: dict(v) for k, v in self.found.items()},
            "reason": self.reason,
            "assumptions": list(self.assumptions),
        }


def stated_amount(answer: str, start: int) -> tuple[int, str, bool] | None:
    """The result amount stated after a keyword ending at `start`: after the last '=' of the
    sentence if there is one, else the first amount that is not a bracket bound or formula term."""
    end = SENTENCE_END.search(answer, start)
    stop = min(end.end() if end else len(answer), start + 120)
    following = ANY_LABEL.search(
        answer, start, stop
    )  # "과세표준은 X이고, 산출세액은 ... = Y": stop before the next label
    window = answer[start : following.start() if following else stop]
    offset = start
    eq = max(window.rfind("="), window.rfind("→"))
    if eq != -1:
        offset, window = start + eq + 1, window[eq + 1 :]
    for a in iter_amounts(window):
        if BOUND_AFTER.match(window, a.end):
            continue
        approx = bool(APPROX.search(answer[max(0, offset + a.start - 4) : offset + a.start]))
        approx = approx or bool(re.match(r"\s*(?:정도|가량|내외)", window[a.end :]))
        return a.value, a.text, approx
    return None


def read_figures(answer: str) -> dict[str, dict[str, Any]]:
    """The figures the answer gives as its results, by field (the last statement of each wins)."""
    found: dict[str, tuple[int, dict[str, Any]]] = {}
    named = [m.span() for name, pattern in RESULT_LABELS if name != "tax" for m in re.finditer(pattern, answer)]
    for name, pattern in RESULT_LABELS:
        for m in re.finditer(pattern, answer):
            if name == "tax" and any(a <= m.start() < b or m.start() <= a < m.end() for a, b in named):
                continue  # "세액은" inside "산출세액은" is the named label, not the generic one
            got = stated_amount(answer, m.end())
            if got is None:
                continue
            value, text, approx = got
            if name == "payable" and "환급" in m.group(0):
                value = -value
            found[name] = (m.start(), {"label": m.group(0).strip(" :：은는이가으로"), "amount": value, "text": text,
                                       "approx": approx})  # fmt: skip
    if not found:  # fall back on the last amount of the last sentence that talks about tax
        for sentence in reversed([s for s in re.split(r"(?<=[.?!\n])", answer) if s.strip()]):
            amounts = [a for a in iter_amounts(sentence) if not BOUND_AFTER.match(sentence, a.end)]
            if amounts and re.search(r"세|세액|세금", sentence):
                a = amounts[-1]
                found["tax"] = (0, {"label": "최종 세액", "amount": a.value, "text": a.text, "approx": False})
                break
    return {k: v for k, (_, v) in sorted(found.items(), key=lambda kv: kv[1][0])}


def close(value: int, expected: int, approx: bool) -> bool:
    if value == expected:
        return True
    return approx and abs(value - expected) <= abs(expected) // 100


def check_answer(question: str, answer: str) -> Verdict | None:
    """Compare the result figures an answer states with the calculator's; None if not computable."""
    scenario = scenario_from_question(question)
    if scenario is None:
        return None
    result = scenario.compute()
    expected = {"tax_base": result.tax_base, "computed_tax": result.computed_tax, "payable": result.payable}
    expected |= result.extra
    found = read_figures(answer)
    wrong, right = [], []
    for name, item in found.items():
        value, approx = item["amount"], item["approx"]
        if name == "tax":
            candidates = [result.payable, result.computed_tax] + ([-result.payable] if result.payable < 0 else [])
            if result.kind == "wage":
                candidates = [result.extra["deduction"]]
            ok = any(close(value, c, approx) for c in candidates)
            target = f"계산값 {format_won(candidates[0])}" + (
                f" (산출세액 {format_won(result.computed_tax)})" if result.kind != "wage" else ""
            )
        elif name in expected:
            ok = close(value, expected[name], approx)
            target = f"계산값 {format_won(expected[name])}"
        else:
            continue
        (right if ok else wrong).append(f"{item['label']} {format_won(value)}" + ("" if ok else f" != {target}"))
    if not right and not wrong:
        return Verdict(
            True, expected, found, "답변에 결과 금액이 없어 비교하지 않음", scenario.assumptions, False, result.kind
        )
    if wrong:
        reason = "; ".join(wrong)
    else:
        reason = "계산값과 일치: " + ", ".join(right)
    return Verdict(not wrong, expected, found, reason, scenario.assumptions, True, result.kind)
