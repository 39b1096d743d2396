"""Amounts said as a calculation. Written with signs ("(350 − 20) × 12 + 600", "5,800만원에서 소득공제 700 빼면
과세표준"): worked out before the question is read (`worked_sums`), so the readers see the one figure meant. Said in
words ("680만원 중 반만 내고 나머지 반은 늦게", "월 평균임금 420에 근속연수 11을 곱한 금액", "살 때 345, 팔 때 345 … 다
더한 금액"): worked out on the normalised question (`worked_out`, `late_half`). A calculation that cannot be worked
out is flagged, not guessed; an amount the asker cannot recall ("5천이었나 3천이었나") is asked for."""

from __future__ import annotations

import ast
import operator
import re

from taxqa.amounts import format_won, iter_amounts
from taxqa.tax.family import KIN
from taxqa.tax.words import COUNT_WORD, count_value, josa, quoted

# "(350 − 20) × 12 + 600": numbers joined by signs (a "-" or "/" alone is a date or a range, see worked_sums)
EXPRESSION = re.compile(
    r"(?<![\d,.\-])\(?\s*\d[\d,]*(?:\.\d+)?\s*\)?"
    r"(?:\s*[+×xX*÷/−–-]\s*\(?\s*\d[\d,]*(?:\.\d+)?\s*\)?)+(?![\d%])"
)
SIGNS = {"−": "-", "–": "-", "×": "*", "x": "*", "X": "*", "÷": "/"}
OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
UNIT_AFTER = re.compile(r"\s*(?:만\s*원|만|억\s*원|억|천\s*원|원)")

# "사업소득금액 5,800만원에서 소득공제 합계 700 빼면": the first amount less the second
LESS = re.compile(r"에서\s*(?P<what>[^.?!\n\d]{0,16}?)\s*(?P<b>\d[\d,]*(?:\.\d+)?\s*(?:만\s*원|만|원)?)\s*(?:을|를)?\s*"
                  r"(?:빼면|뺀\s*(?:게|금액|거)|빼고\s*나면)")  # fmt: skip
# "5천이었나 3천이었나", "3억인가 4억인가": two figures the asker cannot choose between
UNSURE = re.compile(
    r"(\d[\d,.]*\s*(?:억|천만|백만|만|천)?\s*(?:원)?)\s*(?:이었나|였나|이던가|였던가|인가|이었는지|였는지)\s*,?\s*"
    r"(\d[\d,.]*\s*(?:억|천만|백만|만|천)?\s*(?:원)?)\s*(?:이었나|였나|이던가|였던가|인가|이었는지|였는지)"
)
EARLIER_GIFT = re.compile(r"전(?:에|쯤|에도)|예전|이전|작년|재작년|받은\s*적")


