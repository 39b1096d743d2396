"""A question read once into typed mentions: amounts (with currency, sign, range, period and an
implied 만 unit), ages, durations, dates and 귀속 years, people (relation, alive or not, giver or
receiver), negations and tax terms. Numbers, units, negations and death verbs are found on
kiwipiepy's morphemes (the analyser is loaded lazily, once per process); won amounts go through
the one amount parser (taxqa.amounts).

The kind readers fill a `Reading` from the normalised question; `taxqa.tax.placing` then marks
which mention became which input (`used_as`) and says what was not placed or cannot be taken as
an exact won amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from taxqa.amounts import iter_amounts, iter_unreadable
from taxqa.tax.alignment import aligner
from taxqa.tax.family import DEATH, role_of
from taxqa.tax.family import mentions as family_mentions
from taxqa.tax.gift_relations import RELATION_OF
from taxqa.tax.negation import negation_mentions
from taxqa.tax.tax_terms import COVERED_TERMS, UNCOVERED
from taxqa.tax.words import NATIVE_AGE, NATIVE_ONES, NATIVE_ONES_AGE, SINO, SINO_UNITS, native_age, sino_number

CURRENCY_WORDS = {"달러": "USD", "불": "USD", "USD": "USD", "유로": "EUR", "EUR": "EUR", "엔": "JPY",
                  "JPY": "JPY", "위안": "CNY", "CNY": "CNY", "파운드": "GBP", "GBP": "GBP", "페소": "PHP",
                  "루피": "INR", "바트": "THB", "루블": "RUB", "프랑": "CHF", "링깃": "MYR", "CAD": "CAD",
                  "AUD": "AUD", "HKD": "HKD"}  # fmt: skip
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "¥": "JPY", "£": "GBP", "￥": "JPY"}
BOUND = r"이상|이하|초과|미만|넘게|넘는|넘어|넘음|넘고|넘었|넘으|이내|언저리|안\s*(?:돼|되|됨|된)|못\s*미|대(?=[이가은는의를]|\s|$)"
APPROX_AFTER = r"\s*(?:원)?\s*(?:정도|쯤|가량|남짓|안팎|내외|전후|대충|언저리|몇\s*[십백천만억]|여(?=\s*(?:원|만|억)))"  # "3억여 원"
APPROX_BEFORE = r"(?:대략|약|대충|얼추|한)\s*$"
# an amount the question gives as a rule or limit, not as a fact of the case ("공제 5억", "12억 이하 비과세")
CONTEXT_BEFORE = re.compile(
    r"(?:공제|한도|면제|기준|비과세|구간|세율|기준금액)\S{0,4}\s*$"
    r"|할부(?:금|값)?\S{0,2}\s*(?:매달|매월|달마다|월)?\s*$"  # "차 할부도 매달 48만원씩": the asker's own payment
)
CONTEXT_AFTER = re.compile(r"^\s*(?:원)?\s*(?:까지|을|를|이|가|은|는)?\s*(?:(?:" + BOUND + r")\s*)?(?:\S{0,3}\s*)?"
                           r"(?:공제|비과세|면제|한도|기준|구간|세율|이면\s*면제)"
                           r"|^\s*(?:원)?\s*(?:이)?라(?:는|고)\s*(?:건|거|것|걸|게)\s*(?:알|들었|배웠)")  # "최소 5억이라는 건 알아요"  # fmt: skip
# "양도가 12억까지고 넘는 부분만 과세된다고 알고 있어요": a limit in a rule the asker says he knows, not a fact
RULE_BOUND = r"\s*(?:원)?\s*(?:까지|이하|초과|미만|이상|넘는|넘으면|넘게)"
RULE_KNOWN = r"[^.?!\n]{0,40}?[다라]고\s*(?:알고\s*있|알아|알았|배웠|들었|하더)"


def rule_said(text: str, end: int) -> bool:
    """Whether the amount ending at `end` is a limit of a rule the asker says he knows or heard."""
    if re.match(RULE_BOUND, text[end : end + 8]) and re.match(RULE_KNOWN, text[end : end + 60]):
        return True
    # "12억 넘는 부분 양도세", "12억 이하라 비과세": the 고가주택 line of the law (소득세법 제89조①3호), not a price
    return bool(re.search(r"(?<![\d,.])12\s*억$", text[max(0, end - 6) : end]) and re.match(HIGH_PART, text[end:]))


HIGH_PART = r"\s*(?:원)?\s*(?:(?:을|이)?\s*(?:넘는|초과(?:하는|한)?|넘어가는)\s*(?:부분|분|금액)|이하\S{0,3}\s*[^.?!\n]{0,20}?비과)"


PERIOD_BEFORE = re.compile(
    r"(?:매달|매월|매년|매주|달마다|해마다|주마다|한\s*달에|(?<![가-힣\d])월)\s*(?:에\s*)?"
    r"(?:(?:임대료|월세|급여|수입|매출|용돈|생활비|이자)\s*(?:은|는|이|가|:)?\s*)?$"
)  # not "3월에 3억"
TAX_PAID = re.compile(
    r"원천징수(?!\s*영수증)|기납부|중간예납|예정신고|예정고지|(?:이미|미리|먼저)\s*(?:\S{0,6}\s*)?(?:냈|낸|내|납부)|떼(?:어|고|인|간|가)"
)
DEATH_STEMS = ("돌아가", "사망", "별세", "타계", "작고", "숨지", "죽", "여의", "사별")


@dataclass
class Mention:
    """One thing the question says: where (start/end in the question), what (type, value), and the
    input it became (`used_as`, None = not placed)."""

    text: str
    start: int
    end: int
    type: str  # amount | unreadable | count | age | duration | date | person | negation | term
    value: Any
    used_as: str | None = None
    clean: str = ""  # an amount as written in the normalised question the readers read
    flags: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type,
                "value": self.value, "used_as": self.used_as}  # fmt: skip


def tokens(text: str) -> list:
    """kiwipiepy morphemes of `text` (form, tag, start, len); the analyser is shared with the corpus."""
    from taxqa.corpus.morph import kiwi

    return kiwi().tokenize(re.sub(r"[\ud800-\udfff]", "\ufffd", text))  # a lone surrogate: same length


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    marks = r"[?!\n]|[.,](?!\d)|는데|지만"
    left = max([m.end() for m in re.finditer(marks, text[:start])] or [0])
    right = re.search(marks, text[end:])
    return left, end + right.start() if right else len(text)


def amount_mentions(text: str, clean: str) -> list[Mention]:
    to_text = aligner(clean, text)
    found: list[Mention] = []
    for a in iter_amounts(clean):
        s, e = to_text(a.start), to_text(a.end, end=True)
        if not re.search(r"\d", text[s:e]) and (same := [m.span() for m in re.finditer(re.escape(a.text), text)]):
            s, e = min(same, key=lambda span: abs(span[0] - s))  # "제가(엄마) 2억을": an aside moved, the span lost
        words = text[s:e] or a.text
        m = Mention(words, s, e, "amount", a.value, clean=a.text)
        before, after = text[max(0, s - 14) : s], text[e : e + 16]
        left, _ = clause_span(text, s, e)
        near = text[max(left, s - 14) : s]
        conversion = re.search(r"\d\s*[조억만천]?\s*원?\s*\(\s*(?:약|대략)?\s*$", before)  # "1억(약 7만 달러)"
        if cur := re.match(r"\s*(?:미국|미|캐나다|호주|홍콩|싱가포르|대만|뉴질랜드)?\s*(" + "|".join(CURRENCY_WORDS)
                           + r")(?:(?![가-힣]{2})|(?=짜리|어치|정도|가량))", after):  # fmt: skip
            m.flags["conversion" if conversion else "currency"] = CURRENCY_WORDS[cur.group(1)]
        elif sign := re.search(r"(US\$|[$€¥£￥])\s*$", before):
            m.flags["currency"] = CURRENCY_SIGNS[sign.group(1)[-1]]
        elif code := re.search(r"(?<![A-Za-z])(USD|EUR|JPY|CNY|GBP|AUD|CAD|HKD)\s*$", before):  # "AUD 5만"
            m.flags["currency"] = code.group(1)
        if re.search(r"(?:(?<![\d가-힣])[-−]|마이너스\s*|적자\s*)$", before):
            m.flags["negative"] = True
        lower = re.match(r"[ \t]*(?:원)?[ \t]*(?:[~∼〜]|-[ \t]*\d|에서\s*\d)", after)  # not "3억\n- 10년 …" (a list)
        upper = re.search(r"\d\s*[천백만억원]?\s*(?:[~∼〜-]|에서)\s*$", before)
        bound = re.match(rf"\s*(?:원)?\s*(?:이|가|을|를|은|는)?\s*(?:조금|좀|약간|살짝|훨씬)?\s*(?:{BOUND})", after)
        # "작년 공급가액 10억 안 됨", "작년 매출 다 합쳐도 3억 안 된다": a bound on last year's figure, a condition of a
        # relief, not this case's amount
        last_year = bound and re.search(
            r"(?:작년|전년|지난\s*해|직전\s*(?:연도|년도|과세기간))\s*(?:\S+\s*){0,3}$", near
        )
        # "작년엔 400이었는데 올해는 520": last year's figure beside this year's, not this case's amount
        last_year = last_year or (
            re.search(r"(?:작년|전년|지난\s*해)\s*(?:에는|엔|에|은|는)?\s*$", near)
            and re.match(r"\s*(?:원)?\s*(?:이었는데|였는데|이던데|인데|이었고|였고)\s*(?:올해|금년)", after)
        )
        # "'12억 넘는 1주택 팔면 양도세 폭탄'이라는 기사": an amount inside a quoted saying, not this case's
        quoted = re.search(r"['‘\"“][^'’\"”]{0,40}$", text[:s]) and re.match(
            r"[^'’\"”]{0,40}['’\"”]\s*(?:이)?라(?:는|고|던)", text[e:]
        )
        # "12억 넘으면 세금 나온다던데": a threshold heard of, not this case's amount
        heard = bound and re.match(
            r"[^.?!\n]{0,30}?(?:[다라]던데|[다라]더라|[다라]고\s*(?:들었|하던))", text[e : e + 44]
        )
        context = conversion or last_year or quoted or heard or rule_said(text, e) or CONTEXT_BEFORE.search(near) or CONTEXT_AFTER.match(after) or (
            re.match(rf"\s*(?:원)?\s*(?:{BOUND})", after) and re.search(r"구간|세율|누진", text[left : e + 30]))  # fmt: skip
        if context:
            m.flags["context"] = True
        elif lower or upper or bound:
            m.flags["range"] = (lower or upper or bound).group(0).strip()
        if not context and (re.match(APPROX_AFTER, after) or re.search(APPROX_BEFORE, near)):
            m.flags["approx"] = (re.match(APPROX_AFTER, after) or re.search(APPROX_BEFORE, near)).group(0).strip()
        elif not context and re.search(
            r"[\d천백십억만]여\s*(?:만\s*)?원?$", words
        ):  # "3억여 원": a little more than 3억
            m.flags["approx"] = "여"
        per = PERIOD_BEFORE.search(near)
        each = re.search(
            r"각각|각자|(?<![가-힣])각\s|명에게|명당|사람당|인당|명한테|두\s*분|둘\s*다|(?<![가-힣])(?:둘|셋|넷)\s*(?:한테|에게|께)",
            text[left:e],
        )
        each_time = re.match(r"\s*(?:원)?\s*(?:\([^()]{0,16}\))?\s*씩", after)  # "월세 300(부가세 별도)씩"
        if not context and (per or (each_time and not each)):  # "차 할부 매달 48만원씩": no fact to count
            m.flags["period"] = (per.group(0).strip() + " " if per else "") + words + ("씩" if each_time else "")
        if m.flags.get("period") and (times := period_count(text, per, e)):
            m.flags["times"] = times
        if not re.search(r"[조억만천백십원]", words) and re.search(r"[억만]", a.text):
            m.flags["implied_unit"] = True
        clause = text[left : e + 20]
        paid_after = re.match(r"\s*(?:원)?\s*(?:을|를|은|는)?\s*(?:이미\s*)?(?:냈|납부했|원천징수|떼)", after)
        if paid_after and re.search(r"연금|보험|이자|월세|보증금|대출|할부|학비|등록금|기부", near):
            paid_after = None  # "국민연금 300만원 냈어요" is not tax paid
        if (TAX_PAID.search(near) or paid_after) and not last_year:
            m.flags["tax_paid"] = True
        elif re.search(r"원천징수(?!\s*영수증)|기납부", clause[: s - left]) and not re.search(r"연봉|급여|월급", near):
            m.flags["tax_paid"] = True
        found.append(m)
    for s, e, words, _reason in iter_unreadable(clean):
        start, end = to_text(s), to_text(e, end=True)
        found.append(Mention(text[start:end] or words, start, end, "unreadable", None, clean=words))
    return found


MONTHS_SAID = re.compile(
    r"^[^?!\n]{0,30}?(?:(?<![\d.])(\d{1,3})\s*(?:개월|달)|(?<![\d.])(\d{1,2})\s*년|(?<![가-힣])(일|한)\s*년)"
    r"\s*(?:동안|간|치|분|내내|을|를|째|받|냈|넣|보내|줬|주|입금)"
)

# the count of months right after the amount and its 씩, ending its clause: "800만원씩(부가세 별도) 6개월,",
# "1,200씩 6개월(공급가액)이고"
MONTHS_RIGHT_AFTER = re.compile(
    r"^\s*(?:원)?\s*씩\s*(?:\([^()]{0,16}\))?\s*,?\s*(\d{1,2})\s*(?:개월|달)(?=\s*(?:\([^()]{0,16}\))?\s*(?:[,.]|이면|이고|이에요|$))"
)


def period_count(text: str, per, end: int) -> int | None:
    """How many times a period amount is paid, from the span said after it in its sentence: "매달 500씩
    1년 동안" 12, "매달 400 … 6개월치" 6, "매년 2천씩 3년간" 3; None when not said or not in the period's unit."""
    said = MONTHS_SAID.match(text[end:])
    right_after = MONTHS_RIGHT_AFTER.match(text[end:])
    if said is None and right_after is not None:  # "한 달에 매출 800만원씩(부가세 별도) 6개월, 매입은 …"
        return int(right_after[1]) if per is None or not re.search(r"매년|해마다", per.group(0)) else None
    times = re.match(
        r"\s*(?:원)?\s*씩\s*(\d{1,2})\s*(?:번|회|차례)", text[end:]
    )  # "매달 500만 원씩 12번": paid that often
    if said is None and times is not None:
        return int(times[1])
    if said is None:
        return None
    months = int(said[1]) if said[1] else None
    years = int(said[2]) if said[2] else (1 if said[3] else None)
    if per is None:  # "월세 300씩 6개월": a count of months says the period
        return months
    if re.search(r"매년|해마다", per.group(0)):
        return years
    return months if months else (years * 12 if years else None)


