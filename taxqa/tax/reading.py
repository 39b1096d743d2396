"""Question reading: a Korean question -> the tax kind, the calculator inputs (each fact with the
words it came from), the assumptions taken for what is missing, and what is missing or ambiguous.

`read_question` dispatches to the reader of the first kind in `taxqa.tax.kinds.KINDS` that
recognises the question; `ask` is the `taxqa tax ask --json` contract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from taxqa.amounts import iter_amounts
from taxqa.errors import UserError
from taxqa.tax.corrections import drop_corrected
from taxqa.tax.fields import answer_words, field_answers
from taxqa.tax.fx import with_rate
from taxqa.tax.kinds import KINDS
from taxqa.tax.mentions import Mention, read_mentions, uncovered_tax
from taxqa.tax.negation import negated
from taxqa.tax.nets import flag_follow_up
from taxqa.tax.placing import KIND_TAXES, NAMED_TAX, place
from taxqa.tax.rates import parse_as_of
from taxqa.tax.result import TaxResult
from taxqa.tax.spoken_time import dated_months, plain_spans, season_months
from taxqa.tax.words import (
    CLAUSE_END,
    NATIVE_AGE,
    NATIVE_ONES,
    NATIVE_ONES_AGE,
    SINO,
    apply_unit_header,
    join_label_lines,
    josa,
    native_age,
    plain_digits,
    plain_forms,
    plain_words,
    sino_number,
    untable,
)

# A question asks for a figure when it has one of these words.
ASKS_FIGURE = re.compile(
    r"얼마|계산|산출|세액|세금|내야|내나|낼|납부|몇\s*원|과세표준|공제액|근로소득금액|환급|부담|나오|"
    r"세(?:은|는|이|가)?\s*(?:\?|어떻게)"
)


@dataclass
class Fact:
    """One thing the question says (or the reader assumed), with the words it came from."""

    name: str  # a calculator input (amount, relation, children, ...) or a descriptive fact (heirs, donor)
    value: Any
    words: str  # the words of the question; "" for a value assumed, not read

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "words": self.words}


@dataclass
class Reading:
    """What a question says. `inputs` holds the calculator keyword arguments read or assumed
    (only those that differ from the calculator's defaults); `facts` the evidence for them."""

    text: str
    kind: str | None = None
    inputs: dict[str, Any] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    understood: str = ""
    summary: list[str] = field(default_factory=list)  # Korean phrases for the understood line
    as_of: str | None = None
    mentions: list[Mention] = field(default_factory=list)  # the question read into typed mentions
    tax_name: str | None = None  # the tax the question is about, in Korean (also when kind is None)
    result: TaxResult | None = None  # the calculator's result, computed once when the reading is done

    def fact(self, name: str, value: Any, words: str = "", *, input: bool = True) -> None:
        """Record a fact; `input` facts also set the calculator input `name`."""
        self.facts.append(Fact(name, value, words.strip()))
        if input:
            self.inputs[name] = value

    def assume(self, text: str) -> None:
        if text not in self.assumptions:
            self.assumptions.append(text)

    def lack(self, text: str) -> None:
        """A fact the result depends on that the question does not give."""
        if text not in self.missing:
            self.missing.append(text)

    def unclear(self, text: str) -> None:
        """A fact the question gives in a way that can be read more than one way."""
        if text not in self.ambiguous:
            self.ambiguous.append(text)

    def say(self, phrase: str) -> None:
        """Add a phrase to the Korean line of what was understood."""
        self.summary.append(phrase)

    @property
    def computable(self) -> bool:
        return self.kind is not None and not self.missing

    def compute(self) -> TaxResult:
        from taxqa.tax.compute import compute

        return compute(self.kind, **self.inputs, as_of=self.as_of)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "inputs": dict(self.inputs),
            "facts": [f.to_dict() for f in self.facts],
            "understood": self.understood,
            "assumptions": list(self.assumptions),
            "missing": list(self.missing),
            "ambiguous": list(self.ambiguous),
            "mentions": [m.to_dict() for m in self.mentions],
            "tax_name": self.tax_name,
        }


HANGUL_AMOUNT = re.compile(
    r"(?<![가-힣\d])((?:[일이삼사오육칠팔구십백천]+\s*[억만]\s*)+)"
    r"(?=원|\s*원|[을를이가은는의과와에인,.?!\s]|쯤|정도|가량|어치|짜리|$)"
)