def evaluate(expr: str) -> float | None:
    """The value of a sum written with + − × ÷ and brackets; None when it is not one."""
    text = "".join(SIGNS.get(c, c) for c in expr).replace(",", "")
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError:
        return None

    def value(node) -> float:
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in OPS:
            return OPS[type(node.op)](value(node.left), value(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):  # "(-8000000)": a minus cell
            return -value(node.operand)
        raise ValueError(node)

    try:
        return value(tree)
    except (ValueError, ZeroDivisionError):
        return None


# "(매출 1억 2천 - 매입 7,400) × 10% = 460만원인데": a result the asker worked out and asks to check, no fact of the case
OWN_RESULT = re.compile(
    r"[=＝]\s*(?P<n>\d[\d,.]*\s*(?:억|천|백|만)?[\d,.\s억천백만]*원?)\s*"
    r"(?=(?:이|가)?\s*(?:인데|이던데|이라는데|나오는데|나왔는데|나오던데|맞나요|맞죠|맞아요|맞는지))"
)


def worked_sums(text: str) -> tuple[str, list[str], list[str]]:
    """`text` with each calculation said in it replaced by its result; what was worked out (assumptions) and what
    could not be (unclear), in Korean."""
    worked, unclear = [], []
    for m in reversed(list(OWN_RESULT.finditer(text))):  # "… × 10% = 460만원인데": the asker's own answer, checked
        text = text[: m.start("n")] + " " * len(m["n"]) + text[m.end("n") :]
        worked.append(
            f"'{m['n'].strip()}'은 질문자가 직접 계산해 본 결과로 보고 입력에 넣지 않음 (아래 계산과 비교해 보세요)"
        )
    for m in reversed(list(EXPRESSION.finditer(text))):
        expr = m.group(0).strip()
        if not re.search(r"[+×*÷()−]|\s[-–xX]\s", expr) or expr.count("(") != expr.count(")"):
            continue  # "2024-03-05", "6/15", "3-4억": a date or a range; a bracket left open is an aside ("(350")
        if re.fullmatch(r"[\d,.]+\s*[×xX*]\s*[\d,.]+", expr):
            continue  # "월급 250 × 12개월": the pay and its months, which the readers read as such
        if re.fullmatch(r"\(?\s*\d{1,2}\s*/\s*\d{1,2}\s*\)?", expr.strip()):
            continue  # "절반 지분(1/2)", "지분 1/3": a share, which the readers read as such
        result = evaluate(expr)
        if result is None or result < 0 or result != int(result):
            unclear.append(f"'{expr}' 계산식을 읽을 수 없어 계산에 넣지 않음: 계산한 금액을 알려 주세요")
            text = text[: m.start()] + " " * len(m.group(0)) + text[m.end() :]
            continue
        lead = m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())]
        if re.search(
            r"월급|월\s*급여|매달|매월|한\s*달|(?<![가-힣])월\s*$", text[max(0, m.start() - 10) : m.start()]
        ) and (
            re.search(r"[×xX*]\s*(?:1[0-3]|[1-9])(?![\d,.])", expr)
        ):  # "월급 (350 − 20) × 12 + 600": the months are in the sum, so it is the year's total
            lead += "1년 합계 "
        text = text[: m.start()] + f"{lead}{int(result)} " + text[m.end() :]
        worked.append(f"'{expr}'을 계산해 {int(result):,}(으)로 봄")
    for b in reversed(list(LESS.finditer(text))):
        a = next((x for x in iter_amounts(text) if x.end == b.start()), None)
        if a is None:
            continue
        right = b["b"].replace(" ", "")
        less = int(float(re.match(r"[\d,.]+", right)[0].replace(",", "")))
        if right.endswith("만원") or right.endswith("만"):
            less *= 10_000
        elif not right.endswith("원") and re.search(r"[만억천]", a.text) and less < 10_000:
            less *= 10_000  # "5,800만원에서 … 700 빼면": the second said in the first one's 만원
        if less >= a.value:
            unclear.append(f"'{text[a.start : b.end()]}': 빼는 금액이 더 커서 계산할 수 없음: 금액을 확인해 주세요")
            continue
        result = format_won(a.value - less)
        text = text[: a.start] + f"{result}이 " + text[b.end() :]
        worked.append(f"'{a.text}'에서 {b['what'].strip()} '{b['b'].strip()}'을 빼 {result}으로 봄")
    return text, worked[::-1], unclear[::-1]


def flag_unsure(reading) -> None:
    """ "5천이었나 3천이었나": a figure the asker cannot recall is asked for, not chosen."""
    hit = UNSURE.search(reading.text)
    if hit is None or reading.kind is None:
        return
    if reading.kind == "gift" and EARLIER_GIFT.search(reading.text[max(0, hit.start() - 40) : hit.start()]):
        reading.lack(
            f"'{hit.group(0)}': 이전에 받은 증여 금액이 확실하지 않음 — 10년 안에 같은 사람(부모는 두 분을 한 사람으로)"
            "에게 받은 증여는 합산해 세액을 계산하므로 정확한 금액이 필요합니다"
        )
        return
    reading.lack(f"'{hit.group(0)}': 금액이 확실하지 않음 — 어느 금액인지 정확한 금액이 필요합니다")


# --- calculations said in words ---

# not 반드시, 반납, 반대, 반영, 반환, 반기 (half-year), 위반
HALF = r"(?:(?<![가-힣])|(?<=나머지))(?:절반|반)(?![드납대영환기년월])"
# "반만 내고 나머지 반은 45일 늦게 냈어요", "늦게 낸 그 절반", "절반은 기한 지나서 냈어요": the late part is half
LATE_HALF = re.compile(
    rf"(?:나머지\s*)?{HALF}\s*(?:은|는|을|를|도)?\s*[^.?!\n]{{0,24}}?(?:늦게|지나\S{{0,3}}\s*(?:냈|납부)|못\s*냈|미납)"
    rf"|늦게\s*(?:낸|납부한)\s*(?:그\s*)?{HALF}"
)
ANY_HALF = re.compile(rf"{HALF}(?:만|은|는|을|를|의|씩|도)?(?![가-힣])")