@dataclass
class NumberToken:
    form: str
    tag: str
    start: int
    len: int


def sino_tokens(text: str, toks: list) -> list:
    """Hangul numerals before a unit of time or age ("이십 년 전에", "근속 삼십 년", "칠 년") as number
    tokens, so they are read like digits; amounts (오천만원) are left to the amount parser."""
    out, i = [], 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j].tag == "NR" and all(c in SINO or c in SINO_UNITS for c in toks[j].form):
            j += 1
        native = NATIVE_ONES.get(toks[i].form) or {"석": 3, "넉": 4, "열": 10}.get(toks[i].form)
        if j == i and native and i + 1 < len(toks) and toks[i + 1].form == "달":  # "두 달", "석 달 뒤에"
            out.append(NumberToken(str(native), "SN", toks[i].start, toks[i].len))
            i += 1
            continue
        if j > i and j < len(toks) and toks[j].form in ("년", "개월", "달", "세", "살"):
            start, end = toks[i].start, toks[j - 1].start + toks[j - 1].len
            number = str(sino_number(text[start:end].replace(" ", "")))
            out.append(NumberToken(number, "SN", start, end - start))
            i = j
            continue
        out.append(toks[i])
        i += 1
    return out


def number_mentions(text: str, toks: list) -> list[Mention]:
    """Ages, durations, dates and 귀속 years, from number morphemes and the unit after them."""
    found: list[Mention] = []
    toks = sino_tokens(text, toks)
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.tag != "SN" or nxt is None or not t.form.isascii() or not t.form.isdigit() or len(t.form) > 6:
            i += 1
            continue
        n, unit = int(t.form), nxt.form
        start, end = t.start, nxt.start + nxt.len
        month_next = i + 3 < len(toks) and toks[i + 2].tag == "SN" and toks[i + 3].form == "월"
        if unit == "년" and n < 100 and month_next:  # "21년 3월": a year written short, not 21 years (N년 M개월)
            n += 2000
        if unit == "년" and n >= 1900:
            value: dict[str, Any] = {"year": n}
            j = i + 2
            if j + 1 < len(toks) and toks[j].tag == "SN" and toks[j + 1].form == "월":
                value["month"] = int(toks[j].form)
                end = toks[j + 1].start + toks[j + 1].len
                j += 2
                if j + 1 < len(toks) and toks[j].tag == "SN" and toks[j + 1].form == "일":
                    value["day"] = int(toks[j].form)
                    end = toks[j + 1].start + toks[j + 1].len
            if re.match(r"\s*(?:도\s*)?(?:귀속|분\s*(?:소득|종합소득))", text[end : end + 8]):
                value["attribution"] = True
            found.append(Mention(text[start:end], start, end, "date", value))
            i += 2
            continue
        if unit in ("명", "분") and n < 100:
            k = i - 1
            while k >= 0 and toks[k].tag.startswith(("J", "XS")):
                k -= 1
            noun = toks[k].form if k >= 0 and toks[k].tag.startswith("NN") and toks[k].start >= start - 6 else None
            found.append(Mention(text[start:end], start, end, "count", {"count": n, "of": noun}))
        elif unit in ("세", "살") and n < 130 or unit == "대" and n in (20, 30, 40, 50, 60, 70, 80, 90):
            found.append(Mention(text[start:end], start, end, "age", n))  # "70대 부모님": at least 70
        elif unit == "일" and i >= 2 and toks[i - 1].form == "월" and toks[i - 2].tag == "SN":
            pass  # "7월 25일까지": a day of a month, not 25 days
        elif unit in ("년", "개월", "달", "일", "주") and n < 100 or unit == "일" and n < 2000:
            value = {"years": n} if unit == "년" else {"months": n} if unit in ("개월", "달") else (
                {"days": n} if unit == "일" else {"days": 7 * n})  # fmt: skip
            j = i + 2
            if unit == "년" and j + 1 < len(toks) and toks[j].tag == "SN" and toks[j + 1].form in ("개월", "달"):
                value["months"] = int(toks[j].form)
                end = toks[j + 1].start + toks[j + 1].len
                i += 2
            elif unit == "년" and re.match(r"\s*반", text[end : end + 2]):
                value["months"] = 6
                end = text.index("반", end) + 1
            rest = text[end : end + 10]
            if re.search(r"\d\s*(?:년|개월)?\s*[~∼〜-]\s*$", text[max(0, start - 6) : start]) or re.match(
                r"\s*[~∼〜]|\s*-\s*\d|\s*(?:이상|이하|넘게|미만(?!\s*(?:은|는)?\s*(?:절상|올림))|초과)", rest
            ):
                value["range"] = True
            if re.match(r"\s*(?:전|前)", rest):
                value["ago"] = True
            elif re.match(r"\s*(?:만에|후|뒤|늦|지연|연체|지나|경과|초과)", rest):
                value["late"] = True
            found.append(Mention(text[start:end], start, end, "duration", value))
        i += 2
    return found


