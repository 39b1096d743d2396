"""Figures said relative to other figures ("산 값의 두 배", "작년(2억) 대비 10% 줄었어요", "4,100에서 300 올랐고",
"8,800만에서 1,200만 모자란 값", "형 대비 50%", "집값의 육분의 일", "어머니보다 4살 위"), worked out on the
normalised question before it is read, so the readers see the one figure meant. The relation is computed only when
its base is one amount beyond doubt (written right before it, or the one amount its reference word names); the
worked-out amount stands in the relation's place and an assumption says how it was computed. A relation left
uncomputed is kept in `reading.relative`, and the net `flag_relative` flags it unless a reader took it in itself:
a figure is never read from the base amount as if the relation were not said."""

from __future__ import annotations

import re
from fractions import Fraction

from taxqa.amounts import AmountMention, format_won, iter_amounts
from taxqa.tax.family import KIN
from taxqa.tax.fractions import SHARE, share_of, share_part
from taxqa.tax.spoken_sums import padded, won
from taxqa.tax.words import COUNT_WORD, KOREAN_COUNTS, NATIVE_ONES, NATIVE_TENS, count_value, quoted, sino_number

EXACT = r"(?:딱|꼭|정확히|약|대략|거의|한)?\s*"
# how many times: "두", "1.5", "마흔", "스물다섯"
TIMES = (
    r"(?P<times>\d{1,3}(?:\.\d+)?|(?:열|스물|서른|마흔|쉰|예순|일흔|여든|아흔)\s*(?:다섯|여섯|일곱|여덟|아홉|하나|한|두|세|네)?"
    r"|다섯|여섯|일곱|여덟|아홉|한|두|세|네)"
)
AMOUNT_WORDS = r"\d[\d,.]*\s*(?:억|천만|백만|만|천)?(?:\s*\d[\d,.]*\s*(?:천만|백만|만|천))?\s*(?:원)?"
PCT = r"(?P<pct>\d{1,2}(?:\.\d+)?)\s*(?:%|퍼센트|프로)"
MORE = r"(?P<more>더|많이|많게|많은|위|높게|넘게)"
LESS = r"(?P<less>덜|적게|적은|작게|낮게|모자라|모자란|부족한|못\s*미치는)"
UP = r"올랐|오른|올라|늘었|늘어난|늘어|인상|증가|더\s*받|뛰었|많아"
DOWN = r"줄었|줄어든|줄어|감소|깎였|깎인|내렸|내린|떨어졌|떨어진|빠진|모자란|모자라|부족한|적어"

# the reference words that name an earlier amount: the words, the label before that amount, the verb after it
REFERENCES = (
    (
        r"(?:그\s*)?(?:산|샀던|사들인)\s*(?:값|가격|금액|돈)|취득\s*가(?:액|격)?|매입\s*가(?:액|격)?",
        r"(?:취득\s*가(?:액|격)?|매입\s*가(?:액|격)?|산\s*(?:값|가격))\S{0,2}\s*(?:[A-Z]\s*)?[=:]?\s*$",
        r"\s*(?:원)?\s*(?:에|을|를)?\s*(?:주고\s*)?(?:[가-힣]{1,6}(?:을|를)\s*)?(?:샀|산(?![가-힣])|사서|매입|구입|취득)",
    ),
    (
        r"(?:그\s*)?(?:판|팔았던)\s*(?:값|가격|금액|돈)|양도\s*가(?:액|격)?|매도\s*가(?:액|격)?",
        r"(?:양도\s*가(?:액|격)?|매도\s*가(?:액|격)?|판\s*(?:값|가격))\S{0,2}\s*(?:[A-Z]\s*)?[=:]?\s*$",
        r"\s*(?:원)?\s*(?:에|을|를)?\s*(?:받고\s*)?(?:[가-힣]{1,6}(?:을|를)\s*)?(?:팔았|판(?![가-힣])|매도|양도)",
    ),
    (r"(?:그\s*)?(?:집\s*값|시세|시가)", r"(?:시세|시가|집\s*값)\S{0,2}\s*(?:는|은|가|이|:)?\s*(?:약\s*)?$", None),
)
REFERENCE = "|".join(f"(?:{words})" for words, _, _ in REFERENCES)
# a person whose own amount is the base: "형 대비 50%", "형이 받은 것의 절반"
PERSON = r"형|누나|오빠|언니|동생|첫째|둘째|셋째|막내|큰아들|작은아들|큰딸|작은딸"
NAMED = rf"(?P<ref>{REFERENCE})|(?P<who>{PERSON})(?:\s*(?:이|가)\s*받은\s*(?:것|거|금액|돈))?"
BASE = rf"(?:{NAMED}|(?P<near>\(?\s*{AMOUNT_WORDS}\s*\)?))"