def late_half(text: str, tax, reading, late: bool = True):
    """The tax paid late when the question says only half of `tax` was late; `tax` itself otherwise. A
    half said in a way not read ("반" beside the tax but not of the late part) is flagged, not ignored."""
    said = LATE_HALF.search(text) if late else None
    if said:
        half = tax.value // 2
        reading.assume(f"'{said.group(0).strip()}': 늦게 낸 세액은 {tax.text}의 절반 {format_won(half)}으로 봄")
        return half, f"{tax.text}의 절반"
    if other := ANY_HALF.search(text):
        reading.unclear(
            f"'{other.group(0)}'(절반)이 있지만 세액 {josa(tax.text, '을를')} 그대로 계산함: 가산세가 붙는 세액을 확인해 주세요"
        )
    return tax.value, tax.text


NUMBER = r"(?<![\d,.])\d{1,3}(?:,\d{3})*(?:\.\d+)?"
# "월 평균임금 420에 근속연수 11을 곱한 금액": an amount times a count, the words naming the amount taken with it
PRODUCT = re.compile(
    r"(?P<what>(?<![가-힣])(?:(?:월|연)\s*)?(?:평균\s*)?[가-힣]{0,4}(?:임금|급여|월급|연봉|단가|금액|매출)\s*(?:은|는|이|가)?\s*)?"
    rf"(?P<a>{NUMBER}\s*(?:억|천만|백만|만|천)?\s*(?:원)?)\s*(?:에|에다가?|과|와|하고|이랑)\s*"
    rf"(?:[가-힣]{{1,6}}\s*(?:인|은|는)?\s*)?(?P<n>\d{{1,3}})\s*(?:을|를|이랑|과|와)?\s*(?:곱한|곱하면|곱해서?)\s*(?:금액|값|거|것|게)?"
)
# "… 살 때 345, 팔 때 345 이렇게 각각 들었으니 다 더한 금액": the amounts of the sentence added up
SUM_SAID = re.compile(
    r"(?:다|모두|전부|이걸|그걸|이것을)\s*(?:다\s*)?(?:더한|더하면|합친|합하면|합한)\s*(?:금액|거|것|값|게)?"
)
# the sum said right after the last part: "현금 600 해서 다 더하면"
SUMMED_AFTER = re.compile(r"\s*(?:원)?\s*(?:이|을|를)?\s*(?:해서|하고)?\s*(?:" + SUM_SAID.pattern + ")")
# a bare number that is no amount: a count of years, months, days, people or a share
NOT_AMOUNT = r"\s*(?:년|월|일|개월|달|%|명|살|세(?!금)|번|회|층|평|채|주|배|등|차|기)"


def worked_in(reading, words: str) -> bool:
    """Was `words` (a number of the question) a figure of a calculation `worked_out` did?"""
    return any(words in said for said in reading.worked)


def won(text: str) -> tuple[int, bool] | None:
    """The value of an amount said in digits, and whether its unit was left out (then 만원 is read)."""
    found = next(iter_amounts(text), None)
    if found is not None and re.search(r"[억만천원]", found.text):
        return found.value, False
    digits = re.match(NUMBER, text.strip())
    if digits is None:
        return None
    value = float(digits.group(0).replace(",", ""))
    return (int(value * 10_000), True) if value < 100_000 else (int(value), False)


def padded(words: str, width: int) -> str:
    """`words` in place of a span of `width` letters, padded with blanks so later positions stay."""
    return words + " " * max(0, width - len(words))


def put_total(clean: str, start: int, end: int, total: int, said: str, how: str, reading) -> str:
    """`clean` with its span start:end replaced by `total` in won (padded, so later positions stay), and the
    words kept in `reading.worked` for `worked_in`, the calculation said in the assumptions."""
    reading.worked.append(said)
    reading.assume(f"{quoted(said, '을를')} 계산함: {how}")
    return clean[:start] + padded(f"{total:,}원", end - start) + clean[end:]


EACH_MONTH = re.compile(r"\s*(?:원)?\s*씩\s*(\d{1,2})\s*(?:개월|달|번|회)(?:\s*(?:동안|간|치))?")


def times_worked_out(said: str, parts, reading) -> str:
    """ "카드 월 450씩 12달이랑 현금 600": a part paid each month for a count of months, as its total."""
    for start, end, words in reversed(parts):
        each = EACH_MONTH.match(said, end)
        value = won(words)
        if each is None or value is None:
            continue
        total = value[0] * int(each[1])
        unit = " (만원 단위 생략으로 봄)" if value[1] else ""
        how = f"{format_won(value[0])} × {each[1]} = {format_won(total)}{unit}"
        said = put_total(said, start, each.end(), total, said[start : each.end()].strip(), how, reading)
    return said