def hangul_amount(m: re.Match) -> str:
    """'이십억' -> '20억', '삼억 오천만' -> '3억 5000만' (only sums with a unit 억/만)."""
    parts = re.findall(r"([일이삼사오육칠팔구십백천]+)\s*([억만])", m.group(1))
    # a sum with no 억 and no 원 is taken only when its 만 has a 천 or 백 in several syllables ("천이백만",
    # "사천오백만 보내줌"): a bare "이만"/"천만" is a word as often as an amount
    many = any(len(num) >= 2 and re.search("[천백]", num) for num, unit in parts if unit == "만")
    if not any(unit == "억" for _, unit in parts) and not re.match(r"\s*원", m.string[m.end() :]) and not many:
        return m.group(0)
    return " ".join(f"{sino_number(num)}{unit}" for num, unit in parts) + (" " if m.group(1).endswith(" ") else "")


# pay said in Hangul numerals with 만 left out: "월급이 사백오십이래", "연봉 오천오백"
PAY_IN_HANGUL = re.compile(
    r"(?P<key>월급|연봉|급여|세전|(?<![가-힣])월)(?P<sep>\s*(?:은|는|이|가)?\s*)(?P<n>[일이삼사오육칠팔구십백천]{2,})(?=[가-힣\s,.?!]|$)"
)


def pay_in_digits(m: re.Match) -> str:
    n, rest = m["n"], m.string[m.end() : m.end() + 1]
    if not re.search("[백천]", n):
        return m[0]
    if n.endswith("이") and rest and rest in "래야고라에예요면었다":  # "사백오십이래": the 이 is the copula
        n = n[:-1]
    return f"{m['key']}{m['sep']}{sino_number(n)}" + m["n"][len(n) :]


# A bare number after a word that takes a won amount, with 만 left out: "월급 400", "연봉 3500이면".
IMPLIED_MAN = re.compile(
    r"(?P<key>월급|기본급|(?<![가-힣])[가-힣]{0,3}수당|연봉|총급여액?|급여|연\s*소득|매출액?|매입액?|공급대가|공급가액|과세표준|과표|퇴직금\s*정산(?:액|금)?|퇴직금|퇴직급여|양도가액?|취득가액?|용돈|생활비|"
    r"상여금?|보너스|성과급|성과금|인센티브|인센|식대|비과세|자가운전보조금|보육수당|월세|임대료|매달|매월|달마다|매년|해마다|세전|"
    r"중간예납(?:세액|액)?|기납부(?:세액|액)?|원천징수(?:세액|액)?|"
    r"필요경비|필경|부대\s*비용|중개비|중개보수|중개수수료|법무비|법무사\s*비용?|수리비|카드\s*(?:결제|매출)(?:액|분)?|현금\s*(?:결제|매출)|"
    r"(?<![가-힣])[월연](?=\s)|(?<![가-힣\d])월(?=\d{3,4}(?:받|씩|인데|이고))|(?<![\d~∼-])\d{1,2}\s*월\s*부터(?:는|은)?)"
    r"(?P<sep>\s*(?:은|는|이|가|:|=|,|\|)?\s*(?:(?:부가세|부가가치세|VAT)\s*(?:포함|별도)(?:해서|하여|하면)?\s*|합계\s*)?)(?P<n>[1-9]\d{0,2},\d{3}|[1-9]\d{0,4}|[1-9]\d{5,15})"
    r"(?!\d|,\d|\.\d|\s*[천백십만억조원%년월일세살명개배])"  # "월급 230, 12달": the comma ends a list item
)
ASIDE_BEFORE_AMOUNT = re.compile(
    r"([가-힣])\s*(\((?![^()]*(?:공급가액|과세표준|과표))[^()\d]{1,16}\))\s*(\d[\d,.]*\s*(?:억|천만|백만|만|천|백|원)(?:\s*\d[\d,.]*\s*(?:천만|백만|만|천|백|원))*(?:\s*원)?)"
)