RELATIONS = (
    # "산 값의 두 배보다 1억 더", "(1억 8천만)의 1.5배", "그 산 값의 딱 마흔 배"
    (
        "times",
        re.compile(
            rf"{BASE}\s*의\s*{EXACT}{TIMES}\s*배(?:\s*(?:보다|에서)\s*(?P<add>{AMOUNT_WORDS})\s*(?:{MORE}|{LESS}))?"
        ),
    ),
    # "작년 1기(2억) 대비 10% 줄었어요"
    (
        "change",
        re.compile(
            rf"{BASE}\s*(?:대비|보다|에\s*비해|에서)\s*{EXACT}{PCT}\s*(?:정도|가량|쯤)?\s*(?:가|이)?\s*(?P<dir>{UP}|{DOWN})"
        ),
    ),
    # "형 대비 딱 50%", "시세 대비 50%"
    (
        "share",
        re.compile(
            rf"{BASE}\s*(?:대비|의)\s*{EXACT}(?P<share>{SHARE})(?!\s*(?:정도|가량|쯤)?\s*(?:가|이)?\s*(?:{UP}|{DOWN}))"
        ),
    ),
    # "4,100만원에서 올해 300 올랐고", "8,800만에서 딱 1,200만 모자란 값"
    (
        "from",
        re.compile(
            rf"(?P<near>{AMOUNT_WORDS})\s*에서\s*(?:[가-힣]{{1,4}}\s+)?{EXACT}(?P<add>{AMOUNT_WORDS})\s*(?:이|가|을|를)?\s*(?P<dir>{UP}|{DOWN})"
        ),
    ),
)


def times_value(word: str) -> Fraction:
    """'두' -> 2, '1.5' -> 3/2, '마흔' -> 40, '스물다섯' -> 25."""
    word = word.replace(" ", "")
    if word[0].isdigit():
        return Fraction(word)
    tens = next((v for k, v in NATIVE_TENS.items() if word.startswith(k)), 0)
    rest = word[len(next((k for k in NATIVE_TENS if word.startswith(k)), "")) :]
    return Fraction(tens + (NATIVE_ONES.get(rest) or KOREAN_COUNTS.get(rest) or 0))


def amount_of(words: str) -> tuple[int, bool] | None:
    """An amount said in digits and whether its unit was left out ("300" beside "4,100만원": 300만원)."""
    return won(words.strip().strip("()").strip())


def named_base(clean: str, m: re.Match) -> AmountMention | None:
    """The one amount a reference word or a person names, outside the relation itself; None when none or several."""
    found = [a for a in iter_amounts(clean) if not (m.start() <= a.start < m.end())]
    if m["who"]:  # "형이 2억 8천만": the amount said of that person
        who = re.compile(rf"(?<![가-힣]){m['who']}\s*(?:이|가|은|는|도|한테는?|에게는?)?\s*(?:[가-힣]+\s+)?$")
        hits = [a for a in found if who.search(clean[max(0, a.start - 12) : a.start])]
    else:
        words = m["ref"]
        for ref, label, verb in REFERENCES:
            if re.fullmatch(ref, words):
                hits = [
                    a
                    for a in found
                    if re.search(label, clean[max(0, a.start - 14) : a.start])
                    or (verb and re.match(verb, clean[a.end : a.end + 12]))
                ]
                break
        else:
            return None
    values = {a.value for a in hits}
    return hits[0] if len(values) == 1 else None


def base_of(clean: str, m: re.Match) -> tuple[int, int] | None:
    """The base amount of a relation: its value and where it ends."""
    if m["near"]:
        said = amount_of(m["near"])
        return (said[0], m.end("near")) if said else None
    a = named_base(clean, m)
    return (a.value, a.end) if a else None


# "그러니까 형이 받은 것의 절반": the figure just worked out, said again another way
RESTATED = re.compile(r"(?:그러니까|그니까|즉|다시\s*말해|말하자면)\s*,?\s*$")
# "아파트(시세 16억) 중 절반 지분": a share said beside the whole's value, which the readers read as such
SHARE_BESIDE = re.compile(rf"\s*(?:원)?\s*\)?\s*(?:의|중(?:에서?)?)?\s*(?:지분\s*(?:의\s*)?)?(?:{SHARE})")


