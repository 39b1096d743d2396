"""Amounts said as a calculation ("(350 − 20) × 12 + 600", "5,800만원에서 소득공제 700 빼면 과세표준") are worked
out before the question is read, so the readers see the one figure meant; a calculation that cannot be worked out
is flagged, not guessed. An amount the asker cannot recall ("5천이었나 3천이었나") is asked for."""

from __future__ import annotations

import ast
import operator
import re

from taxqa.amounts import format_won, iter_amounts

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
        raise ValueError(node)

    try:
        return value(tree)
    except (ValueError, ZeroDivisionError):
        return None


def worked_sums(text: str) -> tuple[str, list[str], list[str]]:
    """`text` with each calculation said in it replaced by its result; what was worked out (assumptions) and what
    could not be (unclear), in Korean."""
    worked, unclear = [], []
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