# "점포 두 칸 다 월세가 250만 원씩 … 여섯 달 치": a rent for each of several units, over a count of months
RENT_EACH = re.compile(
    rf"(?P<units>{COUNT_WORD})\s*(?:칸|곳|개|호실?|채|점포)\s*(?:다|모두|전부|각각)?\s*(?:월세|월\s*임대료|임대료)\S{{0,2}}\s*"
    rf"(?:(?:각각|모두)\s*)?(?P<a>{NUMBER}\s*(?:천만|백만|만|천)?\s*(?:원)?)\s*씩"
)
MONTHS_SAID = re.compile(rf"(?P<n>{COUNT_WORD})\s*(?:달|개월)\s*(?:치|동안|간)?")


def rent_worked_out(clean: str, reading) -> str:
    """The VAT on rents: the rent each month of each unit times the units and the one count of months said."""
    rent = RENT_EACH.search(clean)
    if rent is None or not re.search(r"부가세|부가가치세", clean):
        return clean
    counts = {count_value(m["n"]) for m in MONTHS_SAID.finditer(clean, rent.end())}
    a = won(rent["a"])
    if len(counts) != 1 or a is None or a[1]:
        return clean  # no count of months, or two: the period amount is left to be asked
    units, months = count_value(rent["units"]), counts.pop()
    total = a[0] * units * months
    how = f"{format_won(a[0])} × {units}곳 × {months}개월 = {format_won(total)}"
    return put_total(clean, rent.start("a"), rent.end(), total, rent.group(0).strip(), how, reading)


def worked_out(clean: str, reading) -> str:
    """The amounts a question says as a calculation in words, computed: a product ("420에 근속연수 11을
    곱한 금액") and a sum ("… 345, 팔 때 345 … 다 더한 금액"). The result stands in the place of the first
    figure; the other figures are blanked; each calculation is said in the assumptions."""
    for m in reversed(list(PRODUCT.finditer(clean))):
        a = won(m["a"])
        if a is None:
            continue
        total = a[0] * int(m["n"])
        unit = " (만원 단위 생략으로 봄)" if a[1] else ""
        how = f"{format_won(a[0])} × {m['n']} = {format_won(total)}{unit}"
        clean = put_total(clean, m.start(), m.end(), total, m.group(0).strip(), how, reading)
    for s in reversed(list(SUM_SAID.finditer(clean))):
        right = re.search(r"[?!\n]|\.(?!\d)|$", clean[s.end() :])
        after = clean[s.end() : s.end() + right.start()]
        if re.search(NUMBER + r"(?![\d,])(?!" + NOT_AMOUNT + ")", after):
            continue  # "1억, 2억 합하면 3억": the total is said
        left = max([x.end() for x in re.finditer(r"[?!\n]|\.(?!\d)", clean[: s.start()])] or [0])
        said = clean[left : s.start()]
        parts = [(x.start, x.end, x.text) for x in iter_amounts(said)]
        parts += [
            (x.start(), x.end(), x.group(0))
            for x in re.finditer(NUMBER, said)
            if not any(p[0] <= x.start() < p[1] for p in parts)
            and not re.match(NOT_AMOUNT, said[x.end() :])
            and not re.search(r"\d\s*(?:년|월)\s*$", said[: x.start()])
        ]
        parts.sort()
        values = [won(p[2]) for p in parts]
        if len(parts) < 2 or None in values:
            continue
        if KIN.search(said):
            continue  # "할아버지가 1억, 아빠가 5천 … 다 더한": whose part is whose is the readers' (donors differ)
        if re.search(r"카드|현금|영수증|세금\s*계산서", said):  # the parts by means of payment are the VAT reader's
            clean = clean[:left] + times_worked_out(said, parts, reading) + clean[s.start() :]
            continue  # "카드 월 450씩 12달이랑 현금 600 다 더하면": each part's months worked out, the sum left
        if any(re.match(r"\s*(?:원)?\s*씩", said[p[1] :]) for p in parts):
            continue  # "카드 월 450씩 12달이랑 현금 600 다 더하면": a period amount among the parts, left to be asked
        if any(v[1] for v in values) and not any(re.search(r"만", p[2]) for p in parts):
            reading.unclear(f"'{said.strip()}': 단위가 없는 금액이 있어 합계를 계산하지 않음: 합계 금액을 알려 주세요")
            continue
        total = sum(v[0] for v in values)
        bare = " (단위 없는 금액은 만원으로 봄)" if any(v[1] for v in values) else ""
        for start, end, _ in reversed(parts[1:]):
            clean = clean[: left + start] + " " * (end - start) + clean[left + end :]
        said_parts = " + ".join(p[2].strip() for p in parts)
        first = parts[0]
        how = f"다 더해 {format_won(total)}{bare}"
        clean = put_total(clean, left + first[0], left + first[1], total, said_parts, how, reading)
    return rent_worked_out(clean, reading)