def worked_value(kind: str, m: re.Match, base: int) -> tuple[int, str] | None:
    """The amount a relation says, and how it was computed; None when it cannot be read."""
    if kind == "times":
        times = times_value(m["times"])
        total, how = base * times, f"{format_won(base)} × {float(times):g}"
        if m["add"]:
            add = amount_of(m["add"])
            if add is None or (add[1] and not re.search("[만억]", m.group(0)[: m.start("add") - m.start()])):
                return None  # "1,500,000원의 두 배보다 300 더": a bare figure beside a base in won is not read
            total += add[0] if m["more"] else -add[0]
            how += f" {'+' if m['more'] else '−'} {format_won(add[0])}"
        return int(total), how
    if kind == "change":
        p = Fraction(m["pct"]) / 100
        up = re.fullmatch(UP, m["dir"]) is not None
        total = base * (1 + p if up else 1 - p)
        return int(total), f"{format_won(base)} × (1 {'+' if up else '−'} {m['pct']}%)"
    if kind == "share":
        share = share_of(re.match(SHARE, m["share"]))
        if share is None:
            return None
        return share_part(base, share), f"{format_won(base)} × {m['share'].strip()}"
    add = amount_of(m["add"])  # "from": a bare figure is in the base's 만원 ("4,100만원에서 300 올랐고")
    if add is None or (add[1] and not re.search("[만억]", m["near"])):
        return None
    up = re.fullmatch(UP, m["dir"]) is not None
    if not up and add[0] >= base:
        return None
    return base + add[0] if up else base - add[0], f"{format_won(base)} {'+' if up else '−'} {format_won(add[0])}"


def rewrite(
    clean: str, start: int, end: int, total: int, said: str, how: str, reading, head: str = "", tail: str = ""
) -> str:
    """`clean` with start:end replaced by `total` (the shorter way of writing it, padded so later positions stay)."""
    words = min((f"{total:,}원", format_won(total)), key=len)
    lead = " " if start and clean[start - 1] not in " (\n" else ""
    reading.worked += [said, words]
    reading.assume(f"{quoted(said, '을를')} {format_won(total)}으로 계산 ({how})")
    return clean[:start] + padded(lead + head + words + tail, end - start) + clean[end:]


def open_relation(kind: str, m: re.Match, reading) -> bool:
    """A relation still to work out: not one found uncomputable, nor a share of an amount said beside it ("매출 1억의
    60%": that amount is itself an input, and the share is the readers' to place)."""
    return m.group(0).strip() not in reading.relative and not (kind == "share" and m["near"])


def worked_relations(clean: str, reading) -> str:
    """`clean` with every relation whose base is beyond doubt worked out; the rest kept in `reading.relative`."""
    clean = split_evenly(reported_share(daily_totals(bonus_months(clean, reading), reading), reading), reading)
    values = set()
    for _ in range(8):  # a relation may name an amount another one just worked out ("집값의 육분의 일")
        for kind, pattern in RELATIONS:
            m = next((x for x in pattern.finditer(clean) if open_relation(kind, x, reading)), None)
            if m is None:
                continue
            said = m.group(0).strip()
            base = base_of(clean, m)
            value = worked_value(kind, m, base[0]) if base else None
            if value is None or value[0] <= 0 or (kind == "share" and SHARE_BESIDE.match(clean, base[1])):
                reading.relative.append(said)
                break
            if value[0] in values and RESTATED.search(clean[max(0, m.start() - 8) : m.start()]):
                reading.worked.append(said)
                reading.assume(f"{quoted(said, '은는')} 앞의 {format_won(value[0])}을 다시 말한 것으로 봄")
                clean = clean[: m.start()] + " " * (m.end() - m.start()) + clean[m.end() :]
                break
            values.add(value[0])
            start = m.start("near") if m["near"] else m.start()
            clean = rewrite(clean, start, m.end(), value[0], said, value[1], reading)
            break
        else:
            return clean
    return clean


# "아버지는 어머니(67세)보다 딱 4살 위", "어머니가 67세이고 아버지는 어머니보다 4살 위"
AGE_RELATION = re.compile(
    rf"(?P<who>{KIN.pattern})\s*(?:\(\s*(?:만\s*)?(?P<age>\d{{1,3}})\s*(?:세|살)\s*\))?\s*보다\s*{EXACT}"
    rf"(?P<n>\d{{1,2}}|{COUNT_WORD})\s*살\s*(?:더\s*)?(?P<dir>위|많|연상|아래|어리|어린|적|연하|밑)"
)