def normalise(text: str) -> str:
    """The question in the shapes the amount parser reads: the act's own name removed (상속세 및
    증여세법 names both taxes), amounts in Hangul numerals as digits (이십억 -> 20억, 천만원 ->
    1천만원), the spoken '3억5천' as 3억 5천만, '3천3백' as 3천3백만 and '연봉 3500' as 3500만원."""
    text = re.sub(r"상속세\s*및\s*증여세법", "상증법", text)
    text = plain_words(text)
    text = re.sub(r"Q\d*[.):]?\s*([^?\n]{1,20})\?\s*A\d*[.):]?\s*", r"\1: ", text)  # "Q. 근속연수? A. 22년"
    for _ in range(2):  # "3 천 만 원", "1 억 원": the units of one amount written apart
        text = re.sub(r"([\d억천백만])\s+(?=(?:억|천|백|만|원)(?![가-힣]))", r"\1", text)
    text = re.sub(r"['‘’](\d{2})\s*년", r"20\1년", text)  # "'19년에 산": 2019
    # "매입(공급대가) 2,200만", "상속재산(채무 차감 후) 20억": the aside after the amount, so the label is
    # nearest (an aside that is itself the label, "과세표준(공급가액) 2억", stays)
    text = ASIDE_BEFORE_AMOUNT.sub(r"\1 \3\2", text)
    # "매출 2억(부가세 포함 2억 2천)": the bracket restates the amount with VAT, so the amount is the 공급가액
    text = re.sub(
        r"\(\s*(?:부가세|부가가치세|VAT)\s*포함(?:하면|시)?\s*[\d,.]+\s*[억천만원][\d,.\s억천만원]*\)",
        "(공급가액)",
        text,
    )
    # "외삼촌 → 나": the one before the arrow gives to the one after it
    text = re.sub(
        r"([가-힣]+)\s*(?:→|->|⇒)\s*([가-힣]+)",
        lambda m: f"{josa(m[1], '이가')} {m[2]}에게",
        text,
    )
    text = re.sub(r"(?<![\d가-힣])(천|백)(만\s*원|만원|만\s*(?=엔|달러|유로|위안))", r"1\1\2", text)
    text = HANGUL_AMOUNT.sub(hangul_amount, text)
    text = season_months(text)
    text = re.sub(
        r"(?<![가-힣\d])([이삼사오육칠팔구])(천|백)(?=\s*\d)", lambda m: f"{SINO[m[1]]}{m[2]}", text
    )  # 삼천5백
    text = re.sub(  # "이천 사백 받어": 2천4백 (만 left out), read below as 2,400만
        r"(?<![가-힣\d])([이삼사오육칠팔구]?)천\s*([이삼사오육칠팔구]?)백(?!\s*[만억원])",
        lambda m: f"{SINO.get(m[1], 1)}천{SINO.get(m[2], 1)}백",
        text,
    )
    text = re.sub(r"(?<![가-힣\d])([이삼사오육칠팔구])천(?=\s|[을를이가은는,.]|$)", lambda m: f"{SINO[m[1]]}천", text)
    text = re.sub(  # "일억 오천" (spoken, 만 left out after 억): 1억 5000만
        r"(\d억)\s*([일이삼사오육칠팔구]?천(?:\s*[일이삼사오육칠팔구]?백)?)(?=\s|[을를이가은는에원,.]|$)",
        lambda m: f"{m[1]} {sino_number(m[2].replace(' ', ''))}만",
        text,
    )
    # "1억 2천 5백": the 천 and 백 after 억 are of 만 (1억 2,500만); "1억2에 사서": a bare digit after 억 is its 천만
    text = re.sub(
        r"(\d)\s*억\s*(\d{1,4})\s*천(?:\s*(\d)\s*백)?(?:\s*만)?(?!\s*[만\d])",  # "9억 9천 9백만원" too
        lambda m: f"{m[1]}억 {m[2]}천{m[3] + '백' if m[3] else ''}만",
        text,
    )
    text = re.sub(r"(?<![\d,.])(\d{1,3})억(\d)(?![\d,.]|\s*[천백십만원억조년월일세살명개%])", r"\1억 \2천만", text)
    text = re.sub(r"(?<![\d,.억])(\d)\s*천\s*(\d)\s*백(?!\s*[만억원\d])", r"\1천\2백만", text)  # 3천3백
    text = re.sub(
        r"(?<![\d,.])(\d{1,4})\s*천(?!\s*[만원\d억]|\s*주(?:를|을|가|는|씩|\(|\s|$))", r"\1천만", text
    )  # 6천만원
    text = PAY_IN_HANGUL.sub(pay_in_digits, text)
    text = IMPLIED_MAN.sub(
        lambda m: (
            f"{m['key']}{m['sep'].replace(',', ' ')}{m['n']}{'만원' if len(m['n'].replace(',', '')) <= 5 else '원'}"
        ),
        text,
    )
    text = NATIVE_AGE.sub(native_age, text)
    text = NATIVE_ONES_AGE.sub(lambda m: f"{NATIVE_ONES[m[1]]}살", text)
    text = re.sub(r"\b(?:not|no)\s+([가-힣\d]+)", r"\1 아님", text, flags=re.I)  # "Not 1세대1주택"
    text = plain_spans(text)
    return re.sub(r"(\d)\s*억\s*(\d)\s*천\s*원", r"\1억 \2천만원", text)