def future_death(before: str, between: str) -> bool:
    """A death said as one to come: "나중에 어머니 돌아가실 때", "어머니가 돌아가시면"."""
    return bool(
        re.search(r"(?:나중에|훗날|앞으로|언젠가)\s*$", before) or re.search(r"(?:돌아가|떠나)시면|사망하면", between)
    )


def person_mentions(text: str, toks: list) -> list[Mention]:
    """Relation words with their category, giver/receiver role and whether they are said to have died
    (a death verb in the person's own predicate: "어머니는 예전에 돌아가셨고", not "배우자와 자녀가 있는
    사람이 사망")."""
    deaths = [t.start for t in toks if t.form.startswith(DEATH_STEMS) and t.tag[:2] in ("VV", "NN", "XR")]
    people = family_mentions(text)
    found = []
    for i, p in enumerate(people):
        _, right = clause_span(text, p.start, p.end)
        stop = min(right, people[i + 1].start if i + 1 < len(people) else right, p.end + 24)
        own = re.match(r"(?:님)?(?:께서|은|는|이|가|도)?(?!\s*(?:와|과|랑|하고))", text[p.end : stop])
        between = text[p.end : stop]
        left_behind = re.match(
            r"(?:님)?\s*(?:을|를)\s*(?:\S+\s*)?(?:남기|남겨|두고)", between
        )  # "세 자녀를 남기고 떠나셨"
        dead = own is not None and not left_behind and not re.match(r"(?:님)?(?:와|과|랑|하고|의)", between) and (
            any(p.end <= d < stop for d in deaths) or bool(re.search(DEATH, between)))  # fmt: skip
        said = re.search(DEATH, between)
        if dead and said and re.search(r"있|계시|살아|생존|건강|정정|건재", between[: said.start()]):
            dead = False  # "자녀 2명이 있는 사람이 사망": the death is another's
        if dead and said and future_death(text[max(0, p.start - 12) : p.start], between):
            dead = False  # "나중에 어머니 돌아가실 때 또 상속세가": a death ahead, the person alive now
        value = {"relation": p.category, "alive": not dead, "role": role_of(text, p) or None}
        if p.category in RELATION_OF:
            found.append(Mention(p.words, p.start, p.end, "person", value))
    return found