def age_relations(reading) -> None:
    """An age said against another person's ("어머니보다 4살 위"), when that person's age is said once, read as an age
    mention of its own (the ages are read from the question as written)."""
    from taxqa.tax.mentions import Mention

    text = reading.text
    for m in AGE_RELATION.finditer(text):
        if m["age"]:
            ages = {int(m["age"])}
        else:
            said = re.compile(rf"(?<![가-힣]){m['who']}\s*(?:이|가|은|는|께서|도)?\s*(?:만\s*)?(\d{{1,3}})\s*(?:세|살)")
            ages = {int(a[1]) for a in said.finditer(text)}
        if len(ages) != 1:
            reading.relative.append(m.group(0).strip())
            continue
        n = count_value(m["n"])
        age = ages.pop() + (n if m["dir"] in ("위", "많", "연상") else -n)
        reading.worked.append(m.group(0).strip())
        reading.assume(f"{quoted(m.group(0).strip(), '을를')} {age}세로 계산")
        reading.mentions.append(Mention(m.group(0), m.start(), m.end(), "age", age))
    reading.mentions.sort(key=lambda x: (x.start, x.end))


def settle(reading) -> None:
    """The amounts worked out here are whole amounts in won: no unit left out, no amount per period."""
    for m in reading.mentions:
        if m.type == "amount" and m.clean.strip() in reading.worked:
            m.flags.pop("implied_unit", None)
            m.flags.pop("period", None)


# "월 350씩 12달, 상여는 두 달치 더": a bonus said in months of pay
BONUS_MONTHS = re.compile(
    rf"(?:상여|보너스)\S{{0,2}}\s*(?:는|은|도)?\s*(?P<n>{COUNT_WORD})\s*(?:달|개월)\s*치(?!\s*(?:포함|들어))\s*(?:더|씩)?"
)  # not "13개월(보너스 한 달치 포함)": the bonus is in the months said
# "설·추석 상여 각 100씩": a bonus for each of the occasions named
BONUS_EACH = re.compile(
    rf"(?P<names>[가-힣]{{1,3}}(?:\s*[·ㆍ,/]\s*[가-힣]{{1,3}})+)\s*(?:상여|보너스|떡값)\S{{0,2}}\s*(?:는|은)?\s*"
    rf"각(?:각)?\s*(?P<a>{AMOUNT_WORDS})\s*씩"
)
MONTHLY = re.compile(r"(?:(?<![가-힣])월|매달|매월|월급|기본급\s*월)\s*(?:급여|월급|기본급)?\S{0,2}\s*$")


def bonus_months(clean: str, reading) -> str:
    """A bonus said in months of the one monthly pay ("상여는 두 달치 더") or for each occasion ("설·추석 상여 각
    100씩") as its amount, so the pay readers add it to the year's pay."""
    for m in reversed(list(BONUS_MONTHS.finditer(clean))):
        pays = {
            a.value for a in iter_amounts(clean[: m.start()]) if MONTHLY.search(clean[max(0, a.start - 8) : a.start])
        }
        if len(pays) != 1:
            reading.relative.append(m.group(0).strip())
            continue
        pay, n = pays.pop(), count_value(m["n"])
        said = m.group(0).strip()
        clean = rewrite(clean, m.start("n"), m.end(), pay * n, said, f"월 {format_won(pay)} × {n}", reading)
    for m in reversed(list(BONUS_EACH.finditer(clean))):
        each = amount_of(m["a"])
        if each is None:
            continue
        n = len(re.split(r"\s*[·ㆍ,/]\s*", m["names"]))
        said = m.group(0).strip()
        total = each[0] * n
        clean = rewrite(clean, m.start(), m.end(), total, said, f"{format_won(each[0])} × {n}번", reading, "상여 ")
    return pay_plus_bonus(clean, reading)


# "하루 평균 20만원씩 삼백 일": an amount each day over a count of days
DAILY = re.compile(
    rf"(?:하루|매일|일당|일\s*평균)\s*(?:에\s*)?(?:평균\s*)?(?P<a>{AMOUNT_WORDS})\s*씩\s*(?P<n>\d{{1,3}}|[일이삼사오육칠팔구십백]+)\s*일(?=\s|[이은는을도간동,.)]|$)"
)


