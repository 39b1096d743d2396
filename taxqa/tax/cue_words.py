"""The words that name each input, per kind: the kind's own input label (`TaxKind.fact_labels`, split into
its words, a word shared by two inputs of the kind left out) and the cue words the readers read the input by
(the transfer reader's buying and selling verbs and its 필요경비 words),
plus the everyday labels people put before a value. `attached` says which inputs the words glued to a value
name: a label just before it ("취득가 3억", "산 건 4억", "매입: 5천") or a verb or particle just after it
("3억에 산", "7억 받고 팔았", "8년 보유").

Only the inputs that can be confused with another input of the same kind are listed: a kind with one
amount (종합소득 과세표준, 가산세's 본세) has nothing to disagree with, and a gift's amounts (this one, one
given before) are told apart by time, and an estate's parts (예금 3억, 아파트 6억) all belong to the estate.
`VALUE_CUES` names the values of an input the question can ask for by name (a penalty's 무신고가산세 …).
"""

from __future__ import annotations

import re
from functools import cache

from taxqa.tax.transfer_reading import BOUGHT, EXPENSE, SOLD

# between a label and its value: a noun that only names the value, then a particle or a colon ("산 건 4억"; not
# "4억에 산 거 8억에", where the bought thing is the object of the next verb)
NEUTRAL = r"공급\s*가액|공급\s*대가|금액|가액|가격|값|합계|총액"  # name any amount of the kind, not one input
FILLER = (
    r"\s*(?:(?:"
    + NEUTRAL
    + r")\s*|액|건|게|것은|거는|쪽|때|적에)?\s*(?:은|는|이|가|도|:|：|=|으로|로|만)?\s*(?:약|대략|총|딱)?\s*$"
)
# between a value and its verb: the unit, a particle
GLUE = r"^\s*(?:원|만\s*원)?\s*(?:정도|쯤|어치|짜리)?\s*(?:에|을|를|으로|로|은|는|이|가|주고|받고|동안|간|째)?\s*"

# a verb-like word followed by a value labels that value ("양도 7억 취득 5억"), not the one before it
# ("4억 판 건 7억": the verb made a noun labels the 7억)
NOT_A_LABEL = r"(?![가-힣]{0,5}\s*(?:(?:건|게|거|것|값|가격|금액)\s*(?:은|는)?\s*)?[:=]?\s*\d)"
# kind -> input -> (words before the value, words after it); a regex each, "" for none
READER_CUES: dict[str, dict[str, tuple[str, str]]] = {
    "transfer": {
        "price": (
            r"양도\s*가액?|양도\s*금액|매도\s*가|매매\s*가|파는|판|팔|팔\s*때|팔았을\s*때|양도\s*당시",
            SOLD.split(")?", 1)[-1],
        ),
        "acquired": (
            r"취득\s*가액?|매입\s*가|구입\s*가|분양\s*가|사는|산|살|살\s*때|샀을\s*때|취득\s*당시",
            BOUGHT.split(")?", 1)[-1],
        ),
        "expenses": (EXPENSE, ""),
        "held_years": (r"보유|소유|보유\s*기간", r"(?:보유|소유|가지고|갖고|들고)"),
        "resided_years": (r"거주|실거주|거주\s*기간", r"(?:거주|실거주|살았|살고|살아)"),
    },
    "salary": {
        "salary": (r"연봉|월급|급여|총급여|세전|임금", ""),
        "withheld": (r"원천\s*징수|기납부|이미\s*낸|뗀|떼인", r"이미\s*냈|뗐|떼|원천\s*징수"),
        "pension": (r"국민\s*연금|연금\s*보험료", ""),
        "insurance": (r"건강\s*보험|고용\s*보험|보험료", ""),
    },
    "retirement": {
        "pay": (r"퇴직금|퇴직\s*소득|퇴직\s*급여", ""),
        "withheld": (r"원천\s*징수|이미\s*낸|뗀|떼인", r"이미\s*냈|뗐|떼|원천\s*징수"),
        "years": (r"근속|근무|재직|다닌|일한", r"(?:근무|근속|재직|다녔|다니|일했|일하)"),
    },
    "vat": {
        "sales": (r"매출|판매\s*액|매상", r"(?:팔|판매|매출)"),
        "purchases": (r"매입|사입|재료비|원재료", r"(?:샀|사\s*왔|구입|매입|사입)"),
        "card_sales": (r"(?:신용)?\s*카드\s*(?:매출|결제)?|현금\s*영수증\s*(?:매출)?", ""),
    },
    "vat-simple": {
        "supply": (r"매출|매상|판매\s*액", r"(?:팔|판매|매출)"),
        "purchases": (r"매입|사입|재료비|원재료", r"(?:샀|사\s*왔|구입|매입|사입)"),
        "card_sales": (r"(?:신용)?\s*카드\s*(?:매출|결제)?|현금\s*영수증\s*(?:매출)?", ""),
    },
    "corporate": {
        "base": (r"과세\s*표준|과표|소득\s*금액", ""),
        "prepaid": (r"중간\s*예납|기납부|이미\s*낸|예납", r"이미\s*(?:냈|납부)"),
    },
}