TAX_NAMES = {"gift": "증여세", "inheritance": "상속세", "income": "종합소득세", "wage": "근로소득세",
             "salary": "근로소득세", "vat": "부가가치세", "vat-simple": "부가가치세", "transfer": "양도소득세",
             "corporate": "법인세", "penalty": "가산세", "retirement": "퇴직소득세"}  # fmt: skip


def read_question(text: str, as_of: str | date | None = None) -> Reading:
    """Read a Korean question. kind is None when no calculator fits (then `missing` says why).

    The question is read once into typed mentions (taxqa.tax.mentions); the first kind that
    recognises it fills the inputs; then every mention is placed or reported (taxqa.tax.placing)."""
    day = None if as_of is None else parse_as_of(as_of).isoformat()  # a bad date is a UserError
    # "#퇴직금 #1억5천 #근속18년": a list; "5만 달러 … 1달러 1,400원": the amount in won (taxqa.tax.fx)
    text = re.sub(r"(?:^|\s)#(?=[가-힣]|\d[\d,.]*\s*(?:[억만천대살세]|년))", " / ", text).strip(" /")
    text = apply_unit_header(join_label_lines(field_answers(untable(plain_forms(answer_words(plain_digits(text)))))))
    text = with_rate(text)
    clean = dated_months(normalise(text), day)
    reading = Reading(text=text, as_of=day)
    reading.mentions = read_mentions(text, clean)
    clean = drop_corrected(clean, reading)
    uncovered = uncovered_tax(clean)
    if uncovered is not None:
        reading.tax_name = uncovered
        reading.lack(f"이 계산기는 {uncovered}를 계산하지 않습니다 (다른 세금의 계산으로 답하지 않음)")
        return finish(reading)
    has_amount = any(True for _ in iter_amounts(clean)) or any(m.type == "unreadable" for m in reading.mentions)
    asked = asked_tax(clean)
    for kind in sorted(KINDS.values(), key=lambda k: k.order):
        if kind.recognise is None or kind.reader is None or not kind.recognise(clean):
            continue
        if asked is not None and KIND_TAXES.get(kind.name) not in (asked, None) and kind.name != "penalty":
            continue
        reading.kind = kind.name
        if not has_amount and not kind.extra.get("reads_without_amount"):
            reading.lack(f"{kind.subject} 계산에 필요한 금액: {kind.main_fact} (질문에 금액이 없음)")
            break
        kind.reader(clean, reading)
        break
    else:
        reading.lack("어떤 세금을 계산할지 알 수 없음" if has_amount else "금액이 없어 계산할 수 없음")
        flag_follow_up(reading)  # "그럼 3억이면요?": say what it points back at, whatever the tax
    place(reading, reading.mentions)
    reading.tax_name = tax_name_of(reading)
    return finish(reading)


def said_as_none(clean: str, m: re.Match) -> bool:
    """ "의료업이라 부가세는 없고, …": a tax said not to apply, in a statement rather than a question."""
    if not negated(clean, *m.span()):
        return False
    right = CLAUSE_END.search(clean, m.end())
    return bool(
        right and right.group(0) != "?" and not re.search(r"나요|까요|는지|[되있없]나", clean[m.end() : right.start()])
    )