def daily_totals(clean: str, reading) -> str:
    for m in reversed(list(DAILY.finditer(clean))):
        each = amount_of(m["a"])
        days = int(m["n"]) if m["n"].isdigit() else sino_number(m["n"])
        if each is None or not 0 < days <= 366:
            continue
        how = f"{format_won(each[0])} × {days}일"
        clean = rewrite(clean, m.start(), m.end(), each[0] * days, m.group(0).strip(), how, reading)
    return clean


# "신고를 실제 대비 80%만 했더라고요": the tax under-reported is the rest of the tax that was due
REPORTED = re.compile(rf"(?:실제|원래)\S{{0,3}}\s*(?:대비|의|보다)\s*{EXACT}{PCT}\s*만\s*(?:신고|냈|납부|했)")
DUE_TAX = re.compile(r"(?:원래|실제|냈어야\s*할|내야\s*할|정상)\S{0,3}\s*(?:[가-힣]+\s+){0,2}세액\S{0,2}\s*$")


def reported_share(clean: str, reading) -> str:
    """ "신고를 실제 대비 80%만 했더라고요 … 원래 냈어야 할 세액이 2,500만원": the tax due said, a share of it
    reported; the tax left unreported (20%) stands in the tax due's place."""
    m = REPORTED.search(clean)
    if m is None:
        return clean
    due = [a for a in iter_amounts(clean) if DUE_TAX.search(clean[max(0, a.start - 20) : a.start])]
    if len({a.value for a in due}) != 1:
        reading.relative.append(m.group(0).strip())
        return clean
    a, rest = due[0], 100 - Fraction(m["pct"])
    short = int(a.value * rest / 100)
    said = m.group(0).strip()
    reading.worked += [said, a.text, format_won(short)]
    reading.assume(f"{quoted(said, '이가')} 덜 신고한 세액을 {a.text}의 {float(rest):g}% {format_won(short)}으로 계산")
    return clean[: a.start] + padded(format_won(short), a.end - a.start) + clean[a.end :]


# "월 280만원 × 12개월 + 상여 200만원": the year's pay and its bonus (the bonus worked out above), added up
PAY_PLUS_BONUS = re.compile(
    rf"(?:(?:기본급|월급|급여)\s*)?(?:(?<![가-힣])월|매달|매월)\s*(?P<a>{AMOUNT_WORDS})\s*[×xX*]\s*(?P<n>\d{{1,2}})\s*(?:개월|달)?\s*"
    rf"\+\s*(?:상여|보너스)\S{{0,2}}\s*(?P<b>{AMOUNT_WORDS})"
)


def pay_plus_bonus(clean: str, reading) -> str:
    for m in reversed(list(PAY_PLUS_BONUS.finditer(clean))):
        pay, bonus = amount_of(m["a"]), amount_of(m["b"])
        if pay is None or bonus is None:
            continue
        n = int(m["n"])
        how = f"{format_won(pay[0])} × {n} + {format_won(bonus[0])}"
        total = pay[0] * n + bonus[0]
        clean = rewrite(clean, m.start(), m.end(), total, m.group(0).strip(), how, reading, "1년 합계 ")
    return clean


# "손녀 둘한테 똑같이 나눠서 합쳐 2억을 줄 거야 … 큰손녀 하나가 낼 증여세": the one person's part of a total split evenly
SPLIT = re.compile(
    rf"(?P<n>{COUNT_WORD})\s*(?:명|사람)?\s*(?:한테|에게|께)\s*(?:다\s*)?(?:똑같이|똑\s*같이|공평하게|균등하게)\s*"
    rf"(?:나눠|나누어)\s*(?:서)?\s*(?:합쳐|합해서|총|모두|전부)?\s*(?P<a>{AMOUNT_WORDS})"
)
ONE_ASKED = re.compile(r"하나가|하나는|한\s*(?:명|사람)(?:이|당|은)|각자|각각|(?:1\s*)?인당")


def split_evenly(clean: str, reading) -> str:
    for m in reversed(list(SPLIT.finditer(clean))):
        total, n = amount_of(m["a"]), count_value(m["n"])
        if total is None or n < 2 or not ONE_ASKED.search(clean, m.end()):
            reading.relative.append(m.group(0).strip())
            continue
        how = f"{format_won(total[0])} ÷ {n}명"
        start = m.end("n") + len(re.match(r"\s*(?:명|사람)?\s*(?:한테|에게|께)\s*", clean[m.end("n") :])[0])
        clean = rewrite(clean, start, m.end(), total[0] // n, m.group(0).strip(), how, reading, tail="씩")
    return clean