# kind -> input -> value -> the name the question gives that value when it asks for it ("지연가산세는?")
VALUE_NAMES = {"no-return": "무신고가산세", "under-report": "과소신고가산세", "late-payment": "납부지연가산세"}
VALUE_CUES: dict[str, dict[str, dict[str, str]]] = {
    "penalty": {
        "kind": {
            # "과소신고랑 납부지연 가산세 합쳐서": the 가산세 said once for both
            "no-return": r"무\s*신고(?:\s*(?:이랑|랑|와|과|하고|및|[,·/+])\s*납부\s*지연)?\s*가산세",
            "under-report": r"과소\s*신고(?:\s*(?:이랑|랑|와|과|하고|및|[,·/+])\s*납부\s*지연)?\s*가산세",
            "late-payment": r"(?:납부\s*)?지연\s*가산세|납부\s*불성실\s*가산세",
        }
    }
}


def named_values(kind: str | None, text: str) -> dict[str, dict[str, str]]:
    """input -> {value: the words that name it} for the values of `kind`'s inputs the question names."""
    out: dict[str, dict[str, str]] = {}
    for name, values in VALUE_CUES.get(kind or "", {}).items():
        for value, words in values.items():
            if hit := re.search(words, text):
                out.setdefault(name, {})[value] = hit.group(0)
    return out


def kind_labels(kind: str) -> dict[str, str]:
    from taxqa.tax.kinds import KINDS

    return dict(getattr(KINDS.get(kind), "fact_labels", {}) or {})


def label(kind: str, name: str) -> str:
    """An input's Korean name as the user reads it."""
    return kind_labels(kind).get(name, name)


@cache
def lexicon(kind: str) -> dict[str, tuple[re.Pattern, re.Pattern | None]]:
    """input -> (a label ending just before a value, a verb just after it)."""
    cues = READER_CUES.get(kind, {})
    words = {n: [w for w in re.split(r"[\s·()]+", label(kind, n)) if len(w) >= 2] for n in cues}
    counts: dict[str, int] = {}
    for ws in words.values():
        for w in set(ws):
            counts[w] = counts.get(w, 0) + 1
    out = {}
    for name, (before, after) in cues.items():
        own = [
            re.escape(w)
            for w in words[name]
            if counts[w] == 1 and not re.fullmatch(NEUTRAL, w) and not any(w in v for v in other_words(cues, name))
        ]
        said = "|".join(p for p in (before, *own) if p)
        out[name] = (
            re.compile(r"(?<![가-힣])(?:" + said + r")" + FILLER),
            re.compile(GLUE + r"(?:" + after + r")" + NOT_A_LABEL) if after else None,
        )
    return out


def other_words(cues: dict, name: str) -> list[str]:
    return [b for n, (b, _a) in cues.items() if n != name]


def attached(kind: str | None, mtype: str, before: str, after: str) -> dict[str, str]:
    """The inputs of `kind` named by a label ending right before a value (`before` = its clause up to it) or
    a verb right after it (`after` = the rest of its clause), each with the words that name it; of several
    labels, the longest, and a label before a verb."""
    if kind not in READER_CUES:
        return {}
    durations = mtype == "duration"
    names: dict[str, tuple[int, str]] = {}
    for name, (lab, verb) in lexicon(kind).items():
        if durations != (name in ("held_years", "resided_years", "years")):
            continue
        if hit := lab.search(before[-16:]):
            names[name] = (len(hit.group(0).strip()) + 100, hit.group(0).strip())
        elif verb is not None and (hit := verb.match(after)):
            names[name] = (1, re.sub(GLUE, "", hit.group(0)).strip())  # the verb, not the particle before it
    if not names:
        return {}
    best = max(w for w, _ in names.values())
    return {n: said for n, (w, said) in names.items() if w == best}