def term_mentions(text: str) -> list[Mention]:
    found = []
    for name, words in UNCOVERED + COVERED_TERMS:
        for m in re.finditer(words, text):
            found.append(Mention(m.group(0), m.start(), m.end(), "term", name))
    return found


def read_mentions(text: str, clean: str) -> list[Mention]:
    """Every mention of the question, in order of position."""
    toks = tokens(text)
    found = amount_mentions(text, clean) + number_mentions(text, toks) + negation_mentions(text, toks)
    found += person_mentions(text, toks) + term_mentions(text)
    for m in NATIVE_AGE.finditer(text):  # "나이는 일흔 둘", "마흔다섯 살"
        if (digits := native_age(m)) != m[0]:  # an age, by the words around it (native_age decides)
            found.append(Mention(m[0], m.start("tens"), m.end(), "age", int(digits[len(m["age"] or "") : -1])))
    for m in NATIVE_ONES_AGE.finditer(text):  # "여섯 살이야" (not the ones of "스물 여섯 살")
        if not any(a.type == "age" and a.start < m.end() and m.start() < a.end for a in found):
            found.append(Mention(m[0], m.start(), m.end(), "age", NATIVE_ONES[m[1]]))
    return sorted(found, key=lambda m: (m.start, m.end))


def near(found: list[Mention], text: str, type_: str, keywords: str, width: int = 12) -> Mention | None:
    """The first mention of `type_` with one of `keywords` just before it (within its clause) or just after it.
    A mention the question takes back ("근속 20년.. 아니 21년") stands for the one said after it."""
    for i, m in enumerate(found):
        if m.type != type_:
            continue
        left, right = clause_span(text, m.start, m.end)
        if re.search(keywords, text[max(left, m.start - width) : m.start]) or re.match(
            rf"\s*(?:\S{{0,3}}\s*)?(?:{keywords})", text[m.end : min(right, m.end + width)]
        ):
            if m.flags.get("corrected"):
                return next((x for x in found[i + 1 :] if x.type == type_ and not x.flags.get("corrected")), None)
            return m
    return None