def asked_tax(clean: str) -> str | None:
    """With several taxes named ("증여세랑 상속세 차이도 궁금한데요, 일단 부모님께 2억 받으면 증여세는?"),
    the one named from the last amount on; None when one or no tax is named."""
    named = {name for name, words in NAMED_TAX if any(not said_as_none(clean, m) for m in re.finditer(words, clean))}
    if len(named) == 1 and not named & {"종합소득세", "근로소득세"}:  # "직장인인데 이모가 ... 증여세": 증여세
        return next(iter(named))
    last = list(iter_amounts(clean))
    if len(named) < 2 or not last:
        return None
    left = max([m.end() for m in re.finditer(r"[?!\n]|[.,](?!\d)|는데|지만", clean[: last[-1].start])] or [0])
    tail = {name for name, words in NAMED_TAX if re.search(words, clean[left:])}
    return next(iter(tail)) if len(tail) == 1 else None


def tax_name_of(reading: Reading) -> str | None:
    terms = [m.value for m in reading.mentions if m.type == "term"]
    if reading.kind == "penalty" and reading.inputs.get("limitation"):
        named = [t for t in terms if t not in ("가산세", "국세 부과제척기간")]
        return f"{named[0]} 부과제척기간" if named else "국세 부과제척기간"
    if reading.kind is not None:
        return TAX_NAMES.get(reading.kind, KINDS[reading.kind].subject)
    return terms[0] if terms else None


def finish(reading: Reading) -> Reading:
    if reading.kind is not None and not reading.missing:
        try:
            reading.result = reading.compute()
        except UserError as exc:
            reading.lack(f"계산할 수 없는 값: {exc}")
    kind = KINDS.get(reading.kind) if reading.kind else None
    head = (
        kind.subject
        if kind
        else (f"{reading.tax_name} (계산할 수 없는 질문)" if reading.tax_name else "계산할 수 없는 질문")
    )
    parts = ", ".join(reading.summary)
    reading.understood = f"{head}: {parts}" if parts else head
    return reading


def complete_inputs(kind: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """Every calculator input of `kind`: the given ones, the calculator's defaults for the rest
    (sequences as lists), so two readings compare equal when they compute the same case."""
    import inspect

    params = inspect.signature(KINDS[kind].calculator).parameters
    full = {}
    for name in KINDS[kind].fields:
        value = inputs.get(name, params[name].default if name in params else None)
        full[name] = list(value) if isinstance(value, (tuple, list)) else value
    return full


def ask(text: str | Reading, as_of: str | date | None = None) -> dict[str, Any]:
    """The `taxqa tax ask --json` object: kind, inputs, understood, assumptions, missing, result
    (+ facts, ambiguous, mentions, tax_name). `result` is `taxqa tax KIND --json` for the inputs,
    or None. `missing` also repeats the `ambiguous` lines (a result with either needs checking).
    `text` may be a finished Reading (taxqa.case reads once and keeps both)."""
    reading = text if isinstance(text, Reading) else read_question(text, as_of)
    result = reading.result.to_dict() if reading.computable and reading.result is not None else None
    return {
        "kind": reading.kind if reading.computable else None,
        "inputs": dict(reading.inputs),
        "understood": reading.understood,
        "assumptions": list(reading.assumptions),
        "missing": list(dict.fromkeys(reading.missing + reading.ambiguous)),
        "ambiguous": list(reading.ambiguous),
        "tax_name": reading.tax_name,
        "mentions": [m.to_dict() for m in reading.mentions],
        "result": result,
        "facts": [f.to_dict() for f in reading.facts],
    }


# --- the old interface: a Scenario for computable questions that ask for a figure ----------


@dataclass
class Scenario:
    kind: str
    kwargs: dict[str, Any]
    assumptions: list[str] = field(default_factory=list)

    def compute(self) -> TaxResult:
        from taxqa.tax.compute import compute

        return compute(self.kind, **self.kwargs)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "kwargs": dict(self.kwargs), "assumptions": list(self.assumptions)}


def scenario_from_question(text: str) -> Scenario | None:
    """A computable case in a question that asks for a figure, or None (derived from read_question)."""
    if not ASKS_FIGURE.search(text):
        return None
    reading = read_question(text)
    if not reading.computable:
        return None
    return Scenario(reading.kind, dict(reading.inputs), list(reading.assumptions))
